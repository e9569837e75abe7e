import { Command, Option } from "commander";
import { FORMATS, reportRequest, runReport, type ReportOptions, type ReportType } from "../report/index.js";

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
    "board-pack reports from one GraphQL request: Markdown, HTML, CSV (one row per action, group or responsibility) or PDF",
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
      .option("--as-of <date>", "the date the report describes, YYYY-MM-DD (default: today)")
      .option(
        "--partnership <id>",
        "run the health checks for this partnership only (e.g. partnership:barnet); default: all, kept to the report's subjects",
      )
      .option("--out <file>", "write to this file (required for pdf); default: stdout")
      .option(
        "--endpoint <url>",
        "a running API (e.g. http://127.0.0.1:4000/graphql); default: the configured database, in-process",
      )
      .option("--token <jwt>", "bearer token sent to --endpoint");
    if (type === "body")
      command
        .option("--from <date>", "first day of the meetings period (default: a year before --to)")
        .option("--to <date>", "last day of the meetings period (default: --as-of)");
    command.action((id: string, options: ReportOptions) =>
      run(async () => {
        const request = reportRequest(type, id, options);
        await runReport(request, { log: (line) => console.error(line) });
      }),
    );
  }
  return report;
}
