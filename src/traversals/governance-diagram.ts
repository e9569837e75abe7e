import { notFound } from "../errors/index.js";
import { validAt } from "./validity.js";
import { dateParameter, type ReadQuery } from "./read-query.js";

export interface DiagramNodeRow {
  id: string;
  name: string;
  kind: string;
  chair: string | null;
  frequency: string | null;
}

export interface DiagramEdgeRow {
  from: string;
  to: string;
  kind: string;
  frequency: string | null;
}

export interface DiagramRows {
  nodes: DiagramNodeRow[];
  edges: DiagramEdgeRow[];
}

const EDGE_TYPES = "ACCOUNTABLE_TO|PROVIDES_UPDATES_TO";

/**
 * Bodies under the root (everything that reports to it, transitively) plus the bodies the root
 * itself reports to, and the edges among them, all valid at `asOf`. The default root is the
 * partnership's statutory board. One round trip: APOC gathers the candidate bodies (a superset,
 * since it cannot test dates), and the walk over edges valid at `asOf` is finished here.
 */
export async function governanceDiagram(
  read: ReadQuery,
  args: { rootBodyId?: string | null; asOf?: string | null; partnershipId?: string | null },
): Promise<DiagramRows> {
  // With a partnership, an equality on partnershipId (indexed) rather than a scan of every board.
  const rootMatch = args.rootBodyId
    ? "MATCH (root:Body {id: $rootId})"
    : args.partnershipId
      ? "MATCH (root:Body {partnershipId: $partnershipId}) WHERE root.kind = 'STATUTORY_BOARD' WITH root ORDER BY root.id LIMIT 1"
      : "MATCH (root:Body {kind: 'STATUTORY_BOARD'}) WITH root ORDER BY root.id LIMIT 1";
  const rows = await read(
    `${rootMatch}
     CALL apoc.path.subgraphNodes(root, {relationshipFilter: "<${EDGE_TYPES.replace("|", "|<")}", labelFilter: "+Body", maxLevel: 25}) YIELD node
     WITH root, collect(node) AS under
     OPTIONAL MATCH (root)-[:${EDGE_TYPES}]->(above:Body)
     WITH root, under, collect(above) AS above
     WITH root, under + above AS candidates
     UNWIND candidates AS b
     WITH DISTINCT root, b WHERE ${validAt("b")}
     CALL (b) {
       OPTIONAL MATCH (p:Person)-[m:MEMBER_OF {role: 'CHAIR'}]->(b) WHERE ${validAt("m")}
       WITH p, m ORDER BY m.validFrom DESC
       RETURN head(collect(p.name)) AS chair
     }
     WITH root, collect({id: b.id, name: b.name, kind: b.kind, chair: chair, frequency: b.frequency}) AS nodes, collect(b) AS bodies
     CALL (bodies) {
       UNWIND bodies AS a
       MATCH (a)-[r:${EDGE_TYPES}]->(c:Body) WHERE c IN bodies AND ${validAt("r")}
       RETURN collect({from: a.id, to: c.id, kind: type(r), frequency: r.frequency}) AS edges
     }
     RETURN root.id AS rootId, nodes, edges`,
    {
      rootId: args.rootBodyId ?? null,
      partnershipId: args.partnershipId ?? null,
      asOf: dateParameter(args.asOf),
    },
  );
  const row = rows[0];
  if (!row) {
    if (args.rootBodyId) throw notFound(args.rootBodyId, "body");
    return { nodes: [], edges: [] };
  }
  const rootId = row.rootId as string;
  const nodes = row.nodes as DiagramNodeRow[];
  const edges = row.edges as DiagramEdgeRow[];
  // Keep what is still connected to the root through edges valid at asOf.
  const kept = new Set([rootId]);
  for (const edge of edges) if (edge.from === rootId) kept.add(edge.to);
  const queue = [rootId];
  while (queue.length) {
    const current = queue.shift()!;
    for (const edge of edges)
      if (edge.to === current && !kept.has(edge.from)) {
        kept.add(edge.from);
        queue.push(edge.from);
      }
  }
  return {
    nodes: nodes.filter((n) => kept.has(n.id)).sort((a, b) => a.name.localeCompare(b.name)),
    edges: edges
      .filter((e) => kept.has(e.from) && kept.has(e.to))
      .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to)),
  };
}
