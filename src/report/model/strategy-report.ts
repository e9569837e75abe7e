import type { StrategyReportQuery } from "../../../generated/documents.ts";
import { ReportError } from "../report-error.ts";
import { actionRow, progressPeriods, type ActionRow } from "./actions.ts";
import { naturalCompare } from "../../text/index.ts";
import { FindingIndex, type Finding, type Flag } from "./findings.ts";
import { governanceGroups, type GovernanceGroupRow } from "./governance-groups.ts";
import { leadersAt, withRole, type Leader } from "./leaders.ts";
import { recordedOrder } from "./order.ts";
import { outcomeRow, type OutcomeRow } from "./outcomes.ts";
import type { ReportContext } from "./report-context.ts";
import { notFound } from "./subject.ts";

/** An objective as a cross-reference: "Priority 3", or its title when it has no ref. */
export interface ObjectiveRef {
  id: string;
  ref: string | null;
  title: string;
}

/** An action as printed, once, under the first objective it serves (or with the plan-wide commitments). */
export interface PlanAction extends ActionRow {
  /** Every objective of this plan it serves, in the plan's order (none for a commitment of the plan as a whole). */
  serves: ObjectiveRef[];
  /** The section it is printed in (null: the plan-wide commitments). */
  printedIn: ObjectiveRef | null;
}

/** A risk or dependency, printed once, with the objectives it affects. */
export interface RiskRow {
  id: string;
  kind: string;
  text: string;
  affects: ObjectiveRef[];
  printedIn: ObjectiveRef | null;
}

/** A sub-objective with nothing of its own, listed under its parent (the template's bullet list). */
export interface ObjectiveItem extends ObjectiveRef {
  kind: string;
  flags: Flag[];
}

/**
 * The parts of the action-plan template an objective of some kind shows: each only when the
 * plan's data has it for objectives of that kind, so a plan of themes with actions only is not
 * given empty "Roles" and "Governance" sections.
 */
export interface TemplateParts {
  roles: boolean;
  governance: boolean;
  outcomes: boolean;
  actions: boolean;
  communications: boolean;
  risks: boolean;
}

/** One objective of the plan, at its own level, with its own kind, in the plan's order. */
export interface ObjectiveSection extends ObjectiveRef {
  kind: string;
  category: string | null;
  description: string | null;
  /** 1 for the strategy's own objectives, 2 for the ones under them, ... */
  depth: number;
  parts: TemplateParts;
  /** Roles and responsibilities (LED_BY by role). */
  leadAgencies: Leader[];
  strategicLeads: Leader[];
  operationalLeads: Leader[];
  /** Any other lead roles (ACCOUNTABLE, LEAD_OFFICER, COMMISSIONER, PROVIDER). */
  otherLeads: Leader[];
  governance: GovernanceGroupRow[];
  /** Other objectives this one feeds (cross-cutting themes). */
  contributesTo: ObjectiveRef[];
  objectives: ObjectiveItem[];
  outcomes: OutcomeRow[];
  /** The actions printed here: those whose first objective in the plan is this one. */
  actions: PlanAction[];
  communications: PlanAction[];
  /** Actions feeding this objective that are printed under another objective. */
  fedByElsewhere: PlanAction[];
  /** How many actions feed it from outside this plan (through objectives of other strategies), and through which. */
  fedFromOtherPlans: { count: number; through: (ObjectiveRef & { strategy: string | null })[] };
  risks: RiskRow[];
  /** Risks affecting it that are printed elsewhere. */
  risksElsewhere: RiskRow[];
  /** Progress columns of the plan ("2013/14 Q1".."Q4"). */
  periods: string[];
  /** Findings about this objective itself (e.g. no strategic lead), for its heading and roles. */
  flags: Flag[];
  /** Every finding about something shown in this section, most severe first. */
  findings: Finding[];
  /** Objectives under it with content of their own. */
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
  /** The kinds of the plan's own objectives, in the order they first appear ("PRIORITY", "THEME"...). */
  levels: string[];
  /** Actions the paper states for the plan as a whole, or that serve every one of its own objectives: printed once, before them. */
  commitments: PlanAction[];
  /** Risks and dependencies stated for the plan as a whole, or that affect every one of its own objectives. */
  planRisks: RiskRow[];
  sections: ObjectiveSection[];
  /** Every action in the plan, once, in the order printed (for CSV and totals). */
  actions: PlanAction[];
  totals: {
    sections: number;
    actions: number;
    overdue: number;
    outcomes: number;
    findings: Record<string, number>;
  };
}

