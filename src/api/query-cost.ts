import {
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  valueFromASTUntyped,
} from "graphql";
import type { ApolloServerPlugin } from "@apollo/server";
import { ErrorCode, GovernanceError } from "../errors/index.ts";
import { MAX_INPUT_DEPTH, nestsDeeper, tooDeep } from "./restricted-fields.ts";
import {
  fanOut,
  LIST_ROWS,
  rowsUnder,
  STORED_LISTS,
  type CostModel,
  type RelationshipField,
  type Rows,
} from "./cost-model.ts";
import type { GraphShape } from "./graph-shape.ts";

/** The type of a list's rows: its element, or for a connection its edges' node. */
function rowType(definition: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(definition.type);
  const edges = isObjectType(type) ? type.getFields().edges : undefined;
  const edge = edges && getNamedType(edges.type);
  const node = edge && isObjectType(edge) ? edge.getFields().node : undefined;
  return node ? getNamedType(node.type).name : type.name;
}

/** Where a variable's value is not known (a document priced without its request): priced at the worst. */
const UNKNOWN = Symbol("a variable's value, not known");

/** An argument's value as the resolvers get it, with the variables' values put in. */
function plain(
  value: ValueNode,
  variables: Readonly<Record<string, unknown>> | undefined,
  defaults: ReadonlyMap<string, unknown>,
  depth = 0,
): unknown {
  // The walks below recurse as deep as the value: bounded as every argument is (restricted-fields.ts).
  if (depth > MAX_INPUT_DEPTH) throw tooDeep();
  switch (value.kind) {
    case Kind.VARIABLE: {
      const name = value.name.value;
      if (variables && variables[name] !== undefined) return variables[name];
      return defaults.has(name) ? defaults.get(name) : variables ? undefined : UNKNOWN;
    }
    case Kind.OBJECT:
      return Object.fromEntries(
        value.fields.map((f) => [f.name.value, plain(f.value, variables, defaults, depth + 1)]),
      );
    case Kind.LIST:
      return value.values.map((item) => plain(item, variables, defaults, depth + 1));
    default:
      return valueFromASTUntyped(value);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** AND/OR take a list, or (input coercion) one filter. */
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/** The operators of relationship and connection filters, each a walk over the related rows. */
const RELATIONSHIP_OPERATORS: ReadonlySet<string> = new Set(["some", "all", "none", "single", "aggregate"]);

/**
 * The cost of an operation: how much work the database does for it, estimated before any
 * database work. Every field of every row costs 1; a list multiplies what it selects by the rows
 * it will have: its `limit`/`first` argument or its type's `@limit` default, and for a
 * relationship no more than its measured fan-out (cost-model.ts). `__typename` counts like a field.
 * A list with a `where` filter adds the filter's work on every candidate row (`filterWork`).
 * `variables`: the request's, which the arguments are priced by; without them (a document priced
 * alone) a variable `limit` is priced at its maximum and a variable filter at the worst, unbounded.
 * `bench/cost` measures what a unit costs in database time.
 */
export function operationCost(
  schema: GraphQLSchema,
  model: CostModel,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables?: Readonly<Record<string, unknown>>,
): number {
  const defaults = new Map<string, unknown>();
  for (const definition of operation.variableDefinitions ?? [])
    if (definition.defaultValue)
      defaults.set(definition.variable.name.value, valueFromASTUntyped(definition.defaultValue));

  const argument = (field: FieldNode, name: string): unknown => {
    const value = field.arguments?.find((a) => a.name.value === name)?.value;
    return value && plain(value, variables, defaults);
  };

  /** The rows argument: a number, unknown (a variable priced alone) or not given. */
  const requested = (field: FieldNode, name: string): number | "variable" | undefined => {
    const value = argument(field, name);
    if (value === UNKNOWN) return "variable";
    return typeof value === "number" ? value : undefined;
  };

  /**
   * How many values of `property` a filter names, `{ eq }` one and `{ in: [...] }` its length, at
   * the filter's top or in an AND; undefined: it names none. For `id` the rows it leaves, for
   * `partnershipId` the partnerships whose nodes it is checked on.
   */
  const named = (where: unknown, property: "id" | "partnershipId"): number | undefined => {
    if (!isObject(where)) return undefined;
    const bounds: number[] = [];
    const value = where[property];
    if (isObject(value)) {
      if (value.eq !== undefined && value.eq !== null) bounds.push(1);
      if (Array.isArray(value.in)) bounds.push(value.in.length);
    }
    if (where.AND !== undefined)
      for (const part of asList(where.AND)) {
        const rows = named(part, property);
        if (rows !== undefined) bounds.push(rows);
      }
    return bounds.length ? Math.min(...bounds) : undefined;
  };
  const idRows = (where: unknown): number | undefined => named(where, "id");

  /**
   * At most how many rows a `where` filter leaves, and the relationship they are reached by:
   * `idRows`; for `rel: { some: filter }` the rows that filter leaves at the other end times the
   * reverse relationship's fan-out (the objectives of one strategy); OR adds, AND (and fields side
   * by side) takes the least. Undefined: no bound (an unknown variable, a property filter).
   */
  const filtered = (where: unknown, type: string): { rows: number; via: string | undefined } | undefined => {
    if (!isObject(where)) return undefined;
    const ids = idRows(where);
    const bounds: { rows: number; via: string | undefined }[] =
      ids === undefined ? [] : [{ rows: ids, via: undefined }];
    for (const [key, value] of Object.entries(where)) {
      if (key === "OR" || key === "AND") {
        const parts = asList(value).map((part) => filtered(part, type));
        const known = parts.filter((part) => part !== undefined);
        if (key === "AND" && known.length) bounds.push(known.reduce((a, b) => (b.rows < a.rows ? b : a)));
        if (key === "OR" && known.length && known.length === parts.length)
          bounds.push({
            rows: known.reduce((sum, part) => sum + part.rows, 0),
            via: known.every((part) => part.via === known[0]!.via) ? known[0]!.via : undefined,
          });
      } else if (isObject(value)) {
        const relationship = model.relationships.get(`${type}.${key}`);
        const some = value.some ?? value.single;
        const reverse = relationship && model.reverse.get(relationship.field);
        const other = some !== undefined && reverse ? filtered(some, relationship.targets[0]!) : undefined;
        if (other && reverse)
          bounds.push({ rows: other.rows * fanOut(model, reverse, other.via), via: reverse });
      }
    }
    return bounds.length ? bounds.reduce((a, b) => (b.rows < a.rows ? b : a)) : undefined;
  };

  /** Property comparisons (`{ eq: "x" }`, an edge's or an aggregate's filter): one each, a list of values one. */
  const comparisons = (value: unknown): number => {
    if (Array.isArray(value))
      return value.some(isObject) ? value.reduce((sum: number, item) => sum + comparisons(item), 0) : 1;
    if (!isObject(value)) return 1;
    return Math.max(
      1,
      Object.values(value).reduce((sum: number, item) => sum + comparisons(item), 0),
    );
  };

  /**
   * A filter object's work (the walk filterWork and edgeWork share): an unknown variable the
   * worst, AND/OR/NOT their parts' by `part`, every other field by `field`, all added up.
   */
  const logicalWork = (
    where: unknown,
    part: (where: unknown) => number,
    field: (key: string, value: unknown) => number,
  ): number => {
    if (where === UNKNOWN) return Infinity;
    if (!isObject(where)) return 0;
    let work = 0;
    for (const [key, value] of Object.entries(where)) {
      if (value === undefined || value === null) continue;
      if (key === "AND" || key === "OR" || key === "NOT")
        for (const each of asList(value)) work += part(each);
      else work += field(key, value);
    }
    return work;
  };

  /**
   * What checking one row of `type`, reached by the relationship `via`, against the filter `where`
   * costs the database (the one rule for filters): a property comparison 1; a relationship filter
   * (`memberOf: { some }`, `memberOfConnection: { some: { node, edge } }`, `...: { aggregate }`)
   * walks the row's related rows: the relationship's fan-out from `via` x (1 + its inner filter's
   * work on each); AND, OR, NOT and fields side by side add up. An unknown variable: the worst,
   * unbounded (its filter could nest as deep as MAX_INPUT_DEPTH, each level multiplying).
   */
  const filterWork = (where: unknown, type: string, via: string | undefined, at: Rows): number =>
    logicalWork(
      where,
      (part) => filterWork(part, type, via, at),
      (key, value) => {
        const connection = key.endsWith("Connection") ? key.slice(0, -"Connection".length) : undefined;
        const relationship = model.relationships.get(`${type}.${connection ?? key}`);
        return relationship
          ? relationshipWork(value, relationship, via, connection !== undefined, at)
          : comparisons(value);
      },
    );

  /** A relationship filter's or a connection filter's operators, each over the relationship's rows. */
  const relationshipWork = (
    filters: unknown,
    relationship: RelationshipField,
    via: string | undefined,
    connection: boolean,
    at: Rows,
  ): number => {
    if (filters === UNKNOWN) return Infinity;
    if (!isObject(filters)) return 0;
    // A filter walks all of a row's related rows, whatever a list's limit.
    const { rows, hubs } = rowsUnder(model, relationship.field, via, Infinity, at);
    const next: Rows = { count: at.count * rows, above: at.count, scoped: at.scoped && !hubs };
    let work = 0;
    for (const [operator, inner] of Object.entries(filters))
      if (RELATIONSHIP_OPERATORS.has(operator) && inner !== undefined && inner !== null)
        work +=
          rows *
          (1 +
            (operator === "aggregate"
              ? comparisons(inner)
              : connection
                ? edgeWork(inner, relationship, next)
                : targetWork(inner, relationship, next)));
    return work;
  };

  /** A filter on a relationship's other end: by member for a union (`{ Person: {...}, Body: {...} }`). */
  const targetWork = (where: unknown, relationship: RelationshipField, at: Rows): number => {
    if (relationship.targets.length === 1)
      return filterWork(where, relationship.targets[0]!, relationship.field, at);
    if (where === UNKNOWN) return Infinity;
    if (!isObject(where)) return 0;
    return relationship.targets.reduce(
      (sum, member) => sum + filterWork(where[member], member, relationship.field, at),
      0,
    );
  };

  /** A connection filter on one related row: its `node`, its `edge` (properties), AND/OR/NOT, and a union's members. */
  const edgeWork = (where: unknown, relationship: RelationshipField, at: Rows, member?: string): number =>
    logicalWork(
      where,
      (part) => edgeWork(part, relationship, at, member),
      (key, value) => {
        if (key === "node")
          return member
            ? filterWork(value, member, relationship.field, at)
            : targetWork(value, relationship, at);
        if (key === "edge") return comparisons(value);
        return !member && relationship.targets.includes(key) ? edgeWork(value, relationship, at, key) : 0;
      },
    );

  /**
   * The rows of a list field under one row of `parent` reached by `via`, its relationship field if
   * it is one, and what its `where` filter costs: the filter's work on one row (`filterWork`) times
   * the candidates it is checked on, which the filter runs on before `limit`: for a relationship
   * all its rows (its fan-out), for a root list the nodes of the type that many partnerships'
   * scopes hold (FanOutTable.candidates) when the filter names them, else the type's nodes in the
   * whole graph (CostModel.nodesInGraph), unless `id: { eq | in }` picks them; for any other list
   * its rows. `at`: the rows of `parent` it is asked under; `list`: whether it is a list (a single
   * object's rows stand where its parent's do); `scoped`: whether its rows are all of one
   * partnership (Rows.scoped).
   */
  const rows = (
    parent: GraphQLCompositeType,
    field: FieldNode,
    definition: GraphQLField<unknown, unknown>,
    via: string | undefined,
    at: Rows,
  ): { rows: number; relationship?: string; filter: number; list: boolean; scoped: boolean } => {
    const connection = definition.name.endsWith("Connection") && !parent.name.endsWith("Connection");
    // A connection's edges are its rows, counted where the connection is asked for.
    if (
      (!connection &&
        (!isListType(getNullableType(definition.type)) || parent.name.endsWith("Connection"))) ||
      STORED_LISTS.has(`${parent.name}.${definition.name}`)
    )
      return { rows: 1, filter: 0, list: false, scoped: at.scoped };
    const base = connection ? definition.name.slice(0, -"Connection".length) : definition.name;
    const relationship = model.relationships.get(`${parent.name}.${base}`);
    const type = relationship?.targets[0] ?? rowType(definition);
    const limits = model.rowLimits.get(type) ?? LIST_ROWS;
    const asked = requested(field, connection ? "first" : "limit");
    // A variable's value is not known when a document is priced alone: priced at the most it may be.
    const wanted = Math.min(asked === "variable" ? limits.max : (asked ?? limits.default), limits.max);
    const where = argument(field, "where");
    if (relationship) {
      // The filter is checked on all the related rows, the limit taken after.
      const all = rowsUnder(model, relationship.field, via, Infinity, at);
      const scoped = at.scoped && !all.hubs;
      const checked: Rows = { count: at.count * all.rows, above: at.count, scoped };
      const work = connection
        ? edgeWork(where, relationship, checked)
        : targetWork(where, relationship, checked);
      return {
        rows: rowsUnder(model, relationship.field, via, wanted, at).rows,
        relationship: relationship.field,
        filter: work && all.rows * work,
        list: true,
        scoped,
      };
    }
    // A full-text index's connection filters its hits' nodes and scores (`{ node: {...}, score: {...} }`).
    const whereType = definition.args.find((a) => a.name === "where")?.type;
    const indexed = whereType && getNamedType(whereType).name.endsWith("IndexWhere");
    const root = parent === schema.getQueryType() && model.rowLimits.has(type);
    // Without a partnership in the filter, the database checks the type's nodes of every partnership.
    const perPartnership = model.candidates.get(type) ?? limits.max;
    const partnerships = named(where, "partnershipId");
    const ids = idRows(where);
    const scope = Math.max(
      1,
      ids ??
        (partnerships === undefined
          ? Math.max(perPartnership, model.nodesInGraph?.get(type) ?? 0)
          : partnerships * perPartnership),
    );
    // A root list is one partnership's when its filter names one, or one id; any other list's rows
    // are where its parent's are (a traversal answers within the request's one partnership).
    const scoped = root ? partnerships === 1 || ids === 1 : at.scoped;
    const checked: Rows = { count: root ? scope : at.count * wanted, above: at.count, scoped };
    const work = indexed
      ? isObject(where)
        ? filterWork(where.node, type, undefined, checked) +
          (where.score === undefined ? 0 : comparisons(where.score))
        : filterWork(where, type, undefined, checked)
      : filterWork(where, type, undefined, checked);
    // A traversal's or @cypher list: no longer than the longest bench:cost saw (cost-model.ts).
    // (One with a `limit` argument has as many rows as it asks for.)
    const longest = definition.args.some((a) => a.name === "limit")
      ? undefined
      : model.fanOuts.get(`${parent.name}.${definition.name}`);
    if (longest !== undefined) {
      const listed = Math.min(wanted, Math.max(1, longest));
      return { rows: listed, filter: work && (root ? scope : listed) * work, list: true, scoped };
    }
    const filter = work && (root ? scope : wanted) * work;
    const bound = filtered(where, type);
    return bound && bound.rows < wanted
      ? { rows: bound.rows, ...(bound.via ? { relationship: bound.via } : {}), filter, list: true, scoped }
      : { rows: wanted, filter, list: true, scoped };
  };

  const selectionCost = (
    set: SelectionSetNode | undefined,
    parent: GraphQLCompositeType,
    via: string | undefined,
    seen: ReadonlySet<string>,
    at: Rows,
  ): number => {
    let total = 0;
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        // Introspection is answered without the database (and is off in production).
        if (name === "__schema" || name === "__type") continue;
        const definition =
          isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
        if (!definition || !selection.selectionSet) {
          total += 1;
          continue;
        }
        const child = getNamedType(definition.type) as GraphQLCompositeType;
        const list = rows(parent, selection, definition, via, at);
        // A row keeps the relationship it was reached by through single objects (a connection's
        // edges and node); a list that is no relationship starts afresh.
        const next = list.relationship ?? (list.rows === 1 ? via : undefined);
        const under: Rows = list.list
          ? { count: at.count * list.rows, above: at.count, scoped: list.scoped }
          : at;
        total +=
          1 + list.filter + list.rows * selectionCost(selection.selectionSet, child, next, seen, under);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition
          ? (schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType | undefined)
          : parent;
        total += selectionCost(selection.selectionSet, type ?? parent, via, seen, at);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // A cycle of fragments is another rule's error; it is priced once here.
        if (!fragment || seen.has(name)) continue;
        const type = schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType | undefined;
        total += selectionCost(fragment.selectionSet, type ?? parent, via, new Set([...seen, name]), at);
      }
    }
    return total;
  };

  const root = schema.getRootType(operation.operation);
  // The operation is one row; what its root fields answer is within the request's one partnership
  // unless a root list says otherwise (`rows`).
  const top: Rows = { count: 1, above: 1, scoped: true };
  return root ? Math.ceil(selectionCost(operation.selectionSet, root, undefined, new Set(), top)) : 0;
}

