import type { ActionRowFragment } from "../../../generated/documents.ts";
import { naturalCompare } from "../../text/index.ts";
import type { FindingIndex, Flag } from "./findings.ts";
import { leadersAt, type Leader } from "./leaders.ts";
import { recordedOrder } from "./order.ts";

export interface ProgressEntry {
  period: string;
  date: string | null;
  text: string;
  rag: string | null;
}

/** One row of an action plan: ref, title, lead, due date as written and normalised, status, progress. */
export interface ActionRow {
  id: string;
  ref: string | null;
  /** Its place in the plan as the paper lists it, when recorded. */
  position: number | null;
  title: string;
  kind: string;
  leads: Leader[];
  /** The paper's words: "on going", "Feb-14", "30.3.2014". */
  dueText: string | null;
  /** Normalised, YYYY-MM-DD, when the words name a date. */
  dueDate: string | null;
  status: string | null;
  desiredOutcome: string | null;
  /** Progress updates recorded on or before the report date, keyed by period as written ("2013/14 Q1"). */
  progress: Record<string, ProgressEntry>;
  flags: Flag[];
}

/** Actions in plan order: recorded position, else ref as written, then id (ids carry the paper's row numbers). */
export const byPlanOrder = recordedOrder;

/** The row for one action as it stood on `asOf`. */
export function actionRow(action: ActionRowFragment, asOf: string, findings: FindingIndex): ActionRow {
  const progress: Record<string, ProgressEntry> = {};
  for (const update of action.updates) {
    if (update.date && update.date > asOf) continue;
    progress[update.period] = {
      period: update.period,
      date: update.date,
      text: update.text,
      rag: update.rag,
    };
  }
  return {
    id: action.id,
    ref: action.ref,
    position: action.position,
    title: action.title,
    kind: action.kind,
    leads: leadersAt(action.leadsConnection, asOf),
    dueText: action.dueText,
    dueDate: action.dueDate,
    status: action.status,
    desiredOutcome: action.desiredOutcome,
    progress,
    flags: findings.flags(action.id),
  };
}

const QUARTER = /^(.*?)\s*Q([1-4])$/;

/**
 * The progress columns of a table of actions, in time order. Quarterly periods of one year
 * ("2013/14 Q1") are filled out to all four quarters, as the template prints them.
 */
export function progressPeriods(rows: readonly ActionRow[]): string[] {
  const dates = new Map<string, string>();
  for (const row of rows)
    for (const entry of Object.values(row.progress))
      if (!dates.has(entry.period) || (entry.date ?? "") < dates.get(entry.period)!)
        dates.set(entry.period, entry.date ?? "");
  const periods = [...dates.keys()].sort(
    (a, b) => (dates.get(a) ?? "").localeCompare(dates.get(b) ?? "") || naturalCompare(a, b),
  );
  const years = new Set(periods.map((p) => QUARTER.exec(p)?.[1] ?? null));
  if (periods.length && years.size === 1 && !years.has(null)) {
    const year = [...years][0]!;
    return [1, 2, 3, 4].map((q) => (year ? `${year} Q${q}` : `Q${q}`));
  }
  return periods;
}
