const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** "2014-02-28" -> "28 Feb 2014", as board papers write dates; other text is returned as is. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const match = ISO_DATE.exec(iso.slice(0, 10));
  if (!match) return iso;
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1]} ${match[1]}`;
}

/** Today (UTC) as YYYY-MM-DD. */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
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

/** Natural order for refs and ids: "Priority 2" before "Priority 10", "p1-2" before "p1-10". */
export const naturalCompare = (a: string | null | undefined, b: string | null | undefined): number =>
  (a ?? "").localeCompare(b ?? "", "en", { numeric: true });

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
