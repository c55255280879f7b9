import { randomUUID } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import type { GatewayPlugin, PropagateHeadersOpts } from '@graphql-hive/gateway';
import { getOperationAST, type ExecutionResult } from 'graphql';
import type { JWK } from 'jose';
import {
  CallerTokenVerifier,
  encodeOnwardTokens,
  InternalTokenSigner,
  InvalidCallerToken,
  ONWARD_TOKENS_HEADER,
  type Actor,
  type InternalCredentials,
} from '@hub/platform/identity';
import { HttpError } from '@hub/platform/server';
import { isSubgraphName, type OperationKind, type SubgraphName } from '@hub/platform/topology';
import { tokenRefused } from '../../gateway/src/client-errors.js';
import { DEV_JWKS_PATH, type GatewayConfig } from '../../gateway/src/config.js';
import { IdentityRules } from '../../gateway/src/identity-policy.js';
import { reportSignInFailure } from '../../gateway/src/sign-in-audit.js';

/**
 * The hub's identity rules for Hive Gateway, the same as our gateway's (gateway/src/gateway.ts): the caller's bearer
 * token is verified against the configured issuer's JWKS and the CJIS identity rules before anything else happens;
 * a refused token is audited and answered 401 UNAUTHENTICATED; no token at all is an anonymous caller. Every call to
 * a subgraph then carries an internal token signed for that subgraph alone (with onward tokens for the subgraphs it
 * may ask), made once per subgraph and request, and nothing the client sent.
 *
 * The internal token travels as a propagated header (`propagateHeaders.fromClientToSubgraphs`), which Hive puts in
 * the execution request's headers before its HTTP executor computes the key of its in-flight de-duplication
 * (url | method | body | headers). Setting it later, in `onFetch`, would leave it out of that key: two callers with
 * different identities sending the same subgraph query at the same moment would share one subgraph answer.
 */
export interface HubIdentityOptions {
  config: Pick<GatewayConfig, 'issuer' | 'audience' | 'jwksUrl' | 'identityPolicy' | 'production' | 'subgraphUrls'>;
  /** The gateway's private key: it signs the identity forwarded to subgraphs. */
  gatewayPrivateJwk: JWK;
  /**
   * Development mode (no JWKS URL configured): the development issuer's public key, served by this gateway at
   * DEV_JWKS_PATH and fetched from `ownUrl` like any other JWKS, as our gateway does.
   */
  devIssuer?: { publicJwk: JWK; ownUrl: string };
  /** The path GraphQL is served at: the only one that authenticates (health and readiness need no token). */
  graphqlEndpoint: string;
}

export interface HubIdentity {
  plugin: GatewayPlugin;
  propagateHeaders: PropagateHeadersOpts<Record<string, never>>;
}

/** What the gateway knows about one HTTP request, from its first hook on. */
interface Caller {
  actor: Actor | null;
  requestId: string;
  clientAddress: string;
  /** The operation's name, once the document is known (signed into each internal token, for the audit trail). */
  operation: string | null;
  /** As our gateway decides it: only a query is known to read, and its tokens reach no further than a query needs. */
  kind: OperationKind;
  credentials: Map<SubgraphName, Promise<InternalCredentials>>;
  /** Set when a subgraph disclosed 42 CFR Part 2 information: the 2.32 notice goes out with the response. */
  redisclosureNotice?: string;
}

