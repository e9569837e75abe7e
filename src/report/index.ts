// The report generator: one typed GraphQL request -> a model (pure) -> a layout (pure) -> Markdown,
// HTML, CSV or PDF. Add exports here with intention.
export { runReport, renderReport, type RunOptions, type RunResult } from "./run-report.ts";
export { makeReport, type MadeReport, type ReportModel } from "./make-report.ts";
export {
  reportRequest,
  FORMATS,
  type ReportRequest,
  type ReportOptions,
  type ReportType,
  type Format,
} from "./report-request.ts";
export { ReportError } from "./report-error.ts";
export { inProcessSource, type ReportSource } from "./source/index.ts";
export { openPdfPrinter, type PdfPrinter } from "./render/index.ts";
