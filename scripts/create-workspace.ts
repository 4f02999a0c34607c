// npm run create-workspace -- --name "某某科技有限公司" --admin admin@example.com [--admin-name 管理员] [--password …] [--time-zone Asia/Shanghai]
// Creates a real (empty) workspace and its first administrator on the configured database.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/server/config.js';
import { lockDataDir } from '../src/server/platform/db/data-dir-lock.js';
import { migrateDatabase, openDatabase } from '../src/server/platform/db/client.js';
import { createWorkspace } from '../src/server/platform/org/workspace.service.js';

const { values } = parseArgs({
  options: {
    name: { type: 'string' }, admin: { type: 'string' }, 'admin-name': { type: 'string' },
    password: { type: 'string' }, 'time-zone': { type: 'string' },
  },
});
if (!values.name || !values.admin) {
  console.error('usage: npm run create-workspace -- --name "公司名称" --admin <username or e-mail> [--admin-name 姓名] [--password …] [--time-zone Asia/Shanghai]');
  process.exit(2);
}
const config = loadConfig();
const unlock = config.databaseUrl ? null : await lockDataDir(config.dataDir);
const handle = await openDatabase(config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir });
try {
  await migrateDatabase(handle);
  const password = values.password ?? randomBytes(12).toString('base64url');
  const isEmail = values.admin.includes('@');
  const { workspaceId } = await createWorkspace(handle.db, {
    name: values.name, timeZone: values['time-zone'],
    admin: { username: values.admin, email: isEmail ? values.admin : undefined, name: values['admin-name'] ?? '系统管理员', password },
  });
  console.log(`Workspace “${values.name}” created (${workspaceId}) on ${handle.kind}.`);
  console.log(`First administrator: login ${values.admin}${values.password ? '' : `, password ${password} (change it after the first sign-in)`}`);
} catch (error) {
  console.error(`Could not create the workspace: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await handle.close();
  await unlock?.();
}
