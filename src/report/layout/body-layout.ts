import { cell, findingItems, missing, type Block, type ReportDocument } from "../document/index.ts";
import { formatDate, type BodyReport, type ChangesSection, type StrategySummary } from "../model/index.ts";
import { boardPaper, paperFacts, provenanceFacts } from "./board-paper.ts";
import { UnreachableCaseError } from "../../errors/index.ts";
import { dueCell, findingCounts, periodText, statusCell, leadersCell, words } from "./cells.ts";

const MAX_PURPOSE = 160;

/** A purpose cut to its first sentence (at most 160 characters) to fit the table; the CSV keeps it whole. */
export function firstSentence(text: string): string {
  const sentence = /^.+?[.;](?=\s|$)/.exec(text)?.[0] ?? text;
  return sentence.length > MAX_PURPOSE ? `${sentence.slice(0, MAX_PURPOSE - 1).trimEnd()}…` : sentence;
}

const LINE: Record<string, string> = {
  ACCOUNTABLE_TO: "Accountable to",
  PROVIDES_UPDATES_TO: "Provides updates to",
};

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The sections of the pack, numbered, with the anchors the contents link to. */
const SECTIONS = [
  ["membership", "Membership"],
  ["groups", "Groups reporting to the board"],
  ["strategies", "Strategies overseen"],
  ["meetings", "Meetings"],
  ["open-actions", "Open meeting actions"],
  ["findings", "Health findings"],
  ["changes", "Changes since the last meeting"],
] as const;
type SectionKey = (typeof SECTIONS)[number][0];

const heading = (key: SectionKey, suffix = ""): Block => {
  const index = SECTIONS.findIndex(([k]) => k === key);
  return { kind: "heading", level: 2, text: `${index + 1}. ${SECTIONS[index]![1]}${suffix}`, anchor: key };
};

/** A changed value in a table cell: long text (a progress update) cut to its first 240 characters. */
const MAX_VALUE = 240;
const valueCell = (value: string | null) =>
  value === null
    ? missing("—")
    : cell(value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE - 1).trimEnd()}…` : value);

/** "Changes since the last meeting": what changed in the records the pack reaches, or why nothing is listed. */
function changesBlocks(changes: ChangesSection, body: string, partnership: string): Block[] {
  switch (changes.state) {
    case "off":
      return [];
    case "no-meeting":
      return [
        {
          kind: "paragraph",
          text: `No meeting of the ${body} is recorded before ${formatDate(changes.until)}: give --changes-since to list the changes from a day of your choice.`,
          muted: true,
        },
      ];
    case "withheld":
    case "listed": {
      const { window } = changes;
      const from = window.meeting
        ? `from its last meeting (${window.meeting.title}, ${formatDate(window.meeting.date)})`
        : `from ${formatDate(window.since)}`;
      const intro: Block = {
        kind: "paragraph",
        text: `What changed in the records of the ${body}, its members and the strategies it oversees (their objectives, actions, progress updates and indicators) ${from} to ${formatDate(window.until)}, as the history of every write records it.`,
      };
      if (changes.state === "withheld")
        return [
          intro,
          {
            kind: "paragraph",
            text: `The history of changes is for officers of ${partnership}, and the API did not give it to this pack's caller (${changes.code}): make the pack through the API (--endpoint) with an officer's --token to list it.`,
            muted: true,
          },
        ];
      return [
        intro,
        {
          kind: "table",
          caption: `Changes to the ${body}'s records ${from} to ${formatDate(window.until)}`,
          columns: [
            { label: "Date", width: 11 },
            { label: "By", width: 12 },
            { label: "Record", width: 22 },
            { label: "Change", width: 19 },
            { label: "Before" },
            { label: "After" },
          ],
          rows: changes.lines.map((line) => [
            cell(formatDate(line.date)),
            cell(line.actor ?? line.via, line.actor ? { sub: line.via } : {}),
            cell(line.entity.name, { sub: words(line.entity.kind) }),
            cell(line.what),
            valueCell(line.before),
            valueCell(line.after),
          ]),
          empty: `No change recorded ${from} to ${formatDate(window.until)}.`,
        },
        ...(changes.more
          ? [
              {
                kind: "paragraph",
                text: "Only the latest changes are listed, as many as the API gives in one answer: ask its changes field (with until) for the earlier ones.",
                muted: true,
              } satisfies Block,
            ]
          : []),
      ];
    }
    default:
      throw new UnreachableCaseError(changes);
  }
}

