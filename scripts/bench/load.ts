/**
 * Load on loopback with autocannon, bounded by duration or request count, with the CPU time of every hub process
 * over the same interval: requests per second, p50/p99 latency, errors and CPU per request.
 */
import autocannon from 'autocannon';
import { type BenchProcess, cpuDuring, cpuMs, peakMemoryMiB } from './processes.js';

export interface LoadResult {
  label: string;
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  /** Transport errors, timeouts, non-2xx answers and answers `check` refused. */
  errors: number;
  /** The first answer `check` refused, and why (null when every answer passed). */
  firstRefused: string | null;
  /** CPU milliseconds per request, per process. */
  cpuPerRequest: Record<string, number>;
  /** Peak memory (MiB) per process, since it started. */
  peakMiB: Record<string, number>;
}

export interface LoadOptions {
  label: string;
  url: string;
  token: string;
  connections: number;
  /** Seconds to run; or `amount` requests. */
  seconds?: number;
  amount?: number;
  /** The request body; called per request when the operation needs fresh values (idempotency keys). */
  body: () => string;
  processes: readonly BenchProcess[];
  /**
   * Says what is wrong with an answer (null when it is the one the operation should get). A GraphQL refusal comes
   * with status 200, so without this a load of refusals would pass for a load of work done.
   */
  check?: (answer: GraphQLAnswer) => string | null;
}

export interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** An answer with no errors and the root field present. */
export function answered(field: string): (answer: GraphQLAnswer) => string | null {
  return (answer) => (answer.errors?.length ? `${answer.errors[0]!.extensions?.code}: ${answer.errors[0]!.message}` : answer.data?.[field] == null ? `no ${field} in the answer` : null);
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { check } = options;
  let refused = 0;
  let firstRefused: string | null = null;
  const { result, cpu } = await cpuDuring(options.processes, () =>
    autocannon({
      url: options.url,
      connections: options.connections,
      ...(options.amount ? { amount: options.amount } : { duration: options.seconds ?? 10 }),
      timeout: 30,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
      requests: [
        {
          setupRequest: (request) => ({ ...request, body: options.body() }),
          ...(check
            ? {
                onResponse: (status: number, body: string) => {
                  if (status !== 200) return;
                  let problem: string | null;
                  try {
                    problem = check(JSON.parse(body) as GraphQLAnswer);
                  } catch {
                    problem = `not JSON: ${body.slice(0, 200)}`;
                  }
                  if (problem === null) return;
                  refused += 1;
                  firstRefused ??= problem;
                },
              }
            : {}),
        },
      ],
    }),
  );
  // Requests autocannon abandoned at the end of its time are still being answered; the next run must not pay for them.
  await settle(options.processes);
  const completed = result.requests.total;
  const peak = await Promise.all(options.processes.map(async (p) => [p.name, await peakMemoryMiB(p.pid)] as const));
  return {
    label: options.label,
    connections: options.connections,
    requests: completed,
    rps: completed / (result.duration || 1),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx + refused,
    firstRefused,
    cpuPerRequest: Object.fromEntries(Object.entries(cpu).map(([name, ms]) => [name, completed > 0 ? ms / completed : 0])),
    peakMiB: Object.fromEntries(peak),
  };
}

/** Nearest-rank percentile of measured samples (a value that was measured). */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}

/** Waits (at most 15 s) until the processes have been nearly idle for half a second. */
export async function settle(processes: readonly BenchProcess[]): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const before = await Promise.all(processes.map((p) => cpuMs(p.pid)));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const after = await Promise.all(processes.map((p) => cpuMs(p.pid)));
    if (after.reduce((t, ms, i) => t + ms - before[i]!, 0) < 50) return;
  }
}
