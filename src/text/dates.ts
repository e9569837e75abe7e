/**
 * Calendar dates as the project means them: "YYYY-MM-DD", the same day whatever the time zone of
 * the server or the browser. Nothing here goes through a JavaScript Date in local time; the only
 * Date used is read with its UTC getters. No imports, so the viewer's bundle can use it too.
 */

/** A calendar date written YYYY-MM-DD (ISO 8601). Strings of this form compare as dates. */
export type IsoDate = string;

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** How many days a month (1-12) of a year has. */
export const daysInMonth = (year: number, month: number): number =>
  month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31;

/** The year, month and day of a real calendar date written YYYY-MM-DD; undefined for anything else. */
export function parseIsoDate(text: string): CalendarDate | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/**
 * True for a real calendar date written YYYY-MM-DD.
 * @example isIsoDate("2016-02-29") // true; isIsoDate("2015-02-29") // false
 */
export function isIsoDate(text: unknown): text is IsoDate {
  return typeof text === "string" && parseIsoDate(text) !== undefined;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** A calendar date as YYYY-MM-DD. */
export const formatIsoDate = ({ year, month, day }: CalendarDate): IsoDate =>
  `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

/**
 * Today's calendar date in UTC: the default `asOf` of every traversal, report and the viewer, so
 * "today" is one day for every server and every client wherever it runs.
 * @example today(new Date("2026-03-01T23:30:00-05:00")) // "2026-03-02"
 */
export function today(now: Date = new Date()): IsoDate {
  return formatIsoDate({ year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, day: now.getUTCDate() });
}
