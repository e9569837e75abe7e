import type { Driver, Session } from "neo4j-driver";
import { installHistory, removeHistory } from "../history/index.ts";
import type { DomainModel } from "../schema-model/index.ts";
import { ensureSearchIndexes, markerUpkeep } from "./search-indexes.ts";

/** What @neo4j/graphql 7 no longer creates itself: each constraint or index by its name, with the Cypher that creates it idempotently. */
function schemaStatements(model: DomainModel): { name: string; cypher: string }[] {
  const statements: { name: string; cypher: string }[] = [];
  for (const { label, fulltext } of model.labels.values()) {
    const unique = `${label}_id_unique`;
    statements.push({
      name: unique,
      cypher: `CREATE CONSTRAINT ${unique} IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
    });
    const partnership = `${label}_partnership`;
    statements.push({
      name: partnership,
      cypher: `CREATE INDEX ${partnership} IF NOT EXISTS FOR (n:${label}) ON (n.partnershipId)`,
    });
    for (const index of fulltext)
      statements.push({
        name: index.indexName,
        cypher: `CREATE FULLTEXT INDEX ${index.indexName} IF NOT EXISTS FOR (n:${label}) ON EACH [${index.fields.map((f) => `n.${f}`).join(", ")}]`,
      });
  }
  return statements;
}

/**
 * The names of the database's constraints and indexes. A statement whose name is among them is
 * not sent: IF NOT EXISTS would keep what has that name anyway, and each statement is a schema
 * transaction of its own (together 0.8-1.1 s of every start; these two reads 0.3 s).
 */
async function existingNames(session: Session): Promise<Set<string>> {
  const names = new Set<string>();
  // Two commands: SHOW cannot be combined with UNION.
  for (const show of ["SHOW CONSTRAINTS YIELD name", "SHOW INDEXES YIELD name"])
    for (const record of (await session.run(show)).records) names.add(record.get("name") as string);
  return names;
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
    const existing = await existingNames(session);
    for (const { name, cypher } of schemaStatements(model))
      if (!existing.has(name)) await session.run(cypher);
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
