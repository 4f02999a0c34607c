import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { setupTestApp } from './harness.js';

const t = await setupTestApp();

interface Schema { $ref?: string; example?: unknown; [key: string]: unknown }
interface Parameter { in: string; name: string; required?: boolean; example?: unknown; schema?: Schema }
interface Operation {
  summary?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
  responses: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }>;
}
interface OpenApiDoc { openapi: string; info: { title: string }; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } }

const documented = await t.anonymous.get('/api/openapi.json');
const doc = documented.json() as OpenApiDoc;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
  Object.entries(ops).filter(([method]) => METHODS.includes(method)).map(([method, op]) => ({ path, method, op, name: `${method.toUpperCase()} ${path}` })));
const apiOperations = operations.filter((o) => o.path.startsWith('/api/v1/'));

/** Commands that take no body by design (the path says everything). */
const BODYLESS_COMMANDS = new Set(['POST /api/v1/auth/logout', 'POST /api/v1/notifications/{id}/read', 'POST /api/v1/notifications/read-all', 'DELETE /api/v1/auth/tokens/{id}']);
const ERROR_STATUSES = ['400', '401', '403', '404', '409', '422', '429', '500'];

/** Every route Fastify serves under /api/v1, as `METHOD /path/{param}` (parsed from the route tree). */
function servedRoutes(): string[] {
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of t.app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ]*)(?:├── |└── )(.+?)(?: \(([^)]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    stack.length = depth;
    stack.push(match[2]!);
    const path = stack.join('').replace(/:(\w+)/g, '{$1}');
    if (!path.startsWith('/api/v1/') || !match[3]) continue;
    for (const method of match[3].split(',').map((m) => m.trim()).filter((m) => m !== 'HEAD')) routes.push(`${method} ${path}`);
  }
  return routes.sort();
}

describe('GET /api/openapi.json', () => {
  it('serves an OpenAPI 3.1 document without authentication', () => {
    expect(documented.statusCode).toBe(200);
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.info.title).toBe('Kairos API');
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Error', 'Approval', 'Policies', 'AuditEntry', 'Webhook']));
  });

  it('documents every /api/v1 route the server answers', () => {
    const served = servedRoutes();
    expect(served.length).toBeGreaterThan(30);
    expect(served).toEqual(expect.arrayContaining(['GET /api/v1/approvals', 'POST /api/v1/approvals/{id}/approve', 'PATCH /api/v1/settings/policies']));
    const names = apiOperations.map((o) => o.name);
    expect(served.filter((r) => !names.includes(r))).toEqual([]);
  });

  it('gives every /api/v1 operation a summary, a tag and a schema for each success response', () => {
    const problems: string[] = [];
    for (const { name, op } of apiOperations) {
      if (!op.summary) problems.push(`${name}: no summary`);
      if (!op.tags?.length) problems.push(`${name}: no tag`);
      const success = Object.keys(op.responses).filter((s) => s.startsWith('2'));
      if (success.length === 0) problems.push(`${name}: no 2xx response`);
      for (const status of success) {
        if (status === '204') continue;
        const media = Object.values(op.responses[status]!.content ?? {});
        if (media.length === 0 || media.some((m) => !m.schema)) problems.push(`${name}: ${status} has no schema`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('documents the one error shape of api.md on every /api/v1 operation, 500 included', () => {
    expect(doc.components.schemas.Error).toMatchObject({ type: 'object', required: ['error'] });
    const problems: string[] = [];
    for (const { name, op } of apiOperations) {
      for (const status of ERROR_STATUSES) {
        const schema = op.responses[status]?.content?.['application/json']?.schema;
        if (schema?.$ref !== '#/components/schemas/Error') problems.push(`${name}: ${status}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives every command a JSON request body schema, except those that take no body by design', () => {
    const problems: string[] = [];
    for (const { name, method, op } of apiOperations) {
      if (method === 'get') continue;
      // JSON, multipart, or a raw file (imports: text/csv, xlsx)
      const schema = op.requestBody?.content['application/json']?.schema ?? Object.values(op.requestBody?.content ?? {})[0]?.schema;
      if (BODYLESS_COMMANDS.has(name)) {
        if (op.requestBody) problems.push(`${name}: documented as body-less but has a body`);
      } else if (!schema) {
        problems.push(`${name}: no request body schema`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('declares every path parameter with a schema and an example, and every query parameter with a schema', () => {
    const problems: string[] = [];
    for (const { name, path, op } of apiOperations) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = (op.parameters ?? []).filter((p) => p.in === 'path');
      if (declared.map((p) => p.name).sort().join() !== inPath.sort().join()) problems.push(`${name}: path parameters ${declared.map((p) => p.name).join()} ≠ ${inPath.join()}`);
      for (const p of op.parameters ?? []) {
        if (!p.schema) problems.push(`${name}: ${p.in} ${p.name} has no schema`);
        if (p.in === 'path' && p.example === undefined && p.schema?.example === undefined) problems.push(`${name}: path ${p.name} has no example`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('passes `redocly lint` without errors (warnings allowed)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kairos-openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      await writeFile(file, documented.body);
      const cli = fileURLToPath(new URL('../node_modules/@redocly/cli/bin/cli.js', import.meta.url));
      const { stdout } = await promisify(execFile)(process.execPath, [cli, 'lint', file, '--format=json'], {
        cwd: dir, timeout: 120_000, maxBuffer: 32 * 1024 * 1024,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NODE_ENV: 'test' },
      }).catch((error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: error.stderr }));
      const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as { totals: { errors: number; warnings: number }; problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[] };
      const errors = report.problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`);
      expect(errors).toEqual([]);
      expect(report.totals.errors).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('/api/docs', () => {
  it('serves the browsable API page as HTML', async () => {
    let res = await t.anonymous.get('/api/docs');
    if (res.statusCode >= 300 && res.statusCode < 400) res = await t.anonymous.get(String(res.headers.location));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toMatch(/swagger/i);
  });
});
