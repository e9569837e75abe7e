import type { BodyKind, RelationshipType } from "../../generated/resolvers.ts";
import { notFound } from "../errors/index.ts";
import type { ReadQuery } from "./read-query.ts";
import {
  fromRoot,
  inScope,
  ownedBy,
  rootPartnership,
  scopeParameters,
  settlePartnership,
  type PartnershipScope,
  type Scope,
} from "./scope.ts";
import { hasNoRouteTo, headsAbove, LINES, topBody } from "./top.ts";
import { validAt } from "./validity.ts";

export interface DiagramNodeRow {
  id: string;
  name: string;
  kind: BodyKind;
  partnershipId: string;
  chair: string | null;
  frequency: string | null;
  routeToTop: boolean;
}

export interface DiagramEdgeRow {
  from: string;
  to: string;
  kind: RelationshipType;
  frequency: string | null;
}

export interface DiagramRows {
  nodes: DiagramNodeRow[];
  edges: DiagramEdgeRow[];
  partnershipId: string;
  topBodyId: string | null;
}

/**
 * Cypher, after `bodies` (a list of Body) and `heads` (where a route to the board may end, or null
 * when every body drawn is on a route by construction) are bound: their rows with chairs and
 * routes, and the valid lines among them.
 */
const NODES_AND_EDGES = `
  CALL (bodies, heads) {
    UNWIND bodies AS b
    CALL (b) {
      OPTIONAL MATCH (p:Person)-[m:MEMBER_OF {role: 'CHAIR'}]->(b) WHERE ${validAt("m")}
      WITH p, m ORDER BY m.validFrom DESC
      RETURN head(collect(p.name)) AS chair
    }
    RETURN collect({id: b.id, name: b.name, kind: b.kind, partnershipId: b.partnershipId, chair: chair, frequency: b.frequency,
                    routeToTop: heads IS NULL OR NOT (${hasNoRouteTo("b", "heads")})}) AS nodes
  }
  CALL (bodies) {
    UNWIND bodies AS a
    MATCH (a)-[r:${LINES}]->(c:Body) WHERE c IN bodies AND ${validAt("r")}
    RETURN collect({from: a.id, to: c.id, kind: type(r), frequency: r.frequency}) AS edges
  }`;

/**
 * Every body of the partnership valid at asOf, whether or not it has lines, every line between
 * them valid at asOf, and the bodies outside the partnership (shared county boards...) that its
 * bodies report to, directly or through each other; with the partnership's top. One round trip.
 */
async function partnershipDiagram(read: ReadQuery, scope: PartnershipScope): Promise<DiagramRows> {
  const [row] = await read(
    `OPTIONAL MATCH (partnership:Partnership {id: $partnershipId})
     OPTIONAL CALL () { ${topBody("top")} }
     CALL () {
       MATCH (b:Body) WHERE ${ownedBy("b")} AND ${validAt("b")}
       RETURN collect(b) AS own
     }
     CALL (own) {
       UNWIND own AS b
       MATCH (b) ((:Body)-[line:${LINES}]->(up:Body) WHERE ${validAt("line")} AND ${validAt("up")} AND ${inScope("up")}){1,10} (outside:Body)
       WHERE NOT ${ownedBy("outside")}
       RETURN collect(DISTINCT outside) AS outside
     }
     WITH partnership, top, own + outside AS bodies, ${headsAbove("top")} AS heads
     ${NODES_AND_EDGES}
     RETURN partnership IS NOT NULL AS found, top.id AS topBodyId, nodes, edges`,
    scopeParameters(scope),
  );
  if (!row?.found) throw notFound(scope.partnershipId, "partnership");
  return sorted({
    nodes: row.nodes as DiagramNodeRow[],
    edges: row.edges as DiagramEdgeRow[],
    partnershipId: scope.partnershipId,
    topBodyId: (row.topBodyId as string | null) ?? null,
  });
}

/**
 * Bodies under the root (everything that reports to it, transitively) plus the bodies the root
 * itself reports to, and the lines among them, all valid at asOf and in the root's partnership
 * (or shared). One round trip: APOC gathers the candidate bodies (a superset, since it cannot
 * test dates or partnerships), and the walk over lines valid at asOf is finished here.
 */
async function rootDiagram(read: ReadQuery, scope: Scope, rootBodyId: string): Promise<DiagramRows> {
  const rows = await fromRoot(read, scope, { id: rootBodyId, what: "body" }, async (scope) => {
    const [row] = await read(
      `OPTIONAL MATCH (root:Body {id: $rootId})
       WITH root, ${rootPartnership("root")} AS scopeId
       OPTIONAL CALL (root, scopeId) {
         CALL apoc.path.subgraphNodes(root, {relationshipFilter: "<ACCOUNTABLE_TO|<PROVIDES_UPDATES_TO", labelFilter: "+Body", maxLevel: 25}) YIELD node
         WITH collect(node) AS under
         OPTIONAL MATCH (root)-[:${LINES}]->(above:Body)
         WITH under, collect(above) AS above
         WITH under + above AS candidates
         UNWIND candidates AS b
         WITH DISTINCT b WHERE ${validAt("b")} AND ${inScope("b", "scopeId")}
         WITH collect(b) AS bodies, null AS heads
         ${NODES_AND_EDGES}
         RETURN nodes, edges
       }
       RETURN root.partnershipId AS rootPartnershipId, nodes, edges`,
      { rootId: rootBodyId, ...scopeParameters(scope) },
    );
    return row;
  });
  const nodes = rows.nodes as DiagramNodeRow[];
  const edges = rows.edges as DiagramEdgeRow[];
  // Keep what is still connected to the root through lines valid at asOf.
  const kept = new Set([rootBodyId]);
  for (const edge of edges) if (edge.from === rootBodyId) kept.add(edge.to);
  const queue = [rootBodyId];
  while (queue.length) {
    const current = queue.shift()!;
    for (const edge of edges)
      if (edge.to === current && !kept.has(edge.from)) {
        kept.add(edge.from);
        queue.push(edge.from);
      }
  }
  return sorted({
    nodes: nodes.filter((n) => kept.has(n.id)),
    edges: edges.filter((e) => kept.has(e.from) && kept.has(e.to)),
    partnershipId: rows.partnershipId,
    topBodyId: rootBodyId,
  });
}

function sorted(diagram: DiagramRows): DiagramRows {
  diagram.nodes.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  diagram.edges.sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  return diagram;
}

/**
 * The viewer's drawing at the scope's asOf: of the structure under `rootBodyId` and what it
 * reports to, or else of the whole partnership (named, the default, or the only one loaded).
 */
export async function governanceDiagram(
  read: ReadQuery,
  scope: Scope,
  rootBodyId?: string | null,
): Promise<DiagramRows> {
  if (rootBodyId) return rootDiagram(read, scope, rootBodyId);
  return partnershipDiagram(
    read,
    await settlePartnership(read, scope, "governanceDiagram without rootBodyId"),
  );
}
