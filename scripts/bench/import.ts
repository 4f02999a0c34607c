// Import scenario: `npm run bench -- --db postgres|pglite --import-rows 100000`
// Seeds the demo workspace, then sends one generated customers CSV through the real HTTP API as
// rep1: a dry run, the real import (a background job, polled), and the same file again with
// onDuplicate=skip (every row a duplicate found by the set-based check). Reports rows per second.
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../src/server/app.js';
import { creditCodeCheckChar } from '../../src/server/modules/customers/customers.rules.js';
import { DEMO_PASSWORD, seedDemoWorkspace } from '../../src/server/seed/demo.js';
import type { BenchDatabase } from './database.js';

const brands = ['华辰', '鼎盛', '瑞丰', '恒通', '金桥', '远航', '博雅', '天成', '永信', '嘉禾'];
const cities = ['上海', '北京', '深圳', '杭州', '苏州', '成都', '武汉', '南京', '西安', '厦门'];
const industries = ['制造', '软件', '零售', '医疗', '教育', '金融', '物流', '能源'];

/** `rows` distinct companies as a UTF-8 CSV: name, valid credit code, phone, industry, value class, tags. */
export function customersCsv(rows: number): Buffer {
  const lines = ['客户名称,统一社会信用代码,电话,行业,客户等级,标签'];
  for (let i = 0; i < rows; i++) {
    const first17 = `91${String(310000 + (i % 9000)).padStart(6, '0')}MA${String(i).padStart(7, '0')}`;
    lines.push([
      `${cities[i % 10]}${brands[Math.floor(i / 10) % 10]}${i}号科技有限公司`, first17 + creditCodeCheckChar(first17)!,
      `1${String(3000000000 + i).slice(-10)}`, industries[i % industries.length], 'ABCD'[i % 4], i % 3 === 0 ? '重点,华东' : '',
    ].join(','));
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`);
}

async function login(baseUrl: string, username: string) {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: username, password: DEMO_PASSWORD }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  return res.headers.getSetCookie().find((c) => c.startsWith('kairos_session='))!.split(';')[0]!;
}

export async function runImportScenario(db: BenchDatabase, rows: number, log: (line: string) => void) {
  await seedDemoWorkspace(db.handle);
  const app = await buildApp({ handle: db.handle, loginRateLimitPerMinute: 1_000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  try {
    const cookie = await login(baseUrl, 'rep1');
    const file = customersCsv(rows);
    log(`import scenario: ${rows.toLocaleString('en-US')} customers, ${(file.length / 2 ** 20).toFixed(1)} MB CSV, as rep1 (duplicate check on credit code, normalised name, phone)`);
    const post = async (query: string) => {
      const res = await fetch(`${baseUrl}/api/v1/imports/customers?${query}`, { method: 'POST', headers: { cookie, 'x-requested-with': 'kairos', 'content-type': 'text/csv' }, body: new Uint8Array(file) });
      const body = await res.json() as Record<string, unknown>;
      if (res.status >= 300 && res.status !== 202) throw new Error(`${query}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
      if (res.status !== 202) return body;
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        const job = await (await fetch(`${baseUrl}/api/v1/imports/jobs/${String(body.id)}`, { headers: { cookie } })).json() as { status: string; report: Record<string, unknown> | null; error: string | null };
        if (job.status === 'done') return job.report!;
        if (job.status === 'failed') throw new Error(`job failed: ${job.error}`);
      }
    };
    const results: { step: string; seconds: number; rowsPerSecond: number; cpuSeconds: number; counts: unknown }[] = [];
    for (const [step, query] of [
      ['dry run', 'dryRun=true'],
      ['import (all-or-nothing, one transaction)', 'dryRun=false'],
      ['re-import, every row a duplicate (skip)', 'dryRun=false&onDuplicate=skip'],
    ] as const) {
      const started = performance.now();
      const cpu = process.cpuUsage();
      const report = await post(query);
      const seconds = (performance.now() - started) / 1000;
      // CPU time of this process (server and client; with PGlite the database too): comparable on a busy machine
      const used = process.cpuUsage(cpu);
      const cpuSeconds = (used.user + used.system) / 1e6;
      results.push({ step, seconds, rowsPerSecond: rows / seconds, cpuSeconds, counts: report.counts });
      log(`  ${step}: ${seconds.toFixed(2)} s, ${Math.round(rows / seconds).toLocaleString('en-US')} rows/s, node cpu ${cpuSeconds.toFixed(2)} s, counts ${JSON.stringify(report.counts)}`);
    }
    return results;
  } finally {
    await app.close();
  }
}
