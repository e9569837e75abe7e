import type { Record as Neo4jRecord } from "neo4j-driver";
import { ErrorCode, GovernanceError } from "../errors/index.ts";

/**
 * The most values (every list item, map entry and scalar the database sends) the answers of one
 * request may hold together. Decoding an answer, completing it in GraphQL and serialising it is
 * synchronous work no timer interrupts: a 28 MB answer held the event loop for 9.5 s after the
 * database had answered, /health and every other request with it. 100,000 values is about 2.5 MB
 * of JSON (25 bytes a value in that answer); no report, export or viewer request comes near it.
 */
export const MAX_ANSWER_VALUES = 100_000;

/**
 * Values in one record: an iterative walk (answers nest deeper than a recursion likes), run on
 * every record of every request. Indexed loops and for-in, not iterators, spreads or
 * Object.values: half the time on the report's tree (16 against 33 µs a record; session 10).
 */
export function valuesIn(record: Neo4jRecord): number {
  let count = 0;
  const stack: unknown[] = [];
  for (const value of record.values()) stack.push(value);
  while (stack.length > 0) {
    const value = stack.pop();
    count++;
    // A loop, not push(...items): a spread of a list this long overflows the call's arguments.
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) stack.push(value[i]);
    // A plain map (the driver's maps have Object's prototype, with nothing enumerable on it).
    else if (value !== null && typeof value === "object" && value.constructor === Object)
      for (const key in value) stack.push((value as Record<string, unknown>)[key]);
  }
  return count;
}

/** LIMIT_EXCEEDED: the answer would be too big to build; the caller has to ask for less. */
export const answerTooLarge = (): GovernanceError =>
  new GovernanceError(
    ErrorCode.LIMIT_EXCEEDED,
    `The answer would hold more than the ${MAX_ANSWER_VALUES} values one request may return. Ask for less (a smaller depth, fewer aliases, a lower limit, a narrower filter).`,
    { maximum: MAX_ANSWER_VALUES },
  );

/** LIMIT_EXCEEDED: the database ran out of memory building the answer (never retried: it would again). */
export const answerTooBigForDatabase = (): GovernanceError =>
  new GovernanceError(
    ErrorCode.LIMIT_EXCEEDED,
    "The answer needs more memory than the database allows one request. Ask for less (a smaller depth, fewer aliases, a lower limit, a narrower filter).",
  );