type ObjectiveNode = StrategyReportQuery["objectives"][number] & { subObjectives: ObjectiveNode[] };

/** The most objectives the report's query asks for (its list's limit). */
const MAX_OBJECTIVES = 1000;

/**
 * The plan's tree from the query's flat list of objectives, each naming its parent: the plan's
 * own objectives, with the ones under each. An objective under two parents is placed under the
 * first; one that is also the plan's own stays at the top; a cycle is cut where it closes.
 */
function planTree(strategyId: string, flat: StrategyReportQuery["objectives"]): ObjectiveNode[] {
  if (flat.length >= MAX_OBJECTIVES)
    throw new ReportError(
      `${strategyId} has ${MAX_OBJECTIVES} objectives or more, more than one report prints: report on a part of it.`,
    );
  const nodes = new Map<string, ObjectiveNode>(flat.map((o) => [o.id, { ...o, subObjectives: [] }]));
  const top = [...nodes.values()].filter((n) => n.partOfStrategy.some((s) => s.id === strategyId));
  const placed = new Set(top.map((n) => n.id));
  const queue = [...top];
  while (queue.length) {
    const parent = queue.shift()!;
    for (const child of flat.filter((o) => o.partOfObjective.some((p) => p.id === parent.id)))
      if (!placed.has(child.id)) {
        placed.add(child.id);
        const node = nodes.get(child.id)!;
        parent.subObjectives.push(node);
        queue.push(node);
      }
  }
  return top;
}
type ActionNode = ObjectiveNode["actions"][number];
type RiskNode = ObjectiveNode["risks"][number];

const refOf = (node: { id: string; ref: string | null; title: string }): ObjectiveRef => ({
  id: node.id,
  ref: node.ref,
  title: node.title,
});

/** The plan's objectives, each once, in the plan's order (depth first: a parent before its children). */
function* walkNodes(nodes: readonly ObjectiveNode[], depth = 1): Generator<[ObjectiveNode, number]> {
  for (const node of [...nodes].sort(recordedOrder)) {
    yield [node, depth];
    yield* walkNodes(node.subObjectives, depth + 1);
  }
}

const NONE: TemplateParts = {
  roles: false,
  governance: false,
  outcomes: false,
  actions: false,
  communications: false,
  risks: false,
};

/** Which template parts the plan's data has, per kind of objective. */
function templateParts(nodes: readonly [ObjectiveNode, number][]): Map<string, TemplateParts> {
  const parts = new Map<string, TemplateParts>();
  for (const [node] of nodes) {
    const p = { ...(parts.get(node.kind) ?? NONE) };
    p.roles ||= node.leadsConnection.edges.length > 0;
    p.governance ||= node.governedBy.length > 0;
    p.outcomes ||= node.indicators.length > 0;
    p.actions ||= node.actions.some((a) => a.kind !== "COMMUNICATION") || node.feedingActions.length > 0;
    p.communications ||= node.actions.some((a) => a.kind === "COMMUNICATION");
    p.risks ||= node.risks.length > 0;
    parts.set(node.kind, p);
  }
  return parts;
}

interface Placement<T> {
  item: T;
  /** The objectives of the plan it is attached to, in the plan's order. */
  on: ObjectiveRef[];
}

/** Each action or risk once, with the objectives of the plan it is attached to, in the plan's order. */
function place<T extends { id: string }>(
  nodes: readonly [ObjectiveNode, number][],
  items: (node: ObjectiveNode) => readonly T[],
): Map<string, Placement<T>> {
  const placed = new Map<string, Placement<T>>();
  for (const [node] of nodes)
    for (const item of items(node)) {
      const entry = placed.get(item.id) ?? { item, on: [] };
      if (!entry.on.some((o) => o.id === node.id)) entry.on.push(refOf(node));
      placed.set(item.id, entry);
    }
  return placed;
}

/**
 * Where an action or risk attached to objectives `on` is printed, once: with the plan-wide items
 * (null) when it serves every one of the plan's own objectives; under an objective when it serves
 * every objective under that one (the wants of a priority: printed with the priority, not under
 * the first want); else under the first objective it serves in the plan's order.
 */
