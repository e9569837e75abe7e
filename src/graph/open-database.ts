import type { Driver } from "neo4j-driver";
import type { Config } from "../config/index.ts";
import { UserError } from "../errors/index.ts";
import {
  runningInstance,
  startLocalNeo4j,
  superviseLocalNeo4j,
  type InstanceClaim,
  type InstanceRecord,
  type LocalNeo4j,
  type SupervisedNeo4j,
} from "../neo4j-local/index.ts";
import { connectToDatabase } from "./connectivity.ts";
import { createDriver } from "./driver.ts";
import { timeLimit } from "./time-limit.ts";

export interface Database {
  driver: Driver;
  database: string;
  uri: string;
  /** Set when this process started its own Neo4j (NEO4J_URI unset, no running instance to use). */
  local?: LocalNeo4j | SupervisedNeo4j;
  /** Set when a command used the Neo4j of a running instance on the same data directory. */
  shared?: InstanceRecord;
  close(): Promise<void>;
}

export interface OpenOptions {
  /**
   * For `npm start`: the data directory, already claimed, whose Neo4j this process supervises.
   * Without it (seed, report, bench) a running instance on NEO4J_DATA_DIR is used when there is one.
   */
  serve?: { claim: InstanceClaim };
  /** Recorded in the instance file when this starts a local Neo4j. */
  command?: string;
}

/** A running instance holds the data directory, but its Neo4j cannot be used from here. */
export class RunningInstanceError extends UserError {}

/** The driver closes within this time even when connections hang on a frozen database. */
const CLOSE_TIMEOUT_MS = 5_000;

async function closeDriver(driver: Driver): Promise<void> {
  await timeLimit(driver.close(), CLOSE_TIMEOUT_MS, () => new Error("driver close timed out")).catch(
    () => {},
  );
}

/** The Neo4j of the instance that holds the data directory, proven to answer. */
async function useRunningInstance(
  config: Config,
  holder: InstanceRecord,
  log: (line: string) => void,
): Promise<Database> {
  const where = `the governance-graph \`${holder.command}\` running on ${config.NEO4J_DATA_DIR} (pid ${holder.pid})`;
  const advice =
    "set NEO4J_URI to a Neo4j to use instead" +
    (holder.api ? `, or for a report ask its API: --endpoint ${holder.api}/graphql` : "");
  if (!holder.bolt)
    throw new RunningInstanceError(
      `${where} is still starting its Neo4j. Wait until it is ready, or ${advice}.`,
    );
  const driver = createDriver({
    uri: holder.bolt,
    username: config.NEO4J_USERNAME,
    password: config.NEO4J_PASSWORD,
    queryTimeoutMs: config.QUERY_TIMEOUT_MS,
  });
  try {
    await connectToDatabase(driver, {
      uri: holder.bolt,
      database: config.NEO4J_DATABASE,
      timeoutMs: config.NEO4J_CONNECT_TIMEOUT_MS,
      waitMs: 0,
      log,
    });
  } catch (error) {
    await closeDriver(driver);
    throw new RunningInstanceError(
      `${where} holds the store, but its Neo4j at ${holder.bolt} does not answer (${(error as Error).message.split(". ")[0]}). ` +
        `It may be restarting (see its /health); try again shortly, or ${advice}.`,
      { cause: error },
    );
  }
  log(`[neo4j] using the Neo4j of ${where}: ${holder.bolt}`);
  return {
    driver,
    database: config.NEO4J_DATABASE,
    uri: holder.bolt,
    shared: holder,
    close: () => closeDriver(driver),
  };
}

/**
 * Connects to NEO4J_URI (proving within NEO4J_CONNECT_TIMEOUT_MS that it answers, or waiting up to
 * NEO4J_STARTUP_WAIT_MS with logged backoff); otherwise uses the Neo4j of the instance running on
 * NEO4J_DATA_DIR, or starts the local Neo4j there (supervised, for `npm start`).
 */
export async function openDatabase(
  config: Config,
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  options: OpenOptions = {},
): Promise<Database> {
  const credentials = {
    username: config.NEO4J_USERNAME,
    password: config.NEO4J_PASSWORD,
    queryTimeoutMs: config.QUERY_TIMEOUT_MS,
  };
  if (config.NEO4J_URI) {
    const driver = createDriver({ uri: config.NEO4J_URI, ...credentials });
    try {
      await connectToDatabase(driver, {
        uri: config.NEO4J_URI,
        database: config.NEO4J_DATABASE,
        timeoutMs: config.NEO4J_CONNECT_TIMEOUT_MS,
        waitMs: config.NEO4J_STARTUP_WAIT_MS,
        log,
      });
    } catch (error) {
      await closeDriver(driver);
      throw error;
    }
    return {
      driver,
      database: config.NEO4J_DATABASE,
      uri: config.NEO4J_URI,
      close: () => closeDriver(driver),
    };
  }
  if (!options.serve) {
    const holder = runningInstance(config.NEO4J_DATA_DIR);
    if (holder) return useRunningInstance(config, holder, log);
  }
  const localOptions = {
    dataDir: config.NEO4J_DATA_DIR,
    heap: config.NEO4J_HEAP,
    pageCache: config.NEO4J_PAGECACHE,
    startTimeoutMs: config.NEO4J_START_TIMEOUT_MS,
    log,
    ...(options.command ? { command: options.command } : {}),
  };
  const local = options.serve
    ? await superviseLocalNeo4j({
        ...localOptions,
        claim: options.serve.claim,
        maxRestarts: config.NEO4J_MAX_RESTARTS,
      })
    : await startLocalNeo4j(localOptions);
  const driver = createDriver({ uri: local.uri, ...credentials });
  return {
    driver,
    database: config.NEO4J_DATABASE,
    uri: local.uri,
    local,
    async close() {
      await closeDriver(driver);
      await local.stop();
    },
  };
}