export async function hubIdentity(options: HubIdentityOptions): Promise<HubIdentity> {
  const { config } = options;
  const signer = await InternalTokenSigner.fromJwk(options.gatewayPrivateJwk);
  const jwksUrl = config.jwksUrl ?? (options.devIssuer ? new URL(DEV_JWKS_PATH, options.devIssuer.ownUrl) : null);
  if (!jwksUrl) throw new Error('No way to verify callers: set AUTH_JWKS_URL (AUTH_MODE=oidc), or give the development issuer key (AUTH_MODE=dev).');
  const verifier = new CallerTokenVerifier({ issuer: config.issuer, audience: config.audience, jwksUrl });
  const devJwks = options.devIssuer && !config.jwksUrl ? JSON.stringify({ keys: [options.devIssuer.publicJwk] }) : null;
  const identityRules = new IdentityRules(config.identityPolicy);
  const callers = new WeakMap<Request, Caller>();

  /** The caller's actor (null when anonymous), or the HTTP refusal our gateway would answer. */
  async function authenticate(request: Request, requestId: string, clientAddress: string): Promise<Actor | null | HttpError> {
    const header = request.headers.get('authorization');
    if (!header) return null;
    const token = header.match(/^Bearer (.+)$/i)?.[1];
    if (!token) return new HttpError(401, 'UNAUTHENTICATED', 'Authorization must be "Bearer <token>".');
    try {
      const { actor, signIn } = await verifier.verify(token);
      identityRules.enforce(signIn);
      return actor;
    } catch (error) {
      if (!(error instanceof InvalidCallerToken)) throw error;
      await reportSignInFailure({ signer, agenciesUrl: config.subgraphUrls.agencies, requestId, clientAddress, reason: error.detail ?? error.message });
      return tokenRefused(error, config.production);
    }
  }

  const plugin: GatewayPlugin = {
    async onRequest({ request, url, serverContext, endResponse, fetchAPI }) {
      if (devJwks && url.pathname === DEV_JWKS_PATH) {
        endResponse(new fetchAPI.Response(devJwks, { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' } }));
        return;
      }
      if (url.pathname !== options.graphqlEndpoint || request.method === 'OPTIONS') return;
      // One id per HTTP request, made here: a client-sent X-Request-Id is not trusted into the audit trail.
      const requestId = randomUUID();
      const clientAddress = clientAddressOf(serverContext);
      const actor = await authenticate(request, requestId, clientAddress);
      if (actor instanceof HttpError) {
        const body = JSON.stringify({ errors: [{ message: actor.message, extensions: { code: actor.code, ...actor.extensions } }] });
        endResponse(new fetchAPI.Response(body, { status: actor.status, headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': requestId } }));
        return;
      }
      callers.set(request, { actor, requestId, clientAddress, operation: null, kind: 'mutation', credentials: new Map() });
    },
    onExecute({ args }) {
      const caller = callers.get(args.contextValue.request);
      if (caller) {
        const operation = getOperationAST(args.document, args.operationName);
        caller.operation = args.operationName ?? operation?.name?.value ?? null;
        caller.kind = operation?.operation === 'query' ? 'query' : 'mutation';
      }
      return {
        onExecuteDone({ result, setResult }) {
          const notice = caller?.redisclosureNotice;
          if (!notice || Symbol.asyncIterator in result) return;
          setResult({ ...result, extensions: { ...result.extensions, redisclosureNotice: notice } });
        },
      };
    },
    onSubgraphExecute({ executionRequest }) {
      const request = executionRequest.context?.request;
      const caller = request ? callers.get(request) : undefined;
      if (!caller) return;
      return ({ result }) => {
        if (Symbol.asyncIterator in result) return;
        const notice = (result as ExecutionResult).extensions?.redisclosureNotice;
        if (typeof notice === 'string') caller.redisclosureNotice = notice;
      };
    },
    onResponse({ request, response }) {
      const caller = callers.get(request);
      if (caller) response.headers.set('x-request-id', caller.requestId);
    },
  };

  const propagateHeaders: HubIdentity['propagateHeaders'] = {
    async fromClientToSubgraphs({ request, subgraphName }) {
      // Fails closed: a subgraph call for a request this plugin has not authenticated carries no identity at all.
      const caller = callers.get(request);
      if (!caller) throw new Error('A subgraph call for a request whose caller was not established.');
      if (!isSubgraphName(subgraphName)) throw new Error(`The supergraph names a subgraph the hub does not know: ${subgraphName}`);
      let credentials = caller.credentials.get(subgraphName);
      if (!credentials) {
        credentials = signer.credentialsFor(caller.actor, subgraphName, { requestId: caller.requestId, clientAddress: caller.clientAddress, operation: caller.operation }, caller.kind);
        caller.credentials.set(subgraphName, credentials);
      }
      const { token, onward } = await credentials;
      return { authorization: `Bearer ${token}`, [ONWARD_TOKENS_HEADER]: encodeOnwardTokens(onward) || null };
    },
  };

  return { plugin, propagateHeaders };
}

/** The caller's network address as the gateway saw it (Hive's Node server passes the IncomingMessage as `req`). */
function clientAddressOf(serverContext: object): string {
  const req = 'req' in serverContext ? serverContext.req : undefined;
  return (req instanceof IncomingMessage ? req.socket.remoteAddress : undefined) ?? 'unknown';
}
