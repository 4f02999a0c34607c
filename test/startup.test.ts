import { sql } from 'drizzle-orm';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockDataDir } from '../src/server/platform/db/data-dir-lock.js';
import { migrateDatabase, migrationsFolder } from '../src/server/platform/db/client.js';
import { createTestDatabase } from './harness.js';

const temps: string[] = [];
const tempDir = (prefix: string) => { const d = mkdtempSync(join(tmpdir(), prefix)); temps.push(d); return d; };
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the shipped migrations plus one that creates a table and then fails. */
function brokenMigrations(): string {
  const dir = tempDir('kairos-mig-');
  cpSync(migrationsFolder, dir, { recursive: true });
  writeFileSync(join(dir, '9999_broken.sql'), 'CREATE TABLE half_written (id int);\n--> statement-breakpoint\nSELECT no_such_function();\n');
  const journal = JSON.parse(readFileSync(join(dir, 'meta/_journal.json'), 'utf8'));
  journal.entries.push({ idx: journal.entries.length, version: '7', when: 4102444800000, tag: '9999_broken', breakpoints: true });
  writeFileSync(join(dir, 'meta/_journal.json'), JSON.stringify(journal));
  return dir;
}

describe('migrations', () => {
  it('a failing migration is rolled back whole: its half-created table does not exist afterwards', async () => {
    const handle = await createTestDatabase();
    try {
      await expect(migrateDatabase(handle, brokenMigrations())).rejects.toThrow();
      const rows = await handle.db.execute(sql`select to_regclass('public.half_written') as t`);
      const first = (rows as unknown as { rows: { t: string | null }[] }).rows[0];
      expect(first?.t).toBeNull();
      // the database still works with the schema it had
      const users = await handle.db.execute(sql`select count(*)::int as n from users`);
      expect((users as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(0);
    } finally {
      await handle.close();
    }
  });
});

describe.runIf(process.env.KAIROS_TEST_DB !== 'postgres')('embedded database folder', () => {
  it('refuses a second process on the same data folder with a message saying what to do', async () => {
    const dir = tempDir('kairos-data-');
    const release = await lockDataDir(dir);
    try {
      await expect(lockDataDir(dir)).rejects.toThrow(/Another Kairos process is already using the embedded database/);
    } finally {
      await release();
    }
    const again = await lockDataDir(dir);
    await again();
  });

  it('the server refuses to start when a migration fails, and says the database is unchanged', () => {
    const result = spawnSync('npx', ['tsx', 'src/server/main.ts'], {
      env: { ...process.env, DATA_DIR: tempDir('kairos-start-'), MIGRATIONS_DIR: brokenMigrations(), PORT: '0', SCHEDULER: 'false' },
      encoding: 'utf8', timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/migration failed and was rolled back, the database is unchanged/);
  });
});
