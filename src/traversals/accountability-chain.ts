import { notFound } from "../errors/index.js";
import { pathNode } from "./cypher-fragments.js";
import type { ReadQuery } from "./read-query.js";
import { isTopKind } from "./top.js";
import type { PathNode } from "./types.js";

export interface AccountabilityStepRow {
  depth: number;
  role: string;
  relationship: string;
  subject: PathNode | null;
  gap: string | null;
  of: PathNode | null;
}

interface ChainItem {
  node: PathNode;
  kind: string | null;
  ref: string | null;
  parents: { id: string; relationship: string }[];
  leads: { role: string; lead: PathNode }[];
  overseers: string[];
}

interface ChainBody {
  node: PathNode;
  kind: string;
  chairs: PathNode[];
  accountableTo: string[];
}

// For many ids at once (UNWIND), so nested fields batch through a DataLoader into one round trip.
const CHAIN_QUERY = `
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Action {id: id}) RETURN n AS x UNION MATCH (n:Objective {id: id}) RETURN n AS x
  UNION MATCH (n:Strategy {id: id}) RETURN n AS x UNION MATCH (n:Body {id: id}) RETURN n AS x
}
CALL (x) {
  MATCH (x)-[:CONTRIBUTES_TO|PART_OF*0..10]->(n) WHERE n = x OR n:Objective OR n:Strategy
  WITH DISTINCT n
  CALL (n) {
    OPTIONAL MATCH (n)-[r:CONTRIBUTES_TO|PART_OF]->(parent) WHERE parent:Objective OR parent:Strategy
    RETURN collect(CASE WHEN parent IS NULL THEN null ELSE {id: parent.id, relationship: type(r)} END) AS parents
  }
  CALL (n) {
    OPTIONAL MATCH (n)-[r:LED_BY]->(lead) WHERE r.validTo IS NULL OR r.validTo >= date()
    RETURN collect(CASE WHEN lead IS NULL THEN null ELSE {role: r.role, lead: ${pathNode("lead")}} END) AS leads
  }
  CALL (n) {
    OPTIONAL MATCH (n)-[:OVERSEEN_BY]->(b:Body)
    RETURN collect(b.id) AS overseers
  }
  RETURN collect({node: ${pathNode("n")}, kind: n.kind, ref: n.ref, parents: parents, leads: leads, overseers: overseers}) AS chain
}
CALL (x) {
  OPTIONAL MATCH (x)-[:CONTRIBUTES_TO|PART_OF*0..10]->()-[:OVERSEEN_BY]->(b:Body)
  WITH x, collect(DISTINCT b) AS overseers
  UNWIND overseers + CASE WHEN x:Body THEN [x] ELSE [] END AS start
  MATCH (start)-[:ACCOUNTABLE_TO*0..10]->(b:Body)
  WITH DISTINCT b
  CALL (b) {
    OPTIONAL MATCH (p:Person)-[m:MEMBER_OF {role: 'CHAIR'}]->(b) WHERE m.validTo IS NULL OR m.validTo >= date()
    WITH p, max(m.validFrom) AS since ORDER BY since DESC
    RETURN collect(CASE WHEN p IS NULL THEN null ELSE ${pathNode("p")} END) AS chairs
  }
  CALL (b) {
    OPTIONAL MATCH (b)-[a:ACCOUNTABLE_TO]->(up:Body) WHERE a.validTo IS NULL OR a.validTo >= date()
    RETURN collect(up.id) AS accountableTo
  }
  RETURN collect({node: ${pathNode("b")}, kind: b.kind, chairs: chairs, accountableTo: accountableTo}) AS bodies
}
RETURN id, chain, bodies`;

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
 * For an action, objective, strategy or body: who answers for it, hop by hop, to the top body.
 * Every missing link is a step with `gap` set, never skipped. One round trip; the chain is
 * assembled here because its order (leads, then the item's parents, then oversight, then each
 * ACCOUNTABLE_TO hop with its chair) is easier to read in code than in Cypher.
 */
export async function accountabilityChain(read: ReadQuery, id: string): Promise<AccountabilityStepRow[]> {
  const chain = (await accountabilityChains(read, [id]))[0];
  if (!chain) throw notFound(id, "action, objective, strategy or body");
  return chain;
}

/** The chains of many items in one round trip, in the order of `ids`; undefined for an unknown id. */
export async function accountabilityChains(
  read: ReadQuery,
  ids: readonly string[],
): Promise<(AccountabilityStepRow[] | undefined)[]> {
  const rows = new Map((await read(CHAIN_QUERY, { ids })).map((row) => [row.id as string, row]));
  return ids.map((id) => {
    const row = rows.get(id);
    return row ? assemble(id, row) : undefined;
  });
}

function assemble(id: string, row: Record<string, unknown>): AccountabilityStepRow[] {
  const items = new Map((row.chain as ChainItem[]).map((item) => [item.node.id, item]));
  const bodies = new Map((row.bodies as ChainBody[]).map((body) => [body.node.id, body]));
  const steps: AccountabilityStepRow[] = [];
  const step = (
    depth: number,
    role: string,
    relationship: string,
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
          parentItem.node.label === "Strategy" ? "STRATEGY" : (parentItem.kind ?? "OBJECTIVE"),
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
      if (!body.accountableTo.length && !isTopKind(body.kind))
        step(
          bodyDepth + 1,
          "ACCOUNTABLE_TO",
          "ACCOUNTABLE_TO",
          null,
          body.node,
          `${body.node.name} is accountable to no body: no route to the statutory board.`,
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
