// Spreadsheets in: read sheet -> map rows -> plan changes (pure) -> write in one transaction.
// And the sheets a plan is written back as, for `report strategy <id> --format xlsx`.
// Add exports here with intention.
export {
  importSpreadsheet,
  type ImportRequest,
  type ImportOptions,
  type ImportReport,
} from "./run-import.js";
export { formatImportReport } from "./format-report.js";
export { readMapping, DEFAULT_MAPPING, type Mapping } from "./mapping.js";
export { readWorkbook } from "./read-workbook.js";
export { mapWorkbook, type SheetRow } from "./map-rows.js";
export { planImport } from "./plan-import.js";
export { planSheets, type SheetTable } from "./plan-sheets.js";
export { pickLead, type LeadCandidate, type LeadResolution } from "./resolve-leads.js";
/** How each kind of cell is read and written back (due dates, enums, figures, quarters). */
export * as cellValues from "./cell-values.js";
export { ImportError, ImportValidationError, type CellError } from "./import-error.js";
export type { ChangeNote, ImportTotals, RowReport } from "./import-plan.js";
export type { PlanState, ActionState, IndicatorState, ObjectiveState } from "./plan-state.js";
export type { CellValue, CellRef, Sheet, Workbook } from "./sheet.js";