/** "Not yet in force: … (from 1 Apr 2016). Ended by 29 Jan 2016: …" */
function otherStrategiesText(others: readonly StrategySummary[], asOf: string): string | null {
  const upcoming = others.filter((s) => s.standing === "UPCOMING");
  const ended = others.filter((s) => s.standing === "ENDED");
  const parts = [
    upcoming.length
      ? `Not yet in force on ${asOf}: ${upcoming.map((s) => `${s.title}${s.periodStart ? ` (from ${formatDate(s.periodStart)})` : ""}`).join("; ")}.`
      : "",
    ended.length ? `Ended by ${asOf}: ${ended.map((s) => s.title).join("; ")}.` : "",
  ].filter(Boolean);
  return parts.length ? parts.join(" ") : null;
}

/** The purpose and recommendations of an accountability pack unless the author gives their own. */
function defaultPaper(report: BodyReport): { purpose: string; recommendations: string[] } {
  const { body } = report;
  const asOf = formatDate(report.context.asOf);
  const errors = report.findings.filter((f) => f.severity === "ERROR").length;
  return {
    purpose: `To give the ${body.name} an account, as at ${asOf}, of its membership, the ${plural(report.groups.length, "group")} that report to it, the ${plural(report.strategies.length, "strategy", "strategies")} they oversee, its meetings and open actions, and the gaps the partnership's health checks find.`,
    recommendations: [
      `That the board notes the accountability pack as at ${asOf}.`,
      ...(report.openActions.length
        ? [
            `That the board reviews its ${plural(report.openActions.length, "open meeting action")} and agrees which can be closed.`,
          ]
        : []),
      ...(errors
        ? [`That the board agrees who will close the ${plural(errors, "gap")} marked as errors in section 6.`]
        : []),
    ],
  };
}

/**
 * A board's accountability pack: membership, the groups under it, the strategies they answer
 * for, meetings and attendance in the period, open meeting actions, health findings.
 * @example renderMarkdown(layoutBodyReport(buildBodyReport(data, context, "body:scpb", period)))
 */
