import DataLoader from "dataloader";
import {
  execute,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  parse,
  print,
  visit,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type FieldNode,
  type GraphQLSchema,
  type DocumentNode,
  type SelectionSetNode,
} from "graphql";
import { LABELS, restrictableLabels } from "../schema-model/index.ts";
import { loadableRelationships, readableProperties, type EntitySelection } from "../traversals/index.ts";
import type { ApiContext } from "./context.ts";

const ID_ALIAS = "__hydrateId";
const NODE_LABELS: ReadonlySet<string> = new Set(LABELS);
const MAX_BATCH = 1000;

function namedType(type: GraphQLOutputType): GraphQLNamedType {
  let current: GraphQLOutputType = type;
  while (isNonNullType(current) || isListType(current)) current = current.ofType;
  return current;
}

/** The generated root list query for a type (Action -> actions, Body -> bodies, Person -> people). */
function rootListField(schema: GraphQLSchema, typeName: string): string {
  const field = Object.values(schema.getQueryType()?.getFields() ?? {}).find((f) => {
    let type: GraphQLOutputType = f.type;
    if (isNonNullType(type)) type = type.ofType;
    return isListType(type) && namedType(type).name === typeName && f.args.some((a) => a.name === "where");
  });
  if (!field) throw new Error(`No generated list query for ${typeName}`);
  return field.name;
}

const TYPENAME = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: "__typename" } } as const;

/** The selection with __typename in every nested selection set, so union and interface values can be resolved again. */
function withTypenames(selectionSet: SelectionSetNode): SelectionSetNode {
  return visit(selectionSet, {
    SelectionSet: (node) => ({ ...node, selections: [...node.selections, TYPENAME] }),
  });
}

/** @neo4j/graphql resolves unions from `__resolveType`; a hydrated value carries `__typename` instead. */
function markResolvedTypes(value: unknown): unknown {
  if (Array.isArray(value)) value.forEach(markResolvedTypes);
  else if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.__typename === "string") record.__resolveType = record.__typename;
    Object.values(record).forEach(markResolvedTypes);
  }
  return value;
}

function usedVariables(selectionSet: SelectionSetNode): Set<string> {
  const names = new Set<string>();
  visit(selectionSet, { Variable: (node) => void names.add(node.name.value) });
  return names;
}

interface HydrateQuery {
  typeName: string;
  /** The request's loader for this query: one per type and selection. */
  key: string;
  document: DocumentNode;
}
/**
 * The hydrating query of a field of a document, built (printed and parsed) once rather than on
 * every request: Apollo's document store hands back the same parsed document, so the same field
 * node, for the same query. Per schema, and per the type asked (a field in a fragment on an
 * interface may be completed for several types).
 */
const queries = new WeakMap<GraphQLSchema, WeakMap<FieldNode, HydrateQuery>>();

function hydrateQuery(info: GraphQLResolveInfo): HydrateQuery {
  const field = info.fieldNodes[0];
  const typeName = namedType(info.returnType).name;
  let bySchema = queries.get(info.schema);
  const kept = field && bySchema?.get(field);
  if (kept && kept.typeName === typeName) return kept;
  const selectionSet = field?.selectionSet ?? { kind: Kind.SELECTION_SET, selections: [] };
  const selection = print(withTypenames(selectionSet));
  const variables = usedVariables(selectionSet);
  const definitions = (info.operation.variableDefinitions ?? []).filter((d) =>
    variables.has(d.variable.name.value),
  );
  const fragments = Object.values(info.fragments).map(print).join("\n");
  const root = rootListField(info.schema, typeName);
  const query: HydrateQuery = {
    typeName,
    key: `${typeName} ${selection}`,
    document: parse(
      `query Hydrate($__ids: [ID!]!, $__limit: Int${definitions.length ? `, ${definitions.map(print).join(", ")}` : ""}) {
        items: ${root}(where: { id: { in: $__ids } }, limit: $__limit) { ${ID_ALIAS}: id ${selection.slice(1, -1)} }
      }\n${fragments}`,
    ),
  };
  if (field) {
    if (!bySchema) queries.set(info.schema, (bySchema = new WeakMap()));
    bySchema.set(field, query);
  }
  return query;
}

/**
 * Loads entities returned by a custom resolver through the generated @neo4j/graphql query for
 * their type, with the caller's own selection and token: nested relationship fields work, the
 * same authorization applies, and all ids of one selection in a request cost one database call.
 */
export function hydrate<T = Record<string, unknown>>(
  context: ApiContext,
  info: GraphQLResolveInfo,
  id: string,
): Promise<T> {
  const { key, document } = hydrateQuery(info);
  let loader = context.loaders.hydrators.get(key);
  if (!loader) {
    loader = new DataLoader<string, Record<string, unknown> | null>(
      async (ids) => {
        const result = await execute({
          schema: info.schema,
          document,
          variableValues: { ...info.variableValues, __ids: ids, __limit: ids.length },
          contextValue: context,
        });
        if (result.errors?.length) throw result.errors[0];
        const items = markResolvedTypes(result.data?.items ?? []) as Record<string, unknown>[];
        const byId = new Map(items.map((item) => [String(item[ID_ALIAS]), item]));
        return ids.map((id) => byId.get(id) ?? null);
      },
      { maxBatchSize: MAX_BATCH },
    );
    context.loaders.hydrators.set(key, loader);
  }
  // Typed as the field's type for the resolver map: graphql-js reads only the fields selected,
  // which are exactly those loaded; an entity the caller may not see comes back null, and the
  // non-null field then fails as GraphQL says.
  return loader.load(id) as Promise<T>;
}

