import type { ObjectiveSectionFragment, StrategyReportQuery } from "../../../generated/documents.js";
import { ReportError } from "../report-error.js";
import { actionRow, byPlanOrder, progressPeriods, type ActionRow } from "./actions.js";
import { naturalCompare } from "./dates.js";
import { FindingIndex, type Finding, type Flag } from "./findings.js";
import { governanceGroups, type GovernanceGroupRow } from "./governance-groups.js";
import { leadersAt, withRole, type Leader } from "./leaders.js";
import { outcomeRow, type OutcomeRow } from "./outcomes.js";
import type { ReportContext } from "./report-context.js";

/** A strategy objective listed under its priority, as the template's "Strategy objectives" list. */
export interface ObjectiveItem {
  id: string;
  ref: string | null;
  title: string;
  flags: Flag[];
}

/** One priority or objective in the shape of the partnership's action-plan template. */
export interface ObjectiveSection {
  id: string;
  ref: string | null;
  title: string;
  kind: string;
  category: string | null;
  description: string | null;
  /** 1 for the strategy's own priorities, 2 for their sub-objectives with content of their own, ... */
  depth: number;
  /** Section 1: roles and responsibilities (LED_BY by role). */
  leadAgencies: Leader[];
  strategicLeads: Leader[];
  operationalLeads: Leader[];
  /** Any other lead roles (ACCOUNTABLE, LEAD_OFFICER, COMMISSIONER, PROVIDER). */
  otherLeads: Leader[];
  /** Section 2: governance groups (OVERSEEN_BY). */
  governance: GovernanceGroupRow[];
  /** Other priorities this one feeds (cross-cutting themes). */
  contributesTo: { id: string; ref: string | null; title: string }[];
  /** Sub-objectives with nothing of their own: the template's bullet list of strategy objectives. */
  objectives: ObjectiveItem[];
  /** Section 3: target outcomes. */
  outcomes: OutcomeRow[];
  /** Section 4: the action plan; Section 5: the communications plan. */
  actions: ActionRow[];
  communications: ActionRow[];
  /** Progress columns of the two plans ("2013/14 Q1".."Q4"). */
  periods: string[];
  /** Findings about this objective itself (e.g. no strategic lead), for its heading and roles. */
  flags: Flag[];
  /** Every finding about something shown in this section, most severe first. */
  findings: Finding[];
  /** Sub-objectives with content of their own (leads, groups, outcomes, actions). */
  sections: ObjectiveSection[];
}

export interface StrategyReport {
  type: "strategy";
  context: ReportContext;
  strategy: {
    id: string;
    partnershipId: string;
    title: string;
    kind: string;
    status: string | null;
    periodStart: string | null;
    periodEnd: string | null;
    summary: string | null;
    leads: Leader[];
    supersedes: { id: string; title: string }[];
    supersededBy: { id: string; title: string }[];
  };
  /** Bodies that oversee the strategy as a whole. */
  overseenBy: GovernanceGroupRow[];
  flags: Flag[];
  sections: ObjectiveSection[];
  /** Every action in the tree, once, with the refs of the sections that list it (for CSV and totals). */
  actions: (ActionRow & { sections: string[] })[];
  totals: {
    sections: number;
    actions: number;
    overdue: number;
    outcomes: number;
    findings: Record<string, number>;
  };
}

type ObjectiveNode = ObjectiveSectionFragment & { subObjectives?: readonly ObjectiveNode[] };

const byRef = (
  a: { ref?: string | null; title?: string; id: string },
  b: { ref?: string | null; title?: string; id: string },
): number => naturalCompare(a.ref, b.ref) || naturalCompare(a.id, b.id);

/** True when an objective has something of its own to show beyond its title. */
function hasContent(node: ObjectiveNode): boolean {
  return (
    node.leadsConnection.edges.length > 0 ||
    node.governedBy.length > 0 ||
    node.indicators.length > 0 ||
    node.actions.length > 0 ||
    (node.subObjectives ?? []).some(hasContent)
  );
}

