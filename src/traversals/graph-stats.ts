import { LABELS } from "../schema-model/index.ts";
import { visible } from "./cypher-fragments.ts";
import type { ReadQuery } from "./read-query.ts";
import { assertPartnershipExists, ownedBy, scopeParameters, type PartnershipScope } from "./scope.ts";

export interface LabelCountRow {
  label: string;
  count: number;
}

export interface GraphStatsRows {
  nodes: LabelCountRow[];
  relationships: LabelCountRow[];
  nodesWithoutProvenance: number;
}

// The partnership's own nodes (an index seek on partnershipId); shared ones belong to no one partnership.
const inScope = `${ownedBy("n")} AND ${visible("n")}`;

/**
 * Node counts by label, relationship counts by type (from the partnership's own nodes), nodes with
 * no EVIDENCED_BY; restricted items count only for callers who may see them. One round trip.
 */
export async function graphStats(read: ReadQuery, scope: PartnershipScope): Promise<GraphStatsRows> {
  const branches = LABELS.flatMap((label) => [
    `MATCH (n:${label}) WHERE ${inScope} RETURN 'node' AS kind, '${label}' AS name, count(n) AS count`,
    `MATCH (n:${label})-[r]->(m) WHERE ${inScope} AND ${visible("m")} RETURN 'relationship' AS kind, type(r) AS name, count(r) AS count`,
    ...(label === "Document"
      ? []
      : [
          `MATCH (n:${label}) WHERE ${inScope} AND NOT EXISTS { MATCH (n)-[:EVIDENCED_BY]->() } RETURN 'unproven' AS kind, '${label}' AS name, count(n) AS count`,
        ]),
  ]);
  const rows = (await read(branches.join("\nUNION ALL\n"), scopeParameters(scope))) as {
    kind: string;
    name: string;
    count: number;
  }[];
  const sum = (kind: string): LabelCountRow[] => {
    const totals = new Map<string, number>();
    for (const row of rows)
      if (row.kind === kind && row.count > 0) totals.set(row.name, (totals.get(row.name) ?? 0) + row.count);
    return [...totals]
      .map(([label, count]) => ({ label, count }))
      .sort((a, b) => a.label.localeCompare(b.label));
  };
  const nodes = sum("node");
  if (!nodes.length && scope.named) await assertPartnershipExists(read, scope.partnershipId);
  return {
    nodes,
    relationships: sum("relationship"),
    nodesWithoutProvenance: rows
      .filter((r) => r.kind === "unproven")
      .reduce((total, r) => total + r.count, 0),
  };
}
