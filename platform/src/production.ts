import { ConfigError, readBoolean } from './config.js';
import { subgraphDatabaseUrlVariable, type SubgraphName } from './topology.js';

type Env = Record<string, string | undefined>;

export function isProduction(env: Env = process.env): boolean {
  return env.NODE_ENV === 'production';
}

/** Passwords the hub uses on its own in development (the embedded server's, the roles' default): never in production. */
const DEVELOPMENT_PASSWORDS = new Set(['postgres', 'hub-dev-only']);

function refuseDevelopmentPassword(variable: string, env: Env): void {
  const raw = env[variable];
  if (!raw) return;
  let password = '';
  try {
    password = decodeURIComponent(new URL(raw).password);
  } catch {
    return; // readUrl reports a malformed URL with its own message
  }
  if (DEVELOPMENT_PASSWORDS.has(password)) throw new ConfigError(variable, 'uses a development password; set the database role’s own password when NODE_ENV is production');
}

/**
 * What a subgraph process refuses in production, each naming its variable: the development keys and secrets
 * the hub would otherwise make for itself, the default role password, and demo data.
 */
export function checkSubgraphProductionSettings(name: SubgraphName, env: Env = process.env): void {
  if (!isProduction(env)) return;
  if (!env.HUB_GATEWAY_PUBLIC_JWK) throw new ConfigError('HUB_GATEWAY_PUBLIC_JWK', 'is required when NODE_ENV is production (never a key the hub makes for itself)');
  if (!env.HUB_EVENTS_SECRET) throw new ConfigError('HUB_EVENTS_SECRET', 'is required when NODE_ENV is production (never a secret the hub makes for itself)');
  const ownUrl = subgraphDatabaseUrlVariable(name);
  if (env[ownUrl]) refuseDevelopmentPassword(ownUrl, env);
  else {
    refuseDevelopmentPassword('DATABASE_URL', env);
    if (!env.HUB_DB_ROLE_PASSWORD || DEVELOPMENT_PASSWORDS.has(env.HUB_DB_ROLE_PASSWORD)) {
      throw new ConfigError('HUB_DB_ROLE_PASSWORD', `is required when NODE_ENV is production and ${ownUrl} is not set (not the development default)`);
    }
  }
  demoDataWanted(env, false);
}

/** SEED_DEMO_DATA, refused in production: demo people and deflections must never mix with real ones. */
export function demoDataWanted(env: Env, fallback: boolean): boolean {
  if (!isProduction(env)) return readBoolean('SEED_DEMO_DATA', fallback, env);
  if (readBoolean('SEED_DEMO_DATA', false, env)) throw new ConfigError('SEED_DEMO_DATA', 'must not be true when NODE_ENV is production (demo data is for development)');
  return false;
}

/** `npm start` in production: a real database, never the embedded one. */
export function checkHubProductionSettings(env: Env = process.env): void {
  if (!isProduction(env)) return;
  if (!env.DATABASE_URL) throw new ConfigError('DATABASE_URL', 'is required when NODE_ENV is production (the embedded PostgreSQL is for development only)');
  refuseDevelopmentPassword('DATABASE_URL', env);
  demoDataWanted(env, false);
}
