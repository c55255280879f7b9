/**
 * The hub as the benchmark runs it: the four subgraphs and our gateway as separate compiled processes on their own
 * ports (so a hub started with `npm start` on the usual ports is left alone), against the benchmark's database.
 */
import { createServer } from 'node:net';
import { join } from 'node:path';
import { findPersona } from '@hub/platform/demo';
import { DevIssuer, loadOrCreateKeyPair } from '@hub/platform/identity';
import { devIssuerKeyFile, eventsSecret, gatewayKeyPair } from '@hub/platform/runtime';
import { SUBGRAPH_NAMES, type SubgraphName } from '@hub/platform/topology';
import { DEFAULT_AUDIENCE, DEV_ISSUER } from '../../gateway/src/config.js';
import { type BenchProcess, ROOT, startProcess } from './processes.js';

export const GATEWAY_PORT = 4100;
export const HIVE_PORT = 4110;
export const SUBGRAPH_PORTS: Record<SubgraphName, number> = { agencies: 4101, cases: 4102, treatment: 4103, reporting: 4104 };
export const BENCH_DATA_DIR = join(ROOT, '.bench', 'data');

export const subgraphUrl = (name: SubgraphName) => `http://127.0.0.1:${SUBGRAPH_PORTS[name]}/graphql`;

/** What every process of the benchmark's hub is started with. */
export function benchEnv(adminUrl: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: adminUrl,
    MIGRATE_ON_START: 'false',
    SEED_DEMO_DATA: 'false',
    HUB_DATA_DIR: BENCH_DATA_DIR,
    GATEWAY_PORT: String(GATEWAY_PORT),
    ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_PORT`, String(SUBGRAPH_PORTS[name])])),
    // Load from one identity is what the benchmark is; the limits that would refuse it are for production callers.
    RATE_LIMIT_PERSON_LOOKUPS: '0',
    RATE_LIMIT_STATISTICS: '0',
    RATE_LIMIT_QUICK_REFERRALS: '0',
    // A 500-row page costs more than a partner's default budget allows; the benchmark measures it anyway.
    HUB_MAX_COST: '10000000',
    HUB_REQUEST_TIMEOUT_MS: '55000',
    HUB_CONSOLE: 'false',
    ...(process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {}),
    ...extra,
  };
}

export interface BenchHub {
  subgraphs: BenchProcess[];
  gateway: BenchProcess;
  token(persona: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startBenchHub(adminUrl: string, progress: (line: string) => void, gatewayEnv: Record<string, string> = {}): Promise<BenchHub> {
  const env = benchEnv(adminUrl);
  // Made once before the processes start, so they read the same keys instead of racing to create them.
  await gatewayKeyPair(env);
  await eventsSecret(env);
  const devKey = await loadOrCreateKeyPair(devIssuerKeyFile(env), 'dev-issuer-1');
  // A process left on one of these ports would answer the health checks in place of the one being started.
  await assertPortsFree([...Object.values(SUBGRAPH_PORTS), GATEWAY_PORT]);
  const started = await Promise.allSettled(
    SUBGRAPH_NAMES.map((name) =>
      startProcess({ name, entry: `subgraphs/${name}/dist/main.js`, env, healthUrl: `http://127.0.0.1:${SUBGRAPH_PORTS[name]}/health`, url: subgraphUrl(name) }),
    ),
  );
  const subgraphs = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    // The ones that did start would otherwise outlive the benchmark and hold their ports.
    await Promise.all(subgraphs.map((s) => s.stop()));
    throw failed.reason;
  }
  progress(`subgraphs running (pids ${subgraphs.map((s) => `${s.name} ${s.pid}`).join(', ')})`);
  const gateway = await startProcess({
    name: 'gateway',
    entry: 'gateway/dist/main.js',
    env: { ...env, ...gatewayEnv },
    healthUrl: `http://127.0.0.1:${GATEWAY_PORT}/health`,
    url: `http://127.0.0.1:${GATEWAY_PORT}/graphql`,
  }).catch(async (error: unknown) => {
    await Promise.all(subgraphs.map((s) => s.stop()));
    throw error;
  });
  progress(`gateway running (pid ${gateway.pid})`);
  const issuer = await DevIssuer.create(devKey.privateJwk, DEV_ISSUER, DEFAULT_AUDIENCE);
  return {
    subgraphs,
    gateway,
    async token(persona) {
      const found = findPersona(persona);
      if (!found) throw new Error(`no persona ${persona}`);
      return issuer.issue(found.actor);
    },
    async stop() {
      await gateway.stop();
      await Promise.all(subgraphs.map((s) => s.stop()));
    },
  };
}

/** Refuses to start when something already listens on a port the benchmark's hub needs. */
export async function assertPortsFree(ports: readonly number[]): Promise<void> {
  const busy: number[] = [];
  for (const port of ports) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (!free) busy.push(port);
  }
  if (busy.length > 0) throw new Error(`port(s) ${busy.join(', ')} on 127.0.0.1 are in use (a hub left from an earlier run?); stop what listens there first`);
}
