import {
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";
import { STORED_LISTS, type CostModel } from "../../src/api/index.ts";

/**
 * The lists that are no relationship (the traversals' answers, `@cypher` lists such as
 * `Objective.feedingActions`), as long as they came in an answer: walks the answer along the
 * document and keeps, per field (`Query.bodiesReportingTo`), the longest list seen. The generated
 * root lists of node types are left out (a filter picks their rows, see query-cost.ts), and so are
 * lists with a `limit` argument and the lists stored as one value (STORED_LISTS).
 */
export function recordListLengths(
  schema: GraphQLSchema,
  model: CostModel,
  document: DocumentNode,
  data: unknown,
  longest: Map<string, number>,
): void {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const walk = (set: SelectionSetNode | undefined, parent: GraphQLCompositeType, value: unknown): void => {
    if (value === null || typeof value !== "object") return;
    if (Array.isArray(value)) {
      for (const item of value) walk(set, parent, item);
      return;
    }
    const row = value as Record<string, unknown>;
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (!selection.selectionSet) continue;
        const definition =
          isObjectType(parent) || isInterfaceType(parent)
            ? parent.getFields()[selection.name.value]
            : undefined;
        if (!definition) continue;
        const child = getNamedType(definition.type) as GraphQLCompositeType;
        const answer = row[selection.alias?.value ?? selection.name.value];
        const key = `${parent.name}.${definition.name}`;
        const generatedRoot = parent.name === "Query" && model.rowLimits.has(child.name);
        if (
          Array.isArray(answer) &&
          isListType(getNullableType(definition.type)) &&
          !model.relationships.has(key) &&
          // Read as one stored value, whatever its length (cost-model.ts).
          !STORED_LISTS.has(key) &&
          !parent.name.endsWith("Connection") &&
          !generatedRoot &&
          // A list with a `limit` argument is as long as asked (search, history).
          !definition.args.some((a) => a.name === "limit")
        )
          longest.set(key, Math.max(longest.get(key) ?? 0, answer.length));
        walk(selection.selectionSet, child, answer);
      } else {
        const condition =
          selection.kind === Kind.INLINE_FRAGMENT
            ? selection.typeCondition?.name.value
            : fragments.get(selection.name.value)?.typeCondition.name.value;
        const type = (condition && (schema.getType(condition) as GraphQLCompositeType | undefined)) || parent;
        const selected =
          selection.kind === Kind.INLINE_FRAGMENT
            ? selection.selectionSet
            : fragments.get(selection.name.value)?.selectionSet;
        // On an abstract type, only the fragment of the row's own type (when __typename tells it).
        if (
          typeof row.__typename === "string" &&
          condition &&
          condition !== row.__typename &&
          !isInterfaceType(type)
        )
          continue;
        walk(selected, type, row);
      }
    }
  };
  const root = schema.getQueryType();
  for (const definition of document.definitions)
    if (definition.kind === Kind.OPERATION_DEFINITION && root) walk(definition.selectionSet, root, data);
}
