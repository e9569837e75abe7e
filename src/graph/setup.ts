import type { Driver } from "neo4j-driver";
import { installHistory, removeHistory } from "../history/index.ts";
import type { DomainModel } from "../schema-model/index.ts";
import { ensureSearchIndexes, markerUpkeep } from "./search-indexes.ts";

/** Cypher that creates, idempotently, what @neo4j/graphql 7 no longer creates itself. */
function schemaStatements(model: DomainModel): string[] {
  const statements: string[] = [];
  for (const { label, fulltext } of model.labels.values()) {
    statements.push(
      `CREATE CONSTRAINT ${label}_id_unique IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
    );
    statements.push(`CREATE INDEX ${label}_partnership IF NOT EXISTS FOR (n:${label}) ON (n.partnershipId)`);
    for (const index of fulltext)
      statements.push(
        `CREATE FULLTEXT INDEX ${index.indexName} IF NOT EXISTS FOR (n:${label}) ON EACH [${index.fields.map((f) => `n.${f}`).join(", ")}]`,
      );
  }
  return statements;
}

/**
 * Creates constraints and indexes if missing and waits until they are online; with `history`
 * (the default: APOC triggers available), makes the database record every write (src/history)
 * and keep the search markers in step (search-indexes.ts), in one trigger; with `history: false`
 * (HISTORY=off), makes it stop recording history, keeping what it recorded.
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
  } finally {
    await session.close();
  }
  // After the constraints: the marker labels' tokens come after the domain labels', so head(labels(n)) stays the domain label.
  await ensureSearchIndexes(driver, database, model);
  await driver.executeQuery("CALL db.awaitIndexes(60)", {}, { database });
  // The history trigger keeps the search markers in step too.
  if (options.history ?? true) await installHistory(driver, database, (maps) => markerUpkeep(model, maps));
  else await removeHistory(driver, database);
}
