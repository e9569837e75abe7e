// Calendar dates and natural order are the project's (src/text); the report's own date rules follow.
export { isIsoDate, naturalCompare, today } from "../../text/index.js";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2014-02-28" -> "28 Feb 2014", as board papers write dates; other text is returned as is. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const match = ISO_DATE.exec(iso.slice(0, 10));
  if (!match) return iso;
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1]} ${match[1]}`;
}

/** The day a year before `iso` ("2016-01-29" -> "2015-01-30"): the default start of a body report's period. */
export function dayAfterYearBefore(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() - 1);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
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
