import type { Driver } from "neo4j-driver";

export interface DatabaseInfo {
  version: string;
  edition: string;
}

/** Asks the database who it is; throws when it cannot be reached. */
export async function databaseInfo(driver: Driver, database: string): Promise<DatabaseInfo> {
  const { records } = await driver.executeQuery(
    "CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition",
    {},
    { database, routing: "READ" },
  );
  const record = records[0];
  if (!record) throw new Error("dbms.components() returned nothing");
  return { version: String(record.get("version")), edition: String(record.get("edition")) };
}
