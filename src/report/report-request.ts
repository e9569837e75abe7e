import path from "node:path";
import { isIsoDate } from "../text/index.ts";
import { ReportError } from "./report-error.ts";

export const REPORT_TYPES = ["strategy", "body", "person"] as const;
export const FORMATS = ["markdown", "html", "csv", "pdf", "xlsx"] as const;

export type ReportType = (typeof REPORT_TYPES)[number];
export type Format = (typeof FORMATS)[number];

/** What makes the report a board paper for a meeting; each is optional (see docs/reports.md). */
export interface PaperOptions {
  /** The meeting the paper is for: a Meeting id (looked up: its title, date, body and items) or words. */
  meeting?: string;
  /** The agenda item's number as written ("6"): with a Meeting id, its title, presenter, outcome required and Part 2 status are read from the graph. */
  item?: string;
  author?: string;
  purpose?: string;
  recommendations: string[];
  /** 1: public business; 2: exempt (not for publication). Default: Part 2 when the agenda item is restricted, else 1. */
  part?: 1 | 2;
  exemption?: string;
}

/** Everything that decides a report's content and form: what the CLI's arguments mean. */
export interface ReportRequest {
  type: ReportType;
  id: string;
  format: Format;
  /** YYYY-MM-DD; default (decided with the data): the meeting's date, else the latest date in the report's data. */
  asOf?: string;
  /** The body report's meeting period, YYYY-MM-DD (default: the year to the report date). */
  period: { from?: string; to?: string };
  /** The partnership whose health checks the report shows; default: the subject's own. */
  partnership?: string;
  /**
   * The body pack's "Changes since the last meeting": "off", or from a given day (YYYY-MM-DD);
   * absent: from the board's last meeting before the report date.
   */
  changes?: "off" | { since: string };
  paper: PaperOptions;
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
  meeting?: string;
  item?: string;
  author?: string;
  purpose?: string;
  recommendation?: string[];
  part?: string;
  exemption?: string;
  /** commander's `--no-changes`: false. */
  changes?: boolean;
  changesSince?: string;
}

const EXTENSIONS: Record<string, Format> = {
  ".md": "markdown",
  ".markdown": "markdown",
  ".html": "html",
  ".htm": "html",
  ".csv": "csv",
  ".pdf": "pdf",
  ".xlsx": "xlsx",
};

function date(option: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value))
    throw new ReportError(`${option} expects a date written YYYY-MM-DD (e.g. 2014-03-31), found "${value}".`);
  return value;
}

const text = (value: string | undefined): string | undefined => value?.trim() || undefined;

function paperOptions(options: ReportOptions): PaperOptions {
  let part: 1 | 2 | undefined;
  if (options.part !== undefined) {
    const written = options.part.trim().replace(/^part\s*/i, "");
    if (written !== "1" && written !== "2")
      throw new ReportError(
        `--part expects 1 (public business) or 2 (exempt, not for publication), found "${options.part}".`,
      );
    part = written === "1" ? 1 : 2;
  }
  if (options.exemption && part === 1)
    throw new ReportError("--exemption is for Part 2 papers: drop it, or give --part 2.");
  if (options.item && !options.meeting)
    throw new ReportError(
      "--item names an agenda item of a meeting: add --meeting (a Meeting id such as meeting:scpb-2016-01-29, or the meeting in words).",
    );
  const paper: PaperOptions = {
    recommendations: (options.recommendation ?? []).map((r) => r.trim()).filter(Boolean),
  };
  for (const key of ["meeting", "item", "author", "purpose", "exemption"] as const) {
    const value = text(options[key]);
    if (value) paper[key] = value;
  }
  if (part) paper.part = part;
  return paper;
}

/**
 * Turns a report's arguments into a request, checking each; pure. The format defaults to the
 * --out file's extension, then to Markdown; the report date is decided with the data (makeReport).
 * @example reportRequest("strategy", "strategy:safer-communities-2011-14", { format: "html", asOf: "2014-03-31" })
 */
export function reportRequest(type: ReportType, id: string, options: ReportOptions): ReportRequest {
  if (!id.trim())
    throw new ReportError(
      `report ${type} expects an id, e.g. ${type === "strategy" ? "strategy:safer-communities-2011-14" : type === "body" ? "body:scpb" : "person:kiran-vagarwal"}.`,
    );
  const inferred = options.out ? EXTENSIONS[path.extname(options.out).toLowerCase()] : undefined;
  const format = (options.format ?? inferred ?? "markdown").toLowerCase();
  if (!(FORMATS as readonly string[]).includes(format))
    throw new ReportError(`--format expects one of ${FORMATS.join(", ")}, found "${options.format}".`);
  if ((format === "pdf" || format === "xlsx") && !options.out)
    throw new ReportError(
      `--format ${format} writes a binary file: add --out FILE (e.g. --out report.${format}).`,
    );
  if (options.token && !options.endpoint)
    throw new ReportError(
      "--token is sent to an API: add --endpoint URL (e.g. --endpoint http://127.0.0.1:4000/graphql), or drop --token to read the configured database in-process.",
    );
  const asOf = date("--as-of", options.asOf);
  const from = date("--from", options.from);
  const to = date("--to", options.to);
  checkPeriod({ from, to });
  const changesSince = date("--changes-since", options.changesSince);
  if (changesSince && options.changes === false)
    throw new ReportError(
      "--no-changes leaves the changes out; --changes-since says where they start: give one.",
    );
  const changes = options.changes === false ? "off" : changesSince ? { since: changesSince } : undefined;
  return {
    type,
    id: id.trim(),
    format: format as Format,
    ...(asOf ? { asOf } : {}),
    period: { ...(from ? { from } : {}), ...(to ? { to } : {}) },
    ...(options.partnership ? { partnership: options.partnership.trim() } : {}),
    ...(changes ? { changes } : {}),
    paper: paperOptions(options),
    ...(options.out ? { out: options.out } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.token ? { token: options.token } : {}),
  };
}

/** A meeting period must start on or before its last day. */
export function checkPeriod(period: { from?: string | undefined; to?: string | undefined }): void {
  if (period.from && period.to && period.from > period.to)
    throw new ReportError(
      `--from (${period.from}) is after --to (${period.to}): give the meeting period's first day, then its last.`,
    );
}
