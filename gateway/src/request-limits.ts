import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { getNamedType, getNullableType, GraphQLError, isListType, Kind, type ValidationContext, type ValidationRule } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';

/**
 * Limits checked before a query is planned, so one request cannot exhaust the gateway or a subgraph: nested lists
 * (an agency's personnel's agency's personnel …) grow an answer by a power of the list size, aliases multiply any
 * field, and a long document costs time to parse and validate. The figures leave room for every query the hub's
 * own clients send; the explorer's introspection is exempt from the depth rule. See decisions.md.
 */
export const REQUEST_LIMITS = { maxDepth: 8, maxAliases: 30, maxDirectives: 50, maxTokens: 5_000, maxCost: 100_000 } as const;

/** What a list without `first` is assumed to hold when costing a query: more than most, so nesting them costs. */
export const ASSUMED_LIST_SIZE = 50;
/** A connection without `first` returns its default page. */
const DEFAULT_PAGE = 25;

/** GraphQL Armor throws by default, which Apollo reports as an internal error; report a validation error instead. */
function reportAs(limit: keyof typeof REQUEST_LIMITS) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { limit, max: REQUEST_LIMITS[limit] } })),
    ],
  };
}

/** Depth, aliases and directives: refused as GRAPHQL_VALIDATION_FAILED, naming the limit. */
export const requestLimitRules: ValidationRule[] = [
  maxDepthRule({ n: REQUEST_LIMITS.maxDepth, ...reportAs('maxDepth') }),
  maxAliasesRule({ n: REQUEST_LIMITS.maxAliases, ...reportAs('maxAliases') }),
  maxDirectivesRule({ n: REQUEST_LIMITS.maxDirectives, ...reportAs('maxDirectives') }),
];

/** Checked while the document is read, before parsing and validation can take their time (GRAPHQL_PARSE_FAILED). */
export const parseOptions = { maxTokens: REQUEST_LIMITS.maxTokens };

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

/** The query's cost with the request's own variables, after validation and before planning (400, naming the limit). */
export const queryCost: ApolloServerPlugin<object> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document, schema, operation }) {
        // Introspection (the explorer's schema query) is bounded by the schema's size, not by data.
        if (operation?.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name.value.startsWith('__'))) return;
        let cost: number;
        try {
          cost = getComplexity({
            schema,
            query: document,
            variables: request.variables ?? {},
            operationName: request.operationName ?? undefined,
            estimators: [listAwareEstimator, simpleEstimator({ defaultComplexity: 1 })],
          });
        } catch {
          // Variables that do not fit their types: execution refuses them next, with the variable's name.
          return;
        }
        if (cost > REQUEST_LIMITS.maxCost) {
          throw new GraphQLError(`Query cost limit of ${REQUEST_LIMITS.maxCost} exceeded, found ${cost} (a list without first counts as ${ASSUMED_LIST_SIZE} items).`, {
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxCost', max: REQUEST_LIMITS.maxCost, http: { status: 400 } },
          });
        }
      },
    };
  },
};
