import { daysInMonth, formatIsoDate, isIsoDate, parseIsoDate, type IsoDate } from "../text/index.ts";
import type { CellValue } from "./sheet.ts";
import { enumWords, vocabulary, wordKey } from "./vocabulary.ts";

/**
 * How each kind of cell is read (and, beside it, written back by the export), so a value goes
 * out and comes back the same. Every reader returns the value or what was expected and the fix.
 */
export type Read<T> = { ok: true; value: T } | { ok: false; expected: string; fix: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const bad = <T>(expected: string, fix: string): Read<T> => ({ ok: false, expected, fix });

/** A cell as the text a person sees: trimmed, line ends as \n; a date cell as YYYY-MM-DD. */
export function cellText(cell: CellValue): string {
  if (cell === null) return "";
  if (typeof cell === "number") return String(cell);
  if (typeof cell === "string") return cell.replace(/\r\n?/g, "\n").trim();
  return cell.date;
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const month = (word: string): number | undefined => {
  const lower = word.toLowerCase();
  const index = MONTHS.findIndex((name) => lower.length >= 3 && name.startsWith(lower));
  return index < 0 ? undefined : index + 1;
};
const fullYear = (digits: string): number => (digits.length === 2 ? 2000 + Number(digits) : Number(digits));

/** A real calendar date or undefined. */
function calendar(year: number, m: number, day: number): IsoDate | undefined {
  const text = formatIsoDate({ year, month: m, day });
  return parseIsoDate(text) ? text : undefined;
}

const NUMERIC_DATE = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$/;
const WORDED_DATE = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-z]{3,9})\.?,?[\s-]+(\d{2}|\d{4})$/;
const MONTH_YEAR = /^([A-Za-z]{3,9})\.?[\s-]+(\d{2}|\d{4})$/;

/**
 * The calendar date some words name, as UK papers write dates: "2014-03-30", "30.3.2014",
 * "30/03/14", "30 March 2014"; a month ("Feb-14", "February 2014") is its last day. Undefined when
 * the words name no date ("on going"); `invalid` when they have a date's shape but no such day exists.
 */
export function dateInWords(text: string): IsoDate | "invalid" | undefined {
  const words = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(words)) return isIsoDate(words) ? words : "invalid";
  let match = NUMERIC_DATE.exec(words);
  if (match) return calendar(fullYear(match[3]!), Number(match[2]), Number(match[1])) ?? "invalid";
  match = WORDED_DATE.exec(words);
  if (match && month(match[2]!))
    return calendar(fullYear(match[3]!), month(match[2]!)!, Number(match[1])) ?? "invalid";
  match = MONTH_YEAR.exec(words);
  if (match && month(match[1]!)) {
    const year = fullYear(match[2]!);
    return calendar(year, month(match[1]!)!, daysInMonth(year, month(match[1]!)!));
  }
  return undefined;
}

export interface Due {
  /** The words as written (null for a date cell, which has no words). */
  dueText: string | null;
  /** The calendar date they name, or null when they name none ("on going"). */
  dueDate: IsoDate | null;
}

/** A due-date cell: a date cell, or words kept as written with the date they name, if any. */
export function readDue(cell: CellValue): Read<Due> {
  if (cell !== null && typeof cell === "object") return ok({ dueText: null, dueDate: cell.date });
  const text = cellText(cell);
  const date = dateInWords(text);
  if (date === "invalid")
    return bad(
      "a calendar date such as 30.3.2014 or 2014-03-30, or words such as on going (that day does not exist)",
      "correct the day or month, or write the due date in words.",
    );
  return ok({ dueText: text, dueDate: date ?? null });
}

/** The due cell the export writes: the words when the graph has them, else the date as a date cell. */
export const writeDue = (due: Due): CellValue => due.dueText ?? (due.dueDate ? { date: due.dueDate } : null);

/** A calendar-date cell (a measurement's date): a date cell or a date in words. */
export function readDate(cell: CellValue): Read<IsoDate> {
  if (cell !== null && typeof cell === "object") return ok(cell.date);
  const date = dateInWords(cellText(cell));
  return date && date !== "invalid"
    ? ok(date)
    : bad("a calendar date such as 31.3.2014 or 2014-03-31", "write the date the period ends.");
}

