/**
 * npm run bench [-- --quick]: the hub at the scale of Illinois over several years, against the peers a user would
 * pick instead (Hive Gateway over the same subgraphs, hand-written SQL, the subgraphs called directly), with every
 * target of issue 12 printed PASS or MISS in one table, and a JSON file and an HTML report with curves in
 * .bench/report/. Figures are ratios within this run. Traffic stays on loopback and every load is bounded.
 *
 * Data: a database per scale (10k, 50k and 200k deflections; --quick: 2.5k and 10k), seeded once through the
 * subgraphs' own tables with a fixed seed and reused by later runs, each of which measures a fresh copy. Without
 * DATABASE_URL an embedded PostgreSQL keeps them in .bench/postgres.
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createDatabase, databaseExists, type EmbeddedServer, ensureRoles, ensureSchemas, startEmbeddedPostgres, subgraphDatabase, waitForPostgres } from '@hub/platform/db';
import { rolePassword } from '@hub/platform/runtime';
import { SUBGRAPH_NAMES } from '@hub/platform/topology';
import { HAND_WRITTEN } from '../bench-statistics.js';
import { ensureConsoleBuilt } from '../console-build.js';
import { startHiveGateway } from '../hive-gateway/start.js';
import { HUB_SUBGRAPHS } from '../hub-subgraphs.js';
import { buildServer } from '../server-build.js';
import { BENCH_DATA_DIR, benchEnv, type BenchHub, GATEWAY_PORT, HIVE_PORT, startBenchHub, SUBGRAPH_PORTS, subgraphUrl } from './hub.js';
import { type LoadResult, percentile, runLoad, settle } from './load.js';
import { bulkUpdateBody, quickReferralBody, quickReferralCheck, reviewQueueBody, reviewQueueCheck, statisticBody } from './operations.js';
import { type BenchProcess, cpuMs, peakMemoryMiB, ROOT } from './processes.js';
import { directReplayer, planSteps, recordSubgraphRequests } from './replay.js';
import { type Curve, summaryTable, type Target, writeReport } from './report.js';
import { prepareBenchDatabase, type Scale, seedAtScale, seededScale } from './seed-scale.js';
import { statementsPerSubgraph } from './statements.js';

const quick = process.argv.includes('--quick');
const SCALES: Scale[] = quick
  ? [
      { deflections: 2_500, episodes: 1_875, incidents: 12_500 },
      { deflections: 10_000, episodes: 7_500, incidents: 50_000 },
    ]
  : [
      { deflections: 10_000, episodes: 7_500, incidents: 50_000 },
      { deflections: 50_000, episodes: 37_500, incidents: 250_000 },
      { deflections: 200_000, episodes: 150_000, incidents: 1_000_000 },
    ];
/** Seconds per load run; a run this long holds a few hundred requests even for the slowest operation. */
const SECONDS = quick ? 3 : 12;
const AB_ROUNDS = 2;
const PAGE_SIZES = [10, 50, 200, 500];
const OFFICERS = [1, 5, 20, 50];
const QUEUE_CONNECTIONS = 20;
/** Large pages take seconds each: the page-size curve uses fewer connections so each run completes enough of them. */
const PAGE_CURVE_CONNECTIONS = 5;
/** Unrecorded load first, so the JIT has compiled the hot paths before anything is measured. */
const WARM_UP_SECONDS = quick ? 3 : 8;
const SEQUENTIAL_RUNS = quick ? 7 : 21;
const BULK_RUNS = quick ? 5 : 9;
/** Unmeasured bulk updates first, as for every other operation: the JIT compiles the path before it is timed. */
const BULK_WARM_UP_RUNS = 2;
const OVERHEAD_PAIRS = quick ? 40 : 200;
const DIRECTOR = 'meg-director';

const started = new Date();
const startedAt = performance.now();
function progress(message: string): void {
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(0).padStart(4);
  process.stdout.write(`[${seconds} s] ${message}\n`);
}
const fixed = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const count = (n: number) => n.toLocaleString('en-US');

