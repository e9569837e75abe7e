import { cell, findingItems, missing, type Block, type ReportDocument } from "../document/index.ts";
import { formatDate, type PersonReport, type Responsibility } from "../model/index.ts";
import { boardPaper, paperFacts, provenanceFacts } from "./board-paper.ts";
import { dueCell, statusCell, words } from "./cells.ts";

function since(r: Responsibility): string {
  if (r.validFrom && r.validTo) return `${formatDate(r.validFrom)} to ${formatDate(r.validTo)}`;
  if (r.validFrom) return `since ${formatDate(r.validFrom)}`;
  return r.validTo ? `until ${formatDate(r.validTo)}` : "";
}

function membershipTable(caption: string, rows: readonly Responsibility[], empty: string): Block {
  return {
    kind: "table",
    caption,
    columns: [
      { label: "Body" },
      { label: "Role", width: 14 },
      { label: "Representing", width: 24 },
      { label: "When", width: 18 },
    ],
    rows: rows.map((r) => [
      cell(r.subject.name),
      cell(words(r.role)),
      r.representing ? cell(r.representing) : cell(""),
      cell(since(r)),
    ]),
    empty,
  };
}

/**
 * Everything a person leads, chairs and sits on, and what would be left without a lead if they went.
 * @example renderHtml(layoutPersonReport(buildPersonReport(data, context, "person:manju-likhman")))
 */
export function layoutPersonReport(report: PersonReport): ReportDocument {
  const { person, context } = report;
  const asOf = formatDate(context.asOf);
  const sole =
    report.actions.filter((a) => a.soleLead).length + report.objectives.filter((o) => o.soleLead).length;
  const refs = report.actions.some((a) => a.ref);
  const otherLeads = report.leads.filter(
    (r) => r.subject.label !== "Action" && r.subject.label !== "Objective",
  );
  const blocks: Block[] = [
    { kind: "heading", level: 2, text: "1. Chairs" },
    membershipTable(`Bodies ${person.name} chairs`, report.chairs, "Chairs nothing on this date."),
    { kind: "heading", level: 2, text: "2. Sits on" },
    membershipTable(
      `Bodies ${person.name} sits on`,
      report.memberships,
      `Sits on nothing${report.chairs.length ? " else" : ""} on this date.`,
    ),
    { kind: "heading", level: 2, text: "3. Leads: priorities and objectives" },
    {
      kind: "table",
      caption: `Objectives led by ${person.name}`,
      columns: [
        { label: "Strategy", width: 28 },
        { label: "Objective" },
        { label: "Role", width: 16 },
        { label: "Sole lead", width: 10 },
      ],
      rows: report.objectives.map((o) => [
        o.strategy ? cell(o.strategy) : missing(""),
        cell(o.ref ? `${o.ref}: ${o.title}` : o.title, {
          flags: o.flags.filter((f) => f.severity !== "INFO"),
        }),
        cell(words(o.role)),
        cell(o.soleLead ? "Yes" : "No", { strong: o.soleLead }),
      ]),
      empty: "Leads no priority or objective on this date.",
    },
    { kind: "heading", level: 2, text: "4. Leads: actions" },
    {
      kind: "table",
      caption: `Actions led by ${person.name}`,
      columns: [
        { label: "Feeds", width: 22 },
        ...(refs ? [{ label: "Ref", width: 5 }] : []),
        { label: "Action" },
        { label: "Due", width: 11 },
        { label: "Status", width: 13 },
        { label: "Sole lead", width: 9 },
      ],
      rows: report.actions.map((a) => [
        cell(a.feeds.join("\n")),
        ...(refs ? [cell(a.ref)] : []),
        cell(a.title),
        dueCell(a),
        statusCell(a),
        cell(a.soleLead ? "Yes" : "No", { strong: a.soleLead }),
      ]),
      empty: "Leads no action on this date.",
    },
  ];
  if (otherLeads.length)
    blocks.push(
      { kind: "heading", level: 2, text: "5. Leads: other" },
      {
        kind: "table",
        caption: `Other things led by ${person.name}`,
        columns: [{ label: "What" }, { label: "Kind", width: 16 }, { label: "Role", width: 20 }],
        rows: otherLeads.map((r) => [cell(r.subject.name), cell(r.subject.label), cell(words(r.role))]),
        empty: "",
      },
    );
  blocks.push(
    { kind: "heading", level: 2, text: `${otherLeads.length ? 6 : 5}. Health findings` },
    {
      kind: "findings",
      title: `Health findings: ${person.name} and what they lead`,
      items: findingItems(report.findings),
      empty: "No findings.",
    },
  );
  const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
  return {
    organisation: context.partnership.name,
    title: person.name,
    subtitle: `Responsibilities as at ${asOf}`,
    orientation: "landscape",
    paper: boardPaper(context, {
      purpose: `To set out what ${person.name} chairs, sits on and leads as at ${asOf}, and what would be left without a lead if they went.`,
      recommendations: [
        `That the board notes ${person.name}'s responsibilities as at ${asOf}.`,
        ...(sole
          ? [
              `That the board agrees a second lead or a successor for the ${count(sole, "item")} ${person.name} leads alone.`,
            ]
          : []),
      ],
    }),
    meta: [
      ...paperFacts(context),
      {
        label: "Works for",
        value: person.worksFor.length
          ? cell(person.worksFor.map((w) => (w.title ? `${w.title}, ${w.name}` : w.name)).join("; "))
          : missing(),
      },
      ...(person.aliases.length ? [{ label: "Also written", value: cell(person.aliases.join("; ")) }] : []),
      ...provenanceFacts(context, person.id),
    ],
    summary: [
      { label: "Chairs", value: String(report.chairs.length) },
      { label: "Sits on", value: String(report.memberships.length) },
      { label: "Objectives led", value: String(report.objectives.length) },
      { label: "Actions led", value: String(report.actions.length) },
      { label: "Sole lead of", value: String(sole), tone: sole ? "WARNING" : "OK" },
    ],
    blocks,
    footer: `${context.partnership.name} · ${person.name} · responsibilities as at ${asOf}`,
  };
}
