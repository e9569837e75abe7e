import neo4j from "neo4j-driver";
import type { HealthRule, Severity } from "../../generated/resolvers.ts";
import { lookupUnion, pathNode } from "./cypher-fragments.ts";
import { capped } from "./limits.ts";
import type { ReadQuery } from "./read-query.ts";
import {
  assertPartnershipExists,
  checkRoot,
  ownedBy,
  rootPartnership,
  scopeParameters,
  settlePartnership,
  type Scope,
} from "./scope.ts";
import { hasNoRouteTo, hasTopKind, headsAbove, topBody, validLinesUp } from "./top.ts";
import type { PathNode } from "./types.ts";
import { validAt } from "./validity.ts";

export type { Severity };

export interface FindingRow {
  rule: HealthRule;
  severity: Severity;
  subject: PathNode;
  message: string;
}

/** A gap-analysis rule: a Cypher branch binding `s` (the subject) and `message`. */
interface Rule {
  rule: HealthRule;
  severity: Severity;
  description: string;
  /** The branch, reading the partnership from `p`: $partnershipId, or a variable bound before it. */
  match: (p: string) => string;
}

// Findings are about the partnership's own items (an index seek on partnershipId), at $asOf.
const inScope = (v: string, p: string): string => ownedBy(v, p);
/** What a subquery inside a branch imports, and a WITH carries on, for the partnership `p`. */
const imports = (p: string): string => (p.startsWith("$") ? "" : p);
const carried = (p: string): string => (p.startsWith("$") ? "" : `${p}, `);
/** Cypher: `v` has a lead valid at $asOf (optionally of one role). */
const hasLead = (v: string, role?: string): string =>
  `EXISTS { MATCH (${v})-[lead:LED_BY${role ? ` {role: '${role}'}` : ""}]->() WHERE ${validAt("lead")} }`;
const label = (v: string): string =>
  `coalesce(${v}.ref + ' ', '') + '"' + coalesce(${v}.title, ${v}.name) + '"'`;

