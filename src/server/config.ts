import { resolve } from 'node:path';

/** Where the visit-plan map's tiles come from; intranets set their own tile server (the map works without tiles). */
export interface MapConfig {
  /** tile URL template with `{z}/{x}/{y}` (env KAIROS_MAP_TILE_URL) */
  tileUrl: string;
  /** the credit line shown on the map (env KAIROS_MAP_ATTRIBUTION) */
  attribution: string;
}

export const DEFAULT_MAP_CONFIG: MapConfig = {
  tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  attribution: '© OpenStreetMap contributors',
};

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
  map: MapConfig;
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
    map: {
      tileUrl: env.KAIROS_MAP_TILE_URL || DEFAULT_MAP_CONFIG.tileUrl,
      attribution: env.KAIROS_MAP_ATTRIBUTION || DEFAULT_MAP_CONFIG.attribution,
    },
    migrationsDir: env.MIGRATIONS_DIR ? resolve(env.MIGRATIONS_DIR) : undefined,
  };
}
