import type { DomainModel } from "../schema-model/index.js";
import type { SeedGraphDraft } from "./seed-graph-draft.js";

/** Every required property of every node is given by some file (reported where the node is first listed). */
export function checkRequired(draft: SeedGraphDraft, model: DomainModel): void {
  for (const node of draft.nodes.values()) {
    const given = new Set((draft.settings.get(node.id) ?? []).map((setting) => setting.property));
    const first = draft.listings.get(node.id)?.[0];
    for (const property of model.labels.get(node.label)?.properties.values() ?? [])
      if (property.required && node.properties[property.name] === undefined && !given.has(property.name))
        if (!draft.unreadable.has(node.id))
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
