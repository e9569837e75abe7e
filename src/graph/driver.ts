import neo4j, { type Driver } from "neo4j-driver";

export interface DriverOptions {
  uri: string;
  username: string;
  password: string;
}

/**
 * One driver per process. Works for a single server (bolt://), a cluster or Aura (neo4j://,
 * neo4j+s://: reads are routed to secondaries by `executeRead`).
 */
export function createDriver({ uri, username, password }: DriverOptions): Driver {
  // A server with auth disabled (the local one) ignores the credentials.
  return neo4j.driver(uri, neo4j.auth.basic(username, password), {
    userAgent: "governance-graph",
    maxConnectionPoolSize: 100,
    connectionAcquisitionTimeout: 10_000,
    // Fail fast when the database is gone so /health and requests answer instead of hanging.
    connectionTimeout: 5_000,
    // Retry transient failures (a cluster leader change) briefly, then answer with an error.
    maxTransactionRetryTime: 10_000,
  });
}