function buildSection(
  node: ObjectiveNode,
  depth: number,
  asOf: string,
  findings: FindingIndex,
  periods: string[],
): ObjectiveSection {
  const leaders = leadersAt(node.leadsConnection, asOf);
  const children = [...(node.subObjectives ?? [])].sort(byRef);
  const rows = [...node.actions].sort(byPlanOrder).map((action) => actionRow(action, asOf, findings));
  const actions = rows.filter((row) => row.kind !== "COMMUNICATION");
  const communications = rows.filter((row) => row.kind === "COMMUNICATION");
  const objectives = children
    .filter((child) => !hasContent(child))
    .map((child) => ({ id: child.id, ref: child.ref, title: child.title, flags: findings.flags(child.id) }));
  const governance = governanceGroups(node.governedBy, asOf, findings).sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  const outcomes = [...node.indicators]
    .sort((a, b) => naturalCompare(a.id, b.id))
    .map((indicator) => outcomeRow(indicator, asOf, findings));
  const shown = [
    node.id,
    ...objectives.map((o) => o.id),
    ...rows.map((r) => r.id),
    ...outcomes.map((o) => o.id),
    ...governance.map((g) => g.id),
    ...leaders.map((l) => l.id),
  ];
  return {
    id: node.id,
    ref: node.ref,
    title: node.title,
    kind: node.kind,
    category: node.category,
    description: node.description,
    depth,
    leadAgencies: withRole(leaders, "LEAD_AGENCY"),
    strategicLeads: withRole(leaders, "STRATEGIC_LEAD"),
    operationalLeads: withRole(leaders, "OPERATIONAL_LEAD"),
    otherLeads: leaders.filter(
      (l) => !["LEAD_AGENCY", "STRATEGIC_LEAD", "OPERATIONAL_LEAD"].includes(l.role),
    ),
    governance,
    contributesTo: [...node.contributesTo].sort(byRef),
    objectives,
    outcomes,
    actions,
    communications,
    periods,
    flags: findings.flags(node.id),
    findings: findings.about(shown),
    sections: children
      .filter(hasContent)
      .map((child) => buildSection(child, depth + 1, asOf, findings, periods)),
  };
}

function allActions(nodes: readonly ObjectiveNode[]): ObjectiveNode["actions"][number][] {
  return nodes.flatMap((node) => [...node.actions, ...allActions(node.subObjectives ?? [])]);
}

function* walk(sections: readonly ObjectiveSection[]): Generator<ObjectiveSection> {
  for (const section of sections) {
    yield section;
    yield* walk(section.sections);
  }
}

/**
 * The strategy report's model from the StrategyReport query's response: pure, no I/O.
 * @example const report = buildStrategyReport(data, { asOf: "2014-03-31", generatedAt: "2025-01-01", source: "..." });
 */
export function buildStrategyReport(
  data: StrategyReportQuery,
  context: ReportContext,
  strategyId: string,
): StrategyReport {
  const strategy = data.strategies[0];
  if (!strategy)
    throw new ReportError(
      `No strategy with id "${strategyId}". Strategy ids look like strategy:safer-communities-2011-14; the API's search query finds ids by title.`,
    );
  const findings = new FindingIndex(data.governanceHealth);
  // One set of progress columns for the whole plan, as the template prints Qtr 1-4 in every section.
  const periods = progressPeriods(
    allActions(strategy.objectives).map((action) => actionRow(action, context.asOf, findings)),
  );
  const sections = [...strategy.objectives]
    .sort(byRef)
    .map((objective) => buildSection(objective, 1, context.asOf, findings, periods));
  const actions = new Map<string, ActionRow & { sections: string[] }>();
  for (const section of walk(sections))
    for (const row of [...section.actions, ...section.communications]) {
      const entry = actions.get(row.id) ?? { ...row, sections: [] };
      entry.sections.push(section.ref ?? section.title);
      actions.set(row.id, entry);
    }
  const all = [...walk(sections)];
  const findingCounts: Record<string, number> = {};
  const counted = new Set<string>();
  for (const finding of [
    ...all.flatMap((s) => s.findings),
    ...data.governanceHealth.filter((f) => f.subject.id === strategy.id),
  ]) {
    const key = `${finding.rule} ${finding.subject.id}`;
    if (counted.has(key)) continue;
    counted.add(key);
    findingCounts[finding.severity] = (findingCounts[finding.severity] ?? 0) + 1;
  }
  return {
    type: "strategy",
    context,
    strategy: {
      id: strategy.id,
      partnershipId: strategy.partnershipId,
      title: strategy.title,
      kind: strategy.kind,
      status: strategy.status,
      periodStart: strategy.periodStart,
      periodEnd: strategy.periodEnd,
      summary: strategy.summary,
      leads: leadersAt(strategy.leadsConnection, context.asOf),
      supersedes: [...strategy.supersedes],
      supersededBy: [...strategy.supersededBy],
    },
    overseenBy: governanceGroups(strategy.overseenBy, context.asOf, findings),
    flags: findings.flags(strategy.id),
    sections,
    actions: [...actions.values()],
    totals: {
      sections: sections.length,
      actions: actions.size,
      overdue: [...actions.values()].filter((a) => a.flags.some((f) => f.rule === "ACTION_OVERDUE")).length,
      outcomes: all.reduce((n, s) => n + s.outcomes.length, 0),
      findings: findingCounts,
    },
  };
}
