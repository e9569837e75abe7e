import type { DomainModel } from "../schema-model/index.ts";
import type { SeedGraphDraft } from "./seed-graph-draft.ts";

/** Every required property of every node is given by some file (reported where the node is first listed). */
export function checkRequired(draft: SeedGraphDraft, model: DomainModel): void {
  const required = new Map(
    [...model.labels].map(([label, { properties }]) => [
      label,
      [...properties.values()].filter((p) => p.required),
    ]),
  );
  for (const node of draft.nodes.values())
    for (const property of required.get(node.label) ?? [])
      if (node.properties[property.name] === undefined)
        if (!draft.refused.has(`${node.id}|${property.name}`) && !draft.unreadable.has(node.id)) {
          const first = draft.listings.get(node.id)?.[0];
          draft.report({
            file: first?.file ?? "?",
            ...(first?.line ? { line: first.line } : {}),
            entry: node.id,
            field: property.name,
            message: `is required for a ${node.label} and no file gives it.`,
            fix: `add ${property.name}: to the entry in one of ${node.listedAt.join(", ")}.`,
          });
        }
}
