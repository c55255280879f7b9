import { GraphQLError, type GraphQLErrorExtensions } from 'graphql';

/**
 * A refusal is an answer, not a fault: nobody reads its stack (responses never carry one), and capturing it was the
 * dearest part of one, paid once per row when a list is refused row by row (CONSENT_REQUIRED on a review queue).
 */
export function refusal(message: string, extensions: GraphQLErrorExtensions): GraphQLError {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new GraphQLError(message, { extensions });
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * The error vocabulary every subgraph shares, so partner frontends can branch on `extensions.code` alone.
 * Validation errors always carry the field (a path into the input) and the rule that was broken.
 */
export function unauthenticated(message = 'Sign in first: this operation needs a valid bearer token.'): GraphQLError {
  return refusal(message, { code: 'UNAUTHENTICATED' });
}

/** Deliberately generic: a forbidden read must not reveal whether the record exists. */
export function forbidden(message = 'You are not allowed to do this.'): GraphQLError {
  return refusal(message, { code: 'FORBIDDEN' });
}

export interface RuleViolation {
  field: string;
  rule: string;
  message: string;
}

export function invalidInput(violations: RuleViolation[]): GraphQLError {
  const [first] = violations;
  const message = violations.length === 1 && first ? first.message : `Invalid input: ${violations.map((v) => v.message).join('; ')}`;
  return refusal(message, {
    code: 'BAD_USER_INPUT',
    field: first?.field,
    rule: first?.rule,
    violations,
  });
}

/** 42 CFR Part 2: nothing about treatment is disclosed without a consent naming the caller; the reason is said plainly. */
export function consentRequired(message: string): GraphQLError {
  return refusal(message, { code: 'CONSENT_REQUIRED' });
}

/**
 * Another subgraph this operation depends on did not answer. Nothing was changed (the call is made before any
 * transaction opens), so the client can simply retry the same request.
 */
export function subgraphUnavailable(subgraph: string, message = `The ${subgraph} service did not answer; nothing was changed. Try again in a moment.`): GraphQLError {
  return refusal(message, { code: 'SUBGRAPH_UNAVAILABLE', subgraph, retryable: true });
}

/**
 * The subgraph's database could not be reached. A write in flight may or may not have committed, so the message
 * does not promise either; a client retries with the same idempotency key, which makes the retry land once.
 */
export function databaseUnavailable(message = 'The database did not answer. Try again in a moment.'): GraphQLError {
  return refusal(message, { code: 'DATABASE_UNAVAILABLE', retryable: true });
}

export function notFound(what: string): GraphQLError {
  return refusal(`${what} was not found.`, { code: 'NOT_FOUND' });
}

export function conflict(message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return refusal(message, { code: 'CONFLICT', ...extra });
}

/**
 * Collects rule violations so one response can name every broken field, not just the first. The hub's rule
 * functions (`check*`) only add to a `Violations` they are given; the command that called them decides to throw.
 */
export class Violations {
  private readonly found: RuleViolation[] = [];

  add(field: string, rule: string, message: string): this {
    this.found.push({ field, rule, message });
    return this;
  }

  check(condition: boolean, field: string, rule: string, message: string): this {
    if (!condition) this.add(field, rule, message);
    return this;
  }

  get isEmpty(): boolean {
    return this.found.length === 0;
  }

  /** What was found so far, in the order the checks ran. */
  get list(): readonly RuleViolation[] {
    return this.found;
  }

  throwIfAny(): void {
    if (!this.isEmpty) throw invalidInput([...this.found]);
  }
}