// ── the database server ────────────────────────────────────────────────────────────────────────────────────────
let embedded: EmbeddedServer | null = null;
async function serverUrl(): Promise<string> {
  if (process.env.DATABASE_URL) {
    await waitForPostgres(process.env.DATABASE_URL);
    return process.env.DATABASE_URL;
  }
  const port = 54339;
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  try {
    await waitForPostgres(url, 500);
  } catch {
    progress(`starting the benchmark's embedded PostgreSQL (data in .bench/postgres, kept between runs)`);
    embedded = await startEmbeddedPostgres({ dataDir: join(ROOT, '.bench', 'postgres'), port, persistent: true });
  }
  return url;
}

function databaseUrl(server: string, name: string): string {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The database for one scale: provisioned, migrated, demo data, then the data at scale, once, in a database that is
 * never served (`…_seeded`); each run measures a fresh copy of it. A run adds thousands of referrals and rewrites
 * thousands of episodes: measured in place, the "200,000 deflections" had grown to 270,000 after a day of runs, with
 * 180,000 dead rows in the reporting facts (autovacuum is off on the CI machine), and the statistic's p50 had gone from
 * 273 to 610 ms on the same code.
 */
async function scaledDatabase(server: string, scale: Scale): Promise<string> {
  const seedName = `hub_bench_${scale.deflections}_seeded`;
  if (!(await databaseExists(server, seedName))) await createDatabase(server, seedName);
  const seedUrl = databaseUrl(server, seedName);
  await ensureRoles(seedUrl, HUB_SUBGRAPHS.map((s) => subgraphDatabase(s.name)), rolePassword());
  await ensureSchemas(seedUrl, HUB_SUBGRAPHS.map((s) => subgraphDatabase(s.name)));
  const seeded = await seededScale(seedUrl);
  if (seeded && seeded.deflections === scale.deflections && seeded.episodes === scale.episodes && seeded.incidents === scale.incidents) {
    progress(`${seedName}: seeded earlier with ${count(scale.deflections)} deflections, ${count(scale.episodes)} episodes, ${count(scale.incidents)} crisis incidents — reused`);
    // Migrations land in the seeded database, so every later copy has them.
    await prepareBenchDatabase(seedUrl, progress);
  } else {
    progress(`${seedName}: migrating and loading the demo data`);
    await prepareBenchDatabase(seedUrl, progress);
    progress(`${seedName}: seeding ${count(scale.deflections)} deflections, ${count(scale.episodes)} episodes, ${count(scale.incidents)} crisis incidents`);
    const seedStart = performance.now();
    await seedAtScale(seedUrl, scale, (line) => progress(`  ${line}`));
    progress(`${seedName}: seeded in ${fixed((performance.now() - seedStart) / 1000)} s`);
  }
  return freshCopy(server, seedName, `hub_bench_${scale.deflections}`);
}

/** `name`, dropped and made again as a file copy of `template` (which nobody may be connected to). */
async function freshCopy(server: string, template: string, name: string): Promise<string> {
  const started = performance.now();
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    // A process of an earlier run that did not stop (or a psql left open) would hold the old copy.
    await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = any($1::text[]) and pid <> pg_backend_pid()`, [[name, template]]);
    await admin.query(`drop database if exists "${name}"`);
    // FILE_COPY: one checkpoint and a copy of the files, rather than every block through the WAL.
    await admin.query(`create database "${name}" template "${template}" strategy file_copy`);
  } finally {
    await admin.end();
  }
  progress(`${name}: a fresh copy of ${template} in ${fixed((performance.now() - started) / 1000)} s`);
  return databaseUrl(server, name);
}

// ── helpers over the running hub ──────────────────────────────────────────────────────────────────────────────
interface GraphQLAnswer {
  data?: unknown;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

async function post(url: string, token: string, body: string): Promise<GraphQLAnswer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
  return (await response.json()) as GraphQLAnswer;
}

/**
 * The answer as a person reads it: its data, and each error's path and code (wording may differ between gateways).
 * List positions in error paths are left out: Hive Gateway gives every error of one batched entity fetch the first
 * entity's position (graphql-tools#2950), so only which field of which kind of entity failed, and how often, compare.
 */
function normalised(answer: GraphQLAnswer): string {
  const errors = (answer.errors ?? []).map((e) => `${(e.path ?? []).map((p) => (typeof p === 'number' ? '#' : p)).join('.')}:${e.extensions?.code ?? ''}`).sort();
  return JSON.stringify({ data: answer.data ?? null, errors });
}

async function timedSequential(runs: number, work: () => Promise<void>): Promise<number[]> {
  await work(); // warm
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return samples;
}

/**
 * 1,000 new REFERRED episodes at the provider persona's site, ready for one bulk update (made in SQL, not measured),
 * each for a different deflection and person (copied from as many existing episodes), as a provider's real upload
 * would be: reporting recomputes a deflection's treatment columns from all its episodes on every change. The
 * deflections with the fewest episodes go first, so runs on a reused database spread evenly and never run out.
 */
async function referredEpisodes(adminUrl: string, n: number): Promise<string[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { demoProviderId } = await import('../../subgraphs/treatment/src/seed/demo-data.js');
    const { rows } = await client.query<{ id: string }>(
      `with chosen as (select deflection_id from treatment.treatment_episode group by deflection_id order by count(*), md5(deflection_id::text) limit $2),
       template as (select distinct on (e.deflection_id) e.* from treatment.treatment_episode e join chosen using (deflection_id) order by e.deflection_id, e.id),
       made as (insert into treatment.treatment_episode (id, deflection_id, patient_id, provider_id, service, state, referred_at, referred_by_id, deflection_referred_at, case_management_organization_id, version, referred_as)
         select gen_random_uuid(), t.deflection_id, t.patient_id, $1, t.service, 'REFERRED', now() - interval '1 minute', t.referred_by_id, t.deflection_referred_at, t.case_management_organization_id, 1, t.referred_as
         from template t returning id, referred_by_id)
       insert into treatment.episode_transition (episode_id, from_state, to_state, at, by_id) select id, null, 'REFERRED', now() - interval '1 minute', referred_by_id from made returning episode_id as id`,
      [demoProviderId(1), n],
    );
    if (rows.length !== n) throw new Error(`only ${rows.length} of ${n} episodes could be made for the bulk update`);
    return rows.map((r) => r.id);
  } finally {
    await client.end();
  }
}

/**
 * Waits (at most 3 minutes) until reporting has taken every event the subgraphs published: 9,000 episode changes
 * from the bulk updates would otherwise be applied while the next operation is measured.
 */
async function eventsDelivered(adminUrl: string): Promise<number> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (;;) {
      const { rows } = await client.query<{ waiting: string }>(
        `select (select count(*) from cases.outbox_event where published_at is null) + (select count(*) from treatment.outbox_event where published_at is null) as waiting`,
      );
      if (Number(rows[0]!.waiting) === 0 || performance.now() - started > 180_000) return Number(rows[0]!.waiting);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await client.end();
  }
}

/**
 * The statistic through the gateway and the hand-written SQL, one run of each in turn: this machine's speed drifts by
 * half within minutes, so two back-to-back series would compare two different machines.
 */
async function statisticAgainstSql(adminUrl: string, runs: number, meter: CpuMeter, viaGateway: () => Promise<void>): Promise<{ gateway: number[]; sql: number[] }> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const sql = async () => {
      await client.query(HAND_WRITTEN);
    };
    await viaGateway();
    await sql();
    const samples = { gateway: [] as number[], sql: [] as number[] };
    for (let i = 0; i < runs; i += 1) {
      for (const [work, into] of [[viaGateway, samples.gateway], [sql, samples.sql]] as const) {
        const before = work === viaGateway ? await meter.read() : null;
        const start = performance.now();
        await work();
        into.push(performance.now() - start);
        if (before) await meter.add(before);
      }
    }
    return samples;
  } finally {
    await client.end();
  }
}

/** `npm start` on an existing database, timed from its launch to a healthy gateway, then stopped with Ctrl-C. */
async function timeStartUp(adminUrl: string): Promise<number> {
  await ensureConsoleBuilt(progress); // a one-time build, not part of a start on an existing installation
  const env = { ...benchEnv(adminUrl), DEMO_HISTORY: 'false' };
  const start = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${output.join('').slice(-3000)}`);
      const healthy = await fetch(`http://127.0.0.1:${GATEWAY_PORT}/health`).then((r) => r.ok, () => false);
      if (healthy) return performance.now() - start;
      if (performance.now() - start > 120_000) throw new Error('npm start did not become healthy within 120 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      await exited;
    }
  }
}

