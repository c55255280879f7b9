import { existsSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { readGatewayConfig, readSupergraph, startGateway } from '@hub/gateway';
import { generateSigningKeyPair } from '@hub/platform/identity';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { startTestHub, type TestHub } from '../support/hub.js';

/**
 * The explorer a new user opens first (README: http://localhost:4000/graphql), driven in a real browser that may
 * only reach the hub: the page must work on a machine or agency network without internet.
 */
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ME = '{ me { displayName } }';

/** A CodeMirror 5 editor's element, which carries its editor (GraphiQL 3 renders one per pane). */
interface CodeMirrorHost {
  CodeMirror: { getValue(): string; setValue(value: string): void };
}

const QUERY_EDITOR = '.graphiql-query-editor .CodeMirror';
const RESPONSE = '.graphiql-response .CodeMirror';
// The variables and headers editors share the tool pane; the open one (Headers, on arrival) is not hidden.
const OPEN_TOOL_EDITOR = '.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror';

let hub: TestHub;
let browser: Browser | undefined;
let context: BrowserContext | undefined;
let page: Page;
const leftTheMachine: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  hub = await startTestHub();
});

afterAll(async () => {
  await hub?.stop();
});

function onThisMachine(address: string): boolean {
  const url = new URL(address);
  return url.protocol === 'data:' || url.hostname === '127.0.0.1' || url.hostname === 'localhost';
}

