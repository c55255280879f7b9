import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type RouteHandler, sendJson } from '@hub/platform/server';
import { DEV_PERSONAS_PATH, DEV_TOKEN_PATH } from '../dev-sign-in.js';

/**
 * The GraphQL explorer for browsers: GraphiQL and React from the gateway's own npm packages, served by the
 * gateway, so opening /graphql works on a machine or network without internet (Apollo's landing pages load
 * from a CDN).
 */
export interface Explorer {
  /** The page's scripts and styles, under /explorer/. */
  routes: Record<string, RouteHandler>;
  /** Answers a browser's GET of /graphql or / with the explorer page; false for anything else. */
  landingPage: (req: IncomingMessage, res: ServerResponse) => boolean;
}

export interface ExplorerOptions {
  /** In dev mode the page signs in as a demo persona through the gateway's development issuer. */
  devSignIn: boolean;
}

interface Asset {
  path: string;
  contentType: string;
  body: Buffer;
  gzipped: Buffer;
}

const PREFIX = '/explorer/';
const CONTENT_TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

// The page's only scripts are these files and its only requests go to this origin: the browser enforces that
// nothing leaves the machine. GraphiQL's fonts and icons are data: URLs in its stylesheet. Its dialogs add
// <style> elements, harmless here since styles can load nothing the font and image sources do not allow.
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const require = createRequire(import.meta.url);

function packageFile(name: string, file: string): string {
  // Resolved from the gateway package, whose dependencies pin these versions.
  return join(dirname(require.resolve(`${name}/package.json`)), file);
}

function ownFile(file: string): string {
  return fileURLToPath(new URL(file, import.meta.url));
}

async function loadAsset(name: string, file: string): Promise<Asset> {
  const body = await readFile(file);
  const extension = extname(file);
  const contentType = CONTENT_TYPES[extension];
  if (!contentType) throw new Error(`no content type for ${file}`);
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { path: `${PREFIX}${name}.${hash}${extension}`, contentType, body, gzipped: gzipSync(body) };
}

function serveAsset(asset: Asset): RouteHandler {
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return sendJson(res, 405, { error: 'use GET' });
    }
    const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    const body = gzip ? asset.gzipped : asset.body;
    res.writeHead(200, {
      'content-type': asset.contentType,
      'content-length': body.length,
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      vary: 'accept-encoding',
      // The name carries a hash of the content, so a changed file is a new URL and this one never goes stale.
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

/** Relative, so the page still finds its files when a proxy serves the hub under a path of its own. */
function relative(path: string): string {
  return path.slice(1);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function pageHtml(styles: Asset[], scripts: Asset[], config: unknown): string {
  // `<` escaped so no value can close the script element that carries the configuration.
  const configJson = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Illinois Deflection Hub · GraphQL explorer</title>
<link rel="icon" href="data:,">
${styles.map((s) => `<link rel="stylesheet" href="${escapeHtml(relative(s.path))}">`).join('\n')}
<script type="application/json" id="explorer-config">${configJson}</script>
${scripts.map((s) => `<script defer src="${escapeHtml(relative(s.path))}"></script>`).join('\n')}
</head>
<body>
<div id="explorer"><noscript>The GraphQL explorer needs JavaScript. Without it, POST queries to this URL.</noscript></div>
</body>
</html>
`;
}

function wantsPage(req: IncomingMessage): boolean {
  // What Apollo's landing pages answer too: a browser navigating here, not a GraphQL GET carrying a query.
  const accept = req.headers.accept ?? '';
  return accept.includes('text/html') && !new URL(req.url ?? '/', 'http://localhost').searchParams.has('query');
}

/** Reads every file once, at startup; requests are then answered from memory. */
export async function loadExplorer(options: ExplorerOptions): Promise<Explorer> {
  const [graphiqlCss, pageCss, react, reactDom, graphiql, page] = await Promise.all([
    loadAsset('graphiql', packageFile('graphiql', 'dist/style.css')),
    loadAsset('page', ownFile('./page.css')),
    // UMD builds: GraphiQL's bundle expects the globals React and ReactDOM, and nothing needs a bundler.
    loadAsset('react', packageFile('react', 'umd/react.production.min.js')),
    loadAsset('react-dom', packageFile('react-dom', 'umd/react-dom.production.min.js')),
    loadAsset('graphiql', packageFile('graphiql', 'dist/index.umd.js')),
    loadAsset('page', ownFile('./page.js')),
  ]);
  const assets = [graphiqlCss, pageCss, react, reactDom, graphiql, page];
  const config = {
    devSignIn: options.devSignIn ? { personas: relative(DEV_PERSONAS_PATH), token: relative(DEV_TOKEN_PATH) } : null,
  };
  const html = Buffer.from(pageHtml([graphiqlCss, pageCss], [react, reactDom, graphiql, page], config));
  return {
    routes: Object.fromEntries(assets.map((asset) => [asset.path, serveAsset(asset)])),
    landingPage(req, res) {
      if (!wantsPage(req)) return false;
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-length': html.length,
        // It names the current files; a browser asks again rather than keep an old list.
        'cache-control': 'no-cache',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      });
      res.end(html);
      return true;
    },
  };
}
