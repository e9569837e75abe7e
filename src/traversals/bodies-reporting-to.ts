import type { RelationshipType } from "../../generated/resolvers.ts";
import { entityProperties, pathNode, type EntitySelection } from "./cypher-fragments.ts";
import type { ReadQuery } from "./read-query.ts";
import { fromRoot, inScope, rootPartnership, scopeParameters, type Scope } from "./scope.ts";
import { LINES } from "./top.ts";
import type { PathNode } from "./types.ts";
import { validAt } from "./validity.ts";

export interface ReportingBodyRow {
  bodyId: string;
  name: string;
  /** The body's readable properties, those of `selection` (entityProperties). */
  body: Record<string, unknown>;
  depth: number;
  relationship: RelationshipType;
  frequency: string | null;
  reportsTo: PathNode;
}

const MAX_LEVELS = 10;

/**
 * Bodies under a body by ACCOUNTABLE_TO (solid) and PROVIDES_UPDATES_TO (dashed), each once by its
 * shortest route (accountability preferred on a tie), with the first edge's kind and frequency.
 * Only lines and bodies valid at the scope's asOf count, and only bodies of the root's partnership
 * (or shared ones): under a shared county board, those of the partnership asked about. One round
 * trip, with each body's own properties and the entities of its relationship fields that
 * `selection` names (loadableRelationships).
 */
export async function bodiesReportingTo(
  read: ReadQuery,
  scope: Scope,
  bodyId: string,
  transitive = true,
  selection: EntitySelection = {},
): Promise<ReportingBodyRow[]> {
  const { bodies } = await fromRoot(read, scope, { id: bodyId, what: "body" }, async (scope) => {
    const [row] = await read(
      `OPTIONAL MATCH (root:Body {id: $id})
       WITH root, ${rootPartnership("root")} AS scopeId
       OPTIONAL CALL (root, scopeId) {
         MATCH p = (b:Body)-[:${LINES}*1..${transitive ? MAX_LEVELS : 1}]->(root)
         WHERE b <> root AND all(r IN relationships(p) WHERE ${validAt("r")})
           AND all(n IN nodes(p) WHERE ${validAt("n")} AND ${inScope("n", "scopeId")})
         WITH b, p, relationships(p)[0] AS first
         ORDER BY length(p), CASE type(first) WHEN 'ACCOUNTABLE_TO' THEN 0 ELSE 1 END
         WITH b, head(collect({p: p, first: first})) AS best
         WITH b, best.p AS p, best.first AS first
         RETURN collect({bodyId: b.id, name: b.name, body: ${entityProperties("b", "Body", selection)}, depth: length(p), relationship: type(first), frequency: first.frequency,
                         reportsTo: ${pathNode("endNode(first)")}}) AS bodies
       }
       RETURN root.partnershipId AS rootPartnershipId, coalesce(bodies, []) AS bodies`,
      { id: bodyId, ...scopeParameters(scope) },
    );
    return row;
  });
  return (bodies as ReportingBodyRow[]).sort((a, b) => a.depth - b.depth || a.name.localeCompare(b.name));
}