/** An enum cell read as its name or its words; `extra` adds words of the partnership's own. */
function readEnum(
  cell: CellValue,
  values: readonly string[],
  what: string,
  extra: Record<string, string> = {},
  fix = "write one of those.",
): Read<string> {
  const key = wordKey(cellText(cell));
  const found =
    values.find((value) => wordKey(value) === key) ??
    Object.entries(extra).find(([words]) => wordKey(words) === key)?.[1];
  if (found) return ok(found);
  const known = [...values.map(enumWords), ...Object.keys(extra)];
  return bad(`a ${what}: one of ${known.join(", ")}`, fix);
}

export const readStatus = (cell: CellValue, statuses: Record<string, string>): Read<string> =>
  readEnum(
    cell,
    vocabulary().actionStatus,
    "status",
    statuses,
    "write one of those, or add the sheet's word to the mapping's statuses (statuses: { \"On hold\": PLANNED }).",
  );

export const readActionKind = (cell: CellValue): Read<string> =>
  readEnum(cell, vocabulary().actionKind, "kind of action");

const RAG_LETTERS: Record<string, string> = { r: "RED", a: "AMBER", g: "GREEN" };

/** A RAG cell: Red, Amber, Green or their initials. */
export function readRag(cell: CellValue): Read<string> {
  const letter = RAG_LETTERS[wordKey(cellText(cell))];
  if (letter) return ok(letter);
  const read = readEnum(cell, vocabulary().rag, "RAG");
  return read.ok ? read : bad("a RAG rating: Red, Amber or Green (or R, A, G)", "write Red, Amber or Green.");
}

export function readBetterDirection(cell: CellValue): Read<string> {
  const key = wordKey(cellText(cell));
  const words: Record<string, string> = {
    up: "UP",
    higher: "UP",
    "higher is better": "UP",
    down: "DOWN",
    lower: "DOWN",
    "lower is better": "DOWN",
  };
  const found = words[key] ?? vocabulary().betterDirection.find((value) => wordKey(value) === key);
  return found
    ? ok(found)
    : bad("which way is better: Up or Down", "write Up when a higher value is better, Down when lower is.");
}

const NUMBER_IN_WORDS = /^[£$€]?\s*([-+−]?\d[\d,]*(?:\.\d+)?)\s*(%|pts?|points?)?$/i;

/**
 * The number a cell's text is ("-4.70%", "£1,200", "+3 pts"), or undefined when the text is more
 * than a number: "865 fewer victims" says -865 in words, and only a person can read that.
 */
export function numberInWords(text: string): number | undefined {
  const match = NUMBER_IN_WORDS.exec(text.trim());
  if (!match) return undefined;
  const value = Number(match[1]!.replace(/,/g, "").replace("−", "-"));
  return Number.isFinite(value) ? value : undefined;
}

/** A figure with its words: a number cell is a number; a text cell keeps its words, and the number when it is one. */
export interface Figure {
  value?: number;
  text?: string;
}

export function readFigure(cell: CellValue): Read<Figure> {
  if (typeof cell === "number") return ok({ value: cell });
  const text = cellText(cell);
  const value = numberInWords(text);
  return ok(value === undefined ? { text } : { value, text });
}

/** The cell the export writes for a figure: its words when it has them, else the number. */
export const writeFigure = (value: number | null, text: string | null): CellValue => text ?? value;

/** A number cell, or text that is a number. */
export function readNumber(cell: CellValue): Read<number> {
  if (typeof cell === "number") return ok(cell);
  const value = numberInWords(cellText(cell));
  return value === undefined
    ? bad(
        "a number such as 25814 or -4.7% (a number only, no words)",
        "write the number alone; words go in the Note column.",
      )
    : ok(value);
}

const QUARTER_PERIOD = /^(\d{4})[/-](\d{2}|\d{4}) Q([1-4])$/;

/**
 * The day a financial-year quarter ends ("2013/14 Q1" -> 2013-06-30, Q4 -> 2014-03-31), the
 * date of a progress update the import creates; undefined for other periods ("2022-2023").
 */
export function quarterEnd(period: string): IsoDate | undefined {
  const match = QUARTER_PERIOD.exec(period.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  const quarter = Number(match[3]);
  const [y, m] = quarter === 4 ? [year + 1, 3] : [year, quarter * 3 + 3];
  return formatIsoDate({ year: y, month: m, day: daysInMonth(y, m) });
}
