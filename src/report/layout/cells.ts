import { cell, missing, type Cell } from "../document/index.ts";
import { formatDate, names, type ActionRow, type Flag, type Leader } from "../model/index.ts";

/** Leads as one cell ("DCI Gary Randall, Richard Bell"), or "Not recorded" with the flags that say why it matters. */
export function leadersCell(leaders: readonly Leader[], flags: Flag[] = []): Cell {
  return leaders.length
    ? cell(names(leaders), flags.length ? { flags } : {})
    : missing("Not recorded", flags);
}

/** The due date as the paper writes it, with the normalised date under it when they differ. */
export function dueCell(action: Pick<ActionRow, "dueText" | "dueDate">): Cell {
  if (!action.dueText && !action.dueDate) return missing("None given");
  const normalised = action.dueDate ? formatDate(action.dueDate) : "";
  if (!action.dueText) return cell(normalised);
  return cell(action.dueText, normalised && normalised !== action.dueText ? { sub: normalised } : {});
}

const STATUS: Record<string, string> = {
  PLANNED: "Planned",
  IN_PROGRESS: "In progress",
  ONGOING: "Ongoing",
  COMPLETE: "Complete",
  CANCELLED: "Cancelled",
};

/** The recorded status in words, with the action's flags (Overdue, No lead...). */
export function statusCell(action: Pick<ActionRow, "status" | "flags">): Cell {
  const flags = action.flags.filter((f) => f.severity !== "INFO");
  return action.status
    ? cell(STATUS[action.status] ?? action.status, { flags })
    : missing("Not recorded", flags);
}

/** "STRATEGY_DELIVERY_GROUP" -> "Strategy delivery group" */
export const words = (value: string | null | undefined): string =>
  value ? value.charAt(0) + value.slice(1).toLowerCase().replaceAll("_", " ") : "";

/** "2011-04-01".."2014-03-31" -> "1 Apr 2011 to 31 Mar 2014" */
export function periodText(start: string | null, end: string | null): string {
  if (start && end) return `${formatDate(start)} to ${formatDate(end)}`;
  if (start) return `from ${formatDate(start)}`;
  if (end) return `until ${formatDate(end)}`;
  return "";
}

/** A generated-at ISO date-time as "2 Feb 2025, 14:05 UTC". */
export function generatedText(iso: string): string {
  return `${formatDate(iso.slice(0, 10))}, ${iso.slice(11, 16)} UTC`;
}

/** "3 errors, 12 warnings" from counts by severity. */
export function findingCounts(counts: Record<string, number>): string {
  const parts = (["ERROR", "WARNING", "INFO"] as const)
    .filter((s) => counts[s])
    .map(
      (s) =>
        `${counts[s]} ${{ ERROR: "error", WARNING: "warning", INFO: "note" }[s]}${counts[s] === 1 ? "" : "s"}`,
    );
  return parts.join(", ") || "none";
}

/** A section anchor from an id: "objective:scs-2011-14:priority-3" -> "objective-scs-2011-14-priority-3". */
export const anchorOf = (id: string): string => id.replace(/[^A-Za-z0-9-]+/g, "-");
