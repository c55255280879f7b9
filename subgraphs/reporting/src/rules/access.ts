import { ANYONE_SIGNED_IN, definePolicy } from '@hub/platform/access';

/**
 * Who may do what in the reporting subgraph: the one place that decides. Reporting holds no person's record, only
 * de-identified facts, and answers statistics with small counts suppressed: any signed-in hub user may read them.
 * Its writes arrive as signed events from the other subgraphs (events/inbox-route.ts), never from callers.
 */
type Resources = {
  'statistics:read': void;
};

export const access = definePolicy<Resources>(
  {
    'statistics:read': { describe: 'read statistics', roles: ANYONE_SIGNED_IN },
  },
  // The action behind every root field and entity of the schema; the subgraph refuses to start without one.
  {
    'Query.suppressionThreshold': 'statistics:read',
    'Entity.Agency': 'statistics:read',
  },
);

export const { can, assertCan } = access;
