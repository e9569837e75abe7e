import type { ViewerSpanQuery } from "../../../../generated/documents.ts";

export interface DataSpan {
  /** Earliest paper or meeting; null when nothing is dated. */
  first: string | null;
  /** Latest paper, meeting, or start or end of a body. */
  last: string | null;
}

/** The dates a partnership's data covers, from the ViewerSpan query. */
export function dataSpan(data: ViewerSpanQuery): DataSpan {
  const dates = (values: (string | null | undefined)[]): string[] =>
    values.filter((d): d is string => Boolean(d)).sort();
  const firsts = dates([data.firstPaper[0]?.date, data.firstMeeting[0]?.date]);
  const lasts = dates([
    data.lastPaper[0]?.date,
    data.lastMeeting[0]?.date,
    data.lastStart[0]?.validFrom,
    data.lastEnd[0]?.validTo,
  ]);
  return { first: firsts[0] ?? null, last: lasts[lasts.length - 1] ?? null };
}

/**
 * The date the viewer opens at: the latest date of the data when that is earlier than today (a
 * structure recorded up to 2023 is shown as it stood then, not as an empty "today"), else today.
 * @example defaultAsOf({ first: "2013-04-01", last: "2023-01-01" }, "2026-12-01") // "2023-01-01"
 */
export function defaultAsOf(span: DataSpan, today: string): string {
  return span.last && span.last < today ? span.last : today;
}

/** "Data from 2013-04-01 to 2023-01-01", or a note that nothing is dated. */
export function spanText(span: DataSpan): string {
  return span.first && span.last ? `Data from ${span.first} to ${span.last}` : "No dated papers recorded";
}
