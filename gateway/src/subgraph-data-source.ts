import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError, Kind, parse } from 'graphql';
import type { GatewayGraphQLRequest, GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { encodeOnwardTokens, ONWARD_TOKENS_HEADER } from '@hub/platform/identity';
import type { SubgraphName } from '@hub/platform/topology';
import type { GatewayContext } from './context.js';
import { EntityFetchBatcher } from './entity-fetch-batching.js';
import { dedupeRepresentations, isEntityFetch } from './representations.js';
import { isSubgraphTimeout } from './subgraph-fetcher.js';

/**
 * Every call from the gateway to a subgraph carries the gateway-signed identity of the caller, made for that
 * subgraph alone, and nothing the client sent: subgraphs never see the client's own token or headers.
 */
export class SignedSubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  /**
   * Each call gets `timeoutMs` (well under the internal token's 60-second life, so a slow subgraph is never blamed
   * on the caller's identity), and a subgraph that does not answer, or cannot be reached, is reported as such.
   */
  constructor(
    private readonly service: { name: SubgraphName; url: string; timeoutMs: number; fetcher: RemoteGraphQLDataSource['fetcher'] },
  ) {
    super({ url: service.url });
    this.fetcher = service.fetcher;
  }

  /** A request's entity fetches to this subgraph that start together, with the same document, go as one. */
  private readonly batcher = new EntityFetchBatcher<GraphQLDataSourceProcessOptions<GatewayContext>>(
    (options) => this.processDeduplicated(options),
    (error, options) => locatedFailure(error, options),
  );

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    if (isEntityFetch(options.request.query, options.request.variables)) return this.batcher.fetch(options);
    try {
      return await this.processDeduplicated(options);
    } catch (error) {
      throw locatedFailure(error, options);
    }
  }

  /** Each distinct entity is sent once per fetch; the answer goes back to every place that named it. */
  private async processDeduplicated(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    const deduped = dedupeRepresentations(options.request.query, options.request.variables);
    if (!deduped) return this.processWithinDeadline(options);
    options.request.variables = deduped.variables;
    return deduped.expand(await this.processWithinDeadline(options));
  }

  private async processWithinDeadline(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const deadline = 'deadline' in options.context ? options.context.deadline : undefined;
      if (deadline === undefined) return await super.process(options);
      // The request's own time limit: however many subgraph calls its plan makes one after another, it ends here.
      const remaining = deadline - Date.now();
      const expired = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(requestTimedOut()), Math.max(0, remaining));
      });
      if (remaining <= 0) return await expired;
      return await Promise.race([super.process(options), expired]);
    } finally {
      clearTimeout(timer);
    }
  }

  override didEncounterError(error: Error): void {
    if (error instanceof GraphQLError) throw error;
    const timedOut = isSubgraphTimeout(error);
    throw new GraphQLError(
      timedOut ? `The ${this.service.name} service did not answer within ${this.service.timeoutMs} ms; try again shortly.` : `The ${this.service.name} service could not be reached; try again shortly.`,
      { extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: this.service.name, retryable: true } },
    );
  }

  override async willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const { request, context } = options;
    if (!('credentialsFor' in context)) return;
    const incoming = 'incomingRequestContext' in options ? options.incomingRequestContext : null;
    const operation = incoming ? (incoming.operationName ?? incoming.request.operationName ?? null) : null;
    // Only a caller's query is known to read; anything else (a mutation, or a fetch the gateway makes on its own)
    // gets the tokens for every subgraph the target may ask.
    const kind = incoming?.operation?.operation === 'query' ? 'query' : 'mutation';
    const { token, onward } = await context.credentialsFor(this.service.name, operation, kind);
    request.http?.headers.set('authorization', `Bearer ${token}`);
    const passedOn = encodeOnwardTokens(onward);
    if (passedOn) request.http?.headers.set(ONWARD_TOKENS_HEADER, passedOn);
  }

  /** A subgraph that disclosed Part 2 information says so in its extensions; the gateway passes the notice on. */
  override async didReceiveResponse({ response, context }: { response: GatewayGraphQLResponse; context: GatewayContext }): Promise<GatewayGraphQLResponse> {
    const notice = response.extensions?.redisclosureNotice;
    if (typeof notice === 'string' && context && 'credentialsFor' in context) context.redisclosureNotice = notice;
    return response;
  }
}

