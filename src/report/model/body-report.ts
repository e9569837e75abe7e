import type { BodyReportQuery, MemberEdgeFragment, PackBodyFragment } from "../../../generated/documents.ts";
import { actionRow, byPlanOrder, type ActionRow } from "./actions.ts";
import { membersAt } from "../../traversals/members.ts";
import { isValidAt } from "../../traversals/validity.ts";
import { naturalCompare } from "../../text/index.ts";
import { recordedBy } from "./dates.ts";
import { FindingIndex, type Finding, type Flag } from "./findings.ts";
import { personName } from "./leaders.ts";
import type { ChangesSection } from "./changes.ts";
import type { ReportContext } from "./report-context.ts";
import { notFound } from "./subject.ts";

/** A member of a body: a person (chair, member, secretariat...) or a member organisation. */
export interface Member {
  id: string;
  name: string;
  kind: "Person" | "Organisation";
  role: string;
  representing: string | null;
  /** For an organisation: STATUTORY or INVITED, as recorded. */
  membership: string | null;
}

/** What a body answers for (strategies it oversees, objectives naming it as a governance group) and to whom. */
export interface PackBodyRow {
  id: string;
  name: string;
  kind: string;
  frequency: string | null;
  purpose: string | null;
  membership: string | null;
  chairs: Member[];
  accountableTo: string[];
  updatesTo: { name: string; frequency: string | null }[];
  accountableFor: string[];
  flags: Flag[];
}

/** A group under the board: how it reaches the board, and what it does. */
export interface GroupRow extends PackBodyRow {
  depth: number;
  /** ACCOUNTABLE_TO (solid line) or PROVIDES_UPDATES_TO (dashed line). */
  relationship: string;
  reportsTo: string;
  /** How often it reports along that line, as written. */
  reportingFrequency: string | null;
  meetingsInPeriod: number;
}

/** Whether a strategy was in force on the report date, is still to come, or had ended. */
export type StrategyStanding = "IN_FORCE" | "UPCOMING" | "ENDED";

export interface StrategySummary {
  id: string;
  title: string;
  kind: string;
  status: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  overseenBy: string;
  standing: StrategyStanding;
  objectives: number;
  actions: number;
  indicators: number;
  findings: Record<string, number>;
}

export interface MeetingRow {
  id: string;
  title: string;
  date: string;
  venue: string | null;
  body: string;
  present: number;
  apologies: number;
  substitutes: number;
  inAttendance: number;
}

export interface AttendanceRow {
  id: string;
  name: string;
  role: string | null;
  present: number;
  apologies: number;
  /** Meetings of the board in the period whose attendance is recorded. */
  of: number;
}

export interface BodyReport {
  type: "body";
  context: ReportContext;
  period: { from: string; to: string };
  body: PackBodyRow & { quorum: string | null };
  /** Its members: people (chair first) and member organisations. */
  members: Member[];
  groups: GroupRow[];
  /** Strategies in force on the report date. */
  strategies: StrategySummary[];
  /** Strategies on record by the date that had not begun, or had ended, by it. */
  otherStrategies: StrategySummary[];
  meetings: MeetingRow[];
  attendance: AttendanceRow[];
  openActions: (ActionRow & { meeting: { id: string; title: string; date: string } })[];
  findings: Finding[];
  /** What changed in the records the pack reaches since the board last met (changes.ts). */
  changes: ChangesSection;
}

/** The people on a body at `asOf`, by the one reading of MEMBER_OF (src/traversals/members.ts). */
function peopleAt(
  edges: readonly {
    properties: MemberEdgeFragment;
    node: { id: string; name: string; honorific: string | null };
  }[],
  asOf: string,
): Member[] {
  return membersAt(edges, asOf).map(({ node, properties }) => ({
    id: node.id,
    name: personName(node),
    kind: "Person",
    role: properties.role,
    representing: properties.representing ?? null,
    membership: null,
  }));
}

