import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { fileURLToPath } from 'node:url';
import { HttpError } from '@hub/platform/server';

/**
 * Trusted documents: the console's operations, by hash, from the manifest codegen writes
 * (web/src/gql/persisted-documents.json, `sha256:<hex>` → text). A request that names a hash in the manifest runs
 * the manifest's text, whatever else it sends. With HUB_TRUSTED_DOCUMENTS=only a browser may run nothing else:
 * arbitrary query text from a page (a partner's XSS, a curious user's console) is refused before it is parsed.
 * Servers calling the hub (no Origin, no Sec-Fetch-Site) are partner integrations and keep sending queries.
 */
export const TRUSTED_DOCUMENTS_FILE = fileURLToPath(new URL('../../web/src/gql/persisted-documents.json', import.meta.url));

export type TrustedDocumentsMode = 'off' | 'allow' | 'only';

interface PersistedQueryExtension {
  version?: unknown;
  sha256Hash?: unknown;
}

/**
 * Browsers send Origin with every POST and Sec-Fetch-Site with every request, and a page cannot remove either.
 * (Sec-Fetch-Mode alone proves nothing: Node's fetch sends it too.)
 */
function fromBrowser(req: IncomingMessage): boolean {
  return req.headers.origin !== undefined || req.headers['sec-fetch-site'] !== undefined;
}

export class TrustedDocuments {
  private constructor(
    private readonly mode: TrustedDocumentsMode,
    private readonly documents: Map<string, string>,
  ) {}

  static async load(mode: TrustedDocumentsMode, file = TRUSTED_DOCUMENTS_FILE): Promise<TrustedDocuments> {
    if (mode === 'off') return new TrustedDocuments(mode, new Map());
    const text = await readFile(file, 'utf8').catch((error: Error) => {
      throw new Error(`HUB_TRUSTED_DOCUMENTS=${mode} needs the manifest ${file}: ${error.message}`);
    });
    const manifest = JSON.parse(text) as Record<string, string>;
    const documents = new Map<string, string>();
    for (const [key, query] of Object.entries(manifest)) documents.set(key.replace(/^sha256:/, ''), query);
    return new TrustedDocuments(mode, documents);
  }

  get size(): number {
    return this.documents.size;
  }

  /**
   * The body Apollo should run: a known hash becomes its manifest text (and loses the persisted-query extension, so
   * Apollo's own APQ cache is not involved). Refusals are HttpErrors, answered before anything is parsed.
   */
  resolve(body: unknown, req: IncomingMessage): unknown {
    if (this.mode === 'off' || typeof body !== 'object' || body === null || Array.isArray(body)) return body;
    const request = body as { query?: unknown; extensions?: { persistedQuery?: unknown } & Record<string, unknown> };
    const persisted = request.extensions?.persistedQuery;
    if (persisted === undefined) {
      if (this.mode === 'only' && fromBrowser(req) && request.query !== undefined) {
        throw new HttpError(400, 'TRUSTED_DOCUMENTS_ONLY', 'This hub runs only registered operations from a browser (HUB_TRUSTED_DOCUMENTS=only); send the operation by its hash.');
      }
      return body;
    }
    const hash = typeof persisted === 'object' && persisted !== null ? (persisted as PersistedQueryExtension).sha256Hash : undefined;
    if (typeof hash !== 'string' || hash === '') {
      throw new HttpError(400, 'BAD_REQUEST', 'extensions.persistedQuery must be an object with the sha256Hash of the operation.');
    }
    const { persistedQuery: _, ...extensions } = request.extensions ?? {};
    const key = hash.replace(/^sha256:/, '');
    const registered = this.documents.get(key);
    if (registered !== undefined) return { ...request, query: registered, extensions };
    if (typeof request.query === 'string') {
      // A client that sends the text with its hash (a persisted-query client falling back): the two must agree.
      if (createHash('sha256').update(request.query).digest('hex') !== key) {
        throw new HttpError(400, 'BAD_REQUEST', 'extensions.persistedQuery.sha256Hash is not the hash of the query sent with it.');
      }
      if (this.mode === 'only' && fromBrowser(req)) {
        throw new HttpError(400, 'TRUSTED_DOCUMENTS_ONLY', 'This hub runs only registered operations from a browser (HUB_TRUSTED_DOCUMENTS=only); send the operation by its hash.');
      }
      return { ...request, extensions };
    }
    // The message persisted-query clients recognise, so they send the text (refused above for browsers under `only`).
    throw new HttpError(400, 'PERSISTED_QUERY_NOT_FOUND', 'PersistedQueryNotFound', {
      detail: this.mode === 'only' ? 'This hub runs only the operations registered for its console (HUB_TRUSTED_DOCUMENTS=only).' : 'No registered operation has this hash; send the query text.',
    });
  }

  /** A GET names its operation in the URL: under `only`, a browser's GET with query text is refused the same way. */
  checkGet(search: URLSearchParams, req: IncomingMessage): void {
    if (this.mode === 'only' && fromBrowser(req) && search.has('query')) {
      throw new HttpError(400, 'TRUSTED_DOCUMENTS_ONLY', 'This hub runs only registered operations from a browser (HUB_TRUSTED_DOCUMENTS=only); send the operation by its hash.');
    }
  }
}
