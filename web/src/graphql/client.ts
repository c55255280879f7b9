import { Client, fetchExchange, type AnyVariables, type DocumentInput } from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';
import { getSession } from '../auth/session.js';

/**
 * One urql client for the console. Every operation is sent by the hash codegen gave it (the persisted-documents
 * manifest the gateway holds), so with HUB_TRUSTED_DOCUMENTS=only the gateway runs nothing else from a browser;
 * a gateway without the manifest answers that it does not support or know the hash, and the exchange sends the
 * full text instead.
 */
function hashOf(document: DocumentInput<unknown, AnyVariables>): string {
  const meta = (document as { __meta__?: { hash?: string } }).__meta__;
  if (!meta?.hash) throw new Error('an operation without a persisted-document hash: run npm run codegen');
  return meta.hash;
}

export function createHubClient(url = '/graphql'): Client {
  return new Client({
    url,
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    exchanges: [
      persistedExchange({
        // Hash first; the text only when the gateway holds no manifest (HUB_TRUSTED_DOCUMENTS=off), and under
        // `only` the text is refused anyway.
        enforcePersistedQueries: false,
        enableForMutation: true,
        preferGetForPersistedQueries: false,
        generateHash: async (_query, document) => hashOf(document),
      }),
      fetchExchange,
    ],
    fetchOptions: (): RequestInit => {
      const session = getSession();
      const headers: Record<string, string> = session ? { authorization: `Bearer ${session.token}` } : {};
      return { headers };
    },
  });
}
