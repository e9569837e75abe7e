import type { AccountabilityRole, RelationshipType } from "../../generated/resolvers.ts";
import { pathNode } from "./cypher-fragments.ts";
import type { ReadQuery } from "./read-query.ts";
import { fromRoot, inScope, rootPartnership, scopeParameters, type Scope } from "./scope.ts";
import { isTopKind, topBody, validLinesUp } from "./top.ts";
import type { PathNode } from "./types.ts";
import { validAt } from "./validity.ts";

export interface AccountabilityStepRow {
  depth: number;
  role: AccountabilityRole;
  relationship: RelationshipType;
  subject: PathNode | null;
  gap: string | null;
  of: PathNode | null;
}

interface ChainItem {
  node: PathNode;
  kind: string | null;
  ref: string | null;
  parents: { id: string; relationship: RelationshipType }[];
  leads: { role: AccountabilityRole; lead: PathNode }[];
  overseers: string[];
}

interface ChainBody {
  node: PathNode;
  kind: string;
  partnershipId: string;
  chairs: PathNode[];
  accountableTo: string[];
}

/**
 * For many ids at once (UNWIND), so nested fields batch through a DataLoader into one round trip.
 * Each root is read in the partnership it belongs to (scopeId); everything dated is taken at $asOf.
 * The top of each partnership is found once, however many of its ids are asked.
 */
const CHAIN_QUERY = `
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Action {id: id}) RETURN n AS x UNION MATCH (n:Objective {id: id}) RETURN n AS x
  UNION MATCH (n:Strategy {id: id}) RETURN n AS x UNION MATCH (n:Body {id: id}) RETURN n AS x
}
WITH collect({id: id, x: x, scopeId: ${rootPartnership("x")}}) AS roots
CALL (roots) {
  UNWIND roots AS root
  WITH DISTINCT root.scopeId AS scopeId
  OPTIONAL CALL (scopeId) { ${topBody("top", "scopeId")} }
  RETURN collect({scopeId: scopeId, topId: top.id}) AS tops
}
UNWIND roots AS root
WITH root.id AS id, root.x AS x, root.scopeId AS scopeId, tops
CALL (x, scopeId) {
  MATCH (x)-[:CONTRIBUTES_TO|PART_OF*0..10]->(n) WHERE n = x OR ((n:Objective OR n:Strategy) AND ${inScope("n", "scopeId")})
  WITH DISTINCT n
  CALL (n, scopeId) {
    OPTIONAL MATCH (n)-[r:CONTRIBUTES_TO|PART_OF]->(parent) WHERE (parent:Objective OR parent:Strategy) AND ${inScope("parent", "scopeId")}
    RETURN collect(CASE WHEN parent IS NULL THEN null ELSE {id: parent.id, relationship: type(r)} END) AS parents
  }
  CALL (n, scopeId) {
    OPTIONAL MATCH (n)-[r:LED_BY]->(lead) WHERE ${validAt("r")} AND ${inScope("lead", "scopeId")}
    RETURN collect(CASE WHEN lead IS NULL THEN null ELSE {role: r.role, lead: ${pathNode("lead")}} END) AS leads
  }
  CALL (n, scopeId) {
    OPTIONAL MATCH (n)-[:OVERSEEN_BY]->(b:Body) WHERE ${validAt("b")} AND ${inScope("b", "scopeId")}
    RETURN collect(b.id) AS overseers
  }
  RETURN collect({node: ${pathNode("n")}, kind: n.kind, ref: n.ref, parents: parents, leads: leads, overseers: overseers}) AS chain
}
CALL (x, scopeId) {
  OPTIONAL MATCH (x)-[:CONTRIBUTES_TO|PART_OF*0..10]->()-[:OVERSEEN_BY]->(b:Body) WHERE ${validAt("b")} AND ${inScope("b", "scopeId")}
  WITH x, collect(DISTINCT b) AS overseers
  UNWIND overseers + CASE WHEN x:Body THEN [x] ELSE [] END AS start
  MATCH ${validLinesUp("start", "b:Body", "ACCOUNTABLE_TO", 0, { node: "above", where: `${validAt("above")} AND ${inScope("above", "scopeId")}` })}
  WITH DISTINCT b
  CALL (b) {
    OPTIONAL MATCH (p:Person)-[m:MEMBER_OF {role: 'CHAIR'}]->(b) WHERE ${validAt("m")}
    WITH p, max(m.validFrom) AS since ORDER BY since DESC
    RETURN collect(CASE WHEN p IS NULL THEN null ELSE ${pathNode("p")} END) AS chairs
  }
  CALL (b, scopeId) {
    OPTIONAL MATCH (b)-[a:ACCOUNTABLE_TO]->(up:Body) WHERE ${validAt("a")} AND ${validAt("up")} AND ${inScope("up", "scopeId")}
    RETURN collect(DISTINCT up.id) AS accountableTo
  }
  RETURN collect({node: ${pathNode("b")}, kind: b.kind, partnershipId: b.partnershipId, chairs: chairs, accountableTo: accountableTo}) AS bodies
}
RETURN id, x.partnershipId AS rootPartnershipId, scopeId, chain, bodies,
       head([t IN tops WHERE t.scopeId = scopeId | t.topId]) AS topId`;