function printedAt(
  on: readonly ObjectiveRef[],
  top: readonly ObjectiveNode[],
  tree: { parentOf: ReadonlyMap<string, ObjectiveNode>; byId: ReadonlyMap<string, ObjectiveNode> },
): ObjectiveRef | null {
  if (top.length > 1 && top.every((t) => on.some((o) => o.id === t.id))) return null;
  let at = on.map((o) => tree.byId.get(o.id)!);
  while (at.length > 1) {
    const parent = tree.parentOf.get(at[0]!.id);
    const all = parent && at.every((n) => tree.parentOf.get(n.id) === parent);
    if (!parent || !all || parent.subObjectives.length !== at.length) break;
    at = [parent];
  }
  return refOf(at[0]!);
}

/**
 * The strategy report's model from the StrategyReport query's response: pure, no I/O. It follows
 * the plan as recorded: its own levels and kinds, its own order, each action and risk once.
 * @example const report = buildStrategyReport(data, context, "strategy:safer-communities-2011-14");
 */
export function buildStrategyReport(
  data: StrategyReportQuery,
  context: ReportContext,
  strategyId: string,
): StrategyReport {
  const strategy = data.strategies[0];
  if (!strategy) throw notFound("strategy", strategyId);
  const { asOf } = context;
  const findings = new FindingIndex(data.governanceHealth);
  const top = planTree(strategy.id, data.objectives).sort(recordedOrder);
  const nodes = [...walkNodes(top)];
  const tree = {
    parentOf: new Map(
      nodes.flatMap(([node]) => node.subObjectives.map((child) => [child.id, node] as const)),
    ),
    byId: new Map(nodes.map(([node]) => [node.id, node] as const)),
  };
  const inPlan = new Set(nodes.map(([node]) => node.id));
  const parts = templateParts(nodes);

  // Each action once: with the plan-wide commitments when it serves every objective of the
  // plan's own, else under the first objective it serves in the plan's order.
  const actionPlacements = place<ActionNode>(nodes, (node) => node.actions);
  const rows = new Map<string, PlanAction>();
  for (const { item, on } of actionPlacements.values())
    rows.set(item.id, {
      ...actionRow(item, asOf, findings),
      serves: on,
      printedIn: printedAt(on, top, tree),
    });
  // Actions the paper states for the plan as a whole are plan-wide whatever else they serve.
  for (const action of strategy.actions) {
    const row = rows.get(action.id);
    if (row) row.printedIn = null;
    else rows.set(action.id, { ...actionRow(action, asOf, findings), serves: [], printedIn: null });
  }
  const riskPlacements = place<RiskNode>(nodes, (node) => node.risks);
  const risks = new Map<string, RiskRow>();
  for (const { item, on } of riskPlacements.values())
    risks.set(item.id, {
      id: item.id,
      kind: item.kind,
      text: item.text,
      affects: on,
      printedIn: printedAt(on, top, tree),
    });
  for (const risk of strategy.risks) {
    const row = risks.get(risk.id);
    if (row) row.printedIn = null;
    else risks.set(risk.id, { id: risk.id, kind: risk.kind, text: risk.text, affects: [], printedIn: null });
  }
  // One set of progress columns for the whole plan, as the template prints Qtr 1-4 in every section.
  const periods = progressPeriods([...rows.values()]);

  /** True when an objective has something of its own to show beyond its title. */
  const hasContent = (node: ObjectiveNode): boolean =>
    node.leadsConnection.edges.length > 0 ||
    node.governedBy.length > 0 ||
    node.indicators.length > 0 ||
    [...rows.values(), ...risks.values()].some((item) => item.printedIn?.id === node.id) ||
    node.subObjectives.some(hasContent);

  const build = (node: ObjectiveNode, depth: number): ObjectiveSection => {
    const leaders = leadersAt(node.leadsConnection, asOf);
    const children = [...node.subObjectives].sort(recordedOrder);
    const sections = children.filter(hasContent).map((child) => build(child, depth + 1));
    // Its own actions, and those serving every objective under it.
    const here = [...rows.values()].filter((row) => row.printedIn?.id === node.id).sort(recordedOrder);
    const below = new Set<string>();
    const collect = (s: ObjectiveSection): void => {
      for (const a of [...s.actions, ...s.communications, ...s.fedByElsewhere]) below.add(a.id);
      s.sections.forEach(collect);
    };
    sections.forEach(collect);
    const fedByElsewhere = node.feedingActions
      .map((a) => rows.get(a.id))
      // Plan-wide commitments serve every objective, as their own section says: not repeated here.
      .filter(
        (row): row is PlanAction =>
          Boolean(row) && row!.printedIn !== null && row!.printedIn.id !== node.id && !below.has(row!.id),
      )
      .sort((a, b) => recordedOrder(a, b));
    const fromOtherPlans = node.feedingActions.filter((a) => !rows.has(a.id)).length;
    const nodeRisks = [...node.risks].map((r) => risks.get(r.id)!);
    const objectives = children
      .filter((child) => !hasContent(child))
      .map((child) => ({ ...refOf(child), kind: child.kind, flags: findings.flags(child.id) }));
    const governance = governanceGroups(node.governedBy, asOf, findings).sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    const outcomes = [...node.indicators]
      .sort((a, b) => naturalCompare(a.id, b.id))
      .map((indicator) => outcomeRow(indicator, asOf, findings));
    const shown = [
      node.id,
      ...objectives.map((o) => o.id),
      ...here.map((r) => r.id),
      ...outcomes.map((o) => o.id),
      ...governance.map((g) => g.id),
      ...leaders.map((l) => l.id),
    ];
    return {
      ...refOf(node),
      kind: node.kind,
      category: node.category,
      description: node.description,
      depth,
      parts: parts.get(node.kind) ?? NONE,
      leadAgencies: withRole(leaders, "LEAD_AGENCY"),
      strategicLeads: withRole(leaders, "STRATEGIC_LEAD"),
      operationalLeads: withRole(leaders, "OPERATIONAL_LEAD"),
      otherLeads: leaders.filter(
        (l) => !["LEAD_AGENCY", "STRATEGIC_LEAD", "OPERATIONAL_LEAD"].includes(l.role),
      ),
      governance,
      contributesTo: [...node.contributesTo].sort(recordedOrder).map(refOf),
      objectives,
      outcomes,
      actions: here.filter((row) => row.kind !== "COMMUNICATION"),
      communications: here.filter((row) => row.kind === "COMMUNICATION"),
      fedByElsewhere,
      fedFromOtherPlans: {
        count: fromOtherPlans,
        through: node.contributingObjectives
          .filter((o) => !inPlan.has(o.id))
          .map((o) => ({ ...refOf(o), strategy: o.partOfStrategy[0]?.title ?? null })),
      },
      risks: [...risks.values()].filter((r) => r.printedIn?.id === node.id),
      risksElsewhere: nodeRisks.filter((r) => r.printedIn?.id !== node.id),
      periods,
      flags: findings.flags(node.id),
      findings: findings.about(shown),
      sections,
    };
  };
  const sections = top.map((node) => build(node, 1));
  const commitments = [...rows.values()].filter((row) => row.printedIn === null).sort(recordedOrder);
  const printed: PlanAction[] = [...commitments];
  for (const [node] of nodes)
    printed.push(...[...rows.values()].filter((row) => row.printedIn?.id === node.id).sort(recordedOrder));

  const all = [...walk(sections)];
  const findingCounts: Record<string, number> = {};
  const counted = new Set<string>();
  for (const finding of [
    ...all.flatMap((s) => s.findings),
    ...findings.about(commitments.map((c) => c.id)),
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
      leads: leadersAt(strategy.leadsConnection, asOf),
      supersedes: [...strategy.supersedes],
      supersededBy: [...strategy.supersededBy],
    },
    overseenBy: governanceGroups(strategy.overseenBy, asOf, findings),
    flags: findings.flags(strategy.id),
    levels: [...new Set(top.map((node) => node.kind))],
    commitments,
    planRisks: [...risks.values()].filter((r) => r.printedIn === null),
    sections,
    actions: printed,
    totals: {
      sections: sections.length,
      actions: printed.length,
      overdue: printed.filter((a) => a.flags.some((f) => f.rule === "ACTION_OVERDUE")).length,
      outcomes: all.reduce((n, s) => n + s.outcomes.length, 0),
      findings: findingCounts,
    },
  };
}

function* walk(sections: readonly ObjectiveSection[]): Generator<ObjectiveSection> {
  for (const section of sections) {
    yield section;
    yield* walk(section.sections);
  }
}
