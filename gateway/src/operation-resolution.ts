import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './context.js';

/**
 * A request whose operationName names no operation of its document is the client's mistake: 400 with
 * OPERATION_RESOLUTION_FAILURE, before anything is planned. (In gateway mode Apollo Server would otherwise pass the
 * request on, and the query planner's own failure reached the client as a 500.)
 */
export const operationResolution: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, request }) {
        if (operation) return;
        const message = request.operationName
          ? `The document has no operation named "${request.operationName}".`
          : 'The document has several operations: name the one to run with operationName.';
        throw new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } });
      },
    };
  },
};
