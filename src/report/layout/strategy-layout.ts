import {
  cell,
  findingItems,
  missing,
  type Block,
  type Cell,
  type ReportDocument,
} from "../document/index.js";
import { formatDate, type ActionRow, type ObjectiveSection, type StrategyReport } from "../model/index.js";
import { anchorOf, dueCell, generatedText, leadersCell, periodText, statusCell, words } from "./cells.js";

const HEADING_LEVELS = [2, 3, 4, 5, 6] as const;

const sectionTitle = (section: Pick<ObjectiveSection, "ref" | "title">): string =>
  section.ref ? `${section.ref} – ${section.title}` : section.title;

function actionTable(
  caption: string,
  rows: readonly ActionRow[],
  periods: readonly string[],
  empty: string,
): Block {
  const withRefs = rows.some((row) => row.ref);
  return {
    kind: "table",
    caption,
    columns: [
      ...(withRefs ? [{ label: "Ref", width: 4 }] : []),
      { label: "Action" },
      { label: "Lead officer", width: periods.length ? 11 : 18 },
      { label: "Due", width: periods.length ? 7 : 11 },
      { label: "Status", width: periods.length ? 8 : 12 },
      // The progress columns share half the width, however many quarters there are.
      ...periods.map((period) => ({ label: period, width: Math.floor(48 / periods.length) })),
    ],
    rows: rows.map((row) => [
      ...(withRefs ? [cell(row.ref)] : []),
      cell(row.title, row.desiredOutcome ? { sub: `Desired outcome: ${row.desiredOutcome}` } : {}),
      leadersCell(
        row.leads,
        row.flags.filter((f) => f.rule === "ACTION_WITHOUT_LEAD"),
      ),
      dueCell(row),
      statusCell({ status: row.status, flags: row.flags.filter((f) => f.rule !== "ACTION_WITHOUT_LEAD") }),
      ...periods.map((period) => {
        const entry = row.progress[period];
        return entry
          ? cell(entry.text, entry.rag ? { rag: { value: entry.rag, derived: false } } : {})
          : cell("");
      }),
    ]),
    empty,
  };
}

function outcomesTable(section: ObjectiveSection): Block {
  return {
    kind: "table",
    caption: `Target outcomes: ${sectionTitle(section)}`,
    columns: [
      { label: "Outcome" },
      { label: "Target", width: 8, numeric: true },
      { label: "Current", width: 17, numeric: true },
      { label: "Previous", width: 17, numeric: true },
      { label: "Change", width: 11, numeric: true },
      { label: "RAG", width: 7 },
    ],
    rows: section.outcomes.map((o) => [
      cell(o.name, {
        ...(o.dataSource ? { sub: o.dataSource } : {}),
        flags: o.flags.filter((f) => f.severity !== "INFO"),
      }),
      o.target ? cell(o.target) : missing("None"),
      o.current ? cell(o.current.text, o.current.period ? { sub: o.current.period } : {}) : missing("None"),
      o.previous
        ? cell(o.previous.text, o.previous.period ? { sub: o.previous.period } : {})
        : missing("None"),
      o.change ? cell(o.change, o.changeComputed ? { sub: "worked out" } : {}) : cell(""),
      o.rag ? cell("", { rag: { value: o.rag, derived: o.ragDerived } }) : cell(""),
    ]),
    empty: "No target outcomes recorded.",
  };
}

