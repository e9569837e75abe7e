import type { Driver } from "neo4j-driver";
import { installHistory } from "../history/index.js";
import type { DomainModel } from "../schema-model/index.js";

/**
 * The multi-label full-text index behind the `search` traversal: names, titles and aliases, plus
 * partnershipId so a search is scoped inside Lucene (a filter after it would let other
 * partnerships' hits use up the candidates). Renamed from `entitySearch` when partnershipId was
 * added: an existing store's old index is dropped and this one built.
 */
export const SEARCH_INDEX = "entitySearchByPartnership";
export const SEARCH_FIELDS = ["name", "title", "aliases"] as const;
const SEARCH_SCOPE_FIELD = "partnershipId";
const LEGACY_SEARCH_INDEXES = ["entitySearch"];

/** Cypher that creates, idempotently, what @neo4j/graphql 7 no longer creates itself. */
function schemaStatements(model: DomainModel): string[] {
  const statements: string[] = [];
  const searchable: string[] = [];
  for (const { label, properties, fulltext } of model.labels.values()) {
    statements.push(
      `CREATE CONSTRAINT ${label}_id_unique IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
    );
    statements.push(`CREATE INDEX ${label}_partnership IF NOT EXISTS FOR (n:${label}) ON (n.partnershipId)`);
    for (const index of fulltext)
      statements.push(
        `CREATE FULLTEXT INDEX ${index.indexName} IF NOT EXISTS FOR (n:${label}) ON EACH [${index.fields.map((f) => `n.${f}`).join(", ")}]`,
      );
    if (properties.has("name") || properties.has("title")) searchable.push(label);
  }
  for (const legacy of LEGACY_SEARCH_INDEXES) statements.push(`DROP INDEX ${legacy} IF EXISTS`);
  statements.push(
    `CREATE FULLTEXT INDEX ${SEARCH_INDEX} IF NOT EXISTS FOR (n:${searchable.join("|")}) ON EACH [${[...SEARCH_FIELDS, SEARCH_SCOPE_FIELD].map((f) => `n.${f}`).join(", ")}]`,
  );
  return statements;
}

/**
 * Creates constraints and indexes if missing and waits until they are online; with `history`
 * (the default), makes the database record every write (src/history).
 */
export async function ensureSchema(
  driver: Driver,
  database: string,
  model: DomainModel,
  options: { history?: boolean } = {},
): Promise<void> {
  const session = driver.session({ database });
  try {
    for (const statement of schemaStatements(model)) await session.run(statement);
    await session.run("CALL db.awaitIndexes(60)");
  } finally {
    await session.close();
  }
  if (options.history ?? true) await installHistory(driver, database);
}
