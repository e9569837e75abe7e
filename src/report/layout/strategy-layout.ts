import {
  cell,
  findingItems,
  missing,
  type Block,
  type Cell,
  type ContentsEntry,
  type ReportDocument,
} from "../document/index.ts";
import {
  formatDate,
  type ObjectiveRef,
  type ObjectiveSection,
  type PlanAction,
  type RiskRow,
  type StrategyReport,
} from "../model/index.ts";
import { boardPaper, paperFacts, provenanceFacts } from "./board-paper.ts";
import { anchorOf, dueCell, leadersCell, periodText, statusCell, words } from "./cells.ts";

const HEADING_LEVELS = [2, 3, 4, 5, 6] as const;
const COMMITMENTS_ANCHOR = "plan-wide-commitments";
const RISKS_ANCHOR = "plan-wide-risks";

const sectionTitle = (section: Pick<ObjectiveRef, "ref" | "title">): string =>
  section.ref ? `${section.ref} – ${section.title}` : section.title;

/** How a cross-reference names an objective: its ref, or its title cut short. */
const refName = (o: ObjectiveRef): string =>
  o.ref ?? (o.title.length > 60 ? `${o.title.slice(0, 59).trimEnd()}…` : o.title);

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "priority" / "priorities", "theme" / "themes", from the kinds as recorded. */
function kindNoun(kinds: readonly string[], n: number): string {
  if (kinds.length !== 1) return n === 1 ? "objective" : "objectives";
  const one = words(kinds[0]).toLowerCase();
  return n === 1 ? one : one.endsWith("y") ? `${one.slice(0, -1)}ies` : `${one}s`;
}

function actionTitleCell(row: PlanAction, section: ObjectiveRef | null): Cell {
  const others = row.serves.filter((o) => o.id !== section?.id);
  // Printed with the objective whose every sub-objective it serves: say so, not each of them.
  const underIt = section !== null && !row.serves.some((o) => o.id === section.id);
  const lines = [
    row.desiredOutcome ? `Desired outcome: ${row.desiredOutcome}` : null,
    underIt
      ? `Serves every objective under ${refName(section)} (${others.length})`
      : section && others.length
        ? `Also serves: ${others.map(refName).join("; ")}`
        : null,
  ].filter(Boolean);
  return cell(row.title, lines.length ? { sub: lines.join("\n") } : {});
}

