import type { RelationshipType } from "../../generated/resolvers.ts";
import { notFound } from "../errors/index.ts";
import { lookupUnion, pathNode, visible } from "./cypher-fragments.ts";
import { capped } from "./limits.ts";
import type { ReadQuery } from "./read-query.ts";
import { fromRoot, inScope, rootPartnership, scopeParameters, type Scope } from "./scope.ts";
import type { PathNode } from "./types.ts";

export interface PathStepRow {
  from: PathNode;
  relationship: RelationshipType;
  to: PathNode;
  reversed: boolean;
}

/**
 * The shortest path between two entities in either direction, as readable steps, within the
 * partnership of `fromId` (and shared entities): `toId` of another partnership is not found from
 * there. Provenance links are not followed (every node shares a paper with many others, which
 * explains nothing), nor restricted items for callers who may not see them. One round trip.
 */
export async function connection(
  read: ReadQuery,
  scope: Scope,
  fromId: string,
  toId: string,
  maxHops = 6,
): Promise<PathStepRow[]> {
  const hops = capped("maxHops", maxHops);
  const { steps } = await fromRoot(read, scope, { id: fromId }, async (scope) => {
    const [row] = await read(
      `OPTIONAL CALL () { ${lookupUnion("fromId", "a")} }
       WITH a, ${rootPartnership("a")} AS scopeId
       OPTIONAL CALL (scopeId) { ${lookupUnion("toId", "b")} }
       WITH a, scopeId, CASE WHEN b IS NOT NULL AND ${inScope("b", "scopeId")} AND ${visible("b")} THEN b END AS b
       OPTIONAL CALL (a, b, scopeId) {
         MATCH p = shortestPath((a)-[*..${hops}]-(b))
         WHERE a <> b AND none(r IN relationships(p) WHERE type(r) = 'EVIDENCED_BY')
           AND all(n IN nodes(p) WHERE ${visible("n")} AND ${inScope("n", "scopeId")})
         RETURN [i IN range(0, length(p) - 1) | {
           from: ${pathNode("nodes(p)[i]")}, to: ${pathNode("nodes(p)[i + 1]")},
           relationship: type(relationships(p)[i]), reversed: startNode(relationships(p)[i]) <> nodes(p)[i]}] AS steps
       }
       RETURN CASE WHEN ${visible("a")} THEN a.partnershipId END AS rootPartnershipId, b IS NOT NULL AS toFound,
              coalesce(steps, []) AS steps`,
      { fromId, toId, ...scopeParameters(scope) },
    );
    // An unknown fromId is NOT_FOUND first (fromRoot); then an unknown or unreachable toId.
    if (row?.rootPartnershipId && !row.toFound) throw notFound(toId);
    return row;
  });
  return steps as PathStepRow[];
}