export function layoutBodyReport(report: BodyReport): ReportDocument {
  const { body, context, period } = report;
  const asOf = formatDate(context.asOf);
  const periodWords = `${formatDate(period.from)} to ${formatDate(period.to)}`;
  const counts: Record<string, number> = {};
  for (const finding of report.findings) counts[finding.severity] = (counts[finding.severity] ?? 0) + 1;
  const chairs = body.chairs.length
    ? cell(body.chairs.map((c) => (c.role === "CHAIR" ? c.name : `${c.name} (vice-chair)`)).join(", "))
    : missing();
  const refs = report.openActions.some((a) => a.ref);
  const people = report.members.filter((m) => m.kind === "Person");
  const agencies = report.members.filter((m) => m.kind === "Organisation");
  const others = otherStrategiesText(report.otherStrategies, asOf);
  const blocks: Block[] = [
    ...(body.purpose
      ? [
          { kind: "heading", level: 2, text: `About the ${body.name}` } satisfies Block,
          { kind: "paragraph", text: body.purpose } satisfies Block,
        ]
      : []),
    { kind: "heading", level: 2, text: "Contents" },
    {
      kind: "contents",
      entries: SECTIONS.filter(([anchor]) => anchor !== "changes" || report.changes.state !== "off").map(
        ([anchor, text], i) => ({ text: `${i + 1}. ${text}`, anchor, level: 1 }),
      ),
    },
    heading("membership"),
    ...(people.length || !agencies.length
      ? [
          {
            kind: "table",
            caption: `Members of ${body.name}`,
            columns: [
              { label: "Member", width: 34 },
              { label: "Role", width: 16 },
              { label: "Representing" },
            ],
            rows: people.map((m) => [
              cell(m.name, { strong: m.role === "CHAIR" }),
              cell(words(m.role)),
              m.representing ? cell(m.representing) : missing(""),
            ]),
            empty: "No members recorded.",
          } satisfies Block,
        ]
      : []),
    ...(agencies.length
      ? [
          {
            kind: "table",
            caption: `Member organisations of ${body.name}`,
            columns: [{ label: "Member organisation" }, { label: "Membership", width: 20 }],
            rows: agencies.map((a) => [
              cell(a.name),
              a.membership ? cell(`${words(a.membership)} member`) : missing(),
            ]),
            empty: "",
          } satisfies Block,
        ]
      : []),
    heading("groups"),
    {
      kind: "table",
      caption: `Groups under ${body.name}`,
      columns: [
        { label: "Group", width: 24 },
        { label: "Kind", width: 13 },
        { label: "Chair", width: 12 },
        { label: "Meets", width: 10 },
        { label: "Reports to", width: 15 },
        { label: "Accountable for" },
      ],
      rows: report.groups.map((g) => [
        cell(g.name, {
          strong: g.depth === 1,
          ...(g.purpose ? { sub: firstSentence(g.purpose) } : {}),
          flags: g.flags,
        }),
        cell(words(g.kind)),
        g.chairs.length ? cell(g.chairs.map((c) => c.name).join(", ")) : missing(),
        g.frequency ? cell(g.frequency) : missing(),
        cell(
          `${LINE[g.relationship] ?? words(g.relationship)} ${g.reportsTo}`,
          g.reportingFrequency ? { sub: g.reportingFrequency } : {},
        ),
        g.accountableFor.length ? cell(g.accountableFor.join("\n")) : missing("Nothing recorded"),
      ]),
      empty: "No group reports to this body.",
    },
    heading("strategies"),
    {
      kind: "table",
      caption: `Strategies overseen by ${body.name} and its groups`,
      columns: [
        { label: "Strategy" },
        { label: "Kind", width: 10 },
        { label: "Period", width: 12 },
        { label: "Overseen by", width: 13 },
        { label: "Objectives", width: 8, numeric: true },
        { label: "Actions", width: 7, numeric: true },
        { label: "Indicators", width: 8, numeric: true },
        { label: "Findings", width: 12 },
      ],
      rows: report.strategies.map((s) => [
        cell(s.title, { sub: s.id }),
        cell([words(s.kind), s.status ? words(s.status).toLowerCase() : ""].filter(Boolean).join(", ")),
        cell(periodText(s.periodStart, s.periodEnd)),
        cell(s.overseenBy),
        cell(String(s.objectives)),
        cell(String(s.actions)),
        cell(String(s.indicators)),
        cell(findingCounts(s.findings)),
      ]),
      empty: `No strategy overseen by this body or its groups was in force on ${asOf}.`,
    },
    ...(others ? [{ kind: "paragraph", text: others, muted: true } satisfies Block] : []),
    heading("meetings", `, ${periodWords}`),
    {
      kind: "table",
      caption: `Meetings from ${periodWords}`,
      columns: [
        { label: "Date", width: 13 },
        { label: "Meeting" },
        { label: "Present", width: 10, numeric: true },
        { label: "Apologies", width: 11, numeric: true },
        { label: "Substitutes", width: 12, numeric: true },
      ],
      rows: report.meetings.map((m) => {
        const recorded = m.present + m.apologies + m.substitutes + m.inAttendance > 0;
        const count = (n: number): ReturnType<typeof cell> => (recorded ? cell(String(n)) : missing("—"));
        return [
          cell(formatDate(m.date)),
          cell(m.body === m.title ? m.title : `${m.body}: ${m.title}`, m.venue ? { sub: m.venue } : {}),
          count(m.present),
          count(m.apologies),
          count(m.substitutes),
        ];
      }),
      empty: `No meeting recorded from ${periodWords}.`,
    },
    { kind: "heading", level: 3, text: "Attendance at board meetings" },
    {
      kind: "table",
      caption: `Attendance at ${body.name} meetings from ${periodWords}`,
      columns: [
        { label: "Member" },
        { label: "Role", width: 16 },
        { label: "Present", width: 10, numeric: true },
        { label: "Apologies", width: 11, numeric: true },
        { label: "Of meetings recorded", width: 14, numeric: true },
      ],
      rows: report.attendance.map((a) => [
        cell(a.name),
        a.role ? cell(words(a.role)) : missing("Not a member"),
        cell(String(a.present)),
        cell(String(a.apologies)),
        cell(String(a.of)),
      ]),
      empty: "No attendance recorded in the period.",
    },
    heading("open-actions"),
    {
      kind: "table",
      caption: `Open actions from meetings of ${body.name}`,
      columns: [
        { label: "Raised", width: 12 },
        ...(refs ? [{ label: "Ref", width: 5 }] : []),
        { label: "Action" },
        { label: "Lead", width: 18 },
        { label: "Due", width: 11 },
        { label: "Status", width: 13 },
      ],
      rows: report.openActions.map((a) => [
        cell(formatDate(a.meeting.date)),
        ...(refs ? [cell(a.ref)] : []),
        cell(a.title),
        leadersCell(
          a.leads,
          a.flags.filter((f) => f.rule === "ACTION_WITHOUT_LEAD"),
        ),
        dueCell(a),
        statusCell({ status: a.status, flags: a.flags.filter((f) => f.rule !== "ACTION_WITHOUT_LEAD") }),
      ]),
      empty: "No open meeting action.",
    },
    heading("findings"),
    {
      kind: "findings",
      title: `Health findings: ${body.name}, its groups, members and meeting actions`,
      items: findingItems(report.findings),
      empty: "No findings.",
    },
    ...(report.changes.state === "off" ? [] : [heading("changes")]),
    ...changesBlocks(report.changes, body.name, context.partnership.name),
  ];
  return {
    organisation: context.partnership.name,
    title: `${body.name}: accountability pack`,
    subtitle: `Groups, strategies, meetings and open actions as at ${asOf}`,
    orientation: "landscape",
    paper: boardPaper(context, defaultPaper(report)),
    meta: [
      ...paperFacts(context),
      { label: "Body", value: cell(words(body.kind)) },
      { label: "Chair", value: chairs },
      { label: "Meets", value: body.frequency ? cell(body.frequency) : missing() },
      ...(body.quorum ? [{ label: "Quorum", value: cell(body.quorum) }] : []),
      {
        label: "Accountable to",
        value: body.accountableTo.length ? cell(body.accountableTo.join("; ")) : missing("None recorded"),
      },
      ...(body.updatesTo.length
        ? [
            {
              label: "Provides updates to",
              value: cell(
                body.updatesTo.map((u) => (u.frequency ? `${u.name} (${u.frequency})` : u.name)).join("; "),
              ),
            },
          ]
        : []),
      { label: "Meetings period", value: cell(periodWords) },
      ...provenanceFacts(context, body.id),
    ],
    summary: [
      { label: "Members", value: String(report.members.length) },
      { label: "Groups", value: String(report.groups.length) },
      { label: "Strategies", value: String(report.strategies.length) },
      { label: "Meetings in period", value: String(report.meetings.length) },
      {
        label: "Open actions",
        value: String(report.openActions.length),
        tone: report.openActions.length ? "WARNING" : "OK",
      },
      { label: "Errors", value: String(counts.ERROR ?? 0), tone: counts.ERROR ? "ERROR" : "OK" },
    ],
    blocks,
    footer: `${context.partnership.name} · ${body.name} · accountability pack as at ${asOf}`,
  };
}
