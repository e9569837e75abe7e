import {
  BodyReportDocument,
  PersonReportDocument,
  StrategyReportDocument,
} from "../../generated/documents.js";
import { UnreachableCaseError } from "../errors/index.js";
import type { ReportDocument } from "./document/index.js";
import {
  bodyCsv,
  layoutBodyReport,
  layoutPersonReport,
  layoutStrategyReport,
  personCsv,
  strategyCsv,
} from "./layout/index.js";
import {
  buildBodyReport,
  buildPersonReport,
  buildStrategyReport,
  type BodyReport,
  type PersonReport,
  type ReportContext,
  type StrategyReport,
} from "./model/index.js";
import type { CsvTable } from "./render/index.js";
import type { ReportRequest } from "./report-request.js";
import type { ReportSource } from "./source/index.js";

export type ReportModel = StrategyReport | BodyReport | PersonReport;

/** A report ready to render: its model, its layout (Markdown, HTML, PDF) and its spreadsheet table (CSV). */
export interface MadeReport {
  model: ReportModel;
  document: ReportDocument;
  csv: CsvTable;
}

/**
 * Makes a report with ONE GraphQL request to `source`, then pure functions only.
 * @example const { document } = await makeReport(source, reportRequest("body", "body:scpb", {}));
 */
export async function makeReport(
  source: ReportSource,
  request: ReportRequest,
  generatedAt: string = new Date().toISOString(),
): Promise<MadeReport> {
  const context: ReportContext = { asOf: request.asOf, generatedAt, source: source.description };
  const partnershipId = request.partnership ?? null;
  switch (request.type) {
    case "strategy": {
      const data = await source.request(StrategyReportDocument, {
        strategyId: request.id,
        asOf: request.asOf,
        partnershipId,
      });
      const model = buildStrategyReport(data, context, request.id);
      return { model, document: layoutStrategyReport(model), csv: strategyCsv(model) };
    }
    case "body": {
      const data = await source.request(BodyReportDocument, {
        bodyId: request.id,
        asOf: request.asOf,
        from: request.period.from,
        to: request.period.to,
        partnershipId,
      });
      const model = buildBodyReport(data, context, request.id, request.period);
      return { model, document: layoutBodyReport(model), csv: bodyCsv(model) };
    }
    case "person": {
      const data = await source.request(PersonReportDocument, {
        personId: request.id,
        asOf: request.asOf,
        partnershipId,
      });
      const model = buildPersonReport(data, context, request.id);
      return { model, document: layoutPersonReport(model), csv: personCsv(model) };
    }
    default:
      throw new UnreachableCaseError(request.type);
  }
}
