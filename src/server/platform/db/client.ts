import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { sql } from 'drizzle-orm';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import * as schema from './schema.js';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything a repository can run a query on: the database or an open transaction. */
export type Executor = Database | Tx;
export type DbKind = 'pglite' | 'postgres';

export interface DbHandle {
  db: Database;
  kind: DbKind;
  close(): Promise<void>;
}

export const migrationsFolder = fileURLToPath(new URL('../../../../drizzle', import.meta.url));

export type DbConfig =
  | { kind: 'postgres'; url: string; poolSize?: number; onIdleError?: (error: Error) => void }
  | { kind: 'pglite'; dataDir: string | null }; // null = in memory

/** Opens PostgreSQL (node-postgres) or the embedded PGlite; both speak the same schema. */
export async function openDatabase(config: DbConfig): Promise<DbHandle> {
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.url, max: config.poolSize ?? 10 });
    // An idle connection that the server closes (restart, failover, DROP … FORCE) must not crash the
    // process: the pool discards it and opens a new one on the next query.
    pool.on('error', (error) => { if (config.onIdleError) config.onIdleError(error); });
    await pool.query('select 1');
    const db = drizzlePg(pool, { schema }) as unknown as Database;
    return { db, kind: 'postgres', close: () => pool.end() };
  }
  // pg_trgm: the search box's trigram indexes (the migration creates the extension)
  const extensions = { pg_trgm };
  const client = config.dataDir ? new PGlite(config.dataDir, { extensions }) : new PGlite({ extensions });
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return { db, kind: 'pglite', close: () => client.close() };
}

/**
 * Applies pending drizzle-kit migrations in one transaction: a failing migration leaves the database
 * as it was. On PostgreSQL an advisory lock keeps two starting nodes from migrating at once.
 */
export async function migrateDatabase(handle: DbHandle, folder: string = migrationsFolder): Promise<void> {
  if (handle.kind === 'postgres') {
    await handle.db.execute(sql`select pg_advisory_lock(727274)`);
    try {
      await migratePg(handle.db as never, { migrationsFolder: folder });
    } finally {
      await handle.db.execute(sql`select pg_advisory_unlock(727274)`);
    }
    return;
  }
  await migratePglite(handle.db as never, { migrationsFolder: folder });
}
