import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import {
  BodyReportDocument,
  BodySubjectDocument,
  PersonReportDocument,
  ReportChangesDocument,
  type BodyReportQuery,
  PersonSubjectDocument,
  StrategyReportDocument,
  StrategySubjectDocument,
} from "../../generated/documents.ts";
import { UnreachableCaseError } from "../errors/index.ts";
import { idProblem } from "../schema-model/ids.ts";
import { today as todayOf } from "../text/index.ts";
import type { ReportDocument } from "./document/index.ts";
import type { SheetTable } from "../import/index.ts";
import {
  bodyCsv,
  layoutBodyReport,
  layoutPersonReport,
  layoutStrategyReport,
  personCsv,
  strategyCsv,
} from "./layout/index.ts";
import { strategySheets } from "./layout/plan-sheet.ts";
import {
  buildBodyReport,
  buildPersonReport,
  buildStrategyReport,
  changeLines,
  changesReach,
  changesWindow,
  dayAfterYearBefore,
  paperContext,
  subjectOf,
  type AsOfReason,
  type BodyReport,
  type ChangesSection,
  type PersonReport,
  type ReportContext,
  type StrategyReport,
  type Subject,
} from "./model/index.ts";
import type { CsvTable } from "./render/index.ts";
import { ReportError } from "./report-error.ts";
import { checkPeriod, type ReportRequest, type ReportType } from "./report-request.ts";
import type { ReportSource } from "./source/index.ts";

export type ReportModel = StrategyReport | BodyReport | PersonReport;

/** A report ready to render: its model, its layout (Markdown, HTML, PDF) and its spreadsheet table (CSV). */
export interface MadeReport {
  model: ReportModel;
  document: ReportDocument;
  csv: CsvTable;
  /** The sheets of `--format xlsx`: a strategy's in the import's action-plan layout, else the CSV table. */
  sheets: SheetTable[];
}

const SUBJECT_QUERIES: Record<
  ReportType,
  TypedDocumentNode<Parameters<typeof subjectOf>[0], { id: string; meetingIds: string[] }>
> = {
  strategy: StrategySubjectDocument,
  body: BodySubjectDocument,
  person: PersonSubjectDocument,
};

const csvSheet = (csv: CsvTable): SheetTable[] => [{ name: "Report", columns: csv.columns, rows: csv.rows }];

/**
 * The subject's partnership, latest recorded date and paper meeting: one small request, asked
 * only when the request leaves the partnership or the date to the data, or names a Meeting id.
 */
async function askSubject(
  source: ReportSource,
  request: ReportRequest,
  meetingIds: string[],
  today: string,
): Promise<Subject | null> {
  if (request.partnership && request.asOf && !meetingIds.length) return null;
  const data = await source.request(SUBJECT_QUERIES[request.type], { id: request.id, meetingIds });
  const subject = subjectOf(data, request.id, meetingIds, today);
  if (
    request.partnership &&
    subject.partnershipId !== request.partnership &&
    subject.partnershipId !== "shared"
  )
    throw new ReportError(
      `${request.id} belongs to ${subject.partnershipId}, not ${request.partnership} (--partnership): drop --partnership, or give ${subject.partnershipId}.`,
    );
  return subject;
}

/** The report date: --as-of, else the meeting's date, else the latest date in the data, else today. */
function reportDate(request: ReportRequest, subject: Subject | null, today: string): [string, AsOfReason] {
  if (request.asOf) return [request.asOf, "given"];
  if (subject?.meeting) return [subject.meeting.date, "meeting"];
  if (subject?.latest) return [subject.latest, "data"];
  return [today, "today"];
}

/** As many changes as the API gives in one answer (src/api/history-resolvers.ts). */
const CHANGES_LIMIT = 1000;

/** Refusals that mean "not for this caller" (history is for officers), not a failure of the report. */
const WITHHELD = new Set(["UNAUTHENTICATED", "FORBIDDEN"]);

