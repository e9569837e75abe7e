import { stringify } from "csv-stringify/sync";

/** A table for spreadsheets: a header row and plain-text rows. */
export interface CsvTable {
  columns: string[];
  rows: string[][];
}

/**
 * RFC 4180 CSV with a header row (CRLF line ends, fields quoted where needed), via csv-stringify.
 * @example renderCsv({ columns: ["Ref", "Action"], rows: [["1", "Review, then act"]] }) // 'Ref,Action\r\n1,"Review, then act"\r\n'
 */
export function renderCsv(table: CsvTable): string {
  return stringify(table.rows, {
    header: true,
    columns: table.columns,
    record_delimiter: "windows",
    bom: false,
  });
}
