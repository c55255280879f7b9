import { readPort, readUrl } from './config.js';

type Env = Record<string, string | undefined>;

/**
 * The hub's processes and where they listen by default: the one place that knows them. Every other module asks
 * here for a subgraph's port, URL or variable names, so moving a port is a one-line change.
 */
export const SUBGRAPH_PORTS = {
  agencies: 4001,
  cases: 4002,
  treatment: 4003,
  reporting: 4004,
} as const;

export type SubgraphName = keyof typeof SUBGRAPH_PORTS;
export const SUBGRAPH_NAMES = Object.keys(SUBGRAPH_PORTS) as SubgraphName[];
const GATEWAY_DEFAULT_PORT = 4000;

export function isSubgraphName(value: string): value is SubgraphName {
  return (SUBGRAPH_NAMES as string[]).includes(value);
}

function subgraphPortVariable(name: SubgraphName): string {
  return `${name.toUpperCase()}_PORT`;
}

function subgraphUrlVariable(name: SubgraphName): string {
  return `${name.toUpperCase()}_URL`;
}

export function subgraphDatabaseUrlVariable(name: SubgraphName): string {
  return `${name.toUpperCase()}_DATABASE_URL`;
}

/** The port a subgraph listens on: `<NAME>_PORT`, else its default. */
export function subgraphPort(name: SubgraphName, env: Env = process.env): number {
  return readPort(subgraphPortVariable(name), SUBGRAPH_PORTS[name], env);
}

/** Where a subgraph's GraphQL endpoint is reached: `<NAME>_URL`, else its port on this host. */
export function subgraphUrl(name: SubgraphName, env: Env = process.env): string {
  return readUrl(subgraphUrlVariable(name), env, ['http:', 'https:'])?.toString() ?? `http://127.0.0.1:${subgraphPort(name, env)}/graphql`;
}

/** Reporting's event inbox: `REPORTING_EVENTS_URL`, else the `/events` route next to reporting's GraphQL endpoint. */
export function reportingEventsUrl(env: Env = process.env): string {
  return readUrl('REPORTING_EVENTS_URL', env, ['http:', 'https:'])?.toString() ?? new URL('/events', subgraphUrl('reporting', env)).toString();
}

export function gatewayPort(env: Env = process.env): number {
  return readPort('GATEWAY_PORT', GATEWAY_DEFAULT_PORT, env);
}

/**
 * Which subgraphs each subgraph asks, acting for its caller, while answering a request (see `callSubgraph`):
 * cases checks unit plans and approvers with agencies; treatment reads a referral's deflection from cases and
 * names agencies; reporting names agencies. The gateway gives a subgraph tokens for these and no others.
 */
export const SUBGRAPH_CALLS: Record<SubgraphName, readonly SubgraphName[]> = {
  agencies: [],
  cases: ['agencies'],
  treatment: ['cases', 'agencies'],
  reporting: ['agencies'],
};

/**
 * The calls of SUBGRAPH_CALLS a query can make: cases and treatment ask others only while writing (a referral, an
 * approval, a consent); reporting names agencies in reads too. A query's tokens reach no further, and signing the
 * others cost the gateway three signatures on every review queue.
 */
export const SUBGRAPH_CALLS_IN_QUERIES: Record<SubgraphName, readonly SubgraphName[]> = {
  agencies: [],
  cases: [],
  treatment: [],
  reporting: ['agencies'],
};

/** What the caller's operation does: a query only reads; anything else (a mutation) may write. */
export type OperationKind = 'query' | 'mutation';

/**
 * Every subgraph `name` may reach while answering an operation of this kind, directly or through a subgraph it asks.
 * Without a kind, every subgraph it may reach at all (what a subgraph accepts onward tokens for).
 */
export function subgraphsReachedFrom(name: SubgraphName, kind: OperationKind = 'mutation'): SubgraphName[] {
  const calls = kind === 'query' ? SUBGRAPH_CALLS_IN_QUERIES : SUBGRAPH_CALLS;
  const reached = new Set<SubgraphName>();
  const visit = (from: SubgraphName) => {
    for (const next of calls[from]) {
      if (reached.has(next) || next === name) continue;
      reached.add(next);
      visit(next);
    }
  };
  visit(name);
  return [...reached];
}
