import { readdir, readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type RouteHandler, sendJson } from '@hub/platform/server';
import type { GatewayConfig } from '../config.js';

/**
 * The partner console (web/, built into web/dist), served by the gateway at `/`: same origin as /graphql, so the
 * console needs no CORS. Files are read once at start-up and answered from memory; the hashed files under
 * /assets/ are immutable, the page itself is revalidated on every load so a new build is picked up at once.
 */
export const CONSOLE_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));
export const CONSOLE_CONFIG_PATH = '/console/config.json';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

export interface Console {
  routes: Record<string, RouteHandler>;
  /** Answers a browser's navigation to `/` or one of the console's own paths with the page; false otherwise. */
  page(req: IncomingMessage, res: ServerResponse): boolean;
}

/** What the console is told about signing in; nothing secret (the client id of a public PKCE client is not). */
export function consoleConfig(config: GatewayConfig) {
  return {
    authMode: config.authMode,
    oidc: config.authMode === 'oidc' && config.console.oidcClientId ? { authority: config.issuer, clientId: config.console.oidcClientId, scope: config.console.oidcScope } : null,
    // The gateway refuses sessions idle longer than AUTH_IDLE_MINUTES; the console signs out first, or after 30
    // minutes where the gateway sets no limit (a shared squad-car laptop left signed in is the case in point).
    idleMinutes: config.identityPolicy.idleMinutes || 30,
    pollSeconds: config.console.pollSeconds,
  };
}

function contentSecurityPolicy(config: GatewayConfig): string {
  // The console loads nothing from elsewhere; in oidc mode it talks to the identity provider (discovery, token
  // endpoint, silent renewal in a hidden frame) and nothing else. Only the console frames itself (that renewal frame
  // comes back to /signed-in-silently); no other site may.
  const provider = config.authMode === 'oidc' && config.issuer ? ` ${new URL(config.issuer).origin}` : '';
  return [
    "default-src 'none'",
    "script-src 'self'",
    // Chart.js sizes its canvas with inline styles.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    `connect-src 'self'${provider}`,
    `frame-src${provider || " 'none'"}`,
    "base-uri 'none'",
    `form-action 'self'${provider}`,
    "frame-ancestors 'self'",
  ].join('; ');
}

function wantsPage(req: IncomingMessage): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const url = new URL(req.url ?? '/', 'http://localhost');
  // A GraphQL GET carries a query; the console's own paths have no file extension.
  if (url.searchParams.has('query') || extname(url.pathname) !== '') return false;
  return (req.headers.accept ?? '').includes('text/html');
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : Promise.resolve([join(dir, e.name)]))));
  return nested.flat();
}

/** Null (with the reason) when there is no build: the gateway then serves the explorer at `/` as before. */
export async function loadConsole(config: GatewayConfig, dist = CONSOLE_DIST): Promise<Console | { missing: string }> {
  const index = join(dist, 'index.html');
  if (!(await stat(index).catch(() => null))) return { missing: `no console build at ${index} (npm start builds it; or npm run build -w @hub/web)` };
  const html = await readFile(index);
  const routes: Record<string, RouteHandler> = {};
  for (const file of await listFiles(join(dist, 'assets')).catch(() => [])) {
    const contentType = CONTENT_TYPES[extname(file)];
    if (!contentType) continue;
    const body = await readFile(file);
    const gzipped = gzipSync(body);
    routes[`/assets/${file.slice(join(dist, 'assets').length + 1)}`] = (req, res) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: 'use GET' });
      const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      const sent = gzip ? gzipped : body;
      res.writeHead(200, {
        'content-type': contentType,
        'content-length': sent.length,
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
        vary: 'accept-encoding',
        'cache-control': 'public, max-age=31536000, immutable',
        'x-content-type-options': 'nosniff',
      });
      res.end(req.method === 'HEAD' ? undefined : sent);
    };
  }
  const settings = consoleConfig(config);
  routes[CONSOLE_CONFIG_PATH] = (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    sendJson(res, 200, settings);
  };
  const csp = contentSecurityPolicy(config);
  return {
    routes,
    page(req, res) {
      if (!wantsPage(req)) return false;
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-length': html.length,
        'cache-control': 'no-cache',
        'content-security-policy': csp,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      });
      res.end(req.method === 'HEAD' ? undefined : html);
      return true;
    },
  };
}
