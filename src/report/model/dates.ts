// The report's own date rules; calendar dates themselves are src/text's.
import { parseIsoDate, today } from "../../text/index.ts";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2014-02-28" -> "28 Feb 2014", as board papers write dates; other text is returned as is. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const date = parseIsoDate(iso.slice(0, 10));
  if (!date) return iso;
  return `${date.day} ${MONTHS[date.month - 1]} ${date.year}`;
}

/** The day a year before `iso` ("2016-01-29" -> "2015-01-30"): the default start of a body report's period. */
export function dayAfterYearBefore(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() - 1);
  date.setUTCDate(date.getUTCDate() + 1);
  return today(date); // the UTC calendar day of that instant
}

/**
 * Whether something was on record by `asOf`: true when no paper recording it has a date, or the
 * earliest paper is dated on or before `asOf`. An undated paper counts from the latest reading or
 * progress it records (it was written no earlier), so a board pack as at 2016 leaves out a group
 * first recorded in an undated paper of 2022.
 */
export function recordedBy(
  evidence: readonly { date?: string | null; recordsUpTo?: string | null }[],
  asOf: string,
): boolean {
  const dates = evidence
    .map((e) => e.date ?? e.recordsUpTo)
    .filter((d): d is string => Boolean(d))
    .sort();
  return dates.length === 0 || dates[0]! <= asOf;
}
