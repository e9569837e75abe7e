// Spreadsheets in: read sheet -> map rows -> plan changes (pure) -> write in one transaction.
// And the sheets a plan is written back as, for `report strategy <id> --format xlsx`.
// Add exports here with intention.
export {
  importSpreadsheet,
  type ImportRequest,
  type ImportOptions,
  type ImportReport,
} from "./run-import.ts";
export { formatImportReport } from "./format-report.ts";
export { readMapping, DEFAULT_MAPPING, type Mapping } from "./mapping.ts";
export { readWorkbook } from "./read-workbook.ts";
export { mapWorkbook, type SheetRow } from "./map-rows.ts";
export { planImport } from "./plan-import.ts";
export { planSheets, type SheetTable } from "./plan-sheets.ts";
export { pickLead, type LeadCandidate, type LeadResolution } from "./resolve-leads.ts";
/** How each kind of cell is read and written back (due dates, enums, figures, quarters). */
export * as cellValues from "./cell-values.ts";
export { ImportError, ImportValidationError, type CellError } from "./import-error.ts";
export type { ChangeNote, ImportTotals, RowReport } from "./import-plan.ts";
export type { PlanState, ActionState, IndicatorState, ObjectiveState } from "./plan-state.ts";
export type { CellValue, CellRef, Sheet, Workbook } from "./sheet.ts";