function actionTable(
  caption: string,
  rows: readonly PlanAction[],
  periods: readonly string[],
  section: ObjectiveRef | null,
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
      actionTitleCell(row, section),
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

function riskTable(caption: string, risks: readonly RiskRow[], section: ObjectiveRef | null): Block {
  const others = (r: RiskRow): ObjectiveRef[] => r.affects.filter((o) => o.id !== section?.id);
  const also = risks.some((r) => others(r).length);
  return {
    kind: "table",
    caption,
    columns: [
      { label: "Kind", width: 12 },
      { label: "Risk or dependency" },
      ...(also ? [{ label: section ? "Also affects" : "Affects", width: 22 }] : []),
    ],
    rows: risks.map((r) => [
      cell(words(r.kind)),
      cell(r.text),
      ...(also ? [cell(others(r).map(refName).join("; "))] : []),
    ]),
    empty: "No risk or dependency recorded.",
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

/** Where the actions feeding a section that are printed elsewhere are: "4.2 (under Outcome 4)". */
function elsewhereText(section: ObjectiveSection): string | null {
  const parts: string[] = [];
  if (section.fedByElsewhere.length)
    parts.push(
      `Also fed by ${plural(section.fedByElsewhere.length, "action")} printed elsewhere: ${section.fedByElsewhere
        .map((a) => `${a.ref ?? `“${refName({ ...a, ref: null })}”`} (under ${refName(a.printedIn!)})`)
        .join("; ")}.`,
    );
  const { count, through } = section.fedFromOtherPlans;
  if (count)
    parts.push(
      `Also fed by ${plural(count, "action")} of other plans${
        through.length
          ? `, through ${through.map((o) => `${refName(o)}${o.strategy ? ` of ${o.strategy}` : ""}`).join("; ")}`
          : ""
      }.`,
    );
  return parts.length ? parts.join(" ") : null;
}

function sectionBlocks(section: ObjectiveSection): Block[] {
  const level = HEADING_LEVELS[Math.min(section.depth - 1, HEADING_LEVELS.length - 1)]!;
  const sub = HEADING_LEVELS[Math.min(section.depth, HEADING_LEVELS.length - 1)]!;
  const noun = words(section.kind).toLowerCase();
  const { parts } = section;
  const blocks: Block[] = [
    {
      kind: "heading",
      level,
      text: sectionTitle(section),
      anchor: anchorOf(section.id),
      flags: section.flags.filter((f) => f.severity !== "INFO"),
    },
  ];
  const about = [words(section.kind), section.category].filter(Boolean).join(", ");
  blocks.push({
    kind: "paragraph",
    text: about + (section.description ? `. ${section.description}` : ""),
    muted: true,
    keepWithNext: true,
  });
  // Findings first: what the board must act on, before the detail that shows it.
  if (section.findings.length)
    blocks.push({
      kind: "findings",
      title: `Health findings: ${section.ref ?? section.title}`,
      items: findingItems(section.findings),
      empty: "",
    });
  if (section.contributesTo.length)
    blocks.push({
      kind: "paragraph",
      text: `Contributes to: ${section.contributesTo.map((o) => sectionTitle(o)).join("; ")}.`,
    });
  if (section.objectives.length)
    blocks.push({
      kind: "list",
      items: section.objectives.map((o) =>
        cell(o.ref ? `${o.ref}: ${o.title}` : o.title, {
          flags: o.flags.filter((f) => f.severity !== "INFO"),
        }),
      ),
    });
  // The template's parts, numbered in order, each only where the plan's data has it.
  let number = 0;
  const part = (title: string): Block => ({ kind: "heading", level: sub, text: `${++number}. ${title}` });
  const leadFlags = section.flags.filter(
    (f) => f.rule === "PRIORITY_WITHOUT_STRATEGIC_LEAD" || f.rule === "PRIORITY_WITHOUT_LEAD_AGENCY",
  );
  if (parts.roles || leadFlags.length) {
    const strategicFlags = section.flags.filter((f) => f.rule === "PRIORITY_WITHOUT_STRATEGIC_LEAD");
    const agencyFlags = section.flags.filter((f) => f.rule === "PRIORITY_WITHOUT_LEAD_AGENCY");
    blocks.push(part("Roles and responsibilities"), {
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
  }
  if (parts.governance)
    blocks.push(part("Governance"), {
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
  if (parts.outcomes) blocks.push(part("Target outcomes"), outcomesTable(section));
  if (parts.actions) {
    blocks.push(part("Action plan"));
    const elsewhere = elsewhereText(section);
    if (section.actions.length || !elsewhere)
      blocks.push(
        actionTable(
          `Action plan: ${sectionTitle(section)}`,
          section.actions,
          section.periods,
          section,
          `No action recorded for this ${noun}.`,
        ),
      );
    if (elsewhere) blocks.push({ kind: "paragraph", text: elsewhere, muted: true });
  }
  if (section.communications.length)
    blocks.push(
      part("Communications plan"),
      actionTable(
        `Communications plan: ${sectionTitle(section)}`,
        section.communications,
        section.periods,
        section,
        "No communication recorded.",
      ),
    );
  if (section.risks.length || section.risksElsewhere.length) {
    blocks.push(part("Risks and dependencies"));
    if (section.risks.length)
      blocks.push(riskTable(`Risks and dependencies: ${sectionTitle(section)}`, section.risks, section));
    if (section.risksElsewhere.length)
      blocks.push({
        kind: "paragraph",
        muted: true,
        text: `Also affected by ${plural(section.risksElsewhere.length, "risk or dependency", "risks and dependencies")} printed ${section.risksElsewhere
          .map((r) => (r.printedIn ? `under ${refName(r.printedIn)}` : "with the plan-wide risks"))
          .filter((v, i, all) => all.indexOf(v) === i)
          .join("; ")}.`,
      });
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

const refList = (sections: readonly ObjectiveSection[]): string =>
  sections.map((s) => s.ref ?? `"${s.title}"`).join(", ");

/** The summary a board reads first: overdue actions, outcomes against target, priorities without leads. */
export function keyPoints(report: StrategyReport): string[] {
  const sections = [...allSections(report.sections)];
  const outcomes = sections.flatMap((s) => s.outcomes);
  const rag = (value: string): number => outcomes.filter((o) => o.rag === value).length;
  const noTarget = outcomes.filter((o) => !o.target).length;
  const { totals } = report;
  const points = [
    `${plural(totals.actions, "action")} across ${totals.sections} ${kindNoun(report.levels, totals.sections)}` +
      `${report.commitments.length ? ` (${plural(report.commitments.length, "plan-wide commitment")})` : ""}; ` +
      `${totals.overdue} past their due date and not recorded as complete.`,
  ];
  if (outcomes.length)
    points.push(
      `${plural(outcomes.length, "target outcome")}: ${rag("GREEN")} green, ${rag("AMBER")} amber, ${rag("RED")} red against target; ${noTarget} without a target.`,
    );
  const withoutStrategic = sections.filter((s) =>
    s.flags.some((f) => f.rule === "PRIORITY_WITHOUT_STRATEGIC_LEAD"),
  );
  const withoutAgency = sections.filter((s) =>
    s.flags.some((f) => f.rule === "PRIORITY_WITHOUT_LEAD_AGENCY"),
  );
  if (withoutStrategic.length) points.push(`No strategic lead recorded for ${refList(withoutStrategic)}.`);
  if (withoutAgency.length) points.push(`No lead agency recorded for ${refList(withoutAgency)}.`);
  const ungoverned = report.sections.filter((s) => s.parts.governance && !s.governance.length);
  if (ungoverned.length) points.push(`No governance group recorded for ${refList(ungoverned)}.`);
  const withoutAction = sections.filter((s) => s.flags.some((f) => f.rule === "OBJECTIVE_WITHOUT_ACTION"));
  if (withoutAction.length) points.push(`No action feeds ${refList(withoutAction)}.`);
  return points;
}

function contents(report: StrategyReport): ContentsEntry[] {
  const entries: ContentsEntry[] = [];
  if (report.commitments.length)
    entries.push({ text: "Plan-wide commitments", anchor: COMMITMENTS_ANCHOR, level: 1 });
  if (report.planRisks.length)
    entries.push({ text: "Plan-wide risks and dependencies", anchor: RISKS_ANCHOR, level: 1 });
  const add = (sections: readonly ObjectiveSection[]): void => {
    for (const s of sections) {
      const errors = s.flags.filter((f) => f.severity === "ERROR");
      entries.push({
        text: sectionTitle(s),
        anchor: anchorOf(s.id),
        level: s.depth,
        ...(errors.length ? { flags: errors } : {}),
      });
      if (s.depth < 2) add(s.sections);
    }
  };
  add(report.sections);
  return entries;
}

/** The purpose and recommendations a progress report puts to its board unless the author gives their own. */
function defaultPaper(report: StrategyReport): { purpose: string; recommendations: string[] } {
  const { totals, strategy } = report;
  const asOf = formatDate(report.context.asOf);
  const errors = totals.findings.ERROR ?? 0;
  return {
    purpose: `To report progress on the ${strategy.title} as at ${asOf}: ${plural(totals.actions, "action")} against ${totals.sections} ${kindNoun(report.levels, totals.sections)}, the target outcomes, and the gaps the partnership's health checks find.`,
    recommendations: [
      `That the board notes progress on the ${strategy.title} as at ${asOf}.`,
      ...(totals.overdue
        ? [
            `That the leads of the ${plural(totals.overdue, "overdue action")} report a revised date or completion to the next meeting.`,
          ]
        : []),
      ...(errors
        ? [
            `That the board agrees who will close the ${plural(errors, "gap")} marked as errors (missing leads, objectives no action feeds).`,
          ]
        : []),
    ],
  };
}

/**
 * The strategy report, laid out as the plan is recorded: its own levels and kinds, in its own
 * order, each action once, the template's parts only where its data has them.
 * @example renderHtml(layoutStrategyReport(buildStrategyReport(data, context, id)))
 */
export function layoutStrategyReport(report: StrategyReport): ReportDocument {
  const { strategy, context, totals } = report;
  const asOf = formatDate(context.asOf);
  const overseen: Cell = report.overseenBy.length
    ? cell(report.overseenBy.map((b) => (b.frequency ? `${b.name} (${b.frequency})` : b.name)).join("; "))
    : missing();
  const blocks: Block[] = [
    // A summary runs to paragraphs: as text that may run over a page, not a cover fact that may not.
    ...(strategy.summary
      ? [
          { kind: "heading", level: 2, text: "About the plan" } satisfies Block,
          { kind: "paragraph", text: strategy.summary } satisfies Block,
        ]
      : []),
    { kind: "heading", level: 2, text: "Key points" },
    { kind: "list", items: keyPoints(report).map((point) => cell(point)) },
    { kind: "heading", level: 2, text: "Contents", anchor: "contents" },
    { kind: "contents", entries: contents(report) },
    {
      kind: "paragraph",
      muted: true,
      text:
        "Flags mark the partnership's health checks (governanceHealth) on the row they concern. " +
        "Each action is printed once, under the first objective it serves (or with the plan-wide commitments when it serves them all), with the others it serves beneath it. " +
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
  if (report.commitments.length) {
    const periods = report.sections[0]?.periods ?? [];
    blocks.push(
      { kind: "heading", level: 2, text: "Plan-wide commitments", anchor: COMMITMENTS_ANCHOR },
      {
        kind: "paragraph",
        muted: true,
        text: `What the plan commits to as a whole, and the actions that serve every one of its ${totals.sections} ${kindNoun(report.levels, totals.sections)}, printed once here.`,
      },
      actionTable("Plan-wide commitments", report.commitments, periods, null, ""),
    );
  }
  if (report.planRisks.length)
    blocks.push(
      { kind: "heading", level: 2, text: "Plan-wide risks and dependencies", anchor: RISKS_ANCHOR },
      riskTable("Plan-wide risks and dependencies", report.planRisks, null),
    );
  for (const section of report.sections) blocks.push(...sectionBlocks(section));
  const levelLabel = kindNoun(report.levels, 2);
  return {
    organisation: context.partnership.name,
    title: strategy.title,
    subtitle: `Progress report as at ${asOf}`,
    orientation: "landscape",
    paper: boardPaper(context, defaultPaper(report)),
    meta: [
      ...paperFacts(context),
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
      ...provenanceFacts(context, strategy.id),
    ],
    summary: [
      { label: levelLabel.charAt(0).toUpperCase() + levelLabel.slice(1), value: String(totals.sections) },
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
    footer: `${context.partnership.name} · ${strategy.title} · progress as at ${asOf}`,
  };
}
