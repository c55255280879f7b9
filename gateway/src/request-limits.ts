import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { getNamedType, getNullableType, getVariableValues, GraphQLError, isListType, Kind, visit, type DocumentNode, type GraphQLSchema, type ValidationContext, type ValidationRule } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';

/**
 * Limits checked before a query is planned, so one request cannot exhaust the gateway or a subgraph: nested lists
 * (an agency's personnel's agency's personnel …) grow an answer by a power of the list size, aliases multiply any
 * field, and a long document costs time to parse and validate. The figures leave room for every query the hub's
 * own clients send; the explorer's introspection is exempt from the depth rule. See decisions.md.
 */
export const DEFAULT_REQUEST_LIMITS = { maxDepth: 8, maxAliases: 30, maxDirectives: 50, maxTokens: 5_000, maxCost: 100_000, timeoutMs: 15_000 } as const;

/** Each configurable (HUB_MAX_DEPTH, HUB_MAX_ALIASES, HUB_MAX_DIRECTIVES, HUB_MAX_TOKENS, HUB_MAX_COST, HUB_REQUEST_TIMEOUT_MS). */
export type RequestLimits = { [K in keyof typeof DEFAULT_REQUEST_LIMITS]: number };

/** What a list without `first` is assumed to hold when costing a query: more than most, so nesting them costs. */
export const ASSUMED_LIST_SIZE = 50;
/** A connection without `first` returns its default page. */
const DEFAULT_PAGE = 25;

/** GraphQL Armor throws by default, which Apollo reports as an internal error; report a validation error instead. */
function reportAs(limit: keyof RequestLimits, max: number) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { limit, max } })),
    ],
  };
}

/** Depth, aliases and directives: refused as GRAPHQL_VALIDATION_FAILED, naming the limit. */
export function requestLimitRules(limits: RequestLimits): ValidationRule[] {
  return [
    maxDepthRule({ n: limits.maxDepth, ...reportAs('maxDepth', limits.maxDepth) }),
    maxAliasesRule({ n: limits.maxAliases, ...reportAs('maxAliases', limits.maxAliases) }),
    maxDirectivesRule({ n: limits.maxDirectives, ...reportAs('maxDirectives', limits.maxDirectives) }),
  ];
}

/** Checked while the document is read, before parsing and validation can take their time (GRAPHQL_PARSE_FAILED). */
export function parseOptions(limits: RequestLimits): { maxTokens: number } {
  return { maxTokens: limits.maxTokens };
}

/**
 * A field's cost is its own plus its selection's, times how many items it returns: `first` when the field takes it
 * (from the variables too), a default page for a connection, and ASSUMED_LIST_SIZE for a plain list. A
 * connection's `edges` are already counted by its `first`.
 */
const listAwareEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const returned = getNullableType(field.type);
  const named = getNamedType(field.type).name;
  const first = typeof args.first === 'number' ? args.first : undefined;
  if (named.endsWith('Connection')) return 1 + childComplexity * (first ?? DEFAULT_PAGE);
  if (isListType(returned)) return 1 + childComplexity * (type.name.endsWith('Connection') ? 1 : (first ?? ASSUMED_LIST_SIZE));
  return undefined;
};

/** How a query is costed: listAwareEstimator for lists, 1 for every other field. */
export const COST_ESTIMATORS: ComplexityEstimator[] = [listAwareEstimator, simpleEstimator({ defaultComplexity: 1 })];

/**
 * The variables a document's cost can depend on: those given to a `first` argument (listAwareEstimator reads it) or
 * to `@skip`/`@include` (getComplexity leaves out what they leave out). Every other variable is data.
 */
function costVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(node) {
      if (node.value.kind === Kind.VARIABLE && (node.name.value === 'first' || node.name.value === 'if')) names.add(node.value.name.value);
    },
  });
  return [...names].sort();
}

/** Costs already computed, per schema and parsed document (Apollo Server hands the same object for the same text). */
const COSTS_KEPT_PER_DOCUMENT = 64;
const knownCosts = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, { variables: string[]; costs: Map<string, number> }>>();

/**
 * A document's cost for these variables, computed once per document and values of the variables it depends on: a
 * referral's variables differ every time (a fresh idempotency key), its cost never does, and computing it was 6 % of
 * the gateway's CPU on referrals.
 */
export function costOf(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName: string | undefined, compute: () => number): number {
  let forSchema = knownCosts.get(schema);
  if (!forSchema) {
    forSchema = new WeakMap();
    knownCosts.set(schema, forSchema);
  }
  let known = forSchema.get(document);
  if (!known) {
    known = { variables: costVariables(document), costs: new Map() };
    forSchema.set(document, known);
  }
  // A variable left out and one sent as null can cost differently (a default applies only to the first).
  const values = known.variables.map((name) => (Object.hasOwn(variables, name) ? [variables[name]] : []));
  // `first` is an Int and `if` a Boolean: anything else is refused when the request runs, and is not kept, so a
  // caller cannot fill the gateway's memory with keys (a variable the chosen operation does not even declare).
  if (!values.every((value) => value.length === 0 || value[0] === null || typeof value[0] === 'number' || typeof value[0] === 'boolean')) return compute();
  const key = JSON.stringify([operationName ?? null, values]);
  let cost = known.costs.get(key);
  if (cost === undefined) {
    cost = compute();
    if (known.costs.size >= COSTS_KEPT_PER_DOCUMENT) known.costs.clear();
    known.costs.set(key, cost);
  }
  return cost;
}

/** The query's cost with the request's own variables, after validation and before planning (400, naming the limit). */
export function queryCost(limits: RequestLimits): ApolloServerPlugin<object> {
  return {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document, schema, operation }) {
        // Introspection (the explorer's schema query) is bounded by the schema's size, not by data.
        if (operation?.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name.value.startsWith('__'))) return;
        const variables = request.variables ?? {};
        const operationName = request.operationName ?? undefined;
        let cost: number;
        try {
          cost = costOf(schema, document, variables, operationName, () => getComplexity({ schema, query: document, variables, operationName, estimators: COST_ESTIMATORS }));
        } catch (error) {
          // Variables that do not fit their types: execution refuses them next, with the variable's name.
          if (operation && getVariableValues(schema, operation.variableDefinitions ?? [], variables).errors) return;
          // A query too large to cost (more than 10,000 fields once fragments are expanded) is refused, never let through.
          throw new GraphQLError(`Query cost limit of ${limits.maxCost} exceeded: the query could not be costed (${(error as Error).message})`, {
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxCost', max: limits.maxCost, http: { status: 400 } },
          });
        }
        if (cost > limits.maxCost) {
          throw new GraphQLError(`Query cost limit of ${limits.maxCost} exceeded, found ${cost} (a list without first counts as ${ASSUMED_LIST_SIZE} items).`, {
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxCost', max: limits.maxCost, http: { status: 400 } },
          });
        }
      },
    };
  },
  };
}
