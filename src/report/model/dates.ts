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

/** Whether a dated fact holds on `asOf`: no bounds, or validFrom <= asOf <= validTo (ISO strings compare as dates). */
export function validAt(
  bounds: { validFrom?: string | null; validTo?: string | null },
  asOf: string,
): boolean {
  return (!bounds.validFrom || bounds.validFrom <= asOf) && (!bounds.validTo || bounds.validTo >= asOf);
}

/**
 * Whether something was on record by `asOf`: true when no paper recording it is dated, or the
 * earliest dated paper is on or before `asOf` (a board pack as at 2016 leaves out a group first
 * recorded in 2022).
 */
export function recordedBy(evidence: readonly { date?: string | null }[], asOf: string): boolean {
  const dates = evidence
    .map((e) => e.date)
    .filter((d): d is string => Boolean(d))
    .sort();
  return dates.length === 0 || dates[0]! <= asOf;
}
