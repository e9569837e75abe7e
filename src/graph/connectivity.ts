import { Neo4jError, type Driver } from "neo4j-driver";
import { UserError } from "../errors/index.ts";
import { databaseInfo, type DatabaseInfo } from "./health.ts";

/** The configured database could not be reached at start-up (within NEO4J_CONNECT_TIMEOUT_MS, after NEO4J_STARTUP_WAIT_MS). */
export class DatabaseUnreachableError extends UserError {}

export interface ConnectOptions {
  uri: string;
  database: string;
  /** One attempt's limit: TCP connect, Bolt handshake, authentication and a first query. */
  timeoutMs: number;
  /** Keep trying, with backoff, for this long before giving up (0: one attempt). */
  waitMs: number;
  log: (line: string) => void;
}

const BACKOFF_MS = [1_000, 2_000, 4_000, 8_000, 15_000];

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // The driver appends the socket's own words ("connect ECONNREFUSED ...") to a long generic text.
  const caused = error.message.lastIndexOf("Caused by: ");
  const text = caused >= 0 ? error.message.slice(caused + "Caused by: ".length) : error.message;
  return error instanceof Neo4jError && error.code && error.code !== "N/A" ? `${error.code}: ${text}` : text;
}

/** Wrong credentials or database name: no point waiting for those to change. */
const isPermanent = (error: unknown): boolean =>
  error instanceof Neo4jError && /^Neo\.ClientError\.(Security|Database)\./.test(error.code);

/**
 * Proves the database answers before anything is served or seeded. The driver's own connection
 * timeout covers only TCP; a port that accepts connections and never speaks Bolt would otherwise
 * hang here for ever, so each attempt has its own limit.
 */
export async function connectToDatabase(driver: Driver, options: ConnectOptions): Promise<DatabaseInfo> {
  const started = Date.now();
  options.log(
    `[neo4j] connecting to ${options.uri} (NEO4J_CONNECT_TIMEOUT_MS=${options.timeoutMs}, NEO4J_STARTUP_WAIT_MS=${options.waitMs})`,
  );
  for (let attempt = 0; ; attempt++) {
    try {
      return await databaseInfo(driver, options.database, options.timeoutMs);
    } catch (error) {
      const waited = Date.now() - started;
      const delay = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)]!;
      if (isPermanent(error) || waited + delay > options.waitMs)
        throw new DatabaseUnreachableError(
          `Could not reach Neo4j at ${options.uri}${attempt ? ` (${attempt + 1} attempts in ${Math.round(waited / 1000)} s)` : ""}: ${describe(error)}. ` +
            (isPermanent(error)
              ? "Check NEO4J_USERNAME, NEO4J_PASSWORD and NEO4J_DATABASE."
              : `Check that NEO4J_URI names a running Neo4j 5 (each attempt waits NEO4J_CONNECT_TIMEOUT_MS=${options.timeoutMs} ms), or set NEO4J_STARTUP_WAIT_MS to keep trying while it starts; unset NEO4J_URI to run the local Neo4j.`),
          { cause: error },
        );
      options.log(
        `[neo4j] ${options.uri} not reachable yet (${describe(error)}); retrying in ${delay / 1000} s (waited ${Math.round(waited / 1000)} s of NEO4J_STARTUP_WAIT_MS=${options.waitMs} ms)`,
      );
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
