import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';

type Variables = Record<string, unknown> | undefined;

/**
 * What makes two entity fetches of one request to one subgraph the same fetch for different entities: the same
 * document and the same other variables. Only such fetches may go as one. The planner names each fetch after the
 * client's operation and the fetch's place in the plan (`ReviewQueue__agencies__2`), which says nothing of what it
 * asks, so the name is left out.
 */
export function entityFetchKey(query: string, variables: Variables): string {
  const { representations: _representations, ...others } = variables ?? {};
  return `${query.replace(/^\s*query\s+[_A-Za-z][_0-9A-Za-z]*/, 'query')}\n${JSON.stringify(others)}`;
}

/**
 * The answer to fetches sent as one, split back into the answer each would have had alone: its own slice of
 * `_entities`, the errors about its entities with their indexes counted from its own first one, and every error
 * that names no entity (as each fetch sent alone would have got it).
 */
export function splitEntityResponse(response: GatewayGraphQLResponse, sizes: readonly number[]): GatewayGraphQLResponse[] {
  const entities = response.data?._entities;
  const total = sizes.reduce((sum, size) => sum + size, 0);
  // An answer of the wrong length goes to each as it came, for the gateway to refuse as it would have.
  if (Array.isArray(entities) && entities.length !== total) return sizes.map(() => response);
  let next = 0;
  return sizes.map((size) => {
    const start = next;
    next += size;
    const data = Array.isArray(entities) ? { ...response.data, _entities: entities.slice(start, start + size) } : response.data;
    const errors = response.errors?.flatMap((error) => {
      const [root, index, ...rest] = error.path ?? [];
      // An index no fetch sent is passed on to each, as a fetch sent alone would have passed it on.
      if (root !== '_entities' || typeof index !== 'number' || index < 0 || index >= total) return [error];
      return index >= start && index < start + size ? [{ ...error, path: ['_entities', index - start, ...rest] }] : [];
    });
    const { errors: _all, ...rest } = response;
    return { ...rest, ...(data === undefined ? {} : { data }), ...(errors && errors.length > 0 ? { errors } : {}) };
  });
}

interface Waiting<O> {
  options: O;
  resolve(response: GatewayGraphQLResponse): void;
  reject(error: unknown): void;
}

/**
 * Gathers the entity fetches one request makes to one subgraph at the same time (a plan's parallel fetches: a
 * deflection's unit and the MEG it counts for are two fetches of agencies for the same field) and sends those with
 * the same document as one, so the subgraph answers one request, not one per place in the plan. Fetches of
 * different requests never meet: each request's identity is in its own context, and its answer is its own.
 *
 * A fetch waits for the rest of its request's parallel branches to start (until the event loop's next turn,
 * `setImmediate`); a fetch started later, after an answer it needs, is never held for one before it.
 */
export class EntityFetchBatcher<O extends { context: object; request: { query?: string; variables?: Variables } }> {
  private readonly pending = new WeakMap<object, Map<string, Waiting<O>[]>>();

  constructor(
    /** Sends one fetch (alone, or the merged one) and answers it; a failure is not yet placed in the answer. */
    private readonly send: (options: O) => Promise<GatewayGraphQLResponse>,
    /** The error a fetch fails with, placed where that fetch's fields would have been. */
    private readonly failureOf: (error: unknown, options: O) => unknown,
  ) {}

  fetch(options: O): Promise<GatewayGraphQLResponse> {
    const key = entityFetchKey(options.request.query!, options.request.variables);
    let batches = this.pending.get(options.context);
    if (!batches) this.pending.set(options.context, (batches = new Map()));
    let waiting = batches.get(key);
    if (!waiting) {
      const started: Waiting<O>[] = (waiting = []);
      batches.set(key, started);
      setImmediate(() => {
        batches.delete(key);
        void this.flush(started);
      });
    }
    const batch = waiting;
    return new Promise((resolve, reject) => batch.push({ options, resolve, reject }));
  }

  private async flush(batch: readonly Waiting<O>[]): Promise<void> {
    try {
      const lists = batch.map(({ options }) => options.request.variables!.representations as unknown[]);
      const first = batch[0]!.options;
      const merged: O = batch.length === 1 ? first : { ...first, request: { ...first.request, variables: { ...first.request.variables, representations: lists.flat() } } };
      const answer = await this.send(merged);
      const answers = batch.length === 1 ? [answer] : splitEntityResponse(answer, lists.map((list) => list.length));
      batch.forEach((waiting, i) => waiting.resolve(answers[i]!));
    } catch (error) {
      for (const waiting of batch) waiting.reject(this.failureOf(error, waiting.options));
    }
  }
}
