import type { Config } from "../config/index.ts";
import {
  buildSchema,
  createTokenVerifier,
  listen,
  notReady,
  startServer,
  type RunningServer,
  type ServiceCondition,
} from "../api/index.ts";
import { ensureSchema, openDatabase, type Database } from "../graph/index.ts";
import { claimDataDir, type SupervisedNeo4j, type SupervisionEnd } from "../neo4j-local/index.ts";
import { buildDomainModel, readTypeDefs } from "../schema-model/index.ts";
import { loadSeedGraph, validateSeedDirectory } from "../seed/index.ts";
import { describeWarmUp, warmUp } from "./warm-up.ts";

export interface App {
  url: string;
  database: Database;
  server: RunningServer;
  /** What happened to the seeds at start-up, for the log. */
  seeded: "loaded" | "already-present" | "skipped";
  /** Settles only if the app cannot go on by itself: its Neo4j gave up, or was stopped from outside. */
  ended: Promise<SupervisionEnd>;
  /** Drains in-flight requests, then closes the driver and stops the local Neo4j; idempotent. */
  stop(): Promise<void>;
}

export interface AppOptions {
  seedDir: string;
  log?: (line: string) => void;
  mount?: Parameters<typeof startServer>[0]["mount"];
}

async function isEmpty(database: Database): Promise<boolean> {
  const { records } = await database.driver.executeQuery(
    "MATCH (n) RETURN count(n) > 0 AS any LIMIT 1",
    {},
    { database: database.database },
  );
  return records[0]?.get("any") !== true;
}

const supervised = (database: Database): SupervisedNeo4j | undefined =>
  database.local && "state" in database.local ? database.local : undefined;

/** What /health says while the local Neo4j is being brought back. */
function restartCondition(neo4j: SupervisedNeo4j | undefined): ServiceCondition | undefined {
  const state = neo4j?.state();
  if (state?.kind === "restarting")
    return {
      status: "restarting",
      reason: `the local Neo4j ${state.cause}; restart attempt ${state.attempt} of ${state.of} ${state.underWay ? "under way since" : "at"} ${state.attemptAt}`,
    };
  if (state?.kind === "stopped") return { status: "stopping", reason: "the local Neo4j is gone" };
  return undefined;
}

/**
 * `npm start`'s composition, in an order that refuses early: the data directory (a second
 * instance on it is refused before the store or its logs are touched), HOST:PORT (a port in use
 * is refused before Neo4j starts), the database (local and supervised, or NEO4J_URI, proven to
 * answer), constraints and indexes, seeds into an empty database, then the API on the bound port.
 */
export async function startApp(config: Config, options: AppOptions): Promise<App> {
  const log = options.log ?? ((line: string) => console.log(line));
  const typeDefs = readTypeDefs();
  const model = buildDomainModel(typeDefs);
  const claim = config.NEO4J_URI ? undefined : claimDataDir(config.NEO4J_DATA_DIR, "start");
  let phase = "starting";
  let stopping = false;
  let database: Database | undefined;
  const listener = await listen(
    config.HOST,
    config.PORT,
    notReady(() => phase),
  ).catch((error: unknown) => {
    claim?.release();
    throw error;
  });
  try {
    phase = config.NEO4J_URI ? `connecting to ${config.NEO4J_URI}` : "starting the local Neo4j";
    database = await openDatabase(config, log, claim ? { serve: { claim } } : {});
    phase = "creating constraints and indexes";
    await ensureSchema(database.driver, database.database, model, { history: config.HISTORY === "on" });
    let seeded: App["seeded"] = "skipped";
    if (config.SEED_ON_START !== "never") {
      if (config.SEED_ON_START === "always" || (await isEmpty(database))) {
        phase = `loading the seeds from ${options.seedDir}`;
        const { graph } = validateSeedDirectory(options.seedDir, model);
        await loadSeedGraph(database.driver, graph, model, {
          database: database.database,
          actor: "npm start",
          source: options.seedDir,
        });
        seeded = "loaded";
        log(
          `[seed] loaded ${graph.nodes.size} nodes and ${graph.relationships.length} relationships from ${options.seedDir}`,
        );
      } else seeded = "already-present";
    }
    phase = "building the API";
    const schema = await buildSchema({ driver: database.driver, typeDefs });
    const neo4j = supervised(database);
    const verifyToken = createTokenVerifier(config);
    const server = await startServer({
      schema,
      driver: database.driver,
      database: database.database,
      timeoutMs: config.QUERY_TIMEOUT_MS,
      host: config.HOST,
      port: config.PORT,
      production: config.NODE_ENV === "production",
      verifyToken,
      defaultPartnership: config.DEFAULT_PARTNERSHIP,
      corsOrigins: config.CORS_ORIGINS?.split(",").map((origin) => origin.trim()) ?? [],
      clientLimits: {
        perMinute: config.RATE_LIMIT_PER_MINUTE,
        concurrent: config.CONCURRENT_REQUESTS_PER_CLIENT,
      },
      trustProxy: config.TRUST_PROXY,
      maxCost: config.QUERY_COST_LIMIT,
      listener,
      health: {
        condition: () =>
          stopping
            ? { status: "stopping", reason: "shutting down: finishing the requests in flight" }
            : restartCondition(neo4j),
        details: () => {
          const state = neo4j?.state();
          return state?.kind === "running" && state.restarts > 0
            ? { neo4jRestarts: state.restarts, lastNeo4jExit: state.lastExit }
            : {};
        },
      },
      ...(options.mount ? { mount: options.mount } : {}),
    });
    claim?.update({ api: server.url });
    // After listening, not before: readiness does not wait for it, and a failure only logs.
    if (config.WARM_UP === "on")
      void warmUp({
        schema,
        driver: database.driver,
        database: database.database,
        timeoutMs: config.QUERY_TIMEOUT_MS,
        verifyToken,
        stopping: () => stopping,
      }).then(
        (report) => stopping || log(describeWarmUp(report)),
        (error: unknown) =>
          stopping || log(`[api] warm-up: ${error instanceof Error ? error.message : String(error)}`),
      );
    const opened = database;
    let stopped: Promise<void> | undefined;
    return {
      url: server.url,
      database: opened,
      server,
      seeded,
      ended: neo4j?.ended ?? new Promise<never>(() => {}),
      stop() {
        stopped ??= (async () => {
          stopping = true;
          await server.stop();
          await opened.close();
          claim?.release();
        })();
        return stopped;
      },
    };
  } catch (error) {
    await listener.close();
    await database?.close();
    claim?.release();
    throw error;
  }
}
