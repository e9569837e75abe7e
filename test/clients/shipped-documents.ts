/**
 * Every GraphQL document the project ships (the viewer's and the report generator's), as
 * codegen typed them in generated/documents.ts, by operation name.
 */
import type { DocumentNode, OperationDefinitionNode } from "graphql";
import * as documents from "../../generated/documents.ts";

export function shippedDocuments(): Map<string, DocumentNode> {
  const all = new Map<string, DocumentNode>();
  for (const [name, value] of Object.entries(documents)) {
    if (!name.endsWith("Document")) continue;
    const document = value as DocumentNode;
    const operation = document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === "OperationDefinition",
    );
    if (operation?.name) all.set(operation.name.value, document);
  }
  return all;
}
