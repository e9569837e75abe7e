import type { Driver, Session } from "neo4j-driver";
import { markedSearchLabels, restrictions, SEARCH_MARKERS, type DomainModel } from "../schema-model/index.js";

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
const MARKER_TRIGGER = "governance-search-markers";

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

/**
 * Cypher: the marker labels of every node `n` (bound by the caller) of a marked label, from its flag.
 * `where` narrows the nodes (the trigger: those the transaction wrote).
 */
function markerStatement(marked: ReadonlyMap<string, string>, where: string): string {
  const { public: open, restricted } = SEARCH_MARKERS;
  return [...marked]
    .map(
      ([label, flag]) => `CALL (${where ? "ids" : ""}) {
  MATCH (n:${label}) ${where}
  FOREACH (_ IN CASE WHEN coalesce(n.${flag}, false) THEN [1] ELSE [] END | SET n:${restricted} REMOVE n:${open})
  FOREACH (_ IN CASE WHEN coalesce(n.${flag}, false) THEN [] ELSE [1] END | SET n:${open} REMOVE n:${restricted})
}`,
    )
    .join("\n");
}

/**
 * The trigger's statement: the nodes the transaction created, or whose flag it set or removed
 * (deleted nodes are not found by their element id any more), get their markers. Phase "before":
 * the markers change in the writing transaction, so the indexes never see a flag and a marker
 * that disagree.
 */
function triggerStatement(marked: ReadonlyMap<string, string>): string {
  const flags = [...new Set(marked.values())];
  const touched = [
    "[x IN $createdNodes | elementId(x)]",
    ...flags.flatMap((flag) => [
      `[x IN coalesce($assignedNodeProperties['${flag}'], []) | elementId(x.node)]`,
      `[x IN coalesce($removedNodeProperties['${flag}'], []) | elementId(x.node)]`,
    ]),
  ];
  return `WITH ${touched.join(" + ")} AS ids\n${markerStatement(marked, "WHERE elementId(n) IN ids")}`;
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Installs (or replaces) the marker trigger and waits until APOC has loaded it (apoc.trigger.refresh). */
async function installMarkerTrigger(driver: Driver, database: string, statement: string, timeoutMs = 90_000) {
  const active = async (): Promise<boolean> => {
    const { records } = await driver.executeQuery(
      "CALL apoc.trigger.list() YIELD name, query, paused WHERE name = $name RETURN query = $statement AND NOT paused AS current",
      { name: MARKER_TRIGGER, statement },
      { database },
    );
    return records[0]?.get("current") === true;
  };
  if (await active()) return;
  await driver.executeQuery(
    "CALL apoc.trigger.install($database, $name, $statement, {phase: 'before'})",
    { database, name: MARKER_TRIGGER, statement },
    { database: "system" },
  );
  const deadline = Date.now() + timeoutMs;
  while (!(await active())) {
    if (Date.now() > deadline)
      throw new Error(
        `The search marker trigger is not active after ${timeoutMs / 1000} s: check apoc.trigger.refresh.`,
      );
    await sleep(250);
  }
}

/**
 * The search indexes, created (or rebuilt when their definition changed) and their markers set on
 * every node; with `trigger` (APOC triggers available, as for history), the database keeps the
 * markers in step with every later write. Without it, a flag changed later reaches the indexes at
 * the next start (search still filters every hit by visibility, so no hidden item is returned).
 */
export async function ensureSearchIndexes(
  driver: Driver,
  database: string,
  model: DomainModel,
  options: { trigger: boolean },
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
    if (marked.size) await session.run(markerStatement(marked, ""));
  } finally {
    await session.close();
  }
  if (options.trigger && marked.size) await installMarkerTrigger(driver, database, triggerStatement(marked));
}