/**
 * Whether a selection of an entity of one of `types` asks only for what a traversal loads with it:
 * its readable properties with no arguments, and, on the entity itself (`loaded`), relationship
 * fields it loaded (loadableRelationships) with no arguments whose own selection asks only for
 * the readable properties of their entities (which carry no relationships). Through fragments too;
 * `@skip`/`@include` are not evaluated: a field that may be asked counts.
 */
function answerable(
  selectionSet: SelectionSetNode | undefined,
  types: readonly string[],
  fragments: GraphQLResolveInfo["fragments"],
  loaded?: Record<string, unknown>,
): boolean {
  return (selectionSet?.selections ?? []).every((selection) => {
    if (selection.kind !== Kind.FIELD) {
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments[selection.name.value];
      const condition = fragment?.typeCondition?.name.value;
      // A condition on a union or an interface would need its members: hydrated instead.
      if (!fragment || (condition !== undefined && !NODE_LABELS.has(condition))) return false;
      return answerable(fragment.selectionSet, condition ? [condition] : types, fragments, loaded);
    }
    const name = selection.name.value;
    if (name === "__typename") return true;
    if (selection.arguments?.length) return false;
    if (!selection.selectionSet) return types.every((type) => readableProperties(type).includes(name));
    const relationship =
      loaded && types.length === 1 ? loadableRelationships(types[0]!).get(name) : undefined;
    return (
      relationship !== undefined &&
      Array.isArray(loaded?.[name]) &&
      answerable(selection.selectionSet, relationship.targets, fragments)
    );
  });
}

/** Per field of the document: answered from what the traversal loaded (the keys are the same for every row). */
const answeredByLoaded = new WeakMap<FieldNode, boolean>();

/**
 * An entity a traversal returned with the readable properties and the relationship fields
 * `entityAsked` named (`entityProperties` in src/traversals): when the selection asks only for
 * those, the answer is `loaded` itself and costs no query; otherwise (a relationship with
 * arguments or deeper fields, a restricted field, a custom field) it is hydrated through the
 * generated query, so nested fields and authorization work as they do everywhere. Labels whose
 * nodes may be restricted are always hydrated: their node filters are the generated query's.
 */
export function loadedOrHydrated<T = Record<string, unknown>>(
  context: ApiContext,
  info: GraphQLResolveInfo,
  loaded: Record<string, unknown>,
): T | Promise<T> {
  const field = info.fieldNodes[0];
  let answered = field ? answeredByLoaded.get(field) : false;
  if (answered === undefined) {
    const label = namedType(info.returnType).name;
    answered =
      !restrictableLabels().has(label) &&
      info.fieldNodes.every((node) => answerable(node.selectionSet, [label], info.fragments, loaded));
    if (field) answeredByLoaded.set(field, answered);
  }
  return answered ? (loaded as T) : hydrate<T>(context, info, String(loaded.id));
}

/**
 * What a traversal should load with the entity in field `entity` of each row of the field being
 * resolved (`action` of actionsFeeding's rows), so loadedOrHydrated can answer it without a second
 * query: the readable properties the selection asks for (and `id`, which hydrating needs), and the
 * relationship fields it asks for with no arguments, only the readable properties of their
 * entities, and no fragment on a union or an interface in the way, each with the properties asked
 * of them. Nothing else: every property loaded is decoded and carried for every row.
 */
export function entityAsked(info: GraphQLResolveInfo, entity: string): EntitySelection {
  // The same for every request of a document: worked out once per field of it.
  const key = info.fieldNodes[0];
  const known = key && askedByField.get(key);
  if (known) return known;
  const asked = askedIn(info, entity);
  if (key) askedByField.set(key, asked);
  return asked;
}
const askedByField = new WeakMap<FieldNode, EntitySelection>();

function askedIn(info: GraphQLResolveInfo, entity: string): EntitySelection {
  const rowType = namedType(info.returnType);
  const entityField = isObjectType(rowType) ? rowType.getFields()[entity] : undefined;
  if (!entityField) throw new Error(`entityAsked: ${rowType.name} has no field ${entity}.`);
  const label = namedType(entityField.type).name;
  const loadable = loadableRelationships(label);
  const readable = readableProperties(label);
  const properties = new Set<string>(["id"]);
  const related = new Map<string, Set<string>>();
  const fieldsOf = (set: SelectionSetNode | undefined, visit: (field: FieldNode) => void): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) visit(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) fieldsOf(selection.selectionSet, visit);
      else fieldsOf(info.fragments[selection.name.value]?.selectionSet, visit);
    }
  };
  for (const node of info.fieldNodes)
    fieldsOf(node.selectionSet, (row) => {
      if (row.name.value !== entity) return;
      fieldsOf(row.selectionSet, (field) => {
        const name = field.name.value;
        if (!field.selectionSet) {
          if (readable.includes(name)) properties.add(name);
          return;
        }
        const relationship = loadable.get(name);
        if (
          relationship &&
          !field.arguments?.length &&
          answerable(field.selectionSet, relationship.targets, info.fragments)
        ) {
          const theirs = related.get(name) ?? new Set<string>();
          // Readable on some target: relatedEntities keeps, per target, those it has.
          fieldsOf(field.selectionSet, (leaf) => void theirs.add(leaf.name.value));
          related.set(name, theirs);
        }
      });
    });
  return {
    properties: [...properties],
    related: Object.fromEntries([...related].map(([name, theirs]) => [name, [...theirs]])),
  };
}
