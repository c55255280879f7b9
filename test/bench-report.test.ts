import { describe, expect, it } from '@jest/globals';
import type { LoadResult } from '../scripts/bench/load.js';
import { type BenchReport, reportPage } from '../scripts/bench/report.js';

/**
 * The benchmark's HTML report shows, for every measured run, what issue 12 asks of each operation: requests a second,
 * p50/p99, errors, and each process's CPU per request and peak memory, next to the targets and the curves.
 */
describe('the benchmark report', () => {
  const run = (label: string, errors = 0): LoadResult => ({
    label,
    connections: 20,
    requests: 400,
    rps: 39.74,
    p50: 458.2,
    p99: 911.4,
    errors,
    firstRefused: null,
    cpuPerRequest: { cases: 13.61, gateway: 7.04 },
    peakMiB: { cases: 462.9, gateway: 301.2 },
  });
  const report = (runs: unknown[]): BenchReport => ({
    startedAt: '2026-12-07T23:54:37.743Z',
    mode: 'full',
    machine: { cpus: 2, node: 'v24' },
    scale: { deflections: 200_000 },
    targets: [{ name: 'op 4: 1,000 bulk updates, p50', measured: '168 ms', target: '< 1,000 ms', pass: true }],
    curves: [],
    runs,
  });

  it('lists every measured run with its rate, latency, errors, and CPU and peak memory per process', () => {
    const html = reportPage(report([run('review queue (50) at 200,000'), run('bulk update of 1,000 episodes, one upload at a time', 2)]), '');
    expect(html).toContain('<td>review queue (50) at 200,000</td><td>20</td><td>400</td><td>39.7</td><td>458</td><td>911</td><td>0</td><td>cases 13.6, gateway 7.0</td><td>cases 463, gateway 301</td>');
    expect(html).toContain('<td>bulk update of 1,000 episodes, one upload at a time</td>');
    expect(html).toMatch(/<td>911<\/td><td>2<\/td>/);
  });

  it('leaves out records that are not load runs (statement counts) and escapes what a label holds', () => {
    const html = reportPage(report([{ statements: { at10: [] } }, run('<script>alert(1)</script>')]), '');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.match(/<tr><td>/g)).toHaveLength(1);
  });
});
