import {
  GraphQLError,
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
  type ValidationContext,
  type ValueNode,
  type ASTVisitor,
} from "graphql";
import { fanOut, LIST_ROWS, STORED_LISTS, type CostModel } from "./cost-model.js";

/** The type of a list's rows: its element, or for a connection its edges' node. */
function rowType(definition: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(definition.type);
  const edges = isObjectType(type) ? type.getFields().edges : undefined;
  const edge = edges && getNamedType(edges.type);
  const node = edge && isObjectType(edge) ? edge.getFields().node : undefined;
  return node ? getNamedType(node.type).name : type.name;
}

/**
 * The cost of an operation: how many values the database makes for it, estimated before any
 * database work. Every field of every row costs 1; a list multiplies what it selects by the rows
 * it will have: its `limit`/`first` argument or its type's `@limit` default, and for a
 * relationship no more than its measured fan-out (cost-model.ts). `__typename` counts like a field.
 * `bench/cost` measures what a unit costs in database time.
 */
export function operationCost(
  schema: GraphQLSchema,
  model: CostModel,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): number {
  const variableDefaults = new Map<string, number>();
  for (const definition of operation.variableDefinitions ?? [])
    if (definition.defaultValue?.kind === Kind.INT)
      variableDefaults.set(definition.variable.name.value, Number(definition.defaultValue.value));

  /** The rows argument as written: a literal, a variable's default, or unknown (a variable without one). */
  const requested = (field: FieldNode, name: string): number | "variable" | undefined => {
    const value = field.arguments?.find((a) => a.name.value === name)?.value;
    if (value?.kind === Kind.INT) return Number(value.value);
    if (value?.kind === Kind.VARIABLE) return variableDefaults.get(value.name.value) ?? "variable";
    return undefined;
  };

  /**
   * At most how many rows a `where` filter leaves, and the relationship they are reached by:
   * one for `id: { eq }`, a literal list's length for `id: { in }`; for `rel: { some: filter }`
   * the rows that filter leaves at the other end times the reverse relationship's fan-out (the
   * objectives of one strategy); OR adds, AND (and fields side by side) takes the least.
   * Undefined: no bound (a variable, a property filter).
   */
  const filtered = (
    where: ValueNode | undefined,
    type: string,
  ): { rows: number; via: string | undefined } | undefined => {
    if (where?.kind !== Kind.OBJECT) return undefined;
    const bounds: { rows: number; via: string | undefined }[] = [];
    for (const { name, value } of where.fields) {
      const key = name.value;
      if (key === "id" && value.kind === Kind.OBJECT)
        for (const operator of value.fields) {
          if (operator.name.value === "eq") bounds.push({ rows: 1, via: undefined });
          if (operator.name.value === "in" && operator.value.kind === Kind.LIST)
            bounds.push({ rows: operator.value.values.length, via: undefined });
        }
      else if ((key === "OR" || key === "AND") && value.kind === Kind.LIST) {
        const parts = value.values.map((part) => filtered(part, type));
        const known = parts.filter((part) => part !== undefined);
        if (key === "AND" && known.length) bounds.push(known.reduce((a, b) => (b.rows < a.rows ? b : a)));
        if (key === "OR" && known.length && known.length === parts.length)
          bounds.push({
            rows: known.reduce((sum, part) => sum + part.rows, 0),
            via: known.every((part) => part.via === known[0]!.via) ? known[0]!.via : undefined,
          });
      } else {
        const relationship = model.relationships.get(`${type}.${key}`);
        const some =
          value.kind === Kind.OBJECT
            ? value.fields.find((f) => f.name.value === "some" || f.name.value === "single")
            : undefined;
        const reverse = relationship && model.reverse.get(relationship.field);
        const other = some && reverse && filtered(some.value, relationship.targets[0]!);
        if (other && reverse)
          bounds.push({ rows: other.rows * fanOut(model, reverse, other.via), via: reverse });
      }
    }
    return bounds.length ? bounds.reduce((a, b) => (b.rows < a.rows ? b : a)) : undefined;
  };

  /** The rows of a list field under one row of `parent` reached by `via`, and its relationship field if it is one. */
  const rows = (
    parent: GraphQLCompositeType,
    field: FieldNode,
    definition: GraphQLField<unknown, unknown>,
    via: string | undefined,
  ): { rows: number; relationship?: string } => {
    const connection = definition.name.endsWith("Connection") && !parent.name.endsWith("Connection");
    // A connection's edges are its rows, counted where the connection is asked for.
    if (
      (!connection &&
        (!isListType(getNullableType(definition.type)) || parent.name.endsWith("Connection"))) ||
      STORED_LISTS.has(`${parent.name}.${definition.name}`)
    )
      return { rows: 1 };
    const base = connection ? definition.name.slice(0, -"Connection".length) : definition.name;
    const relationship = model.relationships.get(`${parent.name}.${base}`);
    const limits = model.rowLimits.get(relationship?.targets[0] ?? rowType(definition)) ?? LIST_ROWS;
    const asked = requested(field, connection ? "first" : "limit");
    // A variable's value is not known when the document is validated: priced at the most it may be.
    const wanted = Math.min(asked === "variable" ? limits.max : (asked ?? limits.default), limits.max);
    const where = field.arguments?.find((a) => a.name.value === "where")?.value;
    if (!relationship) {
      // A traversal's or @cypher list: no longer than the longest bench:cost saw (cost-model.ts).
      // (One with a `limit` argument has as many rows as it asks for.)
      const longest = definition.args.some((a) => a.name === "limit")
        ? undefined
        : model.fanOuts.get(`${parent.name}.${definition.name}`);
      if (longest !== undefined) return { rows: Math.min(wanted, Math.max(1, longest)) };
      const bound = filtered(where, rowType(definition));
      return bound && bound.rows < wanted
        ? { rows: bound.rows, ...(bound.via ? { relationship: bound.via } : {}) }
        : { rows: wanted };
    }
    return {
      rows: Math.min(wanted, fanOut(model, relationship.field, via)),
      relationship: relationship.field,
    };
  };

  const selectionCost = (
    set: SelectionSetNode | undefined,
    parent: GraphQLCompositeType,
    via: string | undefined,
    seen: ReadonlySet<string>,
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
        const list = rows(parent, selection, definition, via);
        // A row keeps the relationship it was reached by through single objects (a connection's
        // edges and node); a list that is no relationship starts afresh.
        const next = list.relationship ?? (list.rows === 1 ? via : undefined);
        total += 1 + list.rows * selectionCost(selection.selectionSet, child, next, seen);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition
          ? (schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType | undefined)
          : parent;
        total += selectionCost(selection.selectionSet, type ?? parent, via, seen);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // A cycle of fragments is another rule's error; it is priced once here.
        if (!fragment || seen.has(name)) continue;
        const type = schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType | undefined;
        total += selectionCost(fragment.selectionSet, type ?? parent, via, new Set([...seen, name]));
      }
    }
    return total;
  };

  const root = schema.getRootType(operation.operation);
  return root ? Math.ceil(selectionCost(operation.selectionSet, root, undefined, new Set())) : 0;
}

/** The cost of every operation of a document, by operation name (`""` for an anonymous one). */
export function documentCosts(schema: GraphQLSchema, model: CostModel, document: DocumentNode) {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const costs = new Map<string, number>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.OPERATION_DEFINITION)
      costs.set(definition.name?.value ?? "", operationCost(schema, model, definition, fragments));
  return costs;
}

/**
 * Refuses, at validation (before any database work), an operation that costs more than `max`.
 * The message matches GraphQL Armor's others ("... limit of N exceeded"), so it is answered as
 * LIMIT_EXCEEDED like them.
 */
export function queryCostRule(model: CostModel, max: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions)
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    return {
      OperationDefinition(node) {
        const cost = operationCost(context.getSchema(), model, node, fragments);
        if (cost > max)
          context.reportError(
            new GraphQLError(
              `Query Cost limit of ${max} exceeded, found ${cost} (values the database would make, priced by the graph's measured fan-outs).`,
              { nodes: [node] },
            ),
          );
      },
    };
  };
}
