import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context.js';
import { REDISCLOSURE_NOTICE } from '../rules/consent-rules.js';

/** 42 CFR 2.32: every response that discloses Part 2 information carries the redisclosure notice. */
export const redisclosureNotice: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        if (!contextValue.disclosed || response.body.kind !== 'single') return;
        response.body.singleResult.extensions = { ...response.body.singleResult.extensions, redisclosureNotice: REDISCLOSURE_NOTICE };
      },
    };
  },
};
