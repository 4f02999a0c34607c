// `npm start`: build the web UI when it is missing or older than its sources, then run the server.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const index = 'dist/web/index.html';
const stale = !existsSync(index) || (existsSync('src/web') && newestMtime('src/web') > statSync(index).mtimeMs) ||
  newestMtime('src/shared') > statSync(index).mtimeMs;
if (stale && existsSync('src/web') && existsSync('index.html')) {
  console.log('Building the web UI (first start or sources changed)…');
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const server = spawnSync('npx', ['tsx', 'src/server/main.ts'], { stdio: 'inherit' });
process.exit(server.status ?? 0);
