import { entityProperties, pathNode, type EntitySelection } from "./cypher-fragments.ts";
import { capped } from "./limits.ts";
import type { ReadQuery } from "./read-query.ts";
import { fromRoot, inScope, rootPartnership, scopeParameters, type Scope } from "./scope.ts";
import { naturalCompare } from "../text/index.ts";
import type { PathNode } from "./types.ts";

export interface FeedingActionRow {
  actionId: string;
  ref: string | null;
  /** The action's readable properties, those of `selection` (entityProperties). */
  action: Record<string, unknown>;
  depth: number;
  path: PathNode[];
}

/**
 * Actions that feed an objective directly (CONTRIBUTES_TO) or through sub-objectives (PART_OF,
 * CONTRIBUTES_TO), each once by its shortest path, ordered by depth then ref; within the
 * objective's partnership (and shared entities). Not dated: the strategy tree has no validity.
 * One round trip, with each action's own properties and the entities of its relationship fields
 * that `selection` names (loadableRelationships).
 */
export async function actionsFeeding(
  read: ReadQuery,
  scope: Scope,
  objectiveId: string,
  maxDepth = 10,
  selection: EntitySelection = {},
): Promise<FeedingActionRow[]> {
  // Variable-length bounds cannot be parameters; the value is a checked integer.
  const depth = capped("maxDepth", maxDepth);
  const { actions } = await fromRoot(read, scope, { id: objectiveId, what: "objective" }, async (scope) => {
    const [row] = await read(
      `OPTIONAL MATCH (o:Objective {id: $id})
       WITH o, ${rootPartnership("o")} AS scopeId
       OPTIONAL CALL (o, scopeId) {
         MATCH p = (a:Action)-[:CONTRIBUTES_TO|PART_OF*1..${depth}]->(o)
         WHERE all(n IN nodes(p)[1..] WHERE n:Objective) AND all(n IN nodes(p) WHERE ${inScope("n", "scopeId")})
         WITH a, p ORDER BY length(p)
         WITH a, head(collect(p)) AS p
         RETURN collect({actionId: a.id, ref: a.ref, action: ${entityProperties("a", "Action", selection)}, depth: length(p), path: [n IN nodes(p) | ${pathNode("n")}]}) AS actions
       }
       RETURN o.partnershipId AS rootPartnershipId, coalesce(actions, []) AS actions`,
      { id: objectiveId, ...scopeParameters(scope) },
    );
    return row;
  });
  return (actions as FeedingActionRow[]).sort(
    (a, b) => a.depth - b.depth || naturalCompare(a.ref, b.ref) || naturalCompare(a.actionId, b.actionId),
  );
}
