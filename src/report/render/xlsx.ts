import ExcelJS from "exceljs";
import type { SheetTable } from "../../import/index.ts";

/** Widest a column is drawn (characters); longer text wraps. */
const MAX_WIDTH = 60;

/**
 * An Excel workbook (XLSX, via exceljs) of one sheet per table: a bold, frozen header row and
 * autofilter, text wrapped in wide columns, date cells as dates (the day as written, whatever the
 * time zone: exceljs writes the UTC day).
 * @example writeFileSync("plan.xlsx", await renderXlsx([{ name: "Action plan", columns: ["Ref"], rows: [["1.1"]] }]));
 */
export async function renderXlsx(tables: readonly SheetTable[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "governance-graph";
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.addRow(table.columns).font = { bold: true };
    for (const cells of table.rows)
      sheet.addRow(
        cells.map((cell) => {
          if (cell === null || typeof cell !== "object") return cell;
          const [year, month, day] = cell.date.split("-").map(Number);
          return new Date(Date.UTC(year!, month! - 1, day!));
        }),
      );
    table.columns.forEach((header, index) => {
      const column = sheet.getColumn(index + 1);
      const longest = Math.max(
        header.length,
        ...table.rows.map((row) => {
          const cell = row[index];
          return cell === null || cell === undefined
            ? 0
            : typeof cell === "object"
              ? 10
              : String(cell).length;
        }),
      );
      column.width = Math.min(MAX_WIDTH, Math.max(8, longest + 2));
      if (longest > MAX_WIDTH) column.alignment = { wrapText: true, vertical: "top" };
      if (table.rows.some((row) => row[index] !== null && typeof row[index] === "object"))
        column.numFmt = "yyyy-mm-dd";
    });
    if (table.columns.length)
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
