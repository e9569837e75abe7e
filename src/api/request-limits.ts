import { ApolloArmor } from "@escape.tech/graphql-armor";
import { readTypeDefs } from "../schema-model/index.ts";
import { aliasLimitRule } from "./alias-limit.ts";
import { buildCostModel } from "./cost-model.ts";
import { DEFAULT_QUERY_COST_LIMIT } from "../config/index.ts";
import { queryCostPlugin } from "./query-cost.ts";
import type { GraphShape } from "./graph-shape.ts";

/**
 * Bounds on every request (GraphQL Armor); README "Limits" lists them. Sized so the report
 * generator's whole strategy tree and the viewer's queries fit with room to spare.
 */
export const REQUEST_LIMITS = {
  maxDepth: 14,
  maxAliases: 20,
  /**
   * The default of QUERY_COST_LIMIT, in query-cost.ts's units (values the database makes, filter
   * rows it checks); bench:cost measures what they take.
   */
  maxCost: DEFAULT_QUERY_COST_LIMIT,
  maxTokens: 15_000,
  maxDirectives: 50,
  /** Request bodies above this are refused with 413 before they are parsed. */
  maxBodyBytes: 1_000_000,
} as const;

/** Armor's messages say "... limit of N exceeded", graphql-js's "Document contains more than N tokens"; we give them our code. */
export const LIMIT_MESSAGE = /limit of \d+ exceeded|Document contains more tha[nt] \d+ tokens/i;

/**
 * `maxCost`: QUERY_COST_LIMIT (default REQUEST_LIMITS.maxCost); `graph`: the graph's node counts
 * and shared hubs as last read (graph-shape.ts), for pricing filters on root lists and fan-outs
 * through shared nodes.
 */
export function requestLimits(
  production: boolean,
  maxCost: number = REQUEST_LIMITS.maxCost,
  graph?: () => GraphShape | undefined,
) {
  const armor = new ApolloArmor({
    maxDepth: { n: REQUEST_LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    // Aliases are counted by our own rule (alias-limit.ts), which counts those of __typename too.
    maxAliases: { enabled: false },
    // Armor's cost knows no list sizes (a list costs as much as one row): ours (query-cost.ts) prices
    // every list by its limit and the graph's measured fan-out.
    costLimit: { enabled: false },
    // Tokens are limited by graphql-js's own parser (server.ts parseOptions): Armor's check throws
    // before Apollo can answer 400.
    maxTokens: { enabled: false },
    maxDirectives: { n: REQUEST_LIMITS.maxDirectives },
    // Suggestions name fields; outside production they help, in production they leak the schema.
    blockFieldSuggestion: { enabled: production },
  }).protect();
  return {
    ...armor,
    validationRules: [...armor.validationRules, aliasLimitRule(REQUEST_LIMITS.maxAliases)],
    plugins: [...armor.plugins, queryCostPlugin(buildCostModel(readTypeDefs()), maxCost, graph)],
  };
}
