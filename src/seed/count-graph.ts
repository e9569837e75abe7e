import type { SeedGraph } from "./seed-graph.ts";

/** Node counts by label and relationship counts by type (EVIDENCED_BY from evidence): what `seed --check` prints. */
export function countGraph(graph: SeedGraph): {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
} {
  const nodes: Record<string, number> = {};
  const relationships: Record<string, number> = { EVIDENCED_BY: 0 };
  for (const node of graph.nodes.values()) {
    nodes[node.label] = (nodes[node.label] ?? 0) + 1;
    relationships.EVIDENCED_BY! += node.evidence.length;
  }
  for (const r of graph.relationships) relationships[r.type] = (relationships[r.type] ?? 0) + 1;
  return { nodes, relationships };
}
