import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { JWK } from 'jose';
import { ConfigError, exitOnConfigError, readBoolean, readJson, readString, readUrl } from './config.js';
import { ensureRoles, ensureSchemas, roleUrl, subgraphDatabase } from './db/roles.js';
import { loadOrCreateKeyPair, type SigningKeyPair } from './identity/keys.js';
import { checkSubgraphProductionSettings, demoDataWanted } from './production.js';
import { prepareSubgraphData, sealSubgraphTables, runSubgraph, type SubgraphDefinition } from './subgraph.js';
import { subgraphDatabaseUrlVariable, type SubgraphName } from './topology.js';

type Env = Record<string, string | undefined>;

/** Where the hub keeps what it makes for itself in development: the embedded database and its keys. */
export function dataDirectory(env: Env = process.env): string {
  return resolve(readString('HUB_DATA_DIR', '.hub-data', env));
}

const DEFAULT_ROLE_PASSWORD = 'hub-dev-only';

export function rolePassword(env: Env = process.env): string {
  return readString('HUB_DB_ROLE_PASSWORD', DEFAULT_ROLE_PASSWORD, env);
}

/** A subgraph's own connection: `<NAME>_DATABASE_URL`, else its role on the server named by DATABASE_URL. */
function subgraphConnectionUrl(name: SubgraphName, env: Env = process.env): string {
  const own = readUrl(subgraphDatabaseUrlVariable(name), env, ['postgres:', 'postgresql:']);
  if (own) return own.toString();
  const admin = readUrl('DATABASE_URL', env, ['postgres:', 'postgresql:']);
  if (!admin) throw new ConfigError(subgraphDatabaseUrlVariable(name), 'or DATABASE_URL is required');
  return roleUrl(admin.toString(), subgraphDatabase(name), rolePassword(env));
}

function gatewayKeyFile(env: Env = process.env): string {
  return resolve(dataDirectory(env), 'keys', 'gateway-internal.json');
}

export function devIssuerKeyFile(env: Env = process.env): string {
  return resolve(dataDirectory(env), 'keys', 'dev-issuer.json');
}

export async function gatewayKeyPair(env: Env = process.env): Promise<SigningKeyPair> {
  const configured = readJson<SigningKeyPair['privateJwk']>('HUB_GATEWAY_SIGNING_JWK', env);
  if (configured) {
    const { d: _private, ...publicJwk } = configured;
    return { kid: configured.kid ?? 'gateway', privateJwk: configured, publicJwk };
  }
  return loadOrCreateKeyPair(gatewayKeyFile(env), 'gateway-1');
}

/** Subgraphs only need the gateway's public key: from HUB_GATEWAY_PUBLIC_JWK, else the development key file. */
async function gatewayPublicJwk(env: Env = process.env): Promise<JWK> {
  const configured = readJson<JWK>('HUB_GATEWAY_PUBLIC_JWK', env);
  if (configured) return configured;
  return (await gatewayKeyPair(env)).publicJwk;
}

/** The shared secret that authenticates event deliveries between subgraphs (HUB_EVENTS_SECRET, else a dev file). */
export async function eventsSecret(env: Env = process.env): Promise<string> {
  const configured = env.HUB_EVENTS_SECRET;
  if (configured) {
    if (configured.length < 32) throw new ConfigError('HUB_EVENTS_SECRET', 'must be at least 32 characters');
    return configured;
  }
  const file = resolve(dataDirectory(env), 'keys', 'events-secret.txt');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = randomBytes(32).toString('base64url');
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * How every hub process stops: on SIGINT or SIGTERM, and when the parent that started it with an IPC channel
 * (`npm start`) goes away — so no orphan is left behind. `stop` runs once, then the process exits.
 */
export function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  const once = async () => {
    if (stopping) return;
    stopping = true;
    await stop();
    process.exit(0);
  };
  process.on('SIGINT', once);
  process.on('SIGTERM', once);
  process.on('disconnect', once);
}

/** Runs one subgraph as its own process: `npm run start:subgraph -- <name>`. Stops cleanly on SIGINT/SIGTERM. */
export async function runStandalone<C extends object>(definition: SubgraphDefinition<C>, env: Env = process.env): Promise<void> {
  try {
    checkSubgraphProductionSettings(definition.name, env);
    const databaseUrl = subgraphConnectionUrl(definition.name, env);
    const admin = readUrl('DATABASE_URL', env, ['postgres:', 'postgresql:']);
    if (admin && !env[subgraphDatabaseUrlVariable(definition.name)]) {
      // Given an admin connection, a subgraph started alone provisions its own schema and role, as `npm start` does.
      const database = subgraphDatabase(definition.name);
      await ensureRoles(admin.toString(), [database], rolePassword(env));
      await ensureSchemas(admin.toString(), [database]);
    }
    const running = await runSubgraph(definition, {
      databaseUrl,
      gatewayKey: await gatewayPublicJwk(env),
      host: readString('HUB_HOST', '127.0.0.1', env),
      env,
    });
    if (readBoolean('MIGRATE_ON_START', true, env)) {
      await prepareSubgraphData(definition, running.orm, { seed: demoDataWanted(env, false) });
      if (admin) await sealSubgraphTables(admin.toString(), definition);
    }
    console.log(`[${definition.name}] subgraph ready at ${running.server.url}/graphql`);
    stopOnSignals(() => running.stop());
  } catch (error) {
    try {
      exitOnConfigError(error);
    } catch {
      console.error(`[${definition.name}] could not start: ${(error as Error).message}`);
      process.exit(1);
    }
  }
}
