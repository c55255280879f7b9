/**
 * The benchmark's results: a JSON file, an HTML page with charts (Chart.js from node_modules, inlined: the page
 * works offline and asks no CDN for anything) and one summary table with every target, PASS or MISS.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ROOT } from './processes.js';
import type { LoadResult } from './load.js';

export interface Target {
  name: string;
  measured: string;
  target: string;
  pass: boolean;
}

export interface Curve {
  title: string;
  xLabel: string;
  yLabel: string;
  series: { label: string; points: { x: number; y: number }[] }[];
}

export interface BenchReport {
  startedAt: string;
  mode: 'full' | 'quick';
  machine: { cpus: number; node: string };
  scale: Record<string, number>;
  targets: Target[];
  curves: Curve[];
  runs: unknown[];
}

export const REPORT_DIR = join(ROOT, '.bench', 'report');

export function summaryTable(targets: readonly Target[]): string {
  const width = Math.max(...targets.map((t) => t.name.length), 6);
  const measured = Math.max(...targets.map((t) => t.measured.length), 8);
  const lines = [`${'target'.padEnd(width)}  ${'measured'.padStart(measured)}  ${'wanted'.padEnd(14)}  result`];
  for (const t of targets) lines.push(`${t.name.padEnd(width)}  ${t.measured.padStart(measured)}  ${t.target.padEnd(14)}  ${t.pass ? 'PASS' : 'MISS'}`);
  return lines.join('\n');
}

export async function writeReport(report: BenchReport): Promise<{ json: string; html: string }> {
  await mkdir(REPORT_DIR, { recursive: true });
  const json = join(REPORT_DIR, 'bench.json');
  const html = join(REPORT_DIR, 'bench.html');
  await writeFile(json, `${JSON.stringify(report, null, 2)}\n`);
  // The console's charting library (a dependency of web/), its self-contained UMD build.
  const chartMain = createRequire(join(ROOT, 'web', 'package.json')).resolve('chart.js');
  const chartJs = await readFile(join(dirname(chartMain), 'chart.umd.min.js'), 'utf8');
  await writeFile(html, reportPage(report, chartJs));
  return { json, html };
}

/** What the report shows of a run: its load and latency, its errors, and each process's CPU and memory. */
type MeasuredRun = Pick<LoadResult, 'label' | 'connections' | 'requests' | 'rps' | 'p50' | 'p99' | 'errors' | 'cpuPerRequest' | 'peakMiB'>;

function isMeasuredRun(run: unknown): run is MeasuredRun {
  return typeof run === 'object' && run !== null && 'rps' in run && 'cpuPerRequest' in run && 'peakMiB' in run;
}

function runRow(run: MeasuredRun): string {
  const perProcess = (values: Record<string, number>, digits: number) => Object.entries(values).map(([name, value]) => `${name} ${value.toFixed(digits)}`).join(', ');
  const cells = [run.label, String(run.connections), String(run.requests), run.rps.toFixed(1), run.p50.toFixed(0), run.p99.toFixed(0), String(run.errors), perProcess(run.cpuPerRequest, 1), perProcess(run.peakMiB, 0)];
  return `<tr>${cells.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`;
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function reportPage(report: BenchReport, chartJs: string): string {
  const rows = report.targets
    .map((t) => `<tr class="${t.pass ? 'pass' : 'miss'}"><td>${escape(t.name)}</td><td>${escape(t.measured)}</td><td>${escape(t.target)}</td><td>${t.pass ? 'PASS' : 'MISS'}</td></tr>`)
    .join('\n');
  const measured = report.runs.filter(isMeasuredRun).map(runRow).join('\n');
  const canvases = report.curves.map((c, i) => `<figure><canvas id="curve${i}" width="640" height="320" role="img" aria-label="${escape(c.title)}"></canvas><figcaption>${escape(c.title)}</figcaption></figure>`).join('\n');
  // The data goes in as JSON; `<` is escaped so no value can close the script element.
  const data = JSON.stringify(report.curves).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Deflection hub benchmark — ${escape(report.startedAt)}</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem;max-width:72rem}table{border-collapse:collapse}td,th{padding:.3rem .6rem;border-bottom:1px solid #ccc;text-align:left}
tr.pass td:last-child{color:#176317;font-weight:600}tr.miss td:last-child{color:#a40000;font-weight:600}figure{display:inline-block;margin:1rem}</style>
<script>${chartJs.replace(/<\/script/gi, '<\\/script')}</script></head>
<body><h1>Deflection hub benchmark</h1>
<p>${escape(report.mode)} run started ${escape(report.startedAt)} on ${report.machine.cpus} CPUs, Node ${escape(report.machine.node)}; data: ${escape(Object.entries(report.scale).map(([k, v]) => `${v.toLocaleString('en-US')} ${k}`).join(', '))}.</p>
<h2>Targets</h2><table><thead><tr><th>target</th><th>measured</th><th>wanted</th><th>result</th></tr></thead><tbody>${rows}</tbody></table>
<h2>Every measured run</h2><table><thead><tr><th>run</th><th>connections</th><th>requests</th><th>req/s</th><th>p50 ms</th><th>p99 ms</th><th>errors</th><th>CPU ms per request</th><th>peak MiB</th></tr></thead><tbody>${measured}</tbody></table>
<h2>How cost grows</h2>${canvases}
<script>
const curves = ${data};
curves.forEach((c, i) => new Chart(document.getElementById('curve' + i), { type: 'line', data: { datasets: c.series.map((s) => ({ label: s.label, data: s.points })) },
  options: { animation: false, responsive: false, parsing: { xAxisKey: 'x', yAxisKey: 'y' }, scales: { x: { type: 'linear', title: { display: true, text: c.xLabel } }, y: { beginAtZero: true, title: { display: true, text: c.yLabel } } } } }));
</script></body></html>
`;
}
