import type { GraphQLFormattedError } from 'graphql';
import type { Actor } from '../identity/actor.js';

/**
 * What a subgraph must answer one role for one operation, given its access rule: nobody signed in is
 * UNAUTHENTICATED; a role the rule does not list is refused by the gate, which names the action; a role it lists
 * passes the gate (whatever the record-level rules or the made-up arguments say next), and nothing is an
 * internal error.
 */
export function matrixViolation(actor: Actor | null, allowed: boolean, action: string, errors: readonly GraphQLFormattedError[] | undefined): string | null {
  const codes = (errors ?? []).map((e) => e.extensions?.code);
  if (codes.includes('INTERNAL_SERVER_ERROR')) return `answered INTERNAL_SERVER_ERROR: ${errors?.map((e) => e.message).join('; ')}`;
  if (!actor) return codes.length > 0 && codes.every((c) => c === 'UNAUTHENTICATED') ? null : `expected UNAUTHENTICATED, got ${JSON.stringify(codes)}`;
  const refusedByRole = (errors ?? []).some((e) => e.extensions?.code === 'FORBIDDEN' && e.extensions?.action === action);
  if (!allowed && !refusedByRole) return `expected the gate to refuse ${action}, got ${JSON.stringify(codes)}`;
  if (allowed && refusedByRole) return `the gate refused ${action} to a role its rule allows`;
  return null;
}
