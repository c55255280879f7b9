import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SUBGRAPH_NAMES, type SubgraphName } from '@hub/platform/topology';

/**
 * Hive Gateway as a child process, in front of the given subgraphs, configured by gateway.config.ts from the
 * environment (see there: keys, issuer, identity rules). It runs Hive's own CLI under this Node (process.execPath),
 * which loads the TypeScript config, and the hub modules it imports, through Hive's own transpiler.
 */
export interface HiveGatewayOptions {
  port: number;
  subgraphUrls: Record<SubgraphName, string>;
  /**
   * Added to this process's environment: keys, AUTH_* settings and the like (see gateway.config.ts). The launcher
   * sets PORT, HUB_HOST=127.0.0.1 and each <NAME>_URL from the other options itself.
   */
  env: Record<string, string>;
  /** How long to wait for /readiness (the supergraph loaded and the server listening); 30 s by default. */
  readyTimeoutMs?: number;
}

export interface RunningHiveGateway {
  /** The GraphQL endpoint. */
  url: string;
  pid: number;
  /** SIGTERM, then SIGKILL if the process has not exited after the grace period. Resolves once it has exited. */
  stop(): Promise<void>;
}

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONFIG_PATH = fileURLToPath(new URL('./gateway.config.ts', import.meta.url));
const SUPERGRAPH_PATH = fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url));
const STOP_GRACE_MS = 5_000;
/** The end of the child's output, for the error when it fails to start. */
const OUTPUT_KEPT = 8_000;

function hiveGatewayBin(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('@graphql-hive/gateway/package.json');
  const { bin } = require('@graphql-hive/gateway/package.json') as { bin: Record<string, string> };
  const path = bin['hive-gateway'];
  if (!path) throw new Error('@graphql-hive/gateway has no hive-gateway bin');
  return join(dirname(manifest), path);
}

export async function startHiveGateway(options: HiveGatewayOptions): Promise<RunningHiveGateway> {
  const origin = `http://127.0.0.1:${options.port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_URL`, options.subgraphUrls[name]])),
    PORT: String(options.port),
    HUB_HOST: '127.0.0.1',
  };
  // Hive's CLI reads these itself, and they would win over the config file.
  for (const variable of ['HOST', 'FORK', 'CONFIG_PATH', 'POLLING']) delete env[variable];
  const child = spawn(process.execPath, [hiveGatewayBin(), 'supergraph', SUPERGRAPH_PATH, '--config-path', CONFIG_PATH], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_KEPT);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // A test runner that dies leaves no gateway behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = async () => {
    process.off('exit', killOnExit);
    await stopChild(child, exited);
  };
  try {
    await waitUntilReady(`${origin}/readiness`, child, options.readyTimeoutMs ?? 30_000);
  } catch (error) {
    await stop();
    throw new Error(`Hive Gateway did not start: ${(error as Error).message}\n${output}`);
  }
  if (child.pid === undefined) throw new Error('Hive Gateway has no pid');
  return { url: `${origin}/graphql`, pid: child.pid, stop };
}

async function waitUntilReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`it exited (${child.exitCode ?? child.signalCode})`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
      await response.body?.cancel();
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const graceOver = new Promise<'grace over'>((resolve) => {
    timer = setTimeout(() => resolve('grace over'), STOP_GRACE_MS);
  });
  const outcome = await Promise.race([exited, graceOver]);
  clearTimeout(timer);
  if (outcome === 'grace over') {
    child.kill('SIGKILL');
    await exited;
  }
}
