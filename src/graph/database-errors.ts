import { isRetryableError, Neo4jError } from "neo4j-driver";

/** Server codes of a transaction stopped for running past its timeout (QUERY_TIMEOUT_MS). */
const TIMEOUT_CODES = new Set([
  "Neo.ClientError.Transaction.TransactionTimedOut",
  "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
  // A transaction past its timeout while it waits for a lock or is being terminated.
  "Neo.TransientError.Transaction.LockClientStopped",
  "Neo.TransientError.Transaction.Terminated",
]);

/**
 * Server codes of a query that needed more memory than the database gives one transaction
 * (`db.memory.transaction.max`) or has at all. Transient to the driver, which would retry them
 * and run the same query again; to the API they are a question too big, not an outage.
 */
const MEMORY_CODES = new Set([
  "Neo.TransientError.General.MemoryPoolOutOfMemoryError",
  "Neo.TransientError.General.TransactionMemoryLimit",
  "Neo.TransientError.General.OutOfMemoryError",
]);

/** The driver's error behind an error wrapped by GraphQL or @neo4j/graphql, if there is one. */
export function neo4jErrorIn(error: unknown): Neo4jError | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    if (current instanceof Neo4jError) return current;
    current =
      (current as { originalError?: unknown; cause?: unknown }).originalError ??
      (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The database stopped the transaction at its timeout: the database is up, the question too big. */
export function isDatabaseTimeout(error: unknown): boolean {
  const neo4jError = neo4jErrorIn(error);
  return neo4jError !== undefined && TIMEOUT_CODES.has(neo4jError.code);
}

/** The database ran out of memory for this question: ask for less (see MEMORY_CODES). */
export function isDatabaseOutOfMemory(error: unknown): boolean {
  const neo4jError = neo4jErrorIn(error);
  return neo4jError !== undefined && MEMORY_CODES.has(neo4jError.code);
}

/**
 * The database cannot serve now: unreachable, connection lost, or a transient failure that
 * outlived the driver's retries (a restart, a leader change). Asking again later may succeed.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const neo4jError = neo4jErrorIn(error);
  return (
    neo4jError !== undefined &&
    isRetryableError(neo4jError) &&
    !TIMEOUT_CODES.has(neo4jError.code) &&
    !MEMORY_CODES.has(neo4jError.code)
  );
}

/**
 * Lucene refused a full-text query: its syntax (a generated `...ByName(phrase:)` query is passed
 * through as written) or its size (TooManyClauses, past 1,024 clauses after expansion). The
 * caller's to fix, never a 500.
 */
export function luceneRefusal(error: unknown): "syntax" | "tooManyClauses" | undefined {
  const message = neo4jErrorIn(error)?.message ?? "";
  if (/TooManyClauses|maxClauseCount/.test(message)) return "tooManyClauses";
  if (/lucene\.queryparser/.test(message)) return "syntax";
  return undefined;
}