function packBody(body: PackBodyFragment, asOf: string, findings: FindingIndex): PackBodyRow {
  return {
    id: body.id,
    name: body.name,
    kind: body.kind,
    frequency: body.frequency,
    purpose: body.purpose,
    membership: body.membershipNote,
    chairs: peopleAt(body.chairs.edges, asOf),
    accountableTo: body.accountableToConnection.edges
      .filter((e) => isValidAt(e.properties, asOf))
      .map((e) => e.node.name),
    updatesTo: body.providesUpdatesToConnection.edges
      .filter((e) => isValidAt(e.properties, asOf))
      .map((e) => ({ name: e.node.name, frequency: e.properties.frequency })),
    // What it answers for on the date: strategies on record and not ended, and their objectives.
    accountableFor: [
      ...[...body.oversees]
        .filter((s) => onRecord(s, asOf) && standing(s, asOf) !== "ENDED")
        .sort((a, b) => naturalCompare(a.title, b.title))
        .map((s) => s.title),
      ...[...body.governs]
        .filter((o) => o.partOfStrategy.every((s) => standing(s, asOf) !== "ENDED"))
        .sort((a, b) => naturalCompare(a.ref, b.ref))
        .map(
          (o) =>
            `${o.ref ? `${o.ref}: ` : ""}${o.title}${o.partOfStrategy[0] ? ` (${o.partOfStrategy[0].title})` : ""}`,
        ),
    ],
    flags: findings.flags(body.id),
  };
}

type Oversees = PackBodyFragment["oversees"][number];

/** A strategy is on record by `asOf` when a dated paper records it by then; with no dated paper, when its period has begun. */
function onRecord(strategy: Oversees, asOf: string): boolean {
  const dated = strategy.evidencedBy.some((e) => e.date ?? e.recordsUpTo);
  return dated
    ? recordedBy(strategy.evidencedBy, asOf)
    : !strategy.periodStart || strategy.periodStart <= asOf;
}

/**
 * In force when its period holds the date (validity: start <= date <= end, open ends open) and no
 * successor had begun by then; still to come when it starts later; ended otherwise.
 */
function standing(
  strategy: Pick<Oversees, "periodStart" | "periodEnd" | "supersededBy">,
  asOf: string,
): StrategyStanding {
  if (strategy.periodStart && strategy.periodStart > asOf) return "UPCOMING";
  if (!isValidAt({ validFrom: strategy.periodStart, validTo: strategy.periodEnd }, asOf)) return "ENDED";
  const succeeded = strategy.supersededBy.some((s) => s.periodStart && s.periodStart <= asOf);
  return succeeded ? "ENDED" : "IN_FORCE";
}

/** Ids of everything in a strategy's tree that a finding can be about. */
function strategyIds(strategy: Oversees): {
  ids: Set<string>;
  objectives: number;
  actions: number;
  indicators: number;
} {
  const ids = new Set<string>([strategy.id]);
  const actions = new Set<string>();
  const indicators = new Set<string>();
  let objectives = 0;
  const visit = (objective: {
    id: string;
    indicators: readonly { id: string }[];
    subObjectives?: readonly unknown[];
  }): void => {
    objectives++;
    ids.add(objective.id);
    for (const indicator of objective.indicators) indicators.add(indicator.id);
    for (const child of (objective.subObjectives ?? []) as (typeof objective)[]) visit(child);
  };
  for (const objective of strategy.objectives) {
    visit(objective);
    for (const action of objective.feedingActions) actions.add(action.id);
  }
  for (const id of [...actions, ...indicators]) ids.add(id);
  return { ids, objectives, actions: actions.size, indicators: indicators.size };
}

/**
 * The body report's model (a board's accountability pack) from the BodyReport query's response: pure, no I/O.
 * @example const report = buildBodyReport(data, context, "body:scpb", { from: "2015-01-30", to: "2016-01-29" }, { state: "off" });
 */
