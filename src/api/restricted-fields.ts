import type { ApolloServerPlugin } from "@apollo/server";
import {
  getNamedType,
  isInputObjectType,
  isObjectType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type ValueNode,
} from "graphql";
import { ErrorCode, GovernanceError } from "../errors/index.ts";
import {
  buildDomainModel,
  readTypeDefs,
  restrictableLabels,
  restrictedFieldNames,
} from "../schema-model/index.ts";
import type { ApiContext } from "./context.ts";
import { viewerOf } from "./viewer.ts";

/** Field names that hold restricted data on some type (@restricted in the SDL). */
export const RESTRICTED_NAMES = restrictedFieldNames();

/** Labels whose nodes may be restricted (Part 2 exempt agenda items, decisions taken at them). */
const RESTRICTED_LABELS = restrictableLabels();

const relationsCache = new WeakMap<GraphQLSchema, Set<string>>();

/** Relationship fields of node types leading to restrictable nodes (Meeting.items, Person.presented, Decision.madeAt, AgendaItem.decisions). */
function relationsToRestricted(schema: GraphQLSchema): Set<string> {
  let names = relationsCache.get(schema);
  if (!names) {
    names = new Set<string>();
    const labels = buildDomainModel(readTypeDefs()).labels;
    for (const type of Object.values(schema.getTypeMap()))
      if (isObjectType(type) && labels.has(type.name))
        for (const field of Object.values(type.getFields()))
          if (
            RESTRICTED_LABELS.has(getNamedType(field.type).name) &&
            getNamedType(field.type).name !== type.name
          )
            names.add(field.name);
    relationsCache.set(schema, names);
  }
  return names;
}

/** Arguments nested deeper than this are refused before they are walked (or coerced by graphql-js). */
export const MAX_INPUT_DEPTH = 40;

/** Input objects whose keys set values (a create or update), not filters that let a caller infer them. */
const WRITE_INPUT = /(CreateInput|UpdateInput)$/;

/** Names a request uses in argument objects, split into filters (where, sort, aggregate) and writes. */
interface InputNames {
  filtered: Set<string>;
  written: Set<string>;
}

export const tooDeep = (): GovernanceError =>
  new GovernanceError(
    ErrorCode.LIMIT_EXCEEDED,
    `Arguments or variables nest deeper than ${MAX_INPUT_DEPTH} levels (maxInputDepth). Flatten the filter (AND/OR lists take many conditions at one level).`,
    { limit: "maxInputDepth", maximum: MAX_INPUT_DEPTH },
  );

/** True when a JSON value nests deeper than `limit`, found without recursion (a hostile body cannot overflow the stack). */
export function nestsDeeper(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [item, depth] = stack.pop()!;
    if (depth > limit) return true;
    if (item && typeof item === "object")
      for (const child of Object.values(item as Record<string, unknown>)) stack.push([child, depth + 1]);
  }
  return false;
}

/** What a document says about restricted data whatever its variables: worked out once per document. */
interface DocumentFacts {
  /** Restricted fields it selects. */
  selected: readonly string[];
  /** Every argument's value with the input type it is coerced to. */
  arguments: readonly (readonly [ValueNode, GraphQLInputType | undefined])[];
}

// Apollo keeps each parsed document (its document store), so a repeated query is the same object.
const factsByDocument = new WeakMap<DocumentNode, { schema: GraphQLSchema; facts: DocumentFacts }>();

function documentFacts(document: DocumentNode, schema: GraphQLSchema): DocumentFacts {
  const known = factsByDocument.get(document);
  if (known?.schema === schema) return known.facts;
  const selected = new Set<string>();
  const args: (readonly [ValueNode, GraphQLInputType | undefined])[] = [];
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      [Kind.FIELD]: (node) => void (RESTRICTED_NAMES.has(node.name.value) && selected.add(node.name.value)),
      [Kind.ARGUMENT]: (node) => {
        args.push([node.value, typeInfo.getInputType() ?? undefined]);
        return false;
      },
    }),
  );
  const facts = { selected: [...selected].sort(), arguments: args };
  factsByDocument.set(document, { schema, facts });
  return facts;
}

