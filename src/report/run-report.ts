import { writeFileSync } from "node:fs";
import { UnreachableCaseError } from "../errors/index.ts";
import { loadConfig, type Config } from "../config/index.ts";
import { makeReport, type MadeReport } from "./make-report.ts";
import { formatDate } from "./model/index.ts";
import {
  openPdfPrinter,
  renderCsv,
  renderHtml,
  renderMarkdown,
  renderXlsx,
  type PdfPrinter,
} from "./render/index.ts";
import type { Format, ReportRequest } from "./report-request.ts";
import { httpSource, inProcessSource, type ReportSource } from "./source/index.ts";

export interface RunOptions {
  /** For an in-process report (no --endpoint): the database to read; default: the environment's. */
  config?: Config;
  /** Where the query goes; by default the request's --endpoint, or the configured database in-process. */
  source?: ReportSource;
  /** A running Chromium to reuse for PDFs (closed by its owner); by default one is started and closed. */
  printer?: PdfPrinter;
  /** Where output without --out goes (the CLI: stdout). */
  write?: (text: string) => void;
  /** Progress lines (the CLI: stderr). */
  log?: (line: string) => void;
  now?: Date;
}

export interface RunResult {
  report: MadeReport;
  format: Format;
  output: string | Buffer;
  out?: string;
}

/** The report rendered in `format`: text for Markdown, HTML and CSV, bytes for PDF and XLSX. */
export async function renderReport(
  report: MadeReport,
  format: Format,
  printer?: PdfPrinter,
): Promise<string | Buffer> {
  switch (format) {
    case "markdown":
      return renderMarkdown(report.document);
    case "html":
      return renderHtml(report.document);
    case "csv":
      return renderCsv(report.csv);
    case "xlsx":
      return renderXlsx(report.sheets);
    case "pdf": {
      const own = printer ?? (await openPdfPrinter());
      try {
        return await own.print(report.document, {
          footer: report.document.footer,
          dated: `Generated ${formatDate(report.model.context.generatedAt.slice(0, 10))}`,
        });
      } finally {
        if (!printer) await own.close();
      }
    }
    default:
      throw new UnreachableCaseError(format);
  }
}

/**
 * The one place that does a report's I/O: opens the source, makes the report with one request,
 * renders it and writes it to --out (or hands it to `write`).
 * @example await runReport(reportRequest("strategy", "strategy:safer-communities-2011-14", { out: "plan.pdf" }));
 */
export async function runReport(request: ReportRequest, options: RunOptions = {}): Promise<RunResult> {
  const source =
    options.source ??
    (request.endpoint
      ? httpSource(request.endpoint, request.token)
      : await inProcessSource(options.config ?? loadConfig(), options.log));
  try {
    const report = await makeReport(source, request, (options.now ?? new Date()).toISOString());
    const output = await renderReport(report, request.format, options.printer);
    if (request.out) {
      writeFileSync(request.out, output);
      options.log?.(`wrote ${request.out} (${request.format}, ${Buffer.byteLength(output)} bytes)`);
    } else (options.write ?? ((text: string) => process.stdout.write(text)))(String(output));
    return { report, format: request.format, output, ...(request.out ? { out: request.out } : {}) };
  } finally {
    if (!options.source) await source.close();
  }
}
