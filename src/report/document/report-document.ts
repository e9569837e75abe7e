import type { Flag } from "../model/index.js";

/**
 * A report laid out once, as headings, facts, tables and lists, so that Markdown and HTML (and
 * through HTML, PDF) say the same thing. Layouts build it from a report model; renderers print it.
 */
export interface ReportDocument {
  /** The body the paper is for, printed above the title: "Safer Communities Partnership Board". */
  organisation: string;
  title: string;
  subtitle: string;
  /** Printed page shape: action plans need the width of landscape A4. */
  orientation: "portrait" | "landscape";
  /** The cover sheet: report date, period, source... */
  meta: Fact[];
  /** Key figures shown as tiles under the cover sheet. */
  summary: Figure[];
  blocks: Block[];
  /** For the PDF footer: "Safer Communities Strategy 2011-14 · as at 31 Mar 2014 · generated 2 Feb 2025". */
  footer: string;
}

export interface Figure {
  label: string;
  value: string;
  tone?: Tone;
}

export type Tone = "ERROR" | "WARNING" | "INFO" | "OK";

/** A table cell or a value: text (line breaks allowed), a smaller second line, flags, a RAG. */
export interface Cell {
  text: string;
  sub?: string;
  flags?: Flag[];
  rag?: { value: string; derived: boolean } | null;
  /** For text standing in for a missing value: "Not recorded". */
  missing?: boolean;
  /** Strong emphasis, for a row's subject. */
  strong?: boolean;
}

export interface Fact {
  label: string;
  value: Cell;
}

export interface Column {
  label: string;
  /** Per cent of the table's width in print; columns without one share what is left. */
  width?: number;
  /** Right-aligned (figures). */
  numeric?: boolean;
}

export type Block =
  | {
      kind: "heading";
      level: 2 | 3 | 4 | 5 | 6;
      text: string;
      anchor?: string;
      flags?: Flag[];
      newPage?: boolean;
    }
  | { kind: "paragraph"; text: string; muted?: boolean }
  | { kind: "facts"; rows: Fact[] }
  | { kind: "table"; caption: string; columns: Column[]; rows: Cell[][]; empty: string }
  | { kind: "list"; items: Cell[]; links?: { anchor: string }[] }
  | { kind: "findings"; title: string; items: FindingItem[]; empty: string };

/** One line of a findings box: a single finding, or several of one rule collapsed. */
export interface FindingItem {
  severity: string;
  tag: string;
  text: string;
}

/** A cell of plain text; empty text stays empty. */
export const cell = (text: string | null | undefined, extra: Omit<Cell, "text"> = {}): Cell => ({
  text: text ?? "",
  ...extra,
});

/** A cell saying that the paper records nothing here. */
export const missing = (text = "Not recorded", flags?: Flag[]): Cell => ({
  text,
  missing: true,
  ...(flags?.length ? { flags } : {}),
});
