/** Module boundaries of architecture.md (C9), enforced in `npm run lint`. */
module.exports = {
  forbidden: [
    { name: 'web-not-server', severity: 'error', comment: 'the web talks to the server only over HTTP',
      from: { path: '^src/web' }, to: { path: '^src/server' } },
    { name: 'shared-is-isomorphic', severity: 'error', comment: 'src/shared has no IO and imports neither side',
      from: { path: '^src/shared' }, to: { path: '^src/(server|web)' } },
    { name: 'rules-are-pure', severity: 'error', comment: '*.rules.ts import only src/shared and other rules',
      from: { path: '\\.rules\\.ts$' }, to: { path: '^src/', pathNot: ['^src/shared', '\\.rules\\.ts$', '\\.definitions\\.ts$'] } },
    { name: 'rules-no-io-packages', severity: 'error', comment: 'rules touch no database, HTTP or file system',
      from: { path: '\\.rules\\.ts$' }, to: { path: 'node_modules/(drizzle-orm|pg|@electric-sql|fastify|node:fs)' } },
    { name: 'module-door', severity: 'error', comment: 'other modules are reached through their index.ts only',
      from: { path: '^src/server/modules/([^/]+)/' }, to: { path: '^src/server/modules/([^/]+)/', pathNot: ['^src/server/modules/$1/', '^src/server/modules/[^/]+/index\\.ts$', '\\.schema\\.ts$'] } },
    { name: 'platform-not-modules', severity: 'error', comment: 'the platform does not depend on business modules (except db/schema.ts, which lists every table for Drizzle)',
      from: { path: '^src/server/platform', pathNot: '^src/server/platform/db/schema\\.ts$' }, to: { path: '^src/server/modules' } },
    { name: 'no-circular', severity: 'warn', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
    exclude: { path: '(__tests__|\\.test\\.ts$)' },
  },
};