function sectionBlocks(section: ObjectiveSection): Block[] {
  const level = HEADING_LEVELS[Math.min(section.depth - 1, HEADING_LEVELS.length - 1)]!;
  const sub = HEADING_LEVELS[Math.min(section.depth, HEADING_LEVELS.length - 1)]!;
  const noun = words(section.kind).toLowerCase();
  const blocks: Block[] = [
    {
      kind: "heading",
      level,
      text: sectionTitle(section),
      anchor: anchorOf(section.id),
      flags: section.flags.filter((f) => f.severity !== "INFO"),
      newPage: section.depth === 1,
    },
  ];
  const about = [words(section.kind), section.category].filter(Boolean).join(", ");
  blocks.push({
    kind: "paragraph",
    text: about + (section.description ? `. ${section.description}` : ""),
    muted: true,
  });
  // Findings first: what the board must act on, before the detail that shows it.
  blocks.push({
    kind: "findings",
    title: `Health findings: ${section.ref ?? section.title}`,
    items: findingItems(section.findings),
    empty: "No findings.",
  });
  if (section.contributesTo.length)
    blocks.push({
      kind: "paragraph",
      text: `Contributes to: ${section.contributesTo.map((o) => sectionTitle(o)).join("; ")}.`,
    });
  if (section.objectives.length) {
    blocks.push({ kind: "heading", level: sub, text: "Strategy objectives" });
    blocks.push({
      kind: "list",
      items: section.objectives.map((o) => cell(o.ref ? `${o.ref}: ${o.title}` : o.title)),
    });
  }
  const strategicFlags = section.flags.filter((f) => f.rule === "PRIORITY_WITHOUT_STRATEGIC_LEAD");
  const agencyFlags = section.flags.filter((f) => f.rule === "PRIORITY_WITHOUT_LEAD_AGENCY");
  blocks.push({ kind: "heading", level: sub, text: "1. Roles and responsibilities" });
  blocks.push({
    kind: "facts",
    rows: [
      { label: "A) Lead agency", value: leadersCell(section.leadAgencies, agencyFlags) },
      { label: "B) Strategic lead (owner)", value: leadersCell(section.strategicLeads, strategicFlags) },
      { label: "C) Operational leads", value: leadersCell(section.operationalLeads) },
      ...[...new Set(section.otherLeads.map((l) => l.role))].map((role) => ({
        label: words(role),
        value: leadersCell(section.otherLeads.filter((l) => l.role === role)),
      })),
    ],
  });
  blocks.push({ kind: "heading", level: sub, text: "2. Governance" });
  blocks.push({
    kind: "table",
    caption: `Governance groups: ${sectionTitle(section)}`,
    columns: [
      { label: "Name of group/board", width: 24 },
      { label: "Frequency", width: 10 },
      { label: "Membership", width: 26 },
      { label: "Purpose/objectives" },
    ],
    rows: section.governance.map((g) => [
      cell(g.name, { sub: words(g.kind), flags: g.flags }),
      g.frequency ? cell(g.frequency) : missing(),
      g.membership ? cell(g.membership) : missing(),
      g.purpose ? cell(g.purpose) : missing(),
    ]),
    empty: `No governance group recorded for this ${noun}.`,
  });
  blocks.push({ kind: "heading", level: sub, text: "3. Target outcomes" });
  blocks.push(outcomesTable(section));
  blocks.push({ kind: "heading", level: sub, text: "4. Action plan" });
  blocks.push(
    actionTable(
      `Action plan: ${sectionTitle(section)}`,
      section.actions,
      section.periods,
      `No action recorded for this ${noun}.`,
    ),
  );
  if (section.communications.length) {
    blocks.push({ kind: "heading", level: sub, text: "5. Communications plan" });
    blocks.push(
      actionTable(
        `Communications plan: ${sectionTitle(section)}`,
        section.communications,
        section.periods,
        "No communication recorded.",
      ),
    );
  }
  for (const child of section.sections) blocks.push(...sectionBlocks(child));
  return blocks;
}

