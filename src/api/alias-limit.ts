import {
  GraphQLError,
  Kind,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ASTVisitor,
} from "graphql";

/**
 * Counts every alias of an operation, `__typename` included (GraphQL Armor's count leaves those
 * out), through fragments as often as they are spread. The message matches Armor's others
 * ("... limit of N exceeded"), so it is answered as LIMIT_EXCEEDED like them.
 */
export function aliasLimitRule(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions)
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    const count = (set: SelectionSetNode | undefined, seen: ReadonlySet<string>): number => {
      let total = 0;
      for (const selection of set?.selections ?? []) {
        if (total > max) return total;
        if (selection.kind === Kind.FIELD)
          total += (selection.alias ? 1 : 0) + count(selection.selectionSet, seen);
        else if (selection.kind === Kind.INLINE_FRAGMENT) total += count(selection.selectionSet, seen);
        else if (!seen.has(selection.name.value))
          // A cycle of fragments is another rule's error; it is counted once here.
          total += count(
            fragments.get(selection.name.value)?.selectionSet,
            new Set([...seen, selection.name.value]),
          );
      }
      return total;
    };
    return {
      OperationDefinition(node) {
        const aliases = count(node.selectionSet, new Set());
        if (aliases > max)
          context.reportError(
            new GraphQLError(`Aliases limit of ${max} exceeded (aliases of __typename count too).`, {
              nodes: [node],
            }),
          );
      },
    };
  };
}
