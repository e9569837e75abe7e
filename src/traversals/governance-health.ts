import neo4j from "neo4j-driver";
import { pathNode } from "./cypher-fragments.js";
import { hasTopKind } from "./top.js";
import { validAt } from "./validity.js";
import { capped } from "./limits.js";
import { dateParameter, type ReadQuery } from "./read-query.js";
import type { PathNode } from "./types.js";

export type Severity = "ERROR" | "WARNING" | "INFO";

export interface FindingRow {
  rule: string;
  severity: Severity;
  subject: PathNode;
  message: string;
}

/** A gap-analysis rule: a Cypher branch binding `s` (the subject) and `message`. */
interface Rule {
  rule: string;
  severity: Severity;
  description: string;
  match: string;
}

const inScope = (v: string): string => `($partnershipId IS NULL OR ${v}.partnershipId = $partnershipId)`;
const label = (v: string): string =>
  `coalesce(${v}.ref + ' ', '') + '"' + coalesce(${v}.title, ${v}.name) + '"'`;

/** The rules, README "Health checks" lists them; each is one branch of a single UNION query. */
export const RULES: readonly Rule[] = [
  {
    rule: "OBJECTIVE_WITHOUT_ACTION",
    severity: "WARNING",
    description: "an objective or outcome that no action feeds, directly or through sub-objectives",
    match: `MATCH (s:Objective) WHERE ${inScope("s")} AND NOT EXISTS { MATCH (:Action)-[:CONTRIBUTES_TO|PART_OF*1..10]->(s) }
            WITH s, 'Objective ' + ${label("s")} + ' has no action feeding it.' AS message`,
  },
  {
    rule: "ACTION_WITHOUT_LEAD",
    severity: "ERROR",
    description: "an action-plan or meeting action with no lead (person, body or organisation)",
    match: `MATCH (s:Action) WHERE ${inScope("s")} AND s.kind IN ['ACTION', 'MEETING_ACTION'] AND NOT EXISTS { MATCH (s)-[:LED_BY]->() }
            WITH s, 'Action ' + ${label("s")} + ' has no lead.' AS message`,
  },
  {
    rule: "COMMITMENT_WITHOUT_LEAD",
    severity: "INFO",
    description:
      "a strategy commitment or communications entry that names no lead (common in strategies; worth assigning)",
    match: `MATCH (s:Action) WHERE ${inScope("s")} AND s.kind IN ['COMMITMENT', 'COMMUNICATION'] AND NOT EXISTS { MATCH (s)-[:LED_BY]->() }
            WITH s, 'Commitment ' + ${label("s")} + ' names no lead.' AS message`,
  },
  {
    rule: "PRIORITY_WITHOUT_STRATEGIC_LEAD",
    severity: "ERROR",
    description: "a priority with a plan (actions or indicators) but no strategic lead",
    match: `MATCH (s:Objective {kind: 'PRIORITY'}) WHERE ${inScope("s")}
              AND (EXISTS { MATCH (:Action)-[:CONTRIBUTES_TO]->(s) } OR EXISTS { MATCH (:Indicator)-[:MEASURES]->(s) })
              AND NOT EXISTS { MATCH (s)-[:LED_BY {role: 'STRATEGIC_LEAD'}]->() }
            WITH s, coalesce(s.ref, 'Priority') + ' "' + s.title + '" has no strategic lead.' AS message`,
  },
  {
    rule: "PRIORITY_WITHOUT_LEAD_AGENCY",
    severity: "ERROR",
    description: "a priority with a plan (actions or indicators) but no lead agency",
    match: `MATCH (s:Objective {kind: 'PRIORITY'}) WHERE ${inScope("s")}
              AND (EXISTS { MATCH (:Action)-[:CONTRIBUTES_TO]->(s) } OR EXISTS { MATCH (:Indicator)-[:MEASURES]->(s) })
              AND NOT EXISTS { MATCH (s)-[:LED_BY {role: 'LEAD_AGENCY'}]->() }
            WITH s, coalesce(s.ref, 'Priority') + ' "' + s.title + '" has no lead agency.' AS message`,
  },
  {
    rule: "ACTION_OVERDUE",
    severity: "WARNING",
    description: "an action due before asOf and not complete or cancelled",
    match: `MATCH (s:Action) WHERE ${inScope("s")} AND s.dueDate < $asOf AND NOT coalesce(s.status, '') IN ['COMPLETE', 'CANCELLED']
            WITH s, 'Action ' + ${label("s")} + ' was due ' + toString(s.dueDate) + coalesce(' ("' + s.dueText + '")', '') + ' and is not recorded as complete.' AS message`,
  },
  {
    rule: "ACTION_WITHOUT_PROGRESS",
    severity: "INFO",
    description: "an action-plan action with no progress update",
    match: `MATCH (s:Action {kind: 'ACTION'}) WHERE ${inScope("s")} AND NOT EXISTS { MATCH (s)-[:HAS_UPDATE]->() }
            WITH s, 'Action ' + ${label("s")} + ' has no progress update.' AS message`,
  },
  {
    rule: "INDICATOR_WITHOUT_TARGET",
    severity: "WARNING",
    description: "an indicator none of whose measurements states a target",
    match: `MATCH (s:Indicator) WHERE ${inScope("s")} AND EXISTS { MATCH (s)-[:HAS_MEASUREMENT]->() }
              AND NOT EXISTS { MATCH (s)-[:HAS_MEASUREMENT]->(m) WHERE m.target IS NOT NULL OR m.targetText IS NOT NULL }
            WITH s, 'Indicator "' + s.name + '" has no target.' AS message`,
  },
  {
    rule: "INDICATOR_WITHOUT_MEASUREMENT",
    severity: "WARNING",
    description: "an indicator with no measurement at all",
    match: `MATCH (s:Indicator) WHERE ${inScope("s")} AND NOT EXISTS { MATCH (s)-[:HAS_MEASUREMENT]->() }
            WITH s, 'Indicator "' + s.name + '" has no measurement.' AS message`,
  },
  {
    rule: "BODY_WITHOUT_ROUTE_TO_BOARD",
    severity: "ERROR",
    description:
      "a body (other than a board or committee) with no line of accountability or updates to a statutory board",
    match: `MATCH (s:Body) WHERE ${inScope("s")} AND ${validAt("s")} AND NOT ${hasTopKind("s")}
              AND NOT EXISTS { MATCH (s)-[:ACCOUNTABLE_TO|PROVIDES_UPDATES_TO*1..10]->(:Body {kind: 'STATUTORY_BOARD'}) }
            WITH s, s.name + ' has no route to a statutory board (no ACCOUNTABLE_TO or PROVIDES_UPDATES_TO line).' AS message`,
  },
  {
    rule: "ACCOUNTABILITY_CYCLE",
    severity: "ERROR",
    description: "a body that is, through its own line, accountable to itself",
    match: `MATCH (s:Body) WHERE ${inScope("s")} AND EXISTS { MATCH (s)-[:ACCOUNTABLE_TO*1..10]->(s) }
            WITH s, s.name + ' is on a cycle of accountability.' AS message`,
  },
  {
    rule: "PERSON_OVERLOADED",
    severity: "WARNING",
    description: "a person leading more actions than the threshold (argument leadThreshold)",
    match: `MATCH (s:Person) WHERE ${inScope("s")}
            WITH s, COUNT { MATCH (:Action)-[:LED_BY]->(s) } AS led WHERE led > $leadThreshold
            WITH s, s.name + ' leads ' + toString(led) + ' actions (threshold ' + toString($leadThreshold) + ').' AS message`,
  },
  {
    rule: "STRATEGY_EXPIRED_WITHOUT_SUCCESSOR",
    severity: "WARNING",
    description: "a strategy past its end date that nothing supersedes",
    match: `MATCH (s:Strategy) WHERE ${inScope("s")} AND s.periodEnd < $asOf AND NOT EXISTS { MATCH (:Strategy)-[:SUPERSEDES]->(s) }
            WITH s, 'Strategy "' + s.title + '" ended ' + toString(s.periodEnd) + ' and nothing supersedes it.' AS message`,
  },
];

