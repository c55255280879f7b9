import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';

const run = promisify(execFile);
const exported = Object.keys((JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { exports: Record<string, string> }).exports);

describe('the platform’s entry points', () => {
  it('load outside Jest (scripts such as the benchmark import them), except the one made for Jest', async () => {
    const outsideJest = exported.filter((path) => path !== './testing/jest').map((path) => `@hub/platform${path.slice(1)}`);
    const script = outsideJest.map((name) => `await import(${JSON.stringify(name)});`).join(' ');
    const { stdout } = await run('node_modules/.bin/tsx', ['--eval', `(async () => { ${script} console.log('loaded ${outsideJest.length}'); })()`], { timeout: 60_000 });
    expect(stdout.trim()).toBe(`loaded ${outsideJest.length}`);
  }, 90_000);
});
