// The report generator: one typed GraphQL request -> a model (pure) -> a layout (pure) -> Markdown,
// HTML, CSV or PDF. Add exports here with intention.
export { runReport, renderReport, type RunOptions, type RunResult } from "./run-report.js";
export { makeReport, type MadeReport, type ReportModel } from "./make-report.js";
export {
  reportRequest,
  FORMATS,
  type ReportRequest,
  type ReportOptions,
  type ReportType,
  type Format,
} from "./report-request.js";
export { ReportError } from "./report-error.js";
export { inProcessSource, type ReportSource } from "./source/index.js";
export { openPdfPrinter, type PdfPrinter } from "./render/index.js";