type FetcherResponse = Awaited<ReturnType<RemoteGraphQLDataSource['fetcher']>>;

/**
 * RemoteGraphQLDataSource's `sendRequest`, less the node-fetch `Request` it builds on every call only to pass to
 * `parseBody` and `didEncounterError`, which use nothing of it here: building it (url.parse of the address, a Headers
 * object, a body) was 2.3% of the gateway's CPU on the review queue. Otherwise the same steps in the same order: the
 * body as JSON, the fetcher, `errorFromResponse` for a status other than 2xx, `parseBody`, and `didEncounterError`
 * for any failure. The base class declares the method private, so it is replaced on the prototype rather than
 * overridden (the gateway's packages are pinned to exact versions; gateway tests cover each path).
 */
async function sendRequestWithoutNodeFetchRequest(this: SignedSubgraphDataSource, request: GatewayGraphQLRequest, context: GatewayContext): Promise<GatewayGraphQLResponse> {
  if (!request.http) throw new Error("Internal error: Only 'http' requests are supported.");
  const { http, ...withoutHttp } = request;
  const init = { method: http.method, headers: Object.fromEntries(http.headers), body: JSON.stringify(withoutHttp) };
  let response: FetcherResponse | undefined;
  try {
    response = await this.fetcher(http.url, init);
    if (!response.ok) throw await this.errorFromResponse(response);
    const body = await this.parseBody(response, undefined, context);
    // As Apollo's isObject: a JSON array is not a GraphQL answer either.
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error(`Expected JSON response body, but received: ${String(body)}`);
    return { ...body, http: response };
  } catch (error) {
    (this as RemoteGraphQLDataSource<GatewayContext>).didEncounterError(error as Error, undefined as never, response, context, request);
    throw error;
  }
}
Object.defineProperty(SignedSubgraphDataSource.prototype, 'sendRequest', { value: sendRequestWithoutNodeFetchRequest, writable: true, configurable: true });

/**
 * The unavailable service's error carries the path of the fields it would have answered, where the plan knows it
 * (for fetches sent as one, each gets its own path).
 */
function locatedFailure(error: unknown, options: GraphQLDataSourceProcessOptions<GatewayContext>): unknown {
  const incoming = 'pathInIncomingRequest' in options ? options.pathInIncomingRequest : undefined;
  const entityPath = incoming?.filter((key: string | number) => key !== '@');
  // The plan's path names the entity; when the subgraph was asked for one field of it, name that field too.
  const field = entityPath && entityPath.length > 0 ? soleEntityField(options.request.query) : null;
  const path = field ? [...entityPath!, field] : entityPath;
  const code = error instanceof GraphQLError ? error.extensions?.code : undefined;
  if (error instanceof GraphQLError && (code === 'SUBGRAPH_UNAVAILABLE' || code === 'REQUEST_TIMEOUT') && path && path.length > 0) {
    return new GraphQLError(error.message, { path, extensions: error.extensions });
  }
  return error;
}

function requestTimedOut(): GraphQLError {
  return new GraphQLError('The request ran out of time (HUB_REQUEST_TIMEOUT_MS) before every part was answered; try again, or ask for less.', {
    extensions: { code: 'REQUEST_TIMEOUT', retryable: true, limit: 'timeoutMs' },
  });
}

/** The one field an `_entities` fetch asks of its entities (`treatmentOptions`), or null when it asks several or none. */
function soleEntityField(query: string | undefined): string | null {
  if (!query) return null;
  let document;
  try {
    document = parse(query);
  } catch {
    return null;
  }
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  const entities = operation?.kind === Kind.OPERATION_DEFINITION ? operation.selectionSet.selections.find((s) => s.kind === Kind.FIELD && s.name.value === '_entities') : undefined;
  if (!entities || entities.kind !== Kind.FIELD || !entities.selectionSet) return null;
  const fields = new Set<string>();
  for (const selection of entities.selectionSet.selections) {
    const inner = selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet.selections : [selection];
    for (const s of inner) if (s.kind === Kind.FIELD && s.name.value !== '__typename') fields.add(s.alias?.value ?? s.name.value);
  }
  return fields.size === 1 ? [...fields][0]! : null;
}
