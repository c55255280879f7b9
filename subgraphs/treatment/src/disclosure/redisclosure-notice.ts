import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context.js';
import { REDISCLOSURE_NOTICE } from '../rules/consent-rules.js';

/**
 * For a response that discloses 42 CFR Part 2 information: writes the disclosure log (once, for the whole
 * response, however many deflections it covers) and adds the 2.32 redisclosure notice. If the log cannot be
 * written, the information is withheld: nothing is disclosed that is not accounted for.
 */
export const redisclosureNotice: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        if (!contextValue.disclosed || response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        try {
          await contextValue.em.flush();
        } catch (error) {
          console.error('[treatment] disclosure log could not be written; withholding the response', error);
          result.data = null;
          result.errors = [{ message: 'Treatment information could not be disclosed right now; nothing was disclosed.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }];
          return;
        }
        result.extensions = { ...result.extensions, redisclosureNotice: REDISCLOSURE_NOTICE };
      },
    };
  },
};
