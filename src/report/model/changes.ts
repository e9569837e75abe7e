import type { BodyReportQuery, ReportChangesQuery } from "../../../generated/documents.ts";
import { today } from "../../text/index.ts";
import { isValidAt, type Dated } from "../../traversals/validity.ts";
import { personName } from "./leaders.ts";

type Board = BodyReportQuery["bodies"][number];
export type StoredChange = ReportChangesQuery["changes"][number];
type StoredFact = StoredChange["facts"][number];

/** An entity the changes section reaches, named as the pack names it. */
export interface ReachedEntity {
  id: string;
  name: string;
  /** Its label as the graph has it: Body, Person, Strategy, Action... */
  kind: string;
  /** A member of the board: only what is about them, or links them to what the pack reaches, is theirs to list. */
  member: boolean;
}

/** What the section lists the changes of (docs/reports.md, "Changes since the last meeting"). */
export interface ChangesReach {
  entities: Map<string, ReachedEntity>;
  /** Names of entities a relationship may lead to that are not reached themselves (groups, meetings). */
  names: Map<string, string>;
}

/** The days the section covers: from its first day (the board's last meeting, or --changes-since) to the report date. */
export interface ChangesWindow {
  since: string;
  until: string;
  /** The meeting the window starts at; null when --changes-since gave the date. */
  meeting: { id: string; title: string; date: string } | null;
}

/** One thing that changed: when (a calendar day, UTC), who, about what, and the value before and after. */
export interface ChangeLine {
  date: string;
  at: string;
  /** Who made it (the token's subject, the user running a command), when recorded. */
  actor: string | null;
  /** How: api, seed, import, cypher. */
  via: string;
  entity: { id: string; name: string; kind: string };
  /** The property, or the relationship and the entity at its other end ("Member of ← Ada Chair"). */
  what: string;
  before: string | null;
  after: string | null;
}

export type ChangesSection =
  | { state: "off" }
  /** No meeting of the board is recorded before the report date, and no --changes-since was given. */
  | { state: "no-meeting"; until: string }
  /** The API did not give the history to this caller (it is for officers of the partnership). */
  | { state: "withheld"; window: ChangesWindow; code: string }
  /** `more`: the API's limit was reached, so earlier changes in the window are not listed. */
  | { state: "listed"; window: ChangesWindow; lines: ChangeLine[]; more: boolean };

/**
 * The entities whose changes the pack lists: the board; the people and organisations who were its
 * members on the report date or on the window's first day; the strategies it oversees with their
 * objectives (three levels), the actions in them or feeding them, those actions' progress updates,
 * and the objectives' indicators. Relationships (membership, reporting lines, oversight) are
 * recorded on both ends, so the board's own record holds its lines and its members joining or leaving.
 */
export function changesReach(
  board: Board,
  others: readonly { id: string; name: string }[],
  window: Pick<ChangesWindow, "since" | "until">,
): ChangesReach {
  const entities = new Map<string, ReachedEntity>();
  const add = (id: string, name: string, kind: string, member = false): void => {
    if (!entities.has(id)) entities.set(id, { id, name, kind, member });
  };
  const member = (e: { properties: Dated }): boolean =>
    isValidAt(e.properties, window.until) || isValidAt(e.properties, window.since);
  add(board.id, board.name, "Body");
  for (const edge of board.membersConnection.edges.filter(member))
    add(edge.node.id, personName(edge.node), "Person", true);
  for (const edge of board.memberAgenciesConnection.edges.filter(member))
    add(edge.node.id, edge.node.name, "Organisation", true);
  const titled = (o: { ref: string | null; title: string }): string =>
    o.ref ? `${o.ref} ${o.title}` : o.title;
  type Action = Board["changesReach"][number]["actions"][number];
  const action = (a: Action): void => {
    add(a.id, titled(a), "Action");
    for (const update of a.updates) add(update.id, `${titled(a)}: ${update.period}`, "ProgressUpdate");
  };
  const objective = (o: {
    id: string;
    ref: string | null;
    title: string;
    indicators: readonly { id: string; name: string }[];
  }): void => {
    add(o.id, titled(o), "Objective");
    for (const indicator of o.indicators) add(indicator.id, indicator.name, "Indicator");
  };
  for (const strategy of board.changesReach) {
    add(strategy.id, strategy.title, "Strategy");
    strategy.actions.forEach(action);
    for (const top of strategy.objectives) {
      objective(top);
      for (const sub of top.subObjectives) {
        objective(sub);
        sub.subObjectives.forEach(objective);
      }
      top.feedingActions.forEach(action);
    }
  }
  const names = new Map<string, string>();
  for (const other of [...others, ...board.meetings.map((m) => ({ id: m.id, name: m.title }))])
    names.set(other.id, other.name);
  return { entities, names };
}