function* allSections(sections: readonly ObjectiveSection[]): Generator<ObjectiveSection> {
  for (const section of sections) {
    yield section;
    yield* allSections(section.sections);
  }
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const refList = (sections: readonly ObjectiveSection[]): string =>
  sections.map((s) => s.ref ?? `"${s.title}"`).join(", ");

/** The summary a board reads first: overdue actions, outcomes against target, priorities without leads. */
export function keyPoints(report: StrategyReport): string[] {
  const sections = [...allSections(report.sections)];
  const outcomes = sections.flatMap((s) => s.outcomes);
  const rag = (value: string): number => outcomes.filter((o) => o.rag === value).length;
  const noTarget = outcomes.filter((o) => !o.target).length;
  const points = [
    `${plural(report.totals.actions, "action")} across ${plural(report.totals.sections, "priority", "priorities")}; ${report.totals.overdue} past their due date and not recorded as complete.`,
    `${plural(outcomes.length, "target outcome")}: ${rag("GREEN")} green, ${rag("AMBER")} amber, ${rag("RED")} red against target; ${noTarget} without a target.`,
  ];
  const withoutStrategic = sections.filter((s) =>
    s.flags.some((f) => f.rule === "PRIORITY_WITHOUT_STRATEGIC_LEAD"),
  );
  const withoutAgency = sections.filter((s) =>
    s.flags.some((f) => f.rule === "PRIORITY_WITHOUT_LEAD_AGENCY"),
  );
  if (withoutStrategic.length) points.push(`No strategic lead recorded for ${refList(withoutStrategic)}.`);
  if (withoutAgency.length) points.push(`No lead agency recorded for ${refList(withoutAgency)}.`);
  const ungoverned = sections.filter((s) => s.depth === 1 && !s.governance.length);
  if (ungoverned.length) points.push(`No governance group recorded for ${refList(ungoverned)}.`);
  return points;
}

/**
 * The strategy report laid out in the shape of the partnership's action-plan template.
 * @example renderHtml(layoutStrategyReport(buildStrategyReport(data, context, id)))
 */
export function layoutStrategyReport(report: StrategyReport): ReportDocument {
  const { strategy, context, totals } = report;
  const board = report.overseenBy[0]?.name ?? "Partnership";
  const asOf = formatDate(context.asOf);
  const overseen: Cell = report.overseenBy.length
    ? cell(report.overseenBy.map((b) => (b.frequency ? `${b.name} (${b.frequency})` : b.name)).join("; "))
    : missing();
  const blocks: Block[] = [
    { kind: "heading", level: 2, text: "Key points" },
    { kind: "list", items: keyPoints(report).map((point) => cell(point)) },
    { kind: "heading", level: 2, text: "Contents", anchor: "contents" },
    {
      kind: "list",
      items: report.sections.map((s) =>
        cell(sectionTitle(s), s.flags.length ? { flags: s.flags.filter((f) => f.severity === "ERROR") } : {}),
      ),
      links: report.sections.map((s) => ({ anchor: anchorOf(s.id) })),
    },
    {
      kind: "paragraph",
      muted: true,
      text:
        "Flags mark the partnership's health checks (governanceHealth) on the row they concern. " +
        "Targets, values and changes are as written in the papers; a change marked “worked out” is computed from the two readings, " +
        "and a RAG marked with an asterisk (*) is derived: green when the change meets the target, amber when it moves the right way but short of it, red when it moves the wrong way.",
    },
  ];
  if (report.flags.length)
    blocks.push({
      kind: "findings",
      title: "Health findings: the strategy",
      items: findingItems(
        report.flags.map((f) => ({
          ...f,
          subject: { id: strategy.id, label: "Strategy", name: strategy.title },
        })),
      ),
      empty: "",
    });
  for (const section of report.sections) blocks.push(...sectionBlocks(section));
  return {
    organisation: board,
    title: strategy.title,
    subtitle: `Action-plan progress report as at ${asOf}`,
    orientation: "landscape",
    meta: [
      {
        label: "Period",
        value: cell(periodText(strategy.periodStart, strategy.periodEnd) || "Not recorded", {
          sub: [words(strategy.kind), strategy.status ? words(strategy.status).toLowerCase() : null]
            .filter(Boolean)
            .join(", "),
        }),
      },
      { label: "Overseen by", value: overseen },
      ...(strategy.leads.length ? [{ label: "Led by", value: leadersCell(strategy.leads) }] : []),
      ...(strategy.supersedes.length
        ? [{ label: "Supersedes", value: cell(strategy.supersedes.map((s) => s.title).join("; ")) }]
        : []),
      ...(strategy.supersededBy.length
        ? [{ label: "Superseded by", value: cell(strategy.supersededBy.map((s) => s.title).join("; ")) }]
        : []),
      ...(strategy.summary ? [{ label: "Summary", value: cell(strategy.summary) }] : []),
      { label: "Report date", value: cell(`As at ${asOf}`) },
      {
        label: "Generated",
        value: cell(generatedText(context.generatedAt), { sub: `${strategy.id} from ${context.source}` }),
      },
    ],
    summary: [
      {
        label: report.sections.every((s) => s.kind === "PRIORITY") ? "Priorities" : "Objectives",
        value: String(totals.sections),
      },
      { label: "Actions", value: String(totals.actions) },
      { label: "Overdue", value: String(totals.overdue), tone: totals.overdue ? "WARNING" : "OK" },
      { label: "Target outcomes", value: String(totals.outcomes) },
      {
        label: "Errors",
        value: String(totals.findings.ERROR ?? 0),
        tone: totals.findings.ERROR ? "ERROR" : "OK",
      },
      {
        label: "Warnings",
        value: String(totals.findings.WARNING ?? 0),
        tone: totals.findings.WARNING ? "WARNING" : "OK",
      },
    ],
    blocks,
    footer: `${strategy.title} · action-plan progress as at ${asOf}`,
  };
}
