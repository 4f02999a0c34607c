import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ActivityDto, ActivityListQuery, ActivityPage, CallReportDto, CallReportListQuery, CallReportPage, CompleteActivityBody, CompleteTaskBody,
  CreateActivityBody, CreateCallReportBody, CreateTaskBody, SendCallReportBody, TaskDto, TaskListQuery, TaskPage, TaskReminderBody,
  TaskReminderResult, TimelinePage, TimelineQuery, UpdateActivityBody, UpdateCallReportBody,
} from '../../../shared/contracts/activities.contract.js';
import { IdParams } from '../../../shared/contracts/common.contract.js';
import { withErrors } from '../../platform/http/route-helpers.js';
import { completeActivity, createActivity, getActivity, listActivities, updateActivity } from './activities.service.js';
import { createCallReport, getCallReport, listCallReports, sendCallReport, updateCallReport } from './call-reports.service.js';
import { completeTask, createTask, listTasks, runTaskReminderSweep } from './tasks.service.js';
import { customerTimeline, opportunityTimeline } from './timeline.service.js';

/** Activities, call reports (访问报告), tasks (action items) and the customer / opportunity timeline (domain §7.2). */
export const activityRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['activities'];

  app.get('/activities', {
    schema: { tags, summary: 'Activities in my data scope (own / team), filtered, newest first, cursor-paged', querystring: ActivityListQuery, response: withErrors({ 200: ActivityPage }) },
    preHandler: app.authorize('activity:read'),
  }, async (req) => listActivities(req.ctx, req.query));

  app.post('/activities', {
    schema: { tags, summary: 'Log or plan an activity (visit, call, email, meeting, demo, message, task); a done visit/call/meeting/demo counts as a follow-up', body: CreateActivityBody, response: withErrors({ 201: ActivityDto }) },
    preHandler: app.authorize('activity:create'),
  }, async (req, reply) => reply.status(201).send(await createActivity(req.ctx, req.body)));

  app.get('/activities/:id', {
    schema: { tags, summary: 'One activity', params: IdParams, response: withErrors({ 200: ActivityDto }) },
    preHandler: app.authorize('activity:read'),
  }, async (req) => getActivity(req.ctx, req.params.id));

  app.patch('/activities/:id', {
    schema: { tags, summary: 'Edit or cancel a planned activity; send the version you read', params: IdParams, body: UpdateActivityBody, response: withErrors({ 200: ActivityDto }) },
    preHandler: app.authorize('activity:update'),
  }, async (req) => updateActivity(req.ctx, req.params.id, req.body));

  app.post('/activities/:id/complete', {
    schema: { tags, summary: "Mark an activity done with its outcome (a visit or call restarts the customer's pool-recycle clock)", params: IdParams, body: CompleteActivityBody, response: withErrors({ 200: ActivityDto }) },
    preHandler: app.authorize('activity:update'),
  }, async (req) => completeActivity(req.ctx, req.params.id, req.body));

  app.get('/call-reports', {
    schema: { tags, summary: 'Call reports I wrote, my team wrote, or that are addressed to me', querystring: CallReportListQuery, response: withErrors({ 200: CallReportPage }) },
    preHandler: app.authorize('call_report:read'),
  }, async (req) => listCallReports(req.ctx, req.query));

  app.post('/call-reports', {
    schema: { tags, summary: 'Write a call report (TO, CC, message sections, action items); send: true sends it at once', body: CreateCallReportBody, response: withErrors({ 201: CallReportDto }) },
    preHandler: app.authorize('call_report:write'),
  }, async (req, reply) => reply.status(201).send(await createCallReport(req.ctx, req.body)));

  app.get('/call-reports/:id', {
    schema: { tags, summary: 'One call report with its recipients and action items (and their tasks once sent)', params: IdParams, response: withErrors({ 200: CallReportDto }) },
    preHandler: app.authorize('call_report:read'),
  }, async (req) => getCallReport(req.ctx, req.params.id));

  app.patch('/call-reports/:id', {
    schema: { tags, summary: 'Edit a draft call report of mine; send the version you read', params: IdParams, body: UpdateCallReportBody, response: withErrors({ 200: CallReportDto }) },
    preHandler: app.authorize('call_report:write'),
  }, async (req) => updateCallReport(req.ctx, req.params.id, req.body));

  app.post('/call-reports/:id/send', {
    schema: { tags, summary: 'Send a draft: notifies TO and CC in-app and turns the action items into tasks with reminders', params: IdParams, body: SendCallReportBody, response: withErrors({ 200: CallReportDto }) },
    preHandler: app.authorize('call_report:write'),
  }, async (req) => sendCallReport(req.ctx, req.params.id, req.body.version));

  app.get('/tasks', {
    schema: { tags, summary: 'Tasks (action items) in my scope, soonest due first; my open tasks: assignee=me&status=open', querystring: TaskListQuery, response: withErrors({ 200: TaskPage }) },
    preHandler: app.authorize('task:read'),
  }, async (req) => listTasks(req.ctx, req.query));

  app.post('/tasks', {
    schema: { tags, summary: 'Create a standalone task for me or a colleague (they are notified)', body: CreateTaskBody, response: withErrors({ 201: TaskDto }) },
    preHandler: app.authorize('task:write'),
  }, async (req, reply) => reply.status(201).send(await createTask(req.ctx, req.body)));

  app.post('/tasks/:id/complete', {
    schema: { tags, summary: 'Mark a task done (its assignee or its creator)', params: IdParams, body: CompleteTaskBody, response: withErrors({ 200: TaskDto }) },
    preHandler: app.authorize('task:write'),
  }, async (req) => completeTask(req.ctx, req.params.id, req.body.version));

  app.post('/admin/tasks/remind', {
    schema: { tags, summary: 'Run the task reminder sweep as of a day (idempotent: each task reminded once per due date; the scheduler runs it hourly)', body: TaskReminderBody, response: withErrors({ 200: TaskReminderResult }) },
    preHandler: app.authorize('task:remind'),
  }, async (req) => runTaskReminderSweep(req.ctx, req.body.asOf));

  app.get('/customers/:id/timeline', {
    schema: { tags, summary: "A customer's history, newest first: activities, call reports, tasks (each within my data scope)", params: IdParams, querystring: TimelineQuery, response: withErrors({ 200: TimelinePage }) },
    preHandler: app.authorize('activity:read'),
  }, async (req) => customerTimeline(req.ctx, req.params.id, req.query));

  app.get('/opportunities/:id/timeline', {
    schema: { tags, summary: "An opportunity's history, newest first: activities, call reports, tasks and stage changes", params: IdParams, querystring: TimelineQuery, response: withErrors({ 200: TimelinePage }) },
    preHandler: app.authorize('activity:read'),
  }, async (req) => opportunityTimeline(req.ctx, req.params.id, req.query));
};
