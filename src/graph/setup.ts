import type { Driver, Session } from "neo4j-driver";
import { installHistory, removeHistory } from "../history/index.ts";
import type { DomainModel } from "../schema-model/index.ts";
import { ensureSearchIndexes, markerUpkeep } from "./search-indexes.ts";

type SchemaKind = "constraint" | "index";

/** What @neo4j/graphql 7 no longer creates itself: each constraint or index by its kind and name, with the Cypher that creates it idempotently. */
function schemaStatements(model: DomainModel): { kind: SchemaKind; name: string; cypher: string }[] {
  const statements: { kind: SchemaKind; name: string; cypher: string }[] = [];
  for (const { label, fulltext } of model.labels.values()) {
    const unique = `${label}_id_unique`;
    statements.push({
      kind: "constraint",
      name: unique,
      cypher: `CREATE CONSTRAINT ${unique} IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
    });
    const partnership = `${label}_partnership`;
    statements.push({
      kind: "index",
      name: partnership,
      cypher: `CREATE INDEX ${partnership} IF NOT EXISTS FOR (n:${label}) ON (n.partnershipId)`,
    });
    for (const index of fulltext)
      statements.push({
        kind: "index",
        name: index.indexName,
        cypher: `CREATE FULLTEXT INDEX ${index.indexName} IF NOT EXISTS FOR (n:${label}) ON EACH [${index.fields.map((f) => `n.${f}`).join(", ")}]`,
      });
  }
  return statements;
}

/**
 * The names of the database's constraints and of its indexes. A statement whose constraint or
 * index of that name exists is not sent: IF NOT EXISTS would keep what has that name anyway, and
 * each statement is a schema transaction of its own (together 0.8-1.1 s of every start; these two
 * reads 0.3 s). Kept apart by kind: a constraint's backing index has the constraint's name, and an
 * index of that name must not pass for the constraint.
 */
async function existingNames(session: Session): Promise<Record<SchemaKind, Set<string>>> {
  const names = async (show: string): Promise<Set<string>> =>
    new Set((await session.run(show)).records.map((record) => record.get("name") as string));
  return {
    constraint: await names("SHOW CONSTRAINTS YIELD name"),
    index: await names("SHOW INDEXES YIELD name"),
  };
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
    for (const { kind, name, cypher } of schemaStatements(model))
      if (!existing[kind].has(name)) await session.run(cypher);
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
