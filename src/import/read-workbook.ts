import path from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { formatIsoDate } from "../text/index.ts";
import { ImportError } from "./import-error.ts";
import type { CellValue, Sheet, Workbook } from "./sheet.ts";

/** What a workbook may hold, so a hostile or mistaken file cannot exhaust the server. */
export const WORKBOOK_LIMITS = {
  /** Sum of the uncompressed parts of an XLSX (a "zip bomb" is small until opened). */
  uncompressedBytes: 50 * 1024 * 1024,
  rowsPerSheet: 10_000,
  columnsPerSheet: 200,
} as const;

const FORMATS = { ".xlsx": "xlsx", ".csv": "csv" } as const;

/** The format a file name says, or an ImportError naming the file. */
export function workbookFormat(fileName: string): Workbook["format"] {
  const format = FORMATS[path.extname(fileName).toLowerCase() as keyof typeof FORMATS];
  if (!format)
    throw new ImportError(
      `${fileName}: expected an .xlsx or .csv file. Fix: save the sheet as Excel Workbook (.xlsx) or CSV UTF-8 (.csv).`,
    );
  return format;
}

function checkSize(fileName: string, sheet: string, rows: number, columns: number): void {
  if (rows > WORKBOOK_LIMITS.rowsPerSheet || columns > WORKBOOK_LIMITS.columnsPerSheet)
    throw new ImportError(
      `${fileName}, sheet ${sheet}: ${rows} rows and ${columns} columns; an import takes at most ${WORKBOOK_LIMITS.rowsPerSheet} rows and ${WORKBOOK_LIMITS.columnsPerSheet} columns per sheet. Fix: split the sheet, or delete the empty rows and columns at its end.`,
    );
}

/** A cell of exceljs as a CellValue: formulas by their result, rich text and links by their text. */
function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date)
    return Number.isNaN(value.getTime())
      ? null
      : {
          date: formatIsoDate({
            year: value.getUTCFullYear(),
            month: value.getUTCMonth() + 1,
            day: value.getUTCDate(),
          }),
        };
  if (typeof value === "number") return value;
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("error" in value) return value.error;
  if ("formula" in value || "sharedFormula" in value)
    return cellValue((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ("text" in value) return typeof value.text === "string" ? value.text : cellValue(value.text);
  return null;
}

async function readXlsx(fileName: string, content: Uint8Array): Promise<Sheet[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(content);
  } catch (error) {
    throw new ImportError(
      `${fileName}: not a readable XLSX workbook (${(error as Error).message}). Fix: open it in a spreadsheet program and save it as Excel Workbook (.xlsx).`,
    );
  }
  // JSZip reads sizes from the zip's directory without inflating anything.
  const uncompressed = Object.values(zip.files).reduce(
    (total, file) =>
      total + ((file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0),
    0,
  );
  if (uncompressed > WORKBOOK_LIMITS.uncompressedBytes)
    throw new ImportError(
      `${fileName}: the workbook opens to ${Math.round(uncompressed / 1024 / 1024)} MB; an import takes at most ${WORKBOOK_LIMITS.uncompressedBytes / 1024 / 1024} MB. Fix: remove images and unused sheets, or import the action plan's sheets on their own.`,
    );
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch (error) {
    throw new ImportError(
      `${fileName}: not a readable XLSX workbook (${(error as Error).message}). Fix: open it in a spreadsheet program and save it as Excel Workbook (.xlsx).`,
    );
  }
  return workbook.worksheets.map((worksheet) => {
    checkSize(fileName, worksheet.name, worksheet.rowCount, worksheet.columnCount);
    const rows: CellValue[][] = [];
    worksheet.eachRow({ includeEmpty: true }, (row, number) => {
      const cells: CellValue[] = [];
      for (let column = 1; column <= worksheet.columnCount; column++)
        cells.push(cellValue(row.getCell(column).value));
      rows[number - 1] = cells;
    });
    for (let index = 0; index < rows.length; index++) rows[index] ??= [];
    return { name: worksheet.name, rows };
  });
}

function readCsv(fileName: string, content: Uint8Array): Sheet[] {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(content);
  } catch {
    throw new ImportError(
      `${fileName}: not UTF-8 text. Fix: save the sheet as "CSV UTF-8 (Comma delimited)" (.csv).`,
    );
  }
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    throw new ImportError(
      `${fileName}: not readable as CSV (${(error as Error).message}). Fix: check the quotes on that line, or save the sheet again as CSV UTF-8.`,
    );
  }
  const columns = Math.max(0, ...records.map((record) => record.length));
  checkSize(fileName, fileName, records.length, columns);
  const name = path.basename(fileName);
  return [{ name, rows: records.map((record) => record.map((cell) => (cell === "" ? null : cell))) }];
}

/**
 * Reads a spreadsheet's bytes (XLSX with exceljs, CSV with csv-parse) into sheets of cell values;
 * the format is the file name's extension. An unreadable file is an ImportError naming it.
 * @example const workbook = await readWorkbook("plan-q2.xlsx", readFileSync("plan-q2.xlsx"));
 */
export async function readWorkbook(fileName: string, content: Uint8Array): Promise<Workbook> {
  const format = workbookFormat(fileName);
  const sheets = format === "xlsx" ? await readXlsx(fileName, content) : readCsv(fileName, content);
  return { fileName: path.basename(fileName), format, sheets };
}
