import neo4j, { isDate, isDateTime, isInt, type Driver } from "neo4j-driver";
import { dateText } from "./date-text.ts";

/** Runs one read query (one database round trip) and returns plain JavaScript rows. */
export type ReadQuery = (
  cypher: string,
  parameters?: Record<string, unknown>,
) => Promise<Record<string, unknown>[]>;

/**
 * Neo4j integers become numbers, dates "YYYY-MM-DD", date-times ISO strings; lists and maps
 * recursively. Called on every value of every traversal's answer (498 actions with their leads
 * and paths for one actionsFeeding), so written for speed: primitives return before any check, and
 * maps are copied key by key (Object.fromEntries over entries was 4x slower, measured).
 */
export function toPlain(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (isInt(value)) return value.toNumber();
  if (isDate(value)) return dateText(value);
  if (isDateTime(value)) return new Date(value.toString()).toISOString();
  if (Array.isArray(value)) return value.map(toPlain);
  if (value.constructor !== Object) return value;
  const plain: Record<string, unknown> = {};
  for (const key of Object.keys(value)) plain[key] = toPlain((value as Record<string, unknown>)[key]);
  return plain;
}

/**
 * A ReadQuery over a driver: routed to a reader in a cluster, with a transaction timeout.
 */
export function createReadQuery(driver: Driver, database: string, timeoutMs: number): ReadQuery {
  return async (cypher, parameters = {}) => {
    const { records } = await driver.executeQuery(cypher, parameters, {
      database,
      routing: neo4j.routing.READ,
      transactionConfig: { timeout: timeoutMs },
    });
    return records.map((record) => toPlain(record.toObject()) as Record<string, unknown>);
  };
}
