/** What other web modules use from activities: the timeline for customer and opportunity detail pages. */
export { ActivityTimeline } from './components/activity-timeline';
export { activityRoutes } from './routes';
