import type { Driver } from "neo4j-driver";

export interface DatabaseInfo {
  version: string;
  edition: string;
}

/**
 * Asks the database who it is; throws when it cannot be reached. An auto-commit query, not a
 * managed transaction: a health check must fail fast, not retry for half a minute.
 */
export async function databaseInfo(driver: Driver, database: string): Promise<DatabaseInfo> {
  const session = driver.session({ database, defaultAccessMode: "READ" });
  let records;
  try {
    ({ records } = await session.run(
      "CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition",
      {},
      { timeout: 5000 },
    ));
  } finally {
    await session.close();
  }
  const record = records[0];
  if (!record) throw new Error("dbms.components() returned nothing");
  return { version: String(record.get("version")), edition: String(record.get("edition")) };
}
