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

/** Every subgraph `name` may reach while answering, directly or through a subgraph it asks. */
export function subgraphsReachedFrom(name: SubgraphName): SubgraphName[] {
  const reached = new Set<SubgraphName>();
  const visit = (from: SubgraphName) => {
    for (const next of SUBGRAPH_CALLS[from]) {
      if (reached.has(next) || next === name) continue;
      reached.add(next);
      visit(next);
    }
  };
  visit(name);
  return [...reached];
}
