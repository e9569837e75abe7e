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
  return neo4j.driver(uri, password ? neo4j.auth.basic(username, password) : neo4j.auth.none(), {
    userAgent: "governance-graph",
    maxConnectionPoolSize: 100,
    connectionAcquisitionTimeout: 10_000,
    // Fail fast when the database is gone so /health and requests answer instead of hanging.
    connectionTimeout: 5_000,
  });
}