/**
 * The body pack's changes section: a second request, since its first day (the board's last
 * meeting) and the entities it reaches come from the pack's own response. The API decides who may
 * read history; a refusal is said in the section, not raised.
 */
async function askChanges(
  source: ReportSource,
  request: ReportRequest,
  data: BodyReportQuery,
  partnershipId: string,
  asOf: string,
): Promise<ChangesSection> {
  const board = data.bodies[0];
  if (request.changes === "off" || !board) return { state: "off" };
  if (request.changes && request.changes.since > asOf)
    throw new ReportError(
      `--changes-since (${request.changes.since}) is after the report date (${asOf}): give a day on or before it.`,
    );
  const window = changesWindow(board, request.changes?.since, asOf);
  if (!window) return { state: "no-meeting", until: asOf };
  const reach = changesReach(
    board,
    data.bodiesReportingTo.map((row) => row.body),
    window,
  );
  try {
    const { changes } = await source.request(ReportChangesDocument, {
      partnershipId,
      since: window.since,
      until: window.until,
      entityIds: [...reach.entities.keys()],
      limit: CHANGES_LIMIT,
    });
    return {
      state: "listed",
      window,
      lines: changeLines(changes, reach),
      more: changes.length >= CHANGES_LIMIT,
    };
  } catch (error) {
    if (error instanceof ReportError && error.codes.length && error.codes.every((code) => WITHHELD.has(code)))
      return { state: "withheld", window, code: error.codes[0]! };
    throw error;
  }
}

/**
 * Makes a report with one GraphQL request to `source` (one more when the partnership or the date
 * is left to the data, and for a body pack's changes), then pure functions only.
 * @example const { document } = await makeReport(source, reportRequest("body", "body:scpb", {}));
 */
export async function makeReport(
  source: ReportSource,
  request: ReportRequest,
  generatedAt: string = new Date().toISOString(),
): Promise<MadeReport> {
  const today = todayOf(new Date(generatedAt));
  const meeting = request.paper.meeting;
  const meetingIds = meeting && !idProblem("Meeting", meeting) ? [meeting] : [];
  const subject = await askSubject(source, request, meetingIds, today);
  const partnershipId = request.partnership ?? subject!.partnershipId;
  const [asOf, asOfReason] = reportDate(request, subject, today);
  const paper = paperContext(request.paper, subject?.meeting ?? null);
  const context = (partnerships: readonly { id: string; name: string }[]): ReportContext => ({
    asOf,
    asOfReason,
    generatedAt,
    source: source.description,
    partnership: partnerships[0] ?? { id: partnershipId, name: partnershipId },
    paper,
  });
  const variables = { asOf, partnershipId };
  switch (request.type) {
    case "strategy": {
      const data = await source.request(StrategyReportDocument, { ...variables, strategyId: request.id });
      const model = buildStrategyReport(data, context(data.partnerships), request.id);
      const sheets = strategySheets(data, request.id);
      return { model, document: layoutStrategyReport(model), csv: strategyCsv(model), sheets };
    }
    case "body": {
      const to = request.period.to ?? asOf;
      const period = { from: request.period.from ?? dayAfterYearBefore(to), to };
      checkPeriod(period);
      const data = await source.request(BodyReportDocument, { ...variables, bodyId: request.id, ...period });
      const changes = await askChanges(source, request, data, partnershipId, asOf);
      const model = buildBodyReport(data, context(data.partnerships), request.id, period, changes);
      const csv = bodyCsv(model);
      return { model, document: layoutBodyReport(model), csv, sheets: csvSheet(csv) };
    }
    case "person": {
      const data = await source.request(PersonReportDocument, { ...variables, personId: request.id });
      const model = buildPersonReport(data, context(data.partnerships), request.id);
      const csv = personCsv(model);
      return { model, document: layoutPersonReport(model), csv, sheets: csvSheet(csv) };
    }
    default:
      throw new UnreachableCaseError(request.type);
  }
}