/**
 * The cost of every operation of a document, by operation name (`""` for an anonymous one); with
 * `variables`, priced by their values, as the server prices a request.
 */
export function documentCosts(
  schema: GraphQLSchema,
  model: CostModel,
  document: DocumentNode,
  variables?: Readonly<Record<string, unknown>>,
) {
  const fragments = fragmentsOf(document);
  const costs = new Map<string, number>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.OPERATION_DEFINITION)
      costs.set(definition.name?.value ?? "", operationCost(schema, model, definition, fragments, variables));
  return costs;
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  return fragments;
}

/**
 * Refuses, before any database work, an operation that costs more than `max` (QUERY_COST_LIMIT)
 * with LIMIT_EXCEEDED (HTTP 400). Once the operation is resolved rather than at validation:
 * validation neither sees the variables, which filters and limits are priced by, nor runs again
 * for a document it has cached. `graph`: the graph's node counts and shared hubs as last read
 * (graph-shape.ts).
 */
export function queryCostPlugin(
  model: CostModel,
  max: number,
  graph: () => GraphShape | undefined = () => undefined,
): ApolloServerPlugin {
  // Costs already worked out, by document (Apollo hands over the same parsed document for a query
  // it has cached) and by operation and variables; worked out again once the graph's shape is
  // read anew. Pricing the report's tree is a walk of every field: 0.22-0.25 ms a request, profiled.
  const priced = new WeakMap<DocumentNode, { shape: GraphShape | undefined; costs: Map<string, number> }>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation) return;
          if (nestsDeeper(request.variables, MAX_INPUT_DEPTH)) throw tooDeep();
          const shape = graph();
          let known = priced.get(document);
          if (!known || known.shape !== shape) priced.set(document, (known = { shape, costs: new Map() }));
          const key = `${operation.name?.value ?? ""}\u0000${JSON.stringify(request.variables ?? {})}`;
          let cost = known.costs.get(key);
          if (cost === undefined) {
            cost = operationCost(
              schema,
              shape ? { ...model, nodesInGraph: shape.nodes, hubs: shape.hubs } : model,
              operation,
              fragmentsOf(document),
              request.variables ?? {},
            );
            // A document asked with ever new variables keeps the latest few.
            if (known.costs.size >= MOST_PRICED_PER_DOCUMENT) known.costs.clear();
            known.costs.set(key, cost);
          }
          if (cost > max)
            throw new GovernanceError(
              ErrorCode.LIMIT_EXCEEDED,
              `Query Cost limit of ${max} exceeded, found ${cost} (work the database would do: values made and filter rows checked, priced by the graph's measured fan-outs).`,
              { limit: "maxCost", maximum: max },
            );
        },
      };
    },
  };
}

/** Costs kept per document, for as many sets of variables. */
const MOST_PRICED_PER_DOCUMENT = 64;
