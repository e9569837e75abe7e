import type { ApolloServerPlugin } from "@apollo/server";
import { getNamedType, isObjectType, Kind, visit, type DocumentNode, type GraphQLSchema } from "graphql";
import { ErrorCode, GovernanceError } from "../errors/index.js";
import { buildDomainModel, readTypeDefs } from "../schema-model/index.js";
import { RESTRICTED_FIELDS } from "./authorization-rules.js";
import type { ApiContext } from "./context.js";
import { viewerOf } from "./viewer.js";

/** Field names that hold restricted data on some type (contact details, private notes). */
export const RESTRICTED_NAMES = new Set(Object.values(RESTRICTED_FIELDS).flat());

/** The label whose nodes may be restricted (Part 2 exempt agenda items). */
const RESTRICTED_LABEL = "AgendaItem";

const relationsCache = new WeakMap<GraphQLSchema, Set<string>>();

/** Relationship fields of node types leading to agenda items (Meeting.items, Person.presented, Decision.madeAt). */
function relationsToRestricted(schema: GraphQLSchema): Set<string> {
  let names = relationsCache.get(schema);
  if (!names) {
    names = new Set<string>();
    const labels = buildDomainModel(readTypeDefs()).labels;
    for (const type of Object.values(schema.getTypeMap()))
      if (isObjectType(type) && labels.has(type.name) && type.name !== RESTRICTED_LABEL)
        for (const field of Object.values(type.getFields()))
          if (getNamedType(field.type).name === RESTRICTED_LABEL) names.add(field.name);
    relationsCache.set(schema, names);
  }
  return names;
}

/** Names a request uses in argument objects (filters, sorts, inputs), inline or in variables. */
function inputNames(document: DocumentNode, variables: unknown): Set<string> {
  const names = new Set<string>();
  visit(document, { [Kind.OBJECT_FIELD]: (node) => void names.add(node.name.value) });
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object")
      for (const [key, item] of Object.entries(value)) {
        names.add(key);
        walk(item);
      }
  };
  walk(variables);
  return names;
}

/** How a request touches restricted data, before it runs. */
export interface RestrictedUses {
  /** Restricted fields selected or aggregated. */
  selected: string[];
  /** Restricted fields filtered or sorted on (a filter lets a caller infer values). */
  filtered: string[];
  /** Relationship filters that lead into agenda items. */
  throughItems: string[];
}

export function restrictedUses(
  document: DocumentNode,
  variables: unknown,
  schema: GraphQLSchema,
): RestrictedUses {
  const selected = new Set<string>();
  visit(document, {
    [Kind.FIELD]: (node) => void (RESTRICTED_NAMES.has(node.name.value) && selected.add(node.name.value)),
  });
  const inputs = inputNames(document, variables);
  const relations = relationsToRestricted(schema);
  return {
    selected: [...selected].sort(),
    filtered: [...inputs].filter((name) => RESTRICTED_NAMES.has(name)).sort(),
    throughItems: [...inputs]
      .filter((name) =>
        [...relations].some((r) => name === r || name === `${r}Connection` || name === `${r}Aggregate`),
      )
      .sort(),
  };
}

/** The sentences saying what this caller may not do; empty when the request may go ahead. */
export function refusals(uses: RestrictedUses, caller: "anonymous" | "officer"): string[] {
  const out: string[] = [];
  const names =
    caller === "anonymous" ? [...new Set([...uses.selected, ...uses.filtered])].sort() : uses.filtered;
  if (names.length)
    out.push(
      caller === "anonymous"
        ? `${names.join(", ")} ${names.length === 1 ? "is" : "are"} restricted to officers of the partnership`
        : `filtering or sorting on ${names.join(", ")} is for admins only (select ${names.length === 1 ? "it" : "them"} instead)`,
    );
  if (uses.throughItems.length)
    out.push(
      `filtering through ${uses.throughItems.join(", ")} could reveal restricted agenda items; query agendaItems directly instead`,
    );
  return out;
}

/**
 * Refuses, before any database work, requests that would reach restricted data around the
 * @neo4j/graphql rules, which check what a query returns but not what it filters on:
 * - anonymous callers may not name a restricted field at all (select, aggregate, filter, sort);
 * - officers may select them (the field's own @authorization rule then checks the partnership),
 *   but filtering or sorting on them, which works across partnerships, is for admins only;
 * - filtering parents through their agenda items (the item rule does not reach into such
 *   filters) is for admins only.
 */
export const restrictedFieldsPlugin: ApolloServerPlugin<ApiContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, request, contextValue, schema }) {
        const viewer = viewerOf(contextValue.jwt);
        if (viewer.officerOf === "all") return;
        const problems = refusals(
          restrictedUses(document, request.variables, schema),
          viewer.officerOf.length ? "officer" : "anonymous",
        );
        if (problems.length)
          throw new GovernanceError(
            ErrorCode.FORBIDDEN,
            `${problems.join("; ")}. Sign in with a token that allows it, or leave it out.`,
          );
      },
    };
  },
};