const SEVERITY_ORDER: Record<Severity, number> = { ERROR: 0, WARNING: 1, INFO: 2 };

/** Gap analysis over a partnership (all when null) at `asOf`: every rule in one round trip. */
export async function governanceHealth(
  read: ReadQuery,
  args: { partnershipId?: string | null; asOf?: string | null; leadThreshold?: number | null },
): Promise<FindingRow[]> {
  // For one partnership, a plain equality: the planner then seeks the partnershipId index instead
  // of scanning every partnership's nodes ("$partnershipId IS NULL OR ..." defeats the index).
  const scoped = (match: string): string =>
    args.partnershipId ? match.replaceAll(inScope("s"), "s.partnershipId = $partnershipId") : match;
  const query = RULES.map(
    (r) =>
      `${scoped(r.match)}\n RETURN '${r.rule}' AS rule, '${r.severity}' AS severity, ${pathNode("s")} AS subject, message`,
  ).join("\nUNION ALL\n");
  const rows = await read(query, {
    partnershipId: args.partnershipId ?? null,
    asOf: dateParameter(args.asOf),
    // An Integer, not a Float: the message prints it ("threshold 8", not "threshold 8.0").
    leadThreshold: neo4j.int(capped("leadThreshold", args.leadThreshold ?? 8, 0)),
  });
  return (rows as unknown as FindingRow[]).sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.rule.localeCompare(b.rule) ||
      a.subject.name.localeCompare(b.subject.name),
  );
}