/** Whether `from` reaches `to` by ACCOUNTABLE_TO: an edge to→from then closes a cycle. */
function reaches(
  bodies: Map<string, ChainBody>,
  from: string,
  to: string,
  seen = new Set<string>(),
): boolean {
  if (from === to) return true;
  if (seen.has(from)) return false;
  seen.add(from);
  return (bodies.get(from)?.accountableTo ?? []).some((next) => reaches(bodies, next, to, seen));
}

const describe = (item: { node: PathNode; ref?: string | null; kind?: string | null }): string =>
  item.ref && item.node.label !== "Action"
    ? item.ref
    : `${item.node.label === "Action" && item.ref ? `Action ${item.ref}` : item.node.label} "${item.node.name}"`;

/**
 * For an action, objective, strategy or body: who answers for it, hop by hop, to the top body,
 * at the scope's asOf. Every missing link is a step with `gap` set, never skipped. One round trip
 * (the root's partnership is read in it); the chain is assembled here because its order (leads,
 * then the item's parents, then oversight, then each ACCOUNTABLE_TO hop with its chair) is easier
 * to read in code than in Cypher.
 */
export async function accountabilityChain(
  read: ReadQuery,
  scope: Scope,
  id: string,
): Promise<AccountabilityStepRow[]> {
  const { steps } = await fromRoot(
    read,
    scope,
    { id, what: "action, objective, strategy or body" },
    async (scope) => (await chainRows(read, scope, [id]))[0],
  );
  return steps;
}

interface Chain {
  rootPartnershipId: string;
  steps: AccountabilityStepRow[];
}

async function chainRows(
  read: ReadQuery,
  scope: Scope,
  ids: readonly string[],
): Promise<(Chain | undefined)[]> {
  const rows = new Map(
    (await read(CHAIN_QUERY, { ids, ...scopeParameters(scope) })).map((row) => [row.id as string, row]),
  );
  return ids.map((id) => {
    const row = rows.get(id);
    return row ? { rootPartnershipId: String(row.rootPartnershipId), steps: assemble(id, row) } : undefined;
  });
}

/**
 * The chains of many items in one round trip, in the order of `ids`; undefined for an unknown id.
 * Each item is read in its own partnership (the nested Action and Objective fields).
 */
export async function accountabilityChains(
  read: ReadQuery,
  scope: Scope,
  ids: readonly string[],
): Promise<(AccountabilityStepRow[] | undefined)[]> {
  return (await chainRows(read, scope, ids)).map((chain) => chain?.steps);
}

