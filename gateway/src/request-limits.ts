import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * Limits checked before a query is planned, so one request cannot exhaust the gateway: nested lists (an agency's
 * children's parent's children …) grow an answer exponentially with depth, aliases multiply any field, and a long
 * document costs time to parse and validate. The figures leave room for every query the hub's own clients send;
 * the explorer's introspection is exempt from the depth and cost rules. Rules from GraphQL Armor; the token limit
 * is graphql-js's own parse option (see decisions.md).
 */
export const REQUEST_LIMITS = { maxDepth: 8, maxAliases: 30, maxDirectives: 50, maxTokens: 5_000, maxCost: 5_000 } as const;

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

/** Depth, aliases, directives and cost: refused as GRAPHQL_VALIDATION_FAILED, naming the limit. */
export const requestLimitRules: ValidationRule[] = [
  maxDepthRule({ n: REQUEST_LIMITS.maxDepth, ...reportAs('maxDepth') }),
  maxAliasesRule({ n: REQUEST_LIMITS.maxAliases, ...reportAs('maxAliases') }),
  maxDirectivesRule({ n: REQUEST_LIMITS.maxDirectives, ...reportAs('maxDirectives') }),
  costLimitRule({ maxCost: REQUEST_LIMITS.maxCost, ...reportAs('maxCost') }),
];

/** Checked while the document is read, before parsing and validation can take their time (GRAPHQL_PARSE_FAILED). */
export const parseOptions = { maxTokens: REQUEST_LIMITS.maxTokens };
