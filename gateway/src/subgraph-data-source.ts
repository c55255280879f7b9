import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { GatewayContext } from './context.js';

/**
 * Every call from the gateway to a subgraph carries the gateway-signed identity of the caller, and nothing
 * the client sent: subgraphs never see the client's own token or headers.
 */
export class SignedSubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const token = 'internalToken' in context ? context.internalToken : undefined;
    if (token) request.http?.headers.set('authorization', `Bearer ${token}`);
  }

  /** A subgraph that disclosed Part 2 information says so in its extensions; the gateway passes the notice on. */
  override async didReceiveResponse({ response, context }: { response: GatewayGraphQLResponse; context: GatewayContext }): Promise<GatewayGraphQLResponse> {
    const notice = response.extensions?.redisclosureNotice;
    if (typeof notice === 'string' && context && 'internalToken' in context) context.redisclosureNotice = notice;
    return response;
  }
}