/** The rules, README "Health checks" lists them; each is one branch of a single UNION query. */
export const RULES: readonly Rule[] = [
  {
    rule: "OBJECTIVE_WITHOUT_ACTION",
    severity: "WARNING",
    description: "an objective or outcome that no action feeds, directly or through sub-objectives",
    match: (
      p,
    ) => `MATCH (s:Objective) WHERE ${inScope("s", p)} AND NOT EXISTS { MATCH (:Action)-[:CONTRIBUTES_TO|PART_OF*1..10]->(s) }
            WITH s, 'Objective ' + ${label("s")} + ' has no action feeding it.' AS message`,
  },
  {
    rule: "ACTION_WITHOUT_LEAD",
    severity: "ERROR",
    description: "an action-plan or meeting action with no lead (person, body or organisation)",
    match: (
      p,
    ) => `MATCH (s:Action) WHERE ${inScope("s", p)} AND s.kind IN ['ACTION', 'MEETING_ACTION'] AND NOT ${hasLead("s")}
            WITH s, 'Action ' + ${label("s")} + ' has no lead.' AS message`,
  },
  {
    rule: "COMMITMENT_WITHOUT_LEAD",
    severity: "INFO",
    description:
      "a strategy commitment or communications entry that names no lead (common in strategies; worth assigning)",
    match: (
      p,
    ) => `MATCH (s:Action) WHERE ${inScope("s", p)} AND s.kind IN ['COMMITMENT', 'COMMUNICATION'] AND NOT ${hasLead("s")}
            WITH s, 'Commitment ' + ${label("s")} + ' names no lead.' AS message`,
  },
  {
    rule: "PRIORITY_WITHOUT_STRATEGIC_LEAD",
    severity: "ERROR",
    description: "a priority with a plan (actions or indicators) but no strategic lead",
    match: (p) => `MATCH (s:Objective {kind: 'PRIORITY'}) WHERE ${inScope("s", p)}
              AND (EXISTS { MATCH (:Action)-[:CONTRIBUTES_TO]->(s) } OR EXISTS { MATCH (:Indicator)-[:MEASURES]->(s) })
              AND NOT ${hasLead("s", "STRATEGIC_LEAD")}
            WITH s, coalesce(s.ref, 'Priority') + ' "' + s.title + '" has no strategic lead.' AS message`,
  },
  {
    rule: "PRIORITY_WITHOUT_LEAD_AGENCY",
    severity: "ERROR",
    description: "a priority with a plan (actions or indicators) but no lead agency",
    match: (p) => `MATCH (s:Objective {kind: 'PRIORITY'}) WHERE ${inScope("s", p)}
              AND (EXISTS { MATCH (:Action)-[:CONTRIBUTES_TO]->(s) } OR EXISTS { MATCH (:Indicator)-[:MEASURES]->(s) })
              AND NOT ${hasLead("s", "LEAD_AGENCY")}
            WITH s, coalesce(s.ref, 'Priority') + ' "' + s.title + '" has no lead agency.' AS message`,
  },
  {
    rule: "ACTION_OVERDUE",
    severity: "WARNING",
    description: "an action due before asOf and not complete or cancelled",
    match: (
      p,
    ) => `MATCH (s:Action) WHERE ${inScope("s", p)} AND s.dueDate < $asOf AND NOT coalesce(s.status, '') IN ['COMPLETE', 'CANCELLED']
            WITH s, 'Action ' + ${label("s")} + ' was due ' + toString(s.dueDate) + coalesce(' ("' + s.dueText + '")', '') + ' and is not recorded as complete.' AS message`,
  },
  {
    rule: "ACTION_WITHOUT_PROGRESS",
    severity: "INFO",
    description: "an action-plan action with no progress update",
    match: (
      p,
    ) => `MATCH (s:Action {kind: 'ACTION'}) WHERE ${inScope("s", p)} AND NOT EXISTS { MATCH (s)-[:HAS_UPDATE]->() }
            WITH s, 'Action ' + ${label("s")} + ' has no progress update.' AS message`,
  },
  {
    rule: "INDICATOR_WITHOUT_TARGET",
    severity: "WARNING",
    description: "an indicator none of whose measurements states a target",
    match: (
      p,
    ) => `MATCH (s:Indicator) WHERE ${inScope("s", p)} AND EXISTS { MATCH (s)-[:HAS_MEASUREMENT]->() }
              AND NOT EXISTS { MATCH (s)-[:HAS_MEASUREMENT]->(m) WHERE m.target IS NOT NULL OR m.targetText IS NOT NULL }
            WITH s, 'Indicator "' + s.name + '" has no target.' AS message`,
  },
  {
    rule: "INDICATOR_WITHOUT_MEASUREMENT",
    severity: "WARNING",
    description: "an indicator with no measurement at all",
    match: (
      p,
    ) => `MATCH (s:Indicator) WHERE ${inScope("s", p)} AND NOT EXISTS { MATCH (s)-[:HAS_MEASUREMENT]->() }
            WITH s, 'Indicator "' + s.name + '" has no measurement.' AS message`,
  },
  {
    rule: "BODY_WITHOUT_ROUTE_TO_BOARD",
    severity: "ERROR",
    description:
      "a body (other than a board or committee) with no line of accountability or updates, valid at asOf, to the partnership's top body (docs/tenancy.md) or a body above it",
    match: (p) => `OPTIONAL CALL (${imports(p)}) { ${topBody("top", p)} }
            WITH ${carried(p)}top, ${headsAbove("top")} AS heads
            MATCH (s:Body) WHERE ${inScope("s", p)} AND ${validAt("s")} AND NOT ${hasTopKind("s")} AND ${hasNoRouteTo("s", "heads")}
            WITH s, s.name + ' has no route to ' + coalesce('the top of the structure (' + top.name + ')', 'a top body') + ' (no ACCOUNTABLE_TO or PROVIDES_UPDATES_TO line valid at ' + toString($asOf) + ').' AS message`,
  },
  {
    rule: "ACCOUNTABILITY_CYCLE",
    severity: "ERROR",
    description: "a body that is, through its own line valid at asOf, accountable to itself",
    match: (
      p,
    ) => `MATCH (s:Body) WHERE ${inScope("s", p)} AND EXISTS { MATCH ${validLinesUp("s", "s", "ACCOUNTABLE_TO")} }
            WITH s, s.name + ' is on a cycle of accountability.' AS message`,
  },
  {
    rule: "PERSON_OVERLOADED",
    severity: "WARNING",
    description: "a person leading more actions than the threshold (argument leadThreshold)",
    match: (p) => `MATCH (s:Person) WHERE ${inScope("s", p)}
            WITH s, COUNT { MATCH (:Action)-[lead:LED_BY]->(s) WHERE ${validAt("lead")} } AS led WHERE led > $leadThreshold
            WITH s, s.name + ' leads ' + toString(led) + ' actions (threshold ' + toString($leadThreshold) + ').' AS message`,
  },
  {
    rule: "STRATEGY_EXPIRED_WITHOUT_SUCCESSOR",
    severity: "WARNING",
    description: "a strategy past its end date that nothing supersedes",
    match: (
      p,
    ) => `MATCH (s:Strategy) WHERE ${inScope("s", p)} AND s.periodEnd < $asOf AND NOT EXISTS { MATCH (:Strategy)-[:SUPERSEDES]->(s) }
            WITH s, 'Strategy "' + s.title + '" ended ' + toString(s.periodEnd) + ' and nothing supersedes it.' AS message`,
  },
];

