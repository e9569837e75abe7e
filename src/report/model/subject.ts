import type {
  BodySubjectQuery,
  PaperMeetingFragment,
  PersonSubjectQuery,
  StrategySubjectQuery,
} from "../../../generated/documents.ts";
import { ReportError } from "../report-error.ts";
import { isIsoDate } from "../../text/index.ts";

/** What a report needs to know about its subject before its own query. */
export interface Subject {
  id: string;
  partnershipId: string;
  /** The latest date the subject's data records (papers, progress, readings, meetings, starts), never after today. */
  latest: string | null;
  /** The meeting named by --meeting, when it is a Meeting id. */
  meeting: PaperMeetingFragment | null;
}

/** The keys whose values say when something was recorded or began (not due dates or ends, which look ahead). */
const RECORDED = new Set(["date", "validFrom", "periodStart"]);

/** Every recorded date anywhere in a response's subject. */
function recordedDates(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) recordedDates(item, out);
  else if (value && typeof value === "object")
    for (const [key, inner] of Object.entries(value)) {
      if (RECORDED.has(key) && typeof inner === "string" && isIsoDate(inner)) out.push(inner);
      else recordedDates(inner, out);
    }
  return out;
}

/**
 * The latest recorded date of a subject's data, no later than `today`: the default report date,
 * so that a report on papers of 2014 describes 2014, not a day years after the last paper.
 */
export function latestRecordedDate(subject: unknown, today: string): string | null {
  const dates = recordedDates(subject).filter((d) => d <= today);
  return dates.length ? dates.reduce((a, b) => (a > b ? a : b)) : null;
}

type SubjectQuery = StrategySubjectQuery | BodySubjectQuery | PersonSubjectQuery;

const LABEL: Record<string, "strategy" | "body" | "person"> = {
  strategies: "strategy",
  bodies: "body",
  people: "person",
};
const EXAMPLE = {
  strategy: "Strategy ids look like strategy:safer-communities-2011-14",
  body: "Body ids look like body:scpb",
  person: "Person ids look like person:kiran-vagarwal",
};

/** The error for an id that names nothing of its kind (the report adds near matches from search). */
export class NotFoundError extends ReportError {
  readonly kind: "strategy" | "body" | "person";
  readonly id: string;

  constructor(kind: "strategy" | "body" | "person", id: string) {
    super(`No ${kind} with id "${id}". ${EXAMPLE[kind]}; the API's search query finds ids by name.`);
    this.kind = kind;
    this.id = id;
  }
}

export const notFound = (kind: "strategy" | "body" | "person", id: string): NotFoundError =>
  new NotFoundError(kind, id);

/**
 * The subject of a report from its subject query: its partnership, latest date and paper meeting.
 * @example subjectOf(data, "strategy:safer-communities-2011-14", [], "2026-01-01").latest // "2014-02-16"
 */
export function subjectOf(
  data: SubjectQuery,
  id: string,
  meetingIds: readonly string[],
  today: string,
): Subject {
  const [key, list] = Object.entries(data).find(([k]) => k !== "meetings") as [
    string,
    readonly { id: string; partnershipId: string }[],
  ];
  const subject = list[0];
  if (!subject) throw notFound(LABEL[key]!, id);
  const meeting = data.meetings[0] ?? null;
  if (meetingIds.length && !meeting)
    throw new ReportError(
      `No meeting with id "${meetingIds[0]}" (--meeting). Meeting ids look like meeting:scpb-2016-01-29; or give the meeting in words, e.g. --meeting "Safer Communities Partnership Board, 29 January 2016".`,
    );
  if (meeting && meeting.partnershipId !== subject.partnershipId && meeting.partnershipId !== "shared")
    throw new ReportError(
      `--meeting ${meeting.id} is a meeting of ${meeting.partnershipId}, but ${id} belongs to ${subject.partnershipId}: name a meeting of the same partnership.`,
    );
  let latest = latestRecordedDate(subject, today);
  // A plan's report describes a day of the plan: papers that mention it years after it ended
  // date it at its end.
  const { periodEnd } = subject as { periodEnd?: string | null };
  if (latest && periodEnd && latest > periodEnd) latest = periodEnd;
  return { id: subject.id, partnershipId: subject.partnershipId, latest, meeting };
}
