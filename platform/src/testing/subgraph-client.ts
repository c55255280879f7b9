import type { ApolloServer } from '@apollo/server';
import { getOperationAST, parse, type GraphQLFormattedError } from 'graphql';
import type { SubgraphOrm } from '../db/orm.js';
import { findPersona, type Persona } from '../demo/catalogue.js';
import type { Actor } from '../identity/actor.js';
import type { InternalTokenSigner } from '../identity/internal-token.js';
import { requestAudit } from '../audit/request-audit.js';
import { subgraphApollo } from '../server/subgraph-server.js';
import type { SubgraphDefinition } from '../subgraph.js';
import type { OperationKind } from '../topology.js';

/** A query, or anything else (a mutation, or text that does not parse, which Apollo then refuses itself). */
function operationKind(query: string): OperationKind {
  try {
    return getOperationAST(parse(query))?.operation === 'query' ? 'query' : 'mutation';
  } catch {
    return 'mutation';
  }
}

export interface OperationResult<T> {
  data: T | null | undefined;
  errors: readonly GraphQLFormattedError[] | undefined;
  extensions: Record<string, unknown> | undefined;
}

/**
 * Runs operations against one subgraph's real schema, resolvers and database, as a given actor, without HTTP:
 * the integration-test seam. End-to-end tests go through the gateway instead.
 */
export class SubgraphClient<C extends object> {
  private readonly apollo: ApolloServer<C>;

  constructor(
    private readonly definition: SubgraphDefinition<C>,
    private readonly orm: SubgraphOrm,
    /** To call other subgraphs over HTTP as the gateway would: their URLs in `env`, tokens from `signer`. */
    private readonly options: { signer?: InternalTokenSigner; env?: Record<string, string | undefined> } = {},
  ) {
    this.apollo = subgraphApollo<C>(definition.schema, definition.plugins);
  }

  async run<T = Record<string, unknown>>(
    as: Actor | Persona | string | null,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<OperationResult<T>> {
    const actor = typeof as === 'string' ? requirePersona(as).actor : as && 'actor' in as ? as.actor : as;
    // Onward tokens as the gateway gives them: a query's reach only as far as queries need (SUBGRAPH_CALLS_IN_QUERIES),
    // so a query path that starts calling another subgraph fails here too, not only behind the gateway.
    const kind = operationKind(query);
    const onward = this.options.signer ? (await this.options.signer.credentialsFor(actor, this.definition.name, undefined, kind)).onward : {};
    const audit = requestAudit(this.definition.name, actor, { requestId: null, clientAddress: null, operation: null });
    const contextValue = this.definition.createContext({ actor, onward, audit, em: this.orm.fork(), orm: this.orm, env: this.options.env ?? {} });
    const response = await this.apollo.executeOperation<T>({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('incremental delivery is not used by the hub');
    return { data: response.body.singleResult.data, errors: response.body.singleResult.errors, extensions: response.body.singleResult.extensions };
  }

  /** Runs an operation that must succeed and returns its data. */
  async ok<T = Record<string, unknown>>(as: Actor | Persona | string | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await this.run<T>(as, query, variables);
    if (result.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(result.errors, null, 2)}`);
    return result.data as T;
  }

  /** Runs an operation that must fail and returns its first error. */
  async error(as: Actor | Persona | string | null, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLFormattedError> {
    const result = await this.run(as, query, variables);
    const first = result.errors?.[0];
    if (!first) throw new Error(`expected an error, got data: ${JSON.stringify(result.data)}`);
    return first;
  }
}

export function requirePersona(key: string): Persona {
  const persona = findPersona(key);
  if (!persona) throw new Error(`no demo persona "${key}"`);
  return persona;
}
