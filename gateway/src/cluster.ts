import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { ConfigError } from '@hub/platform/config';
import { relaySessionActivity } from './identity-policy.js';
import { RateLimiterClusterMaster } from 'rate-limiter-flexible';

type Env = Record<string, string | undefined>;

/**
 * HUB_GATEWAY_WORKERS: how many gateway processes share the port — a number, or `auto` for one per core. Production
 * (NODE_ENV=production) defaults to `auto`; development to 1, one process to debug.
 */
export function readGatewayWorkers(env: Env = process.env): number {
  const raw = env.HUB_GATEWAY_WORKERS || (env.NODE_ENV === 'production' ? 'auto' : '1');
  if (raw === 'auto') return availableParallelism();
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 64) throw new ConfigError('HUB_GATEWAY_WORKERS', 'must be a whole number from 1 to 64, or auto');
  return value;
}

/**
 * The cluster's primary: forks the workers (each a whole gateway on the shared port), keeps what must be counted
 * once for all of them (rate limits, session activity), and stops them with itself. A worker that dies takes the
 * primary with it, so whoever supervises the gateway (npm start, systemd, Kubernetes) restarts it as one process.
 */
export function runClusterPrimary(workers: number, log: (line: string) => void = console.log): void {
  new RateLimiterClusterMaster();
  relaySessionActivity();
  let stopping = false;
  let exitCode = 0;
  for (let i = 0; i < workers; i += 1) cluster.fork();
  log(`[gateway] cluster of ${workers} workers (HUB_GATEWAY_WORKERS)`);
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
      return;
    }
    log(`[gateway] worker ${worker.process.pid} stopped (${signal ?? code}); stopping the gateway so it is restarted whole`);
    stop(1);
  });
  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    setTimeout(() => process.exit(code), 10_000).unref();
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(code);
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  process.on('disconnect', () => stop(0));
}
