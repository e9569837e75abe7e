import { notFound } from "../errors/index.js";
import { lookupUnion, pathNode, visible } from "./cypher-fragments.js";
import { capped } from "./limits.js";
import type { ReadQuery } from "./read-query.js";
import { viewerParameters, type PathNode, type Viewer } from "./types.js";

export interface PathStepRow {
  from: PathNode;
  relationship: string;
  to: PathNode;
  reversed: boolean;
}

/**
 * The shortest path between two entities in either direction, as readable steps. Provenance
 * links are not followed (every node shares a paper with many others, which explains nothing),
 * nor restricted items for callers who may not see them. One round trip.
 */
export async function connection(
  read: ReadQuery,
  viewer: Viewer,
  fromId: string,
  toId: string,
  maxHops = 6,
): Promise<PathStepRow[]> {
  const hops = capped("maxHops", maxHops);
  const [row] = await read(
    `OPTIONAL CALL () { ${lookupUnion("fromId", "a")} }
     OPTIONAL CALL () { ${lookupUnion("toId", "b")} }
     OPTIONAL CALL (a, b) {
       MATCH p = shortestPath((a)-[*..${hops}]-(b))
       WHERE a <> b AND none(r IN relationships(p) WHERE type(r) = 'EVIDENCED_BY') AND all(n IN nodes(p) WHERE ${visible("n")})
       RETURN [i IN range(0, length(p) - 1) | {
         from: ${pathNode("nodes(p)[i]")}, to: ${pathNode("nodes(p)[i + 1]")},
         relationship: type(relationships(p)[i]), reversed: startNode(relationships(p)[i]) <> nodes(p)[i]}] AS steps
     }
     RETURN a IS NOT NULL AND ${visible("a")} AS fromFound, b IS NOT NULL AND ${visible("b")} AS toFound, coalesce(steps, []) AS steps`,
    { fromId, toId, ...viewerParameters(viewer) },
  );
  if (!row?.fromFound) throw notFound(fromId);
  if (!row.toFound) throw notFound(toId);
  return row.steps as PathStepRow[];
}