async function eventually<T>(probe: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function editorText(selector: string): Promise<string> {
  return page.locator(selector).evaluate((host: CodeMirrorHost) => host.CodeMirror.getValue());
}

async function run(query: string): Promise<void> {
  await page.locator(QUERY_EDITOR).evaluate((host: CodeMirrorHost, text: string) => host.CodeMirror.setValue(text), query);
  await page.locator('.graphiql-execute-button').click();
}

describe('the explorer at /graphql', () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} is missing: the explorer test drives Debian's Chromium. Install it with: apt-get update && apt-get install -y chromium`);
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 60_000);

  // Each test opens the explorer in a fresh browser profile, as a new user would: none relies on another's clicks.
  beforeEach(async () => {
    leftTheMachine.length = 0;
    pageErrors.length = 0;
    context = await browser!.newContext();
    // Nothing may leave the machine even while a test fails: anything else is refused as well as recorded.
    await context.route('**/*', (route) => (onThisMachine(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
    page = await context.newPage();
    page.on('request', (request) => {
      if (!onThisMachine(request.url())) leftTheMachine.push(request.url());
    });
    // The page's security policy stops most such requests before they are made; it reports them as errors.
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await page.goto(hub.gatewayUrl);
    await page.locator(QUERY_EDITOR).waitFor({ timeout: 30_000 });
  }, 60_000);

  afterEach(async () => {
    await context?.close();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('serves an explorer that works without internet: editor, prefilled demo token, a query answered', async () => {
    const headers = await eventually(() => editorText(OPEN_TOOL_EDITOR), (text) => text.includes('Bearer '), 'the prefilled Authorization header');
    expect(JSON.parse(headers)).toEqual({ Authorization: expect.stringMatching(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/) });
    expect(await page.locator('#hub-persona').inputValue()).toBe('officer');

    await run(ME);
    const response = await eventually(() => editorText(RESPONSE), (text) => text.includes('displayName'), 'the response');
    expect(JSON.parse(response)).toEqual({ data: { me: { displayName: 'Daniel Reyes' } } });
  }, 60_000);

  it('signs in as the demo persona picked above the editor', async () => {
    const before = await eventually(() => editorText(OPEN_TOOL_EDITOR), (text) => text.includes('Bearer '), 'the officer’s token');
    await page.locator('#hub-persona').selectOption('case-manager');
    await eventually(() => editorText(OPEN_TOOL_EDITOR), (text) => text.includes('Bearer ') && text !== before, 'the case manager’s token');

    await run(ME);
    const response = await eventually(() => editorText(RESPONSE), (text) => text.includes('Joy Abernathy'), 'the case manager’s answer');
    expect(JSON.parse(response)).toEqual({ data: { me: { displayName: 'Joy Abernathy' } } });
  }, 60_000);

  it('sends no request off the machine and raises no error in the page, its docs and dialogs included', async () => {
    await page.locator('.graphiql-sidebar button[aria-label="Show Documentation Explorer"]').click();
    await page.locator('.graphiql-doc-explorer').getByText('Root Types').waitFor();
    for (const dialog of ['Open short keys dialog', 'Open settings dialog']) {
      await page.locator(`.graphiql-sidebar button[aria-label="${dialog}"]`).click();
      await page.locator('.graphiql-dialog').waitFor();
      await page.keyboard.press('Escape');
      await page.locator('.graphiql-dialog').waitFor({ state: 'detached' });
    }
    await run(ME);
    await eventually(() => editorText(RESPONSE), (text) => text.includes('displayName'), 'the response');
    expect(leftTheMachine).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 60_000);
});

describe('development sign-in over HTTP', () => {
  const url = (path: string) => new URL(path, hub.gatewayUrl);
  const askToken = (body: string, contentType = 'application/json') =>
    fetch(url('/dev-issuer/token'), { method: 'POST', headers: { 'content-type': contentType }, body });

  it('lists the demo personas and names the default one, officer', async () => {
    const response = await fetch(url('/dev-issuer/personas'));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { default: string; personas: { key: string; description: string }[] };
    expect(body.default).toBe('officer');
    expect(body.personas).toContainEqual({ key: 'case-manager', description: expect.stringContaining('Joy Abernathy') });
  });

  it('issues a token the gateway accepts, and refuses an unknown persona or a body that is not JSON', async () => {
    const issued = await askToken(JSON.stringify({ persona: 'officer' }));
    expect(issued.status).toBe(200);
    expect(issued.headers.get('cache-control')).toBe('no-store');
    const { token } = (await issued.json()) as { token: string };
    expect((await hub.gql<{ me: { displayName: string } }>(ME, { token })).data?.me.displayName).toBe('Daniel Reyes');

    const unknown = await askToken(JSON.stringify({ persona: 'mayor' }));
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: expect.stringContaining('no persona "mayor"') });
    expect((await askToken('{"persona": 7}')).status).toBe(400);
    expect((await askToken('persona=officer', 'application/x-www-form-urlencoded')).status).toBe(415);
    expect((await fetch(url('/dev-issuer/token'))).status).toBe(405);
  });

  it('still answers a GraphQL GET that carries a query, even from a browser', async () => {
    const query = new URL(hub.gatewayUrl);
    query.searchParams.set('query', '{ __typename }');
    const response = await fetch(query, { headers: { accept: 'text/html, application/json', 'apollo-require-preflight': 'true' } });
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('the gateway in production', () => {
  it('serves no explorer and no dev sign-in, and points nobody at a CDN', async () => {
    const config = readGatewayConfig({
      NODE_ENV: 'production',
      GATEWAY_PORT: '0',
      AUTH_ISSUER: 'https://login.example.illinois.gov',
      AUTH_JWKS_URL: 'https://login.example.illinois.gov/jwks.json',
      HUB_GATEWAY_SIGNING_JWK: '{}',
    });
    expect(config.explorer).toBe(false);
    const key = await generateSigningKeyPair('issuer-test');
    const gateway = await startGateway({
      config,
      supergraphSdl: await readSupergraph(),
      internalKey: await generateSigningKeyPair('gateway-test'),
      // Given all the same: outside dev mode the gateway must not turn it into a sign-in route.
      devIssuerPrivateKey: key.privateJwk,
    });
    try {
      const response = await fetch(`${gateway.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(response.headers.get('content-type')).not.toMatch(/text\/html/);
      expect(await response.text()).not.toMatch(/https?:\/\//);
      expect((await fetch(`${gateway.url}/dev-issuer/personas`)).status).toBe(404);
    } finally {
      await gateway.close();
    }
  });
});