const SEVERITY_ORDER: Record<Severity, number> = { ERROR: 0, WARNING: 1, INFO: 2 };

const findingsOf = (p: string): string =>
  RULES.map(
    (r) =>
      `${r.match(p)}\n RETURN '${r.rule}' AS rule, '${r.severity}' AS severity, ${pathNode("s")} AS subject, message`,
  ).join("\nUNION ALL\n");

const sortFindings = (rows: FindingRow[]): FindingRow[] =>
  rows.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.rule.localeCompare(b.rule) ||
      a.subject.name.localeCompare(b.subject.name),
  );

/**
 * Gap analysis of one partnership at the scope's asOf: every rule in one round trip. The
 * partnership is the one named (or the default, or the only one loaded), or, with `forId`, the
 * partnership of that entity (a report's root), read in the same query.
 */
export async function governanceHealth(
  read: ReadQuery,
  scope: Scope,
  leadThreshold = 8,
  forId?: string | null,
): Promise<FindingRow[]> {
  const threshold = neo4j.int(capped("leadThreshold", leadThreshold, 0));
  if (forId) return sortFindings(await forEntity(read, scope, threshold, forId));
  const settled = await settlePartnership(read, scope, "governanceHealth");
  const rows = await read(findingsOf("$partnershipId"), {
    ...scopeParameters(settled),
    // An Integer, not a Float: the message prints it ("threshold 8", not "threshold 8.0").
    leadThreshold: threshold,
  });
  if (!rows.length && settled.named) await assertPartnershipExists(read, settled.partnershipId);
  return sortFindings(rows as unknown as FindingRow[]);
}

async function forEntity(
  read: ReadQuery,
  scope: Scope,
  leadThreshold: unknown,
  forId: string,
): Promise<FindingRow[]> {
  const run = async (scope: Scope) =>
    (
      await read(
        `OPTIONAL CALL () { ${lookupUnion("forId", "root")} }
         WITH root, ${rootPartnership("root")} AS scopeId
         OPTIONAL CALL (scopeId) {
           ${findingsOf("scopeId")}
         }
         RETURN root.partnershipId AS rootPartnershipId,
                collect(CASE WHEN rule IS NULL THEN null ELSE {rule: rule, severity: severity, subject: subject, message: message} END) AS findings`,
        { forId, ...scopeParameters(scope), leadThreshold },
      )
    )[0];
  const row = await run(scope);
  // An unknown entity has no findings: the question's own field for it says NOT_FOUND, once.
  if (!row?.rootPartnershipId) return [];
  if (checkRoot(scope, forId, String(row.rootPartnershipId))) return row.findings as FindingRow[];
  // A shared entity with no partnership named: settled as a question without a root is.
  const again = await run(await settlePartnership(read, scope, `"${forId}" is shared, and governanceHealth`));
  return (again?.findings ?? []) as FindingRow[];
}
