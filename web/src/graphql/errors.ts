import type { CombinedError } from '@urql/core';

/** A refusal from the hub, as the console shows it: next to the field it names, or above the form. */
export interface Refusal {
  code: string;
  message: string;
  /** The input path the hub names (`input.person.givenName`), when the refusal is about one field. */
  field: string | null;
  retryable: boolean;
}

export function refusalsOf(error: CombinedError | undefined): Refusal[] {
  if (!error) return [];
  if (error.networkError && error.graphQLErrors.length === 0) {
    return [{ code: 'NETWORK', message: 'The hub could not be reached. Check the connection and try again.', field: null, retryable: true }];
  }
  return error.graphQLErrors.map((e) => ({
    code: String(e.extensions?.code ?? 'ERROR'),
    message: plainMessage(String(e.extensions?.code ?? ''), e.message),
    field: typeof e.extensions?.field === 'string' ? e.extensions.field : null,
    retryable: e.extensions?.retryable === true,
  }));
}

/** The hub's messages are written for people already; a few codes get a sentence of what to do instead. */
function plainMessage(code: string, message: string): string {
  switch (code) {
    case 'UNAUTHENTICATED':
      return 'Your sign-in has ended. Sign in again.';
    case 'RATE_LIMITED':
      return 'Too many requests in a short time. Wait a minute and try again.';
    case 'SUBGRAPH_UNAVAILABLE':
    case 'DATABASE_UNAVAILABLE':
    case 'REQUEST_TIMEOUT':
      return `${message} Nothing was lost; try again in a moment.`;
    default:
      return message;
  }
}

/** Refusals keyed by the form field they name, with `input.` left off (`person.givenName`). */
export function fieldErrors(refusals: Refusal[]): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const refusal of refusals) {
    if (!refusal.field) continue;
    const key = refusal.field.replace(/^input\./, '');
    byField[key] = byField[key] ? `${byField[key]} ${refusal.message}` : refusal.message;
  }
  return byField;
}

export function generalErrors(refusals: Refusal[], shownFields: readonly string[]): Refusal[] {
  return refusals.filter((r) => !r.field || !shownFields.includes(r.field.replace(/^input\./, '')));
}
