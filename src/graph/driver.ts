import neo4j, { type Driver } from "neo4j-driver";
import { installFastDriverDates } from "./driver-dates.ts";
import { installFastDriverMaps } from "./driver-maps.ts";
import { installCallerOnlyDriverStacks } from "./driver-stacks.ts";

export interface DriverOptions {
  uri: string;
  username: string;
  password: string;
  /** QUERY_TIMEOUT_MS: the whole budget of one API request; the driver's own waits stay within it. */
  queryTimeoutMs?: number;
}

/** How long to wait for a TCP connection to the database (not the Bolt handshake: see connectivity.ts). */
export const CONNECTION_TIMEOUT_MS = 5_000;

/**
 * One driver per process. Works for a single server (bolt://), a cluster or Aura (neo4j://,
 * neo4j+s://: reads are routed to secondaries by `executeRead`).
 *
 * The driver's timeouts are set so that none outlasts a request: a request's own deadline
 * (src/api/request-deadline.ts) answers first, and these free what the request left behind.
 */
export function createDriver({ uri, username, password, queryTimeoutMs = 15_000 }: DriverOptions): Driver {
  installCallerOnlyDriverStacks();
  installFastDriverDates();
  installFastDriverMaps();
  // A server with auth disabled (the local one) ignores the credentials.
  return neo4j.driver(uri, neo4j.auth.basic(username, password), {
    userAgent: "governance-graph",
    maxConnectionPoolSize: 100,
    // A request waits for a pooled connection at most as long as its whole budget.
    connectionAcquisitionTimeout: queryTimeoutMs,
    connectionTimeout: Math.min(CONNECTION_TIMEOUT_MS, queryTimeoutMs),
    // Retry transient failures (a leader change, a restart) for a third of the budget, then answer
    // DATABASE_UNAVAILABLE instead of letting every request wait out its deadline.
    maxTransactionRetryTime: Math.min(5_000, Math.ceil(queryTimeoutMs / 3)),
  });
}