function inputNames(facts: DocumentFacts, variables: Record<string, unknown>): InputNames {
  const names: InputNames = { filtered: new Set(), written: new Set() };
  const walk = (value: ValueNode | unknown, type: GraphQLInputType | undefined, depth: number): void => {
    if (depth > MAX_INPUT_DEPTH) throw tooDeep();
    if (isValueNode(value) && value.kind === Kind.VARIABLE)
      return walk(variables[value.name.value], type, depth);
    const named = type ? getNamedType(type) : undefined;
    const object = named && isInputObjectType(named) ? named : undefined;
    const into = object && WRITE_INPUT.test(object.name) ? names.written : names.filtered;
    const field = (key: string, item: unknown) => {
      into.add(key);
      walk(item, object?.getFields()[key]?.type, depth + 1);
    };
    if (isValueNode(value)) {
      if (value.kind === Kind.LIST) value.values.forEach((item) => walk(item, type, depth + 1));
      if (value.kind === Kind.OBJECT) value.fields.forEach((f) => field(f.name.value, f.value));
    } else if (Array.isArray(value)) value.forEach((item) => walk(item, type, depth + 1));
    else if (value && typeof value === "object")
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) field(key, item);
  };
  for (const [value, type] of facts.arguments) walk(value, type, 0);
  return names;
}

const isValueNode = (value: unknown): value is ValueNode =>
  typeof value === "object" &&
  value !== null &&
  "kind" in value &&
  typeof (value as { kind: unknown }).kind === "string";

/** How a request touches restricted data, before it runs. */
export interface RestrictedUses {
  /** Restricted fields selected or aggregated. */
  selected: string[];
  /** Restricted fields filtered or sorted on (a filter lets a caller infer values). */
  filtered: string[];
  /** Relationship filters that lead into restrictable nodes (agenda items, decisions). */
  throughItems: string[];
  /** Restricted fields set by a create or update (editors of the partnership may). */
  written: string[];
}

export function restrictedUses(
  document: DocumentNode,
  variables: Record<string, unknown>,
  schema: GraphQLSchema,
): RestrictedUses {
  if (nestsDeeper(variables, MAX_INPUT_DEPTH)) throw tooDeep();
  const facts = documentFacts(document, schema);
  const inputs = inputNames(facts, variables);
  const relations = relationsToRestricted(schema);
  return {
    selected: [...facts.selected],
    filtered: [...inputs.filtered].filter((name) => RESTRICTED_NAMES.has(name)).sort(),
    written: [...inputs.written].filter((name) => RESTRICTED_NAMES.has(name)).sort(),
    throughItems: [...inputs.filtered]
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
    caller === "anonymous"
      ? [...new Set([...uses.selected, ...uses.filtered, ...uses.written])].sort()
      : uses.filtered;
  if (names.length)
    out.push(
      caller === "anonymous"
        ? `${names.join(", ")} ${names.length === 1 ? "is" : "are"} restricted to officers of the partnership`
        : `filtering or sorting on ${names.join(", ")} is for admins only (select ${names.length === 1 ? "it" : "them"} instead)`,
    );
  if (uses.throughItems.length)
    out.push(
      `filtering through ${uses.throughItems.join(", ")} could reveal restricted agenda items or decisions; query agendaItems or decisions directly instead`,
    );
  return out;
}

/**
 * Refuses, before any database work, requests that would reach restricted data around the
 * @neo4j/graphql rules, which check what a query returns but not what it filters on:
 * - anonymous callers may not name a restricted field at all (select, aggregate, filter, sort);
 * - officers may select them (the field's own @authorization rule then checks the partnership),
 *   but filtering or sorting on them, which works across partnerships, is for admins only;
 * - filtering parents through their agenda items or decisions (the node rule does not reach
 *   into such filters) is for admins only;
 * - setting restricted fields in a create or update is not a filter: editors of the partnership
 *   may (the field rule checks the partnership), anonymous callers may not name them at all;
 * - arguments and variables deeper than MAX_INPUT_DEPTH are refused (LIMIT_EXCEEDED).
 */
export const restrictedFieldsPlugin: ApolloServerPlugin<ApiContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, request, contextValue, schema, operation }) {
        const viewer = viewerOf(contextValue.jwt);
        if (viewer.officerOf === "all") return;
        // An anonymous write is refused as such (UNAUTHENTICATED) by its resolver, before any database work.
        if (operation?.operation === "mutation" && !contextValue.jwt) return;
        const problems = refusals(
          restrictedUses(document, request.variables ?? {}, schema),
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
