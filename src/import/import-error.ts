import { UserError } from "../errors/index.ts";
import { cellLocator, type CellRef } from "./sheet.ts";

/** One bad cell: where it is, what was found and expected, and how to fix it. */
export interface CellError {
  sheet: string;
  row: number;
  column: string;
  header: string;
  /** The cell as written ("" when empty). */
  found: string;
  expected: string;
  fix: string;
}

/** A cell error at `at`. */
export const cellError = (at: CellRef, found: string, expected: string, fix: string): CellError => ({
  ...at,
  found,
  expected,
  fix,
});

export function formatCellError(error: CellError): string {
  const found = error.found === "" ? "an empty cell" : JSON.stringify(error.found);
  return `${cellLocator(error)}: found ${found}; expected ${error.expected} Fix: ${error.fix}`;
}

/** Thrown (and reported) when any cell is bad: lists every one, and nothing was written. */
export class ImportValidationError extends UserError {
  readonly fileName: string;
  readonly errors: readonly CellError[];

  constructor(fileName: string, errors: readonly CellError[]) {
    super(
      `${errors.length} bad cell(s) in ${fileName}; nothing was written:\n${errors.map((e) => `  ${formatCellError(e)}`).join("\n")}`,
    );
    this.fileName = fileName;
    this.errors = errors;
  }
}

/**
 * A problem with the import as a whole rather than a cell: a file that is not a spreadsheet, a
 * mapping that does not validate, an unknown strategy, a strategy of another partnership.
 */
export class ImportError extends UserError {
  readonly kind: "input" | "not-found" | "forbidden";

  constructor(message: string, kind: "input" | "not-found" | "forbidden" = "input") {
    super(message);
    this.kind = kind;
  }
}
