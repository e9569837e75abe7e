import { cellText } from "./cell-values.ts";
import { cellError, ImportError, type CellError } from "./import-error.ts";
import type { Mapping } from "./mapping.ts";
import { columnLetter, type CellRef, type Sheet, type Workbook } from "./sheet.ts";

/** How far down a sheet its header row may be (the template has a title and notes above it). */
export const HEADER_SEARCH_ROWS = 20;

/** What one column of a table holds. */
export type ColumnRole<F extends string> =
  | { kind: "field"; field: F }
  | { kind: "progress"; period: string }
  | { kind: "progressRag"; period: string };

export interface Table<F extends string> {
  sheet: Sheet;
  /** 1-based. */
  headerRow: number;
  columns: Map<number, ColumnRole<F>>;
  /** Where each column is, for messages and provenance. */
  refs: Map<number, CellRef>;
  ignored: CellRef[];
}

/** A header as a lookup key: case, runs of spaces and a trailing colon or asterisk ignored. */
export const headerKey = (text: string): string =>
  text
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/[:*]+$/, "")
    .trim();

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const QUARTER_ONLY = /^(?:q|qtr|quarter)\.? ?([1-4])$/;

/** The period a progress header names, null when it names none, or a problem with the header. */
function periodOf(header: string, mapping: Mapping): string | null | { problem: string; fix: string } {
  const text = header.replace(/\s+/g, " ").trim();
  const given = Object.entries(mapping.progress.periods).find(([h]) => headerKey(h) === headerKey(text));
  if (given) return given[1];
  if (new RegExp(`^(?:${mapping.progress.periodPattern})$`).test(text)) return text;
  const quarter = QUARTER_ONLY.exec(headerKey(text));
  if (!quarter) return null;
  if (mapping.progress.year) return `${mapping.progress.year} Q${quarter[1]}`;
  return {
    problem: "a progress period with its year, such as 2013/14 Q1",
    fix: `write the year in the header ("2013/14 Q${quarter[1]}"), or set progress.year (e.g. "2013/14") in the mapping.`,
  };
}

function sheetsWith(workbook: Workbook, header: readonly string[]): Sheet[] {
  const keys = new Set(header.map(headerKey));
  return workbook.sheets.filter((sheet) =>
    sheet.rows
      .slice(0, HEADER_SEARCH_ROWS)
      .some((row) => row.some((cell) => keys.has(headerKey(cellText(cell))))),
  );
}

/**
 * The sheet of a table: the one the mapping names, else the first whose first rows hold a header
 * of `keyField` (the action's or indicator's column). Undefined when no sheet has one.
 */
export function findSheet(
  workbook: Workbook,
  named: string | null,
  keyHeaders: readonly string[],
  exclude?: Sheet,
): Sheet | undefined {
  if (named) {
    const sheet = workbook.sheets.find((s) => s.name.trim().toLowerCase() === named.trim().toLowerCase());
    if (!sheet)
      throw new ImportError(
        `${workbook.fileName}: no sheet named "${named}" (the workbook has ${workbook.sheets.map((s) => `"${s.name}"`).join(", ")}). Fix: rename the sheet, or set the sheet's name in the mapping.`,
      );
    return sheet;
  }
  return sheetsWith(workbook, keyHeaders).find((sheet) => sheet !== exclude);
}

/**
 * Reads a table's header row: which column holds which field, which hold progress by period and
 * their RAG. Header problems (a field named twice, a quarter with no year) are cell errors.
 */
export function readHeader<F extends string>(
  sheet: Sheet,
  columns: Record<F, string[]>,
  keyField: F,
  headerRow: number | null,
  mapping: Mapping,
  errors: CellError[],
  progress: boolean,
): Table<F> {
  const fieldOf = new Map<string, F>();
  for (const [field, headers] of Object.entries(columns) as [F, string[]][])
    for (const header of headers) if (!fieldOf.has(headerKey(header))) fieldOf.set(headerKey(header), field);
  const keys = new Set(columns[keyField].map(headerKey));
  const index =
    headerRow !== null
      ? headerRow - 1
      : sheet.rows
          .slice(0, HEADER_SEARCH_ROWS)
          .findIndex((row) => row.some((cell) => keys.has(headerKey(cellText(cell)))));
  const cells = sheet.rows[index] ?? [];
  if (index < 0 || !cells.some((cell) => keys.has(headerKey(cellText(cell)))))
    throw new ImportError(
      `sheet "${sheet.name}": ${headerRow !== null ? `row ${headerRow}` : `none of the first ${HEADER_SEARCH_ROWS} rows`} has a "${columns[keyField][0]}" header (the mapping's ${String(keyField)} column: ${columns[keyField].map((h) => `"${h}"`).join(", ")}). Fix: name the column so, or set actions.headerRow / columns in the mapping.`,
    );
  const ragPattern = new RegExp(
    `^${escape(mapping.progress.rag.replace(/\s+/g, " ").trim()).replace(escape("{period}"), "(.+?)")}$`,
    "i",
  );
  const table: Table<F> = { sheet, headerRow: index + 1, columns: new Map(), refs: new Map(), ignored: [] };
  const seen = new Map<string, CellRef>();
  cells.forEach((cell, column) => {
    const header = cellText(cell).replace(/\s+/g, " ");
    if (!header) return;
    const at: CellRef = { sheet: sheet.name, row: index + 1, column: columnLetter(column), header };
    table.refs.set(column, at);
    const field = fieldOf.get(headerKey(header));
    let role: ColumnRole<F> | undefined = field ? { kind: "field", field } : undefined;
    if (!role && progress) {
      const rag = ragPattern.exec(header);
      const period = periodOf(rag ? rag[1]! : header, mapping);
      if (period && typeof period === "object") {
        errors.push(cellError(at, header, `${period.problem}.`, period.fix));
        return;
      }
      if (period) role = rag ? { kind: "progressRag", period } : { kind: "progress", period };
    }
    if (!role) {
      table.ignored.push(at);
      return;
    }
    const key = role.kind === "field" ? `field ${role.field}` : `${role.kind} ${role.period}`;
    const first = seen.get(key);
    if (first) {
      errors.push(
        cellError(
          at,
          header,
          `one column for each field, but column ${first.column} ("${first.header}") already holds ${role.kind === "field" ? `the ${role.field} column` : `progress for ${role.period}`}.`,
          "delete or rename one of the two columns.",
        ),
      );
      return;
    }
    seen.set(key, at);
    table.columns.set(column, role);
  });
  return table;
}