// ── the run ───────────────────────────────────────────────────────────────────────────────────────────────────
const targets: Target[] = [];
const curves: Curve[] = [];
const runs: unknown[] = [];
const target = (name: string, measured: string, wanted: string, pass: boolean) => targets.push({ name, measured, target: wanted, pass });

function logLoad(result: LoadResult): void {
  runs.push(result);
  const cpu = Object.entries(result.cpuPerRequest).map(([name, ms]) => `${name} ${fixed(ms)}`).join(', ');
  progress(`  ${result.label}: ${fixed(result.rps)} req/s, p50 ${fixed(result.p50, 0)} ms, p99 ${fixed(result.p99, 0)} ms, ${result.errors} errors; CPU ms/request: ${cpu}`);
  if (result.firstRefused) progress(`    first wrong answer: ${result.firstRefused}`);
}

/**
 * The CPU each process spends in the measured calls only, not in the set-up between them. Read before the clock
 * starts and after it stops, so reading /proc is never part of a measured latency.
 */
function cpuMeter(processes: readonly BenchProcess[]) {
  const total: Record<string, number> = Object.fromEntries(processes.map((p) => [p.name, 0]));
  const read = () => Promise.all(processes.map((p) => cpuMs(p.pid)));
  return {
    total,
    read,
    async add(before: number[]): Promise<void> {
      const after = await read();
      processes.forEach((p, i) => (total[p.name] = (total[p.name] ?? 0) + after[i]! - before[i]!));
    },
  };
}
type CpuMeter = ReturnType<typeof cpuMeter>;

