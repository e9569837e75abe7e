import type { Flag } from "../model/index.ts";

/**
 * A report laid out once, as headings, facts, tables and lists, so that Markdown and HTML (and
 * through HTML, PDF) say the same thing. Layouts build it from a report model; renderers print it.
 */
export interface ReportDocument {
  /** The body the paper is for, printed above the title: "Safer Communities Partnership Board". */
  organisation: string;
  title: string;
  subtitle: string;
  /** Printed page shape: board packs are landscape A4, for the width of their tables. */
  orientation: "portrait" | "landscape";
  /** What makes it a board paper: Part 1 or 2, purpose, recommendations. */
  paper: BoardPaper;
  /** The cover sheet: meeting, agenda item, author, report date, period, source... */
  meta: Fact[];
  /** Key figures shown as tiles under the cover sheet. */
  summary: Figure[];
  blocks: Block[];
  /** For the PDF footer: "Safer Communities Strategy 2011-14 · as at 31 Mar 2014 · generated 2 Feb 2025". */
  footer: string;
}

/** The parts of a board paper a reader looks for first (the meeting, item and author are cover facts). */
export interface BoardPaper {
  /** Part 1: public business; Part 2: exempt, not for publication. */
  part: 1 | 2;
  /** For Part 2: the exemption as written, e.g. "Paragraph 2 of Schedule 12A, Local Government Act 1972". */
  exemption?: string;
  purpose: string;
  recommendations: string[];
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
    }
  | {
      kind: "paragraph";
      text: string;
      muted?: boolean;
      /** Kept on the same page as what follows (a section's description before its first part). */
      keepWithNext?: boolean;
    }
  | { kind: "facts"; rows: Fact[] }
  | { kind: "table"; caption: string; columns: Column[]; rows: Cell[][]; empty: string }
  | { kind: "list"; items: Cell[] }
  | { kind: "contents"; entries: ContentsEntry[] }
  | { kind: "findings"; title: string; items: FindingItem[]; empty: string };

/** A line of the contents: a heading's text and anchor; the PDF adds the page it lands on. */
export interface ContentsEntry {
  text: string;
  anchor: string;
  /** 1 for a top-level section, 2 for the one under it... */
  level: number;
  flags?: Flag[];
}

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
