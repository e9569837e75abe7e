import type { PaperMeetingFragment } from "../../../generated/documents.ts";
import type { PaperOptions } from "../report-request.ts";
import { ReportError } from "../report-error.ts";
import { personName } from "./leaders.ts";

/** The meeting and agenda item a paper is for, and what its author says of it, as the cover prints them. */
export interface PaperContext {
  meeting: { id: string | null; title: string; date: string | null; body: string | null } | null;
  item: {
    number: string;
    title: string | null;
    outcomeRequired: string | null;
    summary: string | null;
    restricted: boolean;
    exemption: string | null;
    presenters: string[];
  } | null;
  author: string | null;
  purpose: string | null;
  recommendations: string[];
  /** Part 1 (public) or Part 2 (exempt): as asked, else Part 2 when the agenda item is restricted. */
  part: 1 | 2;
  exemption: string | null;
}

/** Item numbers compare as written, ignoring a leading "Item" and spaces: "6" matches "Item 6". */
const itemKey = (number: string): string =>
  number
    .trim()
    .replace(/^item\s*/i, "")
    .toLowerCase();

/**
 * The paper's context from the options and, when --meeting is a Meeting id, the meeting read
 * from the graph (its agenda item's title, presenter, outcome required and Part 2 status).
 */
export function paperContext(options: PaperOptions, meeting: PaperMeetingFragment | null): PaperContext {
  let item: PaperContext["item"] = null;
  if (options.item) {
    const found = meeting?.items.find(
      (i) => i.number !== null && itemKey(i.number) === itemKey(options.item!),
    );
    if (meeting && !found) {
      const numbers = meeting.items
        .map((i) => i.number)
        .filter(Boolean)
        .join(", ");
      throw new ReportError(
        `--item ${options.item}: meeting ${meeting.id} has no agenda item numbered so${numbers ? ` (its items: ${numbers})` : " (no numbered items recorded)"}. Give one of its numbers, or the meeting in words.`,
      );
    }
    item = {
      number: found?.number ?? options.item,
      title: found?.title ?? null,
      outcomeRequired: found?.outcomeRequired ?? null,
      summary: found?.summary ?? null,
      restricted: found?.restricted ?? false,
      exemption: found?.exemption ?? null,
      presenters: (found?.presentedBy ?? []).map(personName),
    };
  }
  if (options.part === 1 && item?.restricted)
    throw new ReportError(
      `--part 1: agenda item ${item.number} of ${meeting?.id ?? options.meeting} is restricted (Part 2 exempt business); a paper for it is Part 2. Drop --part 1.`,
    );
  const part = options.part ?? (item?.restricted || options.exemption ? 2 : 1);
  return {
    meeting: meeting
      ? { id: meeting.id, title: meeting.title, date: meeting.date, body: meeting.meetingOf[0]?.name ?? null }
      : options.meeting
        ? { id: null, title: options.meeting, date: null, body: null }
        : null,
    item,
    author: options.author ?? (item?.presenters.length ? item.presenters.join(", ") : null),
    purpose: options.purpose ?? null,
    recommendations: options.recommendations.length
      ? options.recommendations
      : item?.outcomeRequired
        ? [item.outcomeRequired]
        : [],
    part,
    exemption: part === 2 ? (options.exemption ?? item?.exemption ?? null) : null,
  };
}
