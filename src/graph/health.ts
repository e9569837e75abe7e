import type { Driver } from "neo4j-driver";
import { timeLimit } from "./time-limit.ts";

export interface DatabaseInfo {
  version: string;
  edition: string;
}

/** Raised when the database did not answer in time: frozen, overloaded, or a port that never speaks Bolt. */
export class NoAnswerError extends Error {
  override name = "NoAnswerError";
}

/**
 * Asks the database who it is, however long that takes (a frozen server: until it thaws). An
 * auto-commit query, not a managed transaction: a health check must fail fast, not retry.
 */
export async function askDatabaseInfo(
  driver: Driver,
  database: string,
  transactionTimeoutMs: number,
): Promise<DatabaseInfo> {
  const session = driver.session({ database, defaultAccessMode: "READ" });
  try {
    const { records } = await session.run(
      "CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition",
      {},
      { timeout: transactionTimeoutMs },
    );
    const record = records[0];
    if (!record) throw new Error("dbms.components() returned nothing");
    return { version: String(record.get("version")), edition: String(record.get("edition")) };
  } finally {
    await session.close();
  }
}

/** Asks the database who it is; throws when it cannot be reached or does not answer within `timeoutMs`. */
export async function databaseInfo(
  driver: Driver,
  database: string,
  timeoutMs = 5000,
): Promise<DatabaseInfo> {
  return timeLimit(
    askDatabaseInfo(driver, database, timeoutMs),
    timeoutMs,
    () => new NoAnswerError(`Neo4j did not answer within ${timeoutMs} ms`),
  );
}