/** Bookkeeping the API writes on every change (who and when are the line's own columns). */
const BOOKKEEPING = new Set(["createdAt", "updatedAt", "updatedBy"]);
/** Provenance on a relationship: where the record came from, not what it says. */
const PROVENANCE = new Set(["source", "locator"]);

/** A stored value (JSON text) as a reader reads it: text as is, a relationship's properties as "role: CHAIR". */
function valueText(json: string | null): string | null {
  if (json === null) return null;
  const value = JSON.parse(json) as unknown;
  if (value === null) return null;
  if (typeof value === "object" && !Array.isArray(value)) {
    const pairs = Object.entries(value as Record<string, unknown>)
      .filter(([key, v]) => !PROVENANCE.has(key) && v !== null)
      .map(([key, v]) => `${key}: ${String(v)}`);
    return pairs.length ? pairs.join(", ") : null;
  }
  return Array.isArray(value) ? value.map(String).join(", ") : String(value);
}

/** The name an entity had in the change itself: what it was created or deleted with. */
function ownName(facts: readonly StoredFact[]): string | null {
  for (const key of ["name", "title", "period", "text"]) {
    const set = facts.find((f) => f.kind === "PROPERTY_SET" && f.property === key)?.after;
    if (set) return valueText(set);
  }
  const deleted = facts.find((f) => f.kind === "DELETED")?.before;
  if (deleted) {
    const values = JSON.parse(deleted) as Record<string, unknown>;
    const name = values.name ?? values.title ?? values.period;
    if (name) return String(name);
  }
  return null;
}

const relationshipWords = (type: string): string =>
  type.charAt(0) + type.slice(1).toLowerCase().replaceAll("_", " ");

/**
 * The changes as lines, oldest first. An entity created (or deleted) in a change is one line, not
 * a line per first value; a relationship between two reached entities is listed once, from its
 * start; a member's relationships to what the pack does not reach are theirs, not the board's;
 * bookkeeping (updatedAt, updatedBy) and values set to what they were are left out.
 */
export function changeLines(changes: readonly StoredChange[], reach: ChangesReach): ChangeLine[] {
  const lines: ChangeLine[] = [];
  const nameOf = (id: string): string => reach.entities.get(id)?.name ?? reach.names.get(id) ?? id;
  for (const change of [...changes].sort((a, b) => String(a.at).localeCompare(String(b.at)))) {
    const reached = reach.entities.get(change.entityId);
    const entity = {
      id: change.entityId,
      name: reached?.name ?? ownName(change.facts) ?? change.entityId,
      kind: change.entityLabel ?? reached?.kind ?? "",
    };
    const line = (what: string, before: string | null, after: string | null): void => {
      lines.push({
        date: today(new Date(String(change.at))),
        at: String(change.at),
        actor: change.actor,
        via: change.via,
        entity,
        what,
        before,
        after,
      });
    };
    const whole = change.facts.find((f) => f.kind === "CREATED" || f.kind === "DELETED");
    if (whole?.kind === "CREATED") {
      line("Created", null, ownName(change.facts));
      continue;
    }
    if (whole?.kind === "DELETED") {
      line("Deleted", ownName(change.facts), null);
      continue;
    }
    for (const fact of change.facts) {
      if (fact.property && BOOKKEEPING.has(fact.property)) continue;
      if (fact.property && PROVENANCE.has(fact.property) && fact.relationship) continue;
      if (fact.relationship && fact.otherId) {
        const otherReached = reach.entities.has(fact.otherId);
        if (reached?.member && !otherReached) continue;
        if (otherReached && fact.direction === "IN") continue;
        const other = `${relationshipWords(fact.relationship)} ${fact.direction === "IN" ? "←" : "→"} ${nameOf(fact.otherId)}`;
        if (fact.kind === "RELATIONSHIP_ADDED") {
          const properties = valueText(fact.after);
          line(other, null, properties ? `added (${properties})` : "added");
        } else if (fact.kind === "RELATIONSHIP_REMOVED") line(other, valueText(fact.before), "removed");
        else if (fact.before !== fact.after)
          line(`${other}: ${fact.property}`, valueText(fact.before), valueText(fact.after));
        continue;
      }
      if (fact.kind === "PROPERTY_SET" && fact.before === fact.after) continue;
      if (fact.property) line(fact.property, valueText(fact.before), valueText(fact.after));
    }
  }
  return lines;
}

/**
 * The days the section covers: from `since` when given, else from the board's last meeting before
 * the report date (that meeting's day included: what changed after it met), to the report date.
 * Null when neither is known.
 */
export function changesWindow(board: Board, since: string | undefined, until: string): ChangesWindow | null {
  if (since) return { since, until, meeting: null };
  const meeting = board.lastMeeting[0];
  return meeting ? { since: meeting.date, until, meeting } : null;
}
