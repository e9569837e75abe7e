import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import {
  BodyReportDocument,
  BodySubjectDocument,
  PersonReportDocument,
  PersonSubjectDocument,
  StrategyReportDocument,
  StrategySubjectDocument,
} from "../../generated/documents.js";
import { UnreachableCaseError } from "../errors/index.js";
import { idProblem } from "../schema-model/ids.js";
import { today as todayOf } from "../text/index.js";
import type { ReportDocument } from "./document/index.js";
import type { SheetTable } from "../import/index.js";
import {
  bodyCsv,
  layoutBodyReport,
  layoutPersonReport,
  layoutStrategyReport,
  personCsv,
  strategyCsv,
} from "./layout/index.js";
import { strategySheets } from "./layout/plan-sheet.js";
import {
  buildBodyReport,
  buildPersonReport,
  buildStrategyReport,
  dayAfterYearBefore,
  paperContext,
  subjectOf,
  type AsOfReason,
  type BodyReport,
  type PersonReport,
  type ReportContext,
  type StrategyReport,
  type Subject,
} from "./model/index.js";
import type { CsvTable } from "./render/index.js";
import { ReportError } from "./report-error.js";
import { checkPeriod, type ReportRequest, type ReportType } from "./report-request.js";
import type { ReportSource } from "./source/index.js";

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

/**
 * Makes a report with one GraphQL request to `source` (two when the partnership or the date is
 * left to the data), then pure functions only.
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
      const model = buildBodyReport(data, context(data.partnerships), request.id, period);
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