/**
 * An operation sent one request at a time (the statistic, the bulk upload), reported as a load run is: requests a
 * second (one after the other), p50/p99, errors (a wrong answer stops the benchmark, so a finished run had none), CPU
 * per request and peak memory per process.
 */
async function sequentialRun(label: string, samples: readonly number[], cpu: Record<string, number>, processes: readonly BenchProcess[]): Promise<LoadResult> {
  const seconds = samples.reduce((sum, ms) => sum + ms, 0) / 1000;
  const peak = await Promise.all(processes.map(async (p) => [p.name, await peakMemoryMiB(p.pid)] as const));
  return {
    label,
    connections: 1,
    requests: samples.length,
    rps: samples.length / (seconds || 1),
    p50: percentile(samples, 0.5),
    p99: percentile(samples, 0.99),
    errors: 0,
    firstRefused: null,
    cpuPerRequest: Object.fromEntries(Object.entries(cpu).map(([name, ms]) => [name, ms / (samples.length || 1)])),
    peakMiB: Object.fromEntries(peak),
  };
}

// Held in an object so the finally block sees what the try block started.
const current: { hub: BenchHub | null } = { hub: null };
try {
  progress(`npm run bench${quick ? ' -- --quick' : ''}: ${SCALES.map((s) => count(s.deflections)).join(', ')} deflections`);
  await buildServer(progress);
  const server = await serverUrl();
  const urls: string[] = [];
  for (const scale of SCALES) urls.push(await scaledDatabase(server, scale));
  const largest = SCALES.at(-1)!;
  const largestUrl = urls.at(-1)!;

  progress('start-up: npm start on the largest existing database');
  const startUpMs = await timeStartUp(largestUrl);
  progress(`  healthy gateway after ${fixed(startUpMs / 1000)} s`);
  target('start-up: npm start to a healthy gateway, existing database', `${fixed(startUpMs / 1000)} s`, '< 15 s', startUpMs < 15_000);

  // Curves over data size: operations 2 and 3 at each scale.
  const queueBySize: { x: number; y: number }[] = [];
  const statisticBySize: { x: number; y: number }[] = [];
  for (const [index, scale] of SCALES.entries()) {
    const url = urls[index]!;
    progress(`hub on ${count(scale.deflections)} deflections`);
    const hub = await startBenchHub(url, progress);
    current.hub = hub;
    // Events an earlier run published but did not deliver (its referrals, say) are applied now, not while measuring.
    const leftOver = await eventsDelivered(url);
    if (leftOver > 0) progress(`  ${count(leftOver)} events from an earlier run still undelivered after 3 minutes`);
    await settle([...hub.subgraphs, hub.gateway]);
    const director = await hub.token(DIRECTOR);
    const analyst = await hub.token('analyst');
    const processes: BenchProcess[] = [...hub.subgraphs, hub.gateway];
    await runLoad({ label: 'warm-up', url: hub.gateway.url, token: director, connections: QUEUE_CONNECTIONS, seconds: WARM_UP_SECONDS, body: () => reviewQueueBody(50), check: reviewQueueCheck(50), processes });
    const queue = await runLoad({ label: `review queue (50) at ${count(scale.deflections)}`, url: hub.gateway.url, token: director, connections: QUEUE_CONNECTIONS, seconds: SECONDS, body: () => reviewQueueBody(50), check: reviewQueueCheck(50), processes });
    logLoad(queue);
    queueBySize.push({ x: scale.deflections, y: queue.p50 });
    const statistic = await timedSequential(SEQUENTIAL_RUNS, async () => {
      const answer = await post(hub.gateway.url, analyst, statisticBody());
      if (answer.errors) throw new Error(`the statistic failed: ${JSON.stringify(answer.errors).slice(0, 500)}`);
    });
    statisticBySize.push({ x: scale.deflections, y: percentile(statistic, 0.5) });
    progress(`  statistic p50 ${fixed(percentile(statistic, 0.5), 0)} ms`);
    if (scale !== largest) {
      await hub.stop();
      current.hub = null;
    }
  }
  curves.push({ title: 'Review queue (50 rows, 20 connections): p50 latency by deflections stored', xLabel: 'deflections', yLabel: 'ms', series: [{ label: 'our gateway', points: queueBySize }] });
  curves.push({ title: 'Statistic (month × pathway): p50 latency by deflections stored', xLabel: 'deflections', yLabel: 'ms', series: [{ label: 'through the gateway', points: statisticBySize }] });

  const running = current.hub!;
  const director = await running.token(DIRECTOR);
  const processes: BenchProcess[] = [...running.subgraphs, running.gateway];

  // ── operation 2 side by side with Hive Gateway ──
  progress('operation 2 side by side: our gateway and Hive Gateway over the same subgraphs, A/B/A/B');
  const hive = await startHiveGateway({
    port: HIVE_PORT,
    subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, subgraphUrl(name)])) as Record<(typeof SUBGRAPH_NAMES)[number], string>,
    // The same keys (HUB_DATA_DIR) and settings as our gateway.
    env: benchEnv(largestUrl) as Record<string, string>,
  });
  const hiveProcess: BenchProcess = { name: 'gateway', pid: hive.pid, url: hive.url, stop: hive.stop };
  try {
    const ours = await post(running.gateway.url, director, reviewQueueBody(50));
    const theirs = await post(hive.url, director, reviewQueueBody(50));
    const same = normalised(ours) === normalised(theirs);
    const withheld = (JSON.stringify(ours.data).match(/"TreatmentWithheld"/g) ?? []).length;
    progress(`  same data and errors from both: ${same ? 'yes' : 'NO'} (${withheld} of 50 treatment statuses withheld, ${ours.errors?.length ?? 0} errors)`);
    target('op 2: same data and errors from both gateways', same ? 'same' : 'different', 'same', same);
    await runLoad({ label: 'warm-up', url: hive.url, token: director, connections: QUEUE_CONNECTIONS, seconds: WARM_UP_SECONDS, body: () => reviewQueueBody(50), check: reviewQueueCheck(50), processes: [...running.subgraphs, hiveProcess] });
    const a: LoadResult[] = [];
    const b: LoadResult[] = [];
    for (let round = 0; round < AB_ROUNDS; round += 1) {
      const ourRun = await runLoad({ label: `ours, round ${round + 1}`, url: running.gateway.url, token: director, connections: QUEUE_CONNECTIONS, seconds: SECONDS, body: () => reviewQueueBody(50), check: reviewQueueCheck(50), processes });
      logLoad(ourRun);
      a.push(ourRun);
      const hiveRun = await runLoad({ label: `Hive, round ${round + 1}`, url: hive.url, token: director, connections: QUEUE_CONNECTIONS, seconds: SECONDS, body: () => reviewQueueBody(50), check: reviewQueueCheck(50), processes: [...running.subgraphs, hiveProcess] });
      logLoad(hiveRun);
      b.push(hiveRun);
    }
    const sum = (rs: LoadResult[], f: (r: LoadResult) => number) => rs.reduce((t, r) => t + f(r), 0);
    const rps = (rs: LoadResult[]) => sum(rs, (r) => r.requests) / sum(rs, (r) => r.requests / r.rps);
    const gatewayCpu = (rs: LoadResult[]) => sum(rs, (r) => r.cpuPerRequest.gateway! * r.requests) / sum(rs, (r) => r.requests);
    const throughput = rps(a) / rps(b);
    const cpu = gatewayCpu(a) / gatewayCpu(b);
    const memory = Math.max(...a.map((r) => r.peakMiB.gateway!)) / Math.max(...b.map((r) => r.peakMiB.gateway!));
    progress(`  ours ${fixed(rps(a))} req/s, ${fixed(gatewayCpu(a))} ms gateway CPU/request; Hive ${fixed(rps(b))} req/s, ${fixed(gatewayCpu(b))} ms; memory ratio ${fixed(memory, 2)}`);
    target('op 2 throughput: ours ÷ Hive Gateway', `${fixed(throughput, 2)}x`, '≥ 1.5x', throughput >= 1.5);
    target('op 2 gateway CPU per request: ours ÷ Hive Gateway', `${fixed(cpu, 2)}x`, '≤ 0.5x', cpu <= 0.5);
    const errors = sum([...a, ...b], (r) => r.errors);
    target('op 2: errors under load (both gateways)', String(errors), '0', errors === 0);

    // Subgraph CPU per request against the PostgreSQL time of the statements each issues.
    progress('operation 2: each subgraph’s statements (10 and 500 rows) and their PostgreSQL time (EXPLAIN ANALYZE)');
    const [recorded10, recorded50, recorded500] = await recordSubgraphRequests(largestUrl, director, [reviewQueueBody(10), reviewQueueBody(50), reviewQueueBody(500)]);
    const at50 = await statementsPerSubgraph(largestUrl, DIRECTOR, recorded50!);
    const at10 = await statementsPerSubgraph(largestUrl, DIRECTOR, recorded10!);
    const at500 = await statementsPerSubgraph(largestUrl, DIRECTOR, recorded500!);
    for (const s of at50) {
      const ten = at10.find((x) => x.subgraph === s.subgraph)?.statements ?? 0;
      const fiveHundred = at500.find((x) => x.subgraph === s.subgraph)?.statements ?? 0;
      progress(`  ${s.subgraph}: ${ten} statements for 10 rows, ${fiveHundred} for 500`);
      target(`no N+1: ${s.subgraph} statements, 10 vs 500 rows`, `${ten} vs ${fiveHundred}`, 'equal', ten === fiveHundred);
      const cpuPerRequest = sum(a, (r) => (r.cpuPerRequest[s.subgraph] ?? 0) * r.requests) / sum(a, (r) => r.requests);
      const ratio = cpuPerRequest / s.postgresMs;
      progress(`  ${s.subgraph}: ${fixed(cpuPerRequest)} ms CPU per request, PostgreSQL ${fixed(s.postgresMs)} ms for its ${s.statements} statements`);
      target(`op 2: ${s.subgraph} CPU ÷ PostgreSQL time`, `${fixed(ratio, 2)}x (${fixed(cpuPerRequest)}/${fixed(s.postgresMs)} ms)`, '≤ 2x', ratio <= 2);
    }
    runs.push({ statements: { at10, at50, at500 } });
  } finally {
    await hive.stop();
  }

  // ── gateway overhead: the same subgraph requests sent directly ──
  progress('operation 2: through the gateway vs the same subgraph requests sent directly, one at a time, interleaved');
  {
    const [recorded] = await recordSubgraphRequests(largestUrl, director, [reviewQueueBody(50)]);
    const steps = planSteps(recorded!);
    progress(`  the plan: ${steps.map((step) => step.map((r) => r.subgraph).join(' + ')).join(' → ')}`);
    const direct = directReplayer(steps);
    const viaGateway: number[] = [];
    const straight: number[] = [];
    try {
      await direct.run();
      await post(running.gateway.url, director, reviewQueueBody(50));
      for (let i = 0; i < OVERHEAD_PAIRS; i += 1) {
        const start = performance.now();
        await post(running.gateway.url, director, reviewQueueBody(50));
        viaGateway.push(performance.now() - start);
        straight.push(await direct.run());
      }
    } finally {
      await direct.close();
    }
    const ratio = percentile(viaGateway, 0.5) / percentile(straight, 0.5);
    progress(`  p50 ${fixed(percentile(viaGateway, 0.5))} ms through the gateway, ${fixed(percentile(straight, 0.5))} ms direct`);
    target('op 2 gateway overhead: p50 via gateway ÷ direct', `${fixed(ratio, 2)}x`, '≤ 1.2x', ratio <= 1.2);
  }

  // ── operation 2 by page size ──
  progress('operation 2 by page size');
  const pagePoints: { x: number; y: number }[] = [];
  const pageCpu: { x: number; y: number }[] = [];
  for (const size of PAGE_SIZES) {
    const result = await runLoad({ label: `review queue (${size})`, url: running.gateway.url, token: director, connections: PAGE_CURVE_CONNECTIONS, seconds: SECONDS, body: () => reviewQueueBody(size), check: reviewQueueCheck(size), processes });
    logLoad(result);
    pagePoints.push({ x: size, y: result.p50 });
    pageCpu.push({ x: size, y: Object.values(result.cpuPerRequest).reduce((t, v) => t + v, 0) });
  }
  curves.push({ title: `Review queue by page size (${PAGE_CURVE_CONNECTIONS} connections)`, xLabel: 'deflections per page', yLabel: 'ms', series: [{ label: 'p50 latency', points: pagePoints }, { label: 'CPU per request, all processes', points: pageCpu }] });

  // ── operation 3 against hand-written SQL ──
  progress('operation 3: the statistic through the gateway vs the best hand-written SQL');
  {
    const analyst = await running.token('analyst');
    const meter = cpuMeter(processes);
    const { gateway: viaGateway, sql } = await statisticAgainstSql(largestUrl, SEQUENTIAL_RUNS, meter, async () => {
      const answer = await post(running.gateway.url, analyst, statisticBody());
      if (answer.errors) throw new Error(JSON.stringify(answer.errors).slice(0, 500));
    });
    logLoad(await sequentialRun(`statistic at ${count(largest.deflections)}, one at a time`, viaGateway, meter.total, processes));
    const ratio = percentile(viaGateway, 0.5) / percentile(sql, 0.5);
    progress(`  p50 ${fixed(percentile(viaGateway, 0.5), 0)} ms through the gateway, ${fixed(percentile(sql, 0.5), 0)} ms hand-written SQL`);
    target('op 3 statistic ÷ hand-written SQL (p50)', `${fixed(ratio, 2)}x`, '≤ 1.5x', ratio <= 1.5);
    target(`op 3 statistic p50 at ${count(largest.deflections)} deflections`, `${fixed(percentile(viaGateway, 0.5), 0)} ms`, '< 500 ms', percentile(viaGateway, 0.5) < 500);
  }

  // ── operation 4: bulk outcomes ──
  progress(`operation 4: bulk update of 1,000 distinct episodes, ${BULK_RUNS} runs after ${BULK_WARM_UP_RUNS} to warm up`);
  {
    const provider = await running.token('provider');
    const samples: number[] = [];
    const meter = cpuMeter(processes);
    for (let i = 0; i < BULK_WARM_UP_RUNS + BULK_RUNS; i += 1) {
      // Each upload is timed on a quiet hub, as every other operation is: not while reporting applies the last one's events.
      await eventsDelivered(largestUrl);
      await settle(processes);
      const ids = await referredEpisodes(largestUrl, 1_000);
      const body = bulkUpdateBody(ids, new Date());
      const before = await meter.read();
      const start = performance.now();
      const answer = await post(running.gateway.url, provider, body);
      const took = performance.now() - start;
      if (i >= BULK_WARM_UP_RUNS) {
        samples.push(took);
        await meter.add(before);
      }
      const applied = (answer.data as { bulkUpdateEpisodes?: { applied: number } } | null)?.bulkUpdateEpisodes?.applied;
      if (applied !== 1_000) throw new Error(`the bulk update applied ${applied}: ${JSON.stringify(answer.errors ?? answer.data).slice(0, 500)}`);
    }
    const p50 = percentile(samples, 0.5);
    logLoad(await sequentialRun('bulk update of 1,000 episodes, one upload at a time', samples, meter.total, processes));
    progress(`  p50 ${fixed(p50, 0)} ms (${fixed(1_000_000 / p50, 0)} updates/s)`);
    target('op 4: 1,000 bulk updates, p50', `${fixed(p50, 0)} ms`, '< 1,000 ms', p50 < 1_000);
    target('op 4: bulk updates per second (p50)', count(Math.round(1_000_000 / p50)), '≥ 5,000', 1_000_000 / p50 >= 5_000);
  }

  const undelivered = await eventsDelivered(largestUrl);
  progress(undelivered === 0 ? '  reporting has applied every event the bulk updates published' : `  ${count(undelivered)} events still undelivered after 3 minutes`);
  await settle(processes);

  // ── operation 1: officers referring ──
  progress('operation 1: quick referrals by 1, 5, 20 and 50 concurrent officers');
  {
    const officer = await running.token('officer');
    await runLoad({ label: 'warm-up', url: running.gateway.url, token: officer, connections: 5, seconds: WARM_UP_SECONDS, body: quickReferralBody, check: quickReferralCheck, processes });
    const p99: { x: number; y: number }[] = [];
    const p50: { x: number; y: number }[] = [];
    for (const connections of OFFICERS) {
      const result = await runLoad({ label: `${connections} officers`, url: running.gateway.url, token: officer, connections, seconds: SECONDS, body: quickReferralBody, check: quickReferralCheck, processes });
      logLoad(result);
      p99.push({ x: connections, y: result.p99 });
      p50.push({ x: connections, y: result.p50 });
      if (connections === 20) {
        target(`op 1: referral p99, 20 officers, ${count(largest.deflections)} deflections`, `${fixed(result.p99, 0)} ms`, '< 150 ms', result.p99 < 150);
        target('op 1: errors under load', String(result.errors), '0', result.errors === 0);
      }
    }
    curves.push({ title: 'Quick referral latency by concurrent officers', xLabel: 'officers', yLabel: 'ms', series: [{ label: 'p50', points: p50 }, { label: 'p99', points: p99 }] });
  }

  const report = {
    startedAt: started.toISOString(),
    mode: quick ? ('quick' as const) : ('full' as const),
    machine: { cpus: availableParallelism(), node: process.version },
    scale: { deflections: largest.deflections, 'treatment episodes': largest.episodes, 'crisis incidents': largest.incidents },
    targets,
    curves,
    runs,
  };
  const files = await writeReport(report);
  console.log(`\n${summaryTable(targets)}\n`);
  console.log(`Report: ${files.html}\n        ${files.json}`);
  console.log(`Ports used: gateway ${GATEWAY_PORT}, Hive ${HIVE_PORT}, subgraphs ${Object.values(SUBGRAPH_PORTS).join(', ')}; keys in ${BENCH_DATA_DIR}.`);
} finally {
  await (current.hub as BenchHub | null)?.stop();
  await (embedded as EmbeddedServer | null)?.stop();
}
