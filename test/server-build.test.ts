import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVER_PACKAGES } from '../scripts/server-build.js';
import { planSteps, type RecordedRequest } from '../scripts/bench/replay.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

describe('compiled server code (npm start)', () => {
  it('names a compiled file for every export of every server package, at the same path under dist/ as the source under src/', () => {
    for (const pkg of SERVER_PACKAGES) {
      const manifest = JSON.parse(readFileSync(join(ROOT, pkg, 'package.json'), 'utf8')) as { exports: Record<string, { 'hub-compiled'?: string; default?: string }> };
      for (const [subpath, target] of Object.entries(manifest.exports)) {
        expect({ pkg, subpath, compiled: target['hub-compiled'] }).toEqual({ pkg, subpath, compiled: target.default?.replace(/^\.\/src\//, './dist/').replace(/\.ts$/, '.js') });
        expect(existsSync(join(ROOT, pkg, target.default!))).toBe(true);
      }
    }
  });
});

describe('the benchmark replays a query plan in its order', () => {
  const request = (subgraph: RecordedRequest['subgraph'], sentAt: number, answeredAt: number): RecordedRequest => ({ subgraph, body: '', headers: {}, sentAt, answeredAt });

  it('groups requests sent before the ones ahead of them were answered (side by side), and starts a new step after', () => {
    const steps = planSteps([request('cases', 0, 10), request('treatment', 11, 20), request('agencies', 12, 15), request('reporting', 13, 18), request('agencies', 21, 25)]);
    expect(steps.map((step) => step.map((r) => r.subgraph))).toEqual([['cases'], ['treatment', 'agencies', 'reporting'], ['agencies']]);
  });
});
