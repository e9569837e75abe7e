import type { DomainModel } from "../../src/schema-model/index.ts";
import { ID_PATTERN, ID_PREFIX } from "../../src/schema-model/index.ts";
import { checkValue, type SeedGraph } from "../../src/seed/index.ts";

/**
 * What the seed validator would say about a generated graph: every label, property, value,
 * relationship type, target label and evidence document checked against the domain model read
 * from schema/*.graphql. Returns the problems (empty when the graph could have come from YAML).
 */
export function checkShape(graph: SeedGraph, model: DomainModel): string[] {
  const problems: string[] = [];
  for (const node of graph.nodes.values()) {
    const label = model.labels.get(node.label);
    if (!label) {
      problems.push(`${node.id}: label ${node.label} is not in the schema.`);
      continue;
    }
    if (!ID_PATTERN.test(node.id) || !node.id.startsWith(`${ID_PREFIX[node.label]}:`))
      problems.push(`${node.id}: expected an id like ${ID_PREFIX[node.label]}:<slug>.`);
    for (const [name, value] of Object.entries(node.properties)) {
      const property = label.properties.get(name);
      const problem = property ? checkValue(property, value) : { message: "is not a property of the label." };
      if (problem) problems.push(`${node.id}.${name}: ${problem.message}`);
    }
    for (const property of label.properties.values())
      if (property.required && node.properties[property.name] === undefined)
        problems.push(`${node.id}: required ${property.name} is missing.`);
    for (const evidence of node.evidence)
      if (graph.nodes.get(evidence.document)?.label !== "Document")
        problems.push(`${node.id}: evidence cites ${evidence.document}, which is not a generated Document.`);
  }
  for (const relationship of graph.relationships) {
    const from = graph.nodes.get(relationship.from);
    const to = graph.nodes.get(relationship.to);
    const model_ = from && model.labels.get(from.label)?.relationships.get(relationship.type);
    if (!from || !to) problems.push(`${relationship.key}: an end is not a generated node.`);
    else if (!model_)
      problems.push(`${relationship.key}: ${from.label} has no outgoing ${relationship.type}.`);
    else if (!model_.targets.includes(to.label))
      problems.push(
        `${relationship.key}: ${relationship.type} from ${from.label} may not point to ${to.label}.`,
      );
    else
      for (const [name, value] of Object.entries(relationship.properties)) {
        const property = model_.properties.get(name);
        const problem = property
          ? checkValue(property, value)
          : { message: "is not a property of the relationship." };
        if (problem) problems.push(`${relationship.key}.${name}: ${problem.message}`);
      }
  }
  return problems;
}

/** The same counts `seed --check` prints. */
export { countGraph as countShape } from "../../src/seed/index.ts";
