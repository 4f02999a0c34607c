import { resolve } from 'node:path';

/** Every environment variable Kairos reads (documented in README). */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  seedDemo: boolean;
  logLevel: string;
  trustProxy: boolean;
  loginRateLimitPerMinute: number;
  webDist: string;
  schedulerEnabled: boolean;
  /** for operators testing upgrades; defaults to the migrations shipped in ./drizzle */
  migrationsDir: string | undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || null,
    dataDir: resolve(env.DATA_DIR ?? './data'),
    seedDemo: (env.SEED_DEMO ?? 'true') !== 'false',
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: env.TRUST_PROXY === 'true',
    loginRateLimitPerMinute: Number(env.LOGIN_RATE_LIMIT ?? 20),
    webDist: resolve(env.WEB_DIST ?? './dist/web'),
    schedulerEnabled: (env.SCHEDULER ?? 'true') !== 'false',
    migrationsDir: env.MIGRATIONS_DIR ? resolve(env.MIGRATIONS_DIR) : undefined,
  };
}
