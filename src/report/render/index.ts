export { renderMarkdown } from "./markdown.js";
export { renderHtml, escapeHtml, type PageMap, type HtmlOptions } from "./html.js";
export { subsetsFor } from "./fonts.js";
export { renderCsv, type CsvTable } from "./csv.js";
export { openPdfPrinter, type PdfPrinter, type PrintOptions } from "./pdf.js";
export { renderXlsx } from "./xlsx.js";
