import { notFound } from "../errors/index.js";
import { pathNode } from "./cypher-fragments.js";
import type { ReadQuery } from "./read-query.js";
import type { PathNode } from "./types.js";

export interface ReportingBodyRow {
  bodyId: string;
  name: string;
  depth: number;
  relationship: string;
  frequency: string | null;
  reportsTo: PathNode;
}

const MAX_LEVELS = 10;

/**
 * Bodies under a body by ACCOUNTABLE_TO (solid) and PROVIDES_UPDATES_TO (dashed), each once by its
 * shortest route (accountability preferred on a tie), with the first edge's kind and frequency.
 * Only arrangements valid today count. One round trip.
 */
export async function bodiesReportingTo(
  read: ReadQuery,
  bodyId: string,
  transitive = true,
): Promise<ReportingBodyRow[]> {
  const [row] = await read(
    `OPTIONAL MATCH (root:Body {id: $id})
     CALL (root) {
       MATCH p = (b:Body)-[:ACCOUNTABLE_TO|PROVIDES_UPDATES_TO*1..${transitive ? MAX_LEVELS : 1}]->(root)
       WHERE b <> root AND all(r IN relationships(p) WHERE r.validTo IS NULL OR r.validTo >= date())
         AND all(n IN nodes(p) WHERE n.validTo IS NULL OR n.validTo >= date())
       WITH b, p, relationships(p)[0] AS first
       ORDER BY length(p), CASE type(first) WHEN 'ACCOUNTABLE_TO' THEN 0 ELSE 1 END
       WITH b, head(collect({p: p, first: first})) AS best
       WITH b, best.p AS p, best.first AS first
       RETURN collect({bodyId: b.id, name: b.name, depth: length(p), relationship: type(first), frequency: first.frequency,
                       reportsTo: ${pathNode("endNode(first)")}}) AS bodies
     }
     RETURN root IS NOT NULL AS found, bodies`,
    { id: bodyId },
  );
  if (!row?.found) throw notFound(bodyId, "body");
  return (row.bodies as ReportingBodyRow[]).sort((a, b) => a.depth - b.depth || a.name.localeCompare(b.name));
}
