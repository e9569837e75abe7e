import neo4j from "neo4j-driver";
import type { ReadQuery, Viewer } from "../traversals/index.ts";
import { viewerParameters } from "../traversals/index.ts";
import { SHARED } from "../schema-model/index.ts";
import { HISTORY_LABEL } from "./history-trigger.ts";

/** One fact of a change: a property set or removed, a relationship added or removed, the entity created or deleted. */
export interface ChangeFactRow {
  kind: string;
  property: string | null;
  relationship: string | null;
  direction: "OUT" | "IN" | null;
  otherId: string | null;
  /** The value before and after, as JSON text (null when there was none). */
  before: string | null;
  after: string | null;
}

export interface ChangeRow {
  id: string;
  at: string;
  actor: string | null;
  via: string;
  source: string | null;
  entityId: string;
  entityLabel: string | null;
  partnershipId: string | null;
  facts: ChangeFactRow[];
}

interface StoredFact {
  kind: string;
  property?: string;
  relationship?: string;
  direction?: "OUT" | "IN";
  other?: string;
  before?: unknown;
  after?: unknown;
}

const json = (value: unknown): string | null =>
  value === undefined || value === null ? null : JSON.stringify(value);

const toRow = (stored: Record<string, unknown>): ChangeRow => ({
  id: String(stored.id),
  at: String(stored.at),
  actor: (stored.actor as string | null) ?? null,
  via: String(stored.via),
  source: (stored.source as string | null) ?? null,
  entityId: String(stored.entityId),
  entityLabel: (stored.entityLabel as string | null) ?? null,
  partnershipId: (stored.entityPartnershipId as string | null) ?? null,
  facts: (JSON.parse(String(stored.facts)) as StoredFact[]).map((fact) => ({
    kind: fact.kind,
    property: fact.property ?? null,
    relationship: fact.relationship ?? null,
    direction: fact.direction ?? null,
    otherId: fact.other ?? null,
    before: json(fact.before),
    after: json(fact.after),
  })),
});

// Officers see the history of their partnerships and of shared entities; admins everything.
const MAY_SEE = `($officerAll OR c.entityPartnershipId IN $officerOf OR (c.entityPartnershipId = '${SHARED}' AND size($officerOf) > 0))`;

/** The changes of one entity, newest first. One round trip. */
export async function entityHistory(
  read: ReadQuery,
  viewer: Viewer,
  id: string,
  limit: number,
): Promise<ChangeRow[]> {
  const rows = await read(
    `MATCH (c:${HISTORY_LABEL} {entityId: $id}) WHERE ${MAY_SEE}
     WITH c ORDER BY c.at DESC LIMIT $limit
     RETURN c {.*, at: toString(c.at)} AS change`,
    { id, limit: neo4j.int(limit), ...viewerParameters(viewer) },
  );
  return rows.map((row) => toRow(row.change as Record<string, unknown>));
}

// Change nodes name the partnership as entityPartnershipId, not partnershipId: they are records about a
// partnership's entities, not entities it owns (a load or reset by partnershipId never touches them).
const PARTNERSHIP_CHANGES = `MATCH (c:${HISTORY_LABEL} {entityPartnershipId: $partnershipId})
  WHERE c.at >= datetime($since) AND c.at < datetime($until) + duration({days: 1}) AND ${MAY_SEE}
  WITH c ORDER BY c.at DESC LIMIT $limit
  RETURN c {.*, at: toString(c.at)} AS change`;

// By entity first: the (entityId, at) index finds a body pack's few hundred entities' changes without
// reading the rest of the partnership's (a seed load records thousands).
const ENTITY_CHANGES = `UNWIND $entityIds AS entityId
  MATCH (c:${HISTORY_LABEL} {entityId: entityId})
  WHERE c.at >= datetime($since) AND c.at < datetime($until) + duration({days: 1})
    AND c.entityPartnershipId = $partnershipId AND ${MAY_SEE}
  WITH c ORDER BY c.at DESC LIMIT $limit
  RETURN c {.*, at: toString(c.at)} AS change`;

export interface ChangesQuery {
  partnershipId: string;
  /** The first calendar day (from its first moment, UTC). */
  since: string;
  /** The last calendar day (to its last moment, UTC); default: no end. */
  until?: string | undefined;
  /** Only the changes of these entities; default: all the partnership's. */
  entityIds?: readonly string[] | undefined;
  limit: number;
}

/**
 * A partnership's changes between two calendar days (UTC), newest first; with `entityIds`, only
 * those entities'. One round trip.
 * @example await partnershipChanges(read, viewer, { partnershipId: "partnership:barnet", since: "2026-11-01", limit: 500 })
 */
export async function partnershipChanges(
  read: ReadQuery,
  viewer: Viewer,
  query: ChangesQuery,
): Promise<ChangeRow[]> {
  const rows = await read(query.entityIds ? ENTITY_CHANGES : PARTNERSHIP_CHANGES, {
    partnershipId: query.partnershipId,
    since: `${query.since}T00:00:00Z`,
    until: `${query.until ?? "9999-12-30"}T00:00:00Z`,
    entityIds: query.entityIds ?? [],
    limit: neo4j.int(query.limit),
    ...viewerParameters(viewer),
  });
  return rows.map((row) => toRow(row.change as Record<string, unknown>));
}
