import type { Driver, Session } from "neo4j-driver";
import { markedSearchLabels, restrictions, SEARCH_MARKERS, type DomainModel } from "../schema-model/index.ts";

/**
 * The two full-text indexes behind the `search` traversal: names, titles and aliases, plus
 * partnershipId so a search is scoped inside Lucene (a filter after it would let other
 * partnerships' hits use up the candidates). The public one never holds a restricted item, so
 * nothing it answers (which nodes, their order) depends on a hidden title; the restricted one
 * holds restricted items only and is asked only for officers of the partnership. `entitySearch`
 * (no partnershipId) and a public index of an older definition (holding restricted items) are
 * dropped and rebuilt.
 */
export const SEARCH_INDEX = "entitySearchByPartnership";
export const RESTRICTED_SEARCH_INDEX = "restrictedEntitySearch";
export const SEARCH_FIELDS = ["name", "title", "aliases"] as const;
const SEARCH_SCOPE_FIELD = "partnershipId";
const LEGACY_SEARCH_INDEXES = ["entitySearch"];

interface SearchIndexes {
  /** Index name -> its labels. */
  indexes: Map<string, string[]>;
  /** Labels reaching the indexes through a marker, with their restriction flag: AgendaItem -> restricted. */
  marked: ReadonlyMap<string, string>;
}

function searchIndexes(model: DomainModel): SearchIndexes {
  const searchable = [...model.labels.values()]
    .filter(({ properties }) => properties.has("name") || properties.has("title"))
    .map(({ label }) => label);
  const marked = markedSearchLabels(searchable, restrictions());
  const open = searchable.filter((label) => !marked.has(label));
  return {
    indexes: new Map([
      [SEARCH_INDEX, [...open, SEARCH_MARKERS.public]],
      [RESTRICTED_SEARCH_INDEX, [SEARCH_MARKERS.restricted]],
    ]),
    marked,
  };
}

/** Cypher: the marker labels of the node bound to `n` (by the caller), from its flag. */
function setMarkers(flag: string): string {
  const { public: open, restricted } = SEARCH_MARKERS;
  return `FOREACH (_ IN CASE WHEN coalesce(n.${flag}, false) THEN [1] ELSE [] END | SET n:${restricted} REMOVE n:${open})
  FOREACH (_ IN CASE WHEN coalesce(n.${flag}, false) THEN [] ELSE [1] END | SET n:${open} REMOVE n:${restricted})`;
}

/** Cypher: the markers of every node of a marked label, set at every start. */
function markAll(marked: ReadonlyMap<string, string>): string {
  return [...marked]
    .map(([label, flag]) => `CALL () {\n  MATCH (n:${label})\n  ${setMarkers(flag)}\n}`)
    .join("\n");
}

/**
 * Cypher for the history trigger's statement (src/history/history-trigger.ts), which keeps the
 * markers in step with every write in the writing transaction (phase "before"), so the indexes
 * never see a flag and a marker that disagree; one trigger, because APOC converts the
 * transaction's data to Cypher values once per trigger, and a second trigger would pay that again
 * on every write (BENCHMARKS.md, "Issue 14, session 7"). Unit subqueries, taking the nodes from APOC's transaction data itself: the
 * nodes the transaction created, and those whose flag it set or removed. `created` and `deleted`
 * name variables in scope, maps keyed by the element ids of the nodes the transaction created and
 * deleted (a deleted node cannot be labelled; a created one is marked by the first subquery, and
 * a node created and deleted in one transaction is in neither of APOC's lists).
 */
export function markerUpkeep(model: DomainModel, maps: { created: string; deleted: string }): string {
  const { marked } = searchIndexes(model);
  return [...marked]
    .map(
      ([label, flag]) => `CALL () {
  UNWIND $createdNodes AS n
  WITH n WHERE n:${label}
  ${setMarkers(flag)}
}
CALL (${maps.created}, ${maps.deleted}) {
  UNWIND coalesce($assignedNodeProperties['${flag}'], []) + coalesce($removedNodeProperties['${flag}'], []) AS x
  WITH x.node AS n
  // CASE, not AND: a deleted node's labels are not read at all.
  WITH n WHERE CASE WHEN ${maps.created}[elementId(n)] IS NULL AND ${maps.deleted}[elementId(n)] IS NULL THEN n:${label} ELSE false END
  ${setMarkers(flag)}
}`,
    )
    .join("\n");
}

/** Drops a search index whose labels or properties are not those wanted (CREATE ... IF NOT EXISTS would keep it). */
async function dropChanged(
  session: Session,
  wanted: Map<string, string[]>,
  properties: string[],
): Promise<void> {
  const result = await session.run(
    "SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties WHERE name IN $names RETURN name, labelsOrTypes, properties",
    { names: [...wanted.keys()] },
  );
  const same = (a: string[], b: string[]) => [...a].sort().join("|") === [...b].sort().join("|");
  for (const record of result.records) {
    const name = record.get("name") as string;
    if (
      !same(record.get("labelsOrTypes") as string[], wanted.get(name)!) ||
      !same(record.get("properties") as string[], properties)
    )
      await session.run(`DROP INDEX ${name} IF EXISTS`);
  }
}

/**
 * The search indexes, created (or rebuilt when their definition changed) and their markers set on
 * every node. With history on, its trigger keeps the markers in step with every later write
 * (markerUpkeep); without it, a flag changed later reaches the indexes at the next start (search
 * still filters every hit by visibility, so no hidden item is returned).
 */
export async function ensureSearchIndexes(
  driver: Driver,
  database: string,
  model: DomainModel,
): Promise<void> {
  const { indexes, marked } = searchIndexes(model);
  const properties = [...SEARCH_FIELDS, SEARCH_SCOPE_FIELD];
  const session = driver.session({ database });
  try {
    for (const legacy of LEGACY_SEARCH_INDEXES) await session.run(`DROP INDEX ${legacy} IF EXISTS`);
    await dropChanged(session, indexes, properties);
    for (const [name, labels] of indexes)
      await session.run(
        `CREATE FULLTEXT INDEX ${name} IF NOT EXISTS FOR (n:${labels.join("|")}) ON EACH [${properties.map((f) => `n.${f}`).join(", ")}]`,
      );
    if (marked.size) await session.run(markAll(marked));
  } finally {
    await session.close();
  }
}
