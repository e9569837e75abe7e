import path from "node:path";
import { dayAfterYearBefore, isIsoDate, today } from "./model/index.js";
import { ReportError } from "./report-error.js";

export const REPORT_TYPES = ["strategy", "body", "person"] as const;
export const FORMATS = ["markdown", "html", "csv", "pdf"] as const;

export type ReportType = (typeof REPORT_TYPES)[number];
export type Format = (typeof FORMATS)[number];

/** Everything that decides a report's content and form: what the CLI's arguments mean. */
export interface ReportRequest {
  type: ReportType;
  id: string;
  format: Format;
  /** YYYY-MM-DD */
  asOf: string;
  /** The body report's meeting period, YYYY-MM-DD (default: the year to asOf). */
  period: { from: string; to: string };
  /** Keeps the health checks to one partnership (at national scale); default: all, filtered to the report's subjects. */
  partnership?: string;
  out?: string;
  endpoint?: string;
  token?: string;
}

/** The CLI's options as commander gives them. */
export interface ReportOptions {
  format?: string;
  asOf?: string;
  from?: string;
  to?: string;
  partnership?: string;
  out?: string;
  endpoint?: string;
  token?: string;
}

const EXTENSIONS: Record<string, Format> = {
  ".md": "markdown",
  ".markdown": "markdown",
  ".html": "html",
  ".htm": "html",
  ".csv": "csv",
  ".pdf": "pdf",
};

function date(option: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value))
    throw new ReportError(`${option} expects a date written YYYY-MM-DD (e.g. 2014-03-31), found "${value}".`);
  return value;
}

/**
 * Turns a report's arguments into a request, checking each; pure (today is passed in).
 * The format defaults to the --out file's extension, then to Markdown.
 * @example reportRequest("strategy", "strategy:safer-communities-2011-14", { format: "html", asOf: "2014-03-31" }, "2025-01-01")
 */
export function reportRequest(
  type: ReportType,
  id: string,
  options: ReportOptions,
  now: string = today(),
): ReportRequest {
  if (!id.trim())
    throw new ReportError(
      `report ${type} expects an id, e.g. ${type === "strategy" ? "strategy:safer-communities-2011-14" : type === "body" ? "body:scpb" : "person:kiran-vagarwal"}.`,
    );
  const inferred = options.out ? EXTENSIONS[path.extname(options.out).toLowerCase()] : undefined;
  const format = (options.format ?? inferred ?? "markdown").toLowerCase();
  if (!(FORMATS as readonly string[]).includes(format))
    throw new ReportError(`--format expects one of ${FORMATS.join(", ")}, found "${options.format}".`);
  if (format === "pdf" && !options.out)
    throw new ReportError("--format pdf writes a binary file: add --out FILE (e.g. --out report.pdf).");
  if (options.token && !options.endpoint)
    throw new ReportError(
      "--token is sent to an API: add --endpoint URL (e.g. --endpoint http://127.0.0.1:4000/graphql), or drop --token to read the configured database in-process.",
    );
  const asOf = date("--as-of", options.asOf) ?? now;
  const to = date("--to", options.to) ?? asOf;
  const from = date("--from", options.from) ?? dayAfterYearBefore(to);
  if (from > to)
    throw new ReportError(
      `--from (${from}) is after --to (${to}): give the meeting period's first day, then its last.`,
    );
  return {
    type,
    id: id.trim(),
    format: format as Format,
    asOf,
    period: { from, to },
    ...(options.partnership ? { partnership: options.partnership } : {}),
    ...(options.out ? { out: options.out } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.token ? { token: options.token } : {}),
  };
}
