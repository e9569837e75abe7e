import type { IsoDate } from "../text/index.ts";

/**
 * A cell as the import reads it and the export writes it: text, a number, a calendar date (a
 * spreadsheet date cell, read with its UTC getters so it is the same day in every time zone), or
 * nothing.
 */
export type CellValue = string | number | { date: IsoDate } | null;

/** One sheet: `rows[0]` is the sheet's row 1, `rows[r][0]` its column A. */
export interface Sheet {
  name: string;
  rows: CellValue[][];
}

/** A spreadsheet file as read: its sheets in workbook order (a CSV file has one). */
export interface Workbook {
  fileName: string;
  format: "xlsx" | "csv";
  sheets: Sheet[];
}

/** Where a cell is, for messages and provenance: "Action plan, row 5, column F (Due date)". */
export interface CellRef {
  sheet: string;
  /** 1-based, as the spreadsheet numbers it. */
  row: number;
  /** A, B, ... AA, as the spreadsheet letters it. */
  column: string;
  /** The column's header as written in the sheet. */
  header: string;
}

/** A value read from a cell, with the cell it came from. */
export interface Located<T> {
  value: T;
  at: CellRef;
  /** The cell as written, when the value is a reading of it (a RAG "G" read as GREEN). */
  raw?: string;
}

/** The spreadsheet letter of a 0-based column index: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The place of a row (or a cell of it) as a locator: "Action plan, row 5". */
export const rowLocator = (at: { sheet: string; row: number }): string => `${at.sheet}, row ${at.row}`;

export const cellLocator = (at: CellRef): string =>
  `${rowLocator(at)}, column ${at.column}${at.header ? ` (${at.header})` : ""}`;

/** True for a cell with nothing in it (blank text counts as nothing). */
export const isEmpty = (value: CellValue | undefined): value is null | undefined =>
  value === null || value === undefined || (typeof value === "string" && value.trim() === "");
