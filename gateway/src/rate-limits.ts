import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';
import cluster from 'node:cluster';
import { RateLimiterCluster, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { GatewayContext } from './context.js';

/**
 * Operations worth limiting per person: looking up one person's record by id or reference (enumeration), statistics
 * (differencing one query against another to isolate a person), and the quick referral (the phone form, which a
 * script could flood). Each root field counts once, so aliases cannot multiply a single request.
 */
export const SENSITIVE_FIELDS = {
  personLookups: ['person', 'participant', 'deflection', 'deflectionByReference', 'treatmentEpisode', 'treatmentOfDeflection'],
  statistics: ['statistics', 'crisisStatistics', 'stateDataSet'],
  quickReferrals: ['quickReferral'],
} as const;

export type RateLimitedKind = keyof typeof SENSITIVE_FIELDS;

/** Requests per minute per identity for each kind; 0 turns a limit off. */
export type RateLimits = Record<RateLimitedKind, number>;

const KIND_OF_FIELD = new Map<string, RateLimitedKind>(
  (Object.entries(SENSITIVE_FIELDS) as [RateLimitedKind, readonly string[]][]).flatMap(([kind, fields]) => fields.map((field) => [field, kind] as const)),
);

function sensitiveFieldCounts(operation: OperationDefinitionNode): Map<RateLimitedKind, number> {
  const counts = new Map<RateLimitedKind, number>();
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    const kind = KIND_OF_FIELD.get(selection.name.value);
    if (kind) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return counts;
}

/**
 * Limits per identity (the signed-in person; an anonymous caller by address), kept in the gateway's memory by
 * `rate-limiter-flexible`, which has a Redis store with the same interface for several gateways. A refusal is
 * RATE_LIMITED, HTTP 429 with Retry-After, before anything is planned or sent to a subgraph.
 */
export function rateLimits(limits: RateLimits): ApolloServerPlugin<GatewayContext> {
  const limiters = new Map<RateLimitedKind, RateLimiterMemory | RateLimiterCluster>();
  for (const [kind, perMinute] of Object.entries(limits) as [RateLimitedKind, number][]) {
    if (perMinute <= 0) continue;
    // One count per identity for the whole gateway: in cluster mode the workers keep it in the primary process
    // (rate-limiter-flexible's cluster store), or each worker would allow the limit again.
    const options = { keyPrefix: kind, points: perMinute, duration: 60 };
    limiters.set(kind, cluster.isWorker ? new RateLimiterCluster({ ...options, timeoutMs: 3_000 }) : new RateLimiterMemory(options));
  }
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (!operation || limiters.size === 0) return;
          const identity = contextValue.actor ? `person:${contextValue.actor.personId}` : `address:${contextValue.clientAddress}`;
          for (const [kind, count] of sensitiveFieldCounts(operation)) {
            const limiter = limiters.get(kind);
            if (!limiter) continue;
            try {
              await limiter.consume(identity, count);
            } catch (refusal) {
              if (!(refusal instanceof RateLimiterRes)) throw refusal;
              const retryAfterSeconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
              throw new GraphQLError(`Too many ${kindLabel(kind)}: at most ${limits[kind]} a minute. Try again in ${retryAfterSeconds} s.`, {
                extensions: {
                  code: 'RATE_LIMITED',
                  limit: kind,
                  perMinute: limits[kind],
                  retryAfterSeconds,
                  http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
                },
              });
            }
          }
        },
      };
    },
  };
}

function kindLabel(kind: RateLimitedKind): string {
  return { personLookups: 'lookups of a person’s record', statistics: 'statistics queries', quickReferrals: 'quick referrals' }[kind];
}