export function buildBodyReport(
  data: BodyReportQuery,
  context: ReportContext,
  bodyId: string,
  period: { from: string; to: string },
  changes: ChangesSection,
): BodyReport {
  const board = data.bodies[0];
  if (!board) throw notFound("body", bodyId);
  const findings = new FindingIndex(data.governanceHealth);
  const asOf = context.asOf;
  const inPeriod = (date: string): boolean => date >= period.from && date <= period.to;

  const groups: GroupRow[] = data.bodiesReportingTo
    .filter((row) => isValidAt(row.body, asOf) && recordedBy(row.body.evidencedBy, asOf))
    .map((row) => ({
      ...packBody(row.body, asOf, findings),
      depth: row.depth,
      relationship: row.relationship,
      reportsTo: row.reportsTo?.name ?? board.name,
      reportingFrequency: row.frequency ?? null,
      meetingsInPeriod: row.body.meetings.filter((m) => inPeriod(m.date)).length,
    }));

  const strategies: StrategySummary[] = [];
  const shownBodies = [
    board,
    ...data.bodiesReportingTo.map((row) => row.body).filter((body) => groups.some((g) => g.id === body.id)),
  ];
  for (const body of shownBodies)
    for (const strategy of body.oversees) {
      if (strategies.some((s) => s.id === strategy.id) || !onRecord(strategy, asOf)) continue;
      const tree = strategyIds(strategy);
      const counts: Record<string, number> = {};
      for (const finding of findings.about(tree.ids))
        counts[finding.severity] = (counts[finding.severity] ?? 0) + 1;
      strategies.push({
        id: strategy.id,
        title: strategy.title,
        kind: strategy.kind,
        status: strategy.status,
        periodStart: strategy.periodStart,
        periodEnd: strategy.periodEnd,
        overseenBy: body.name,
        standing: standing(strategy, asOf),
        objectives: tree.objectives,
        actions: tree.actions,
        indicators: tree.indicators,
        findings: counts,
      });
    }
  strategies.sort(
    (a, b) => (b.periodStart ?? "").localeCompare(a.periodStart ?? "") || a.title.localeCompare(b.title),
  );

  const boardMeetings = board.meetings.filter((m) => inPeriod(m.date));
  const meetings: MeetingRow[] = boardMeetings.map((m) => {
    const count = (status: string): number =>
      m.attendeesConnection.edges.filter((e) => e.properties.status === status).length;
    return {
      id: m.id,
      title: m.title,
      date: m.date,
      venue: m.venue,
      body: board.name,
      present: count("PRESENT"),
      apologies: count("APOLOGIES"),
      substitutes: count("SUBSTITUTE"),
      inAttendance: count("IN_ATTENDANCE"),
    };
  });
  for (const group of data.bodiesReportingTo.filter((row) => groups.some((g) => g.id === row.body.id)))
    for (const m of group.body.meetings.filter((meeting) => inPeriod(meeting.date)))
      meetings.push({
        id: m.id,
        title: m.title,
        date: m.date,
        venue: null,
        body: group.body.name,
        present: 0,
        apologies: 0,
        substitutes: 0,
        inAttendance: 0,
      });
  meetings.sort((a, b) => a.date.localeCompare(b.date) || a.body.localeCompare(b.body));

  const people = peopleAt(board.membersConnection.edges, asOf);
  // Member organisations are members: a board whose members are agencies has members.
  const agencies: Member[] = board.memberAgenciesConnection.edges
    .filter((e) => isValidAt(e.properties, asOf))
    .map((e) => ({
      id: e.node.id,
      name: e.node.name,
      kind: "Organisation" as const,
      role: "MEMBER",
      representing: null,
      membership: e.properties.kind,
    }))
    .filter((a, i, all) => all.findIndex((b) => b.id === a.id) === i)
    .sort((a, b) => naturalCompare(a.membership, b.membership) || a.name.localeCompare(b.name));
  const members = [...people, ...agencies];
  // Attendance counts only the meetings whose minutes record it.
  const recordedMeetings = boardMeetings.filter((m) => m.attendeesConnection.edges.length > 0);
  const attendance = new Map<string, AttendanceRow>();
  for (const member of people)
    attendance.set(member.id, {
      id: member.id,
      name: member.name,
      role: member.role,
      present: 0,
      apologies: 0,
      of: recordedMeetings.length,
    });
  for (const meeting of recordedMeetings)
    for (const { properties, node } of meeting.attendeesConnection.edges) {
      const row = attendance.get(node.id) ?? {
        id: node.id,
        name: personName(node),
        role: null,
        present: 0,
        apologies: 0,
        of: recordedMeetings.length,
      };
      if (properties.status === "APOLOGIES") row.apologies++;
      else row.present++;
      attendance.set(node.id, row);
    }

  const openActions = board.meetings
    .flatMap((meeting) =>
      meeting.actionsRaised.map((action) => ({
        ...actionRow(action, asOf, findings),
        meeting: { id: meeting.id, title: meeting.title, date: meeting.date },
      })),
    )
    .filter((action) => action.status !== "COMPLETE" && action.status !== "CANCELLED")
    .sort((a, b) => a.meeting.date.localeCompare(b.meeting.date) || byPlanOrder(a, b));

  const body = { ...packBody(board, asOf, findings), quorum: board.quorum };
  const about = [
    body.id,
    ...groups.map((g) => g.id),
    ...members.map((m) => m.id),
    ...openActions.map((a) => a.id),
    ...strategies.filter((s) => s.standing === "IN_FORCE").map((s) => s.id),
  ];
  return {
    type: "body",
    context,
    period,
    body,
    members,
    groups,
    strategies: strategies.filter((s) => s.standing === "IN_FORCE"),
    otherStrategies: strategies.filter((s) => s.standing !== "IN_FORCE"),
    meetings,
    attendance: [...attendance.values()].filter(
      (row) => row.role !== null || row.present + row.apologies > 0,
    ),
    openActions,
    findings: findings.about(about),
    changes,
  };
}
