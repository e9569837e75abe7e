export { renderMarkdown } from "./markdown.ts";
export { renderHtml, escapeHtml, type PageMap, type HtmlOptions } from "./html.ts";
export { subsetsFor } from "./fonts.ts";
export { renderCsv, type CsvTable } from "./csv.ts";
export { openPdfPrinter, type PdfPrinter, type PrintOptions } from "./pdf.ts";
export { renderXlsx } from "./xlsx.ts";
