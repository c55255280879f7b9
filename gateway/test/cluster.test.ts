import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@hub/platform/db';
import { findPersona } from '@hub/platform/demo';
import { DevIssuer, loadOrCreateKeyPair, type SignIn } from '@hub/platform/identity';
import { isAlive } from '@hub/platform/testing';
import { readGatewayWorkers } from '../src/cluster.js';
import { DEFAULT_AUDIENCE, DEV_ISSUER } from '../src/config.js';
import { IdentityRules } from '../src/identity-policy.js';

const MAIN = new URL('../src/main.ts', import.meta.url).pathname;

/** The gateway as `npm start` runs it in cluster mode (no subgraphs: what is tested is refused before any is asked). */
async function startClusteredGateway(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; output: string[] }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], { env: { ...process.env, GATEWAY_PORT: String(port), HUB_GATEWAY_WORKERS: '2', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  const deadline = Date.now() + 60_000;
  while (!output.join('').includes('ready at')) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the gateway did not start:\n${output.join('')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, url: `http://127.0.0.1:${port}/graphql`, output };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

function postOnNewConnection(url: string, token: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function workerPids(primary: number): number[] {
  // The workers are the primary's children running the gateway (tsx's transpiler service is another child).
  return execFileSync('pgrep', ['-P', String(primary), '-f', 'src/main.ts'], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
}

describe('gateway cluster mode (HUB_GATEWAY_WORKERS)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-cluster-'));
  let gateway: Awaited<ReturnType<typeof startClusteredGateway>>;
  let token: string;

  beforeAll(async () => {
    const key = await loadOrCreateKeyPair(join(dataDir, 'keys', 'dev-issuer.json'), 'dev-issuer-1');
    token = await (await DevIssuer.create(key.privateJwk, DEV_ISSUER, DEFAULT_AUDIENCE)).issue(findPersona('analyst')!.actor);
    gateway = await startClusteredGateway({ HUB_DATA_DIR: dataDir, RATE_LIMIT_STATISTICS: '3' });
  });
  afterAll(async () => {
    if (gateway) await stop(gateway.child);
  });

  it('counts a rate limit once for all workers: 3 statistics a minute means 3, however requests are spread', async () => {
    const statuses: number[] = [];
    const body = JSON.stringify({ query: '{ statistics(query: { groupBy: [PATHWAY], measures: [DEFLECTIONS] }) { disclosureControl } }' });
    // A new connection each time: the cluster deals connections to workers in turn, a kept-alive one stays with one.
    for (let i = 0; i < 8; i += 1) statuses.push(await postOnNewConnection(gateway.url, token, body));
    expect(workerPids(gateway.child.pid!)).toHaveLength(2);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
  });

  it('gives every worker the same development issuer key when the first start makes it, so a token works on each', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'hub-cluster-fresh-'));
    const started = await startClusteredGateway({ HUB_DATA_DIR: fresh });
    try {
      const key = await loadOrCreateKeyPair(join(fresh, 'keys', 'dev-issuer.json'), 'dev-issuer-1');
      const freshToken = await (await DevIssuer.create(key.privateJwk, DEV_ISSUER, DEFAULT_AUDIENCE)).issue(findPersona('analyst')!.actor);
      const statuses: number[] = [];
      for (let i = 0; i < 6; i += 1) statuses.push(await postOnNewConnection(started.url, freshToken, JSON.stringify({ query: '{ __typename }' })));
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    } finally {
      await stop(started.child);
    }
  });

  it('stops whole when a worker dies, so its supervisor restarts one gateway rather than run on short-handed', async () => {
    const doomed = await startClusteredGateway({ HUB_DATA_DIR: dataDir });
    const [worker] = workerPids(doomed.child.pid!);
    const exited = new Promise<number | null>((resolve) => doomed.child.once('exit', (code) => resolve(code)));
    process.kill(worker!, 'SIGKILL');
    expect(await exited).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(isAlive(worker!)).toBe(false);
  });
});

describe('idle sessions across cluster workers', () => {
  const minute = 60_000;
  const signIn = (at: number): SignIn => ({ session: 's-1', at: new Date(at), methods: ['pwd', 'otp'] });

  it('keeps a session busy on one worker signed in on another (activity is shared)', () => {
    let now = 0;
    const policy = { requireMfa: false, maxTokenAgeMinutes: 0, idleMinutes: 30 };
    const workers: IdentityRules[] = [];
    const share = (from: number) => (session: string, at: number) => workers.forEach((w, i) => i !== from && w.seen(session, at));
    workers.push(new IdentityRules(policy, () => now, share(0)), new IdentityRules(policy, () => now, share(1)));
    workers[1]!.enforce(signIn(0));
    for (now = minute; now <= 40 * minute; now += minute) workers[0]!.enforce(signIn(0));
    expect(() => workers[1]!.enforce(signIn(0))).not.toThrow();
  });

  it('still signs out a session idle on every worker', () => {
    let now = 0;
    const policy = { requireMfa: false, maxTokenAgeMinutes: 0, idleMinutes: 30 };
    const workers: IdentityRules[] = [];
    const share = (from: number) => (session: string, at: number) => workers.forEach((w, i) => i !== from && w.seen(session, at));
    workers.push(new IdentityRules(policy, () => now, share(0)), new IdentityRules(policy, () => now, share(1)));
    workers[0]!.enforce(signIn(0));
    now = 31 * minute;
    expect(() => workers[1]!.enforce(signIn(0))).toThrow(/idle/);
  });

  it('reads HUB_GATEWAY_WORKERS: a number, auto, and one per core by default in production', () => {
    expect(readGatewayWorkers({ HUB_GATEWAY_WORKERS: '3' })).toBe(3);
    expect(readGatewayWorkers({})).toBe(1);
    expect(readGatewayWorkers({ NODE_ENV: 'production' })).toBeGreaterThanOrEqual(1);
    expect(() => readGatewayWorkers({ HUB_GATEWAY_WORKERS: 'many' })).toThrow(/HUB_GATEWAY_WORKERS/);
  });
});