function assemble(id: string, row: Record<string, unknown>): AccountabilityStepRow[] {
  const items = new Map((row.chain as ChainItem[]).map((item) => [item.node.id, item]));
  const bodies = new Map((row.bodies as ChainBody[]).map((body) => [body.node.id, body]));
  const topId = row.topId as string | null;
  const scopeId = row.scopeId as string | null;
  const steps: AccountabilityStepRow[] = [];
  const step = (
    depth: number,
    role: AccountabilityRole,
    relationship: RelationshipType,
    subject: PathNode | null,
    of: PathNode | null,
    gap: string | null = null,
  ): void => void steps.push({ depth, role, relationship, subject, gap, of });

  // 1. The item and everything it belongs to, breadth first, each with its leads.
  const overseenBy = new Map<string, PathNode>();
  let depth = 0;
  let level = [id].filter((itemId) => items.has(itemId));
  const seen = new Set(level);
  while (level.length) {
    const next: string[] = [];
    for (const itemId of level) {
      const item = items.get(itemId)!;
      for (const { role, lead } of item.leads) step(depth, role, "LED_BY", lead, item.node);
      const roles = new Set(item.leads.map((l) => l.role));
      if (item.node.label === "Action" && !item.leads.length)
        step(depth, "LEAD_OFFICER", "LED_BY", null, item.node, `${describe(item)} has no lead.`);
      if (item.kind === "PRIORITY") {
        if (!roles.has("STRATEGIC_LEAD"))
          step(
            depth,
            "STRATEGIC_LEAD",
            "LED_BY",
            null,
            item.node,
            `${describe(item)} has no strategic lead.`,
          );
        if (!roles.has("LEAD_AGENCY"))
          step(depth, "LEAD_AGENCY", "LED_BY", null, item.node, `${describe(item)} has no lead agency.`);
      }
      for (const bodyId of item.overseers) if (bodies.has(bodyId)) overseenBy.set(bodyId, item.node);
      if (!item.parents.length && item.node.label !== "Strategy")
        step(
          depth + 1,
          "PARENT",
          "CONTRIBUTES_TO",
          null,
          item.node,
          `${describe(item)} belongs to no objective or strategy.`,
        );
      for (const parent of item.parents) {
        const parentItem = items.get(parent.id);
        if (!parentItem || seen.has(parent.id)) continue;
        seen.add(parent.id);
        step(
          depth + 1,
          parentItem.node.label === "Strategy"
            ? "STRATEGY"
            : ((parentItem.kind as AccountabilityRole | null) ?? "OBJECTIVE"),
          parent.relationship,
          parentItem.node,
          item.node,
        );
        next.push(parent.id);
      }
    }
    level = next;
    if (level.length) depth++;
  }

  // 2. The bodies that oversee any of it (or the body asked about), then up ACCOUNTABLE_TO to the top.
  const asked = bodies.get(id);
  const starts = asked ? [asked.node.id] : [...overseenBy.keys()];
  if (!starts.length) {
    const top = [...items.values()].find((item) => item.node.label === "Strategy") ?? items.get(id);
    step(
      depth + 1,
      "OVERSIGHT",
      "OVERSEEN_BY",
      null,
      top?.node ?? null,
      `No body oversees ${top ? describe(top) : id}.`,
    );
    return steps;
  }
  // A body asked about starts at depth 0 with its own chair; otherwise oversight comes after the item's chain.
  let bodyDepth = asked ? 0 : depth + 1;
  if (!asked) {
    for (const bodyId of starts)
      step(bodyDepth, "OVERSIGHT", "OVERSEEN_BY", bodies.get(bodyId)!.node, overseenBy.get(bodyId) ?? null);
    bodyDepth++;
  }
  const visited = new Set<string>();
  let frontier = starts;
  while (frontier.length) {
    const next: string[] = [];
    for (const bodyId of frontier) {
      if (visited.has(bodyId)) continue;
      visited.add(bodyId);
      const body = bodies.get(bodyId)!;
      const chair = body.chairs[0];
      if (chair) step(bodyDepth, "CHAIR", "MEMBER_OF", chair, body.node);
      else
        step(bodyDepth, "CHAIR", "MEMBER_OF", null, body.node, `${body.node.name} has no chair on record.`);
      // The end of the line is a gap only inside the partnership, below its top.
      const atTop = bodyId === topId || isTopKind(body.kind) || body.partnershipId !== scopeId;
      if (!body.accountableTo.length && !atTop)
        step(
          bodyDepth + 1,
          "ACCOUNTABLE_TO",
          "ACCOUNTABLE_TO",
          null,
          body.node,
          `${body.node.name} is accountable to no body: no route to the top of the structure${topId && bodies.has(topId) ? ` (${bodies.get(topId)!.node.name})` : ""}.`,
        );
      for (const upId of body.accountableTo) {
        const up = bodies.get(upId);
        if (!up) continue;
        const cycle = reaches(bodies, upId, bodyId);
        step(
          bodyDepth + 1,
          "ACCOUNTABLE_TO",
          "ACCOUNTABLE_TO",
          up.node,
          body.node,
          cycle
            ? `Accountability cycle: ${up.node.name} is, through its own line, accountable to ${body.node.name}.`
            : null,
        );
        if (!cycle && !visited.has(upId)) next.push(upId);
      }
    }
    frontier = next;
    bodyDepth++;
  }
  return steps;
}
