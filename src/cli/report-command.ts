import { Command, Option } from "commander";
import { FORMATS, reportRequest, runReport, type ReportOptions, type ReportType } from "../report/index.ts";

const EXAMPLES: Record<ReportType, { id: string; what: string }> = {
  strategy: {
    id: "strategy:safer-communities-2011-14",
    what: "a strategy's tree in the shape of the action-plan template: leads, governance groups, target outcomes, actions and progress, health findings inline",
  },
  body: {
    id: "body:scpb",
    what: "a board's accountability pack: members, groups under it (chair, frequency, accountable for and to), strategies overseen, meetings and attendance in a period, open meeting actions, health findings",
  },
  person: {
    id: "person:kiran-vagarwal",
    what: "everything a person chairs, sits on and leads, and what is left without a lead if they go",
  },
};

/**
 * `report strategy|body|person <id>`: one GraphQL request, rendered as Markdown, HTML, CSV or PDF.
 * @example program.addCommand(reportCommand((action) => action()));
 */
export function reportCommand(run: (action: () => Promise<void>) => Promise<void>): Command {
  const report = new Command("report").description(
    "board-pack reports from one GraphQL request: Markdown, HTML, CSV (one row per action, group or responsibility), PDF, or XLSX (a strategy's plan in the import's layout)",
  );
  for (const type of Object.keys(EXAMPLES) as ReportType[]) {
    const command = report
      .command(`${type} <id>`)
      .description(`${EXAMPLES[type].what} (e.g. ${EXAMPLES[type].id})`)
      .addOption(
        new Option(
          "--format <format>",
          "output format (default: from --out's extension, else markdown)",
        ).choices([...FORMATS]),
      )
      .option(
        "--as-of <date>",
        "the date the report describes, YYYY-MM-DD (default: the --meeting's date, else the latest date in the report's data)",
      )
      .option(
        "--partnership <id>",
        "the partnership the subject belongs to (e.g. partnership:barnet); default: read from the subject",
      )
      .option("--out <file>", "write to this file (required for pdf); default: stdout")
      .option(
        "--endpoint <url>",
        "a running API (e.g. http://127.0.0.1:4000/graphql); default: the configured database, in-process",
      )
      .option("--token <jwt>", "bearer token sent to --endpoint")
      .option(
        "--meeting <meeting>",
        "the meeting the paper is for: a Meeting id (e.g. meeting:scpb-2016-01-29; its date becomes the default --as-of) or words",
      )
      .option(
        "--item <number>",
        "the agenda item number; with a Meeting id, its title, presenter, outcome required and Part 2 status come from the graph",
      )
      .option("--author <name>", "who the paper is from (default: the agenda item's presenter)")
      .option("--purpose <text>", "the purpose of the report (default: one written from the report)")
      .option(
        "--recommendation <text>",
        "a recommendation to the board; repeat for several (default: the item's outcome required, else ones written from the report)",
        (value: string, previous: string[] = []) => [...previous, value],
      )
      .option(
        "--part <1|2>",
        "Part 1 (public) or Part 2 (exempt); default: 2 when the agenda item is restricted, else 1",
      )
      .option("--exemption <text>", 'for Part 2: the exemption, e.g. "Paragraph 2 of Schedule 12A"');
    if (type === "body")
      command
        .option("--from <date>", "first day of the meetings period (default: a year before --to)")
        .option("--to <date>", "last day of the meetings period (default: --as-of)")
        .option(
          "--changes-since <date>",
          "list the changes recorded from this day to --as-of (default: from the board's last meeting before --as-of)",
        )
        .option("--no-changes", 'leave out "Changes since the last meeting"');
    command.action((id: string, options: ReportOptions) =>
      run(async () => {
        const request = reportRequest(type, id, options);
        await runReport(request, { log: (line) => console.error(line) });
      }),
    );
  }
  return report;
}
