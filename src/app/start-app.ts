import type { Config } from "../config/index.js";
import { buildSchema, createTokenVerifier, startServer, type RunningServer } from "../api/index.js";
import { ensureSchema, openDatabase, type Database } from "../graph/index.js";
import { buildDomainModel, readTypeDefs } from "../schema-model/index.js";
import { loadSeedGraph, validateSeedDirectory } from "../seed/index.js";

export interface App {
  url: string;
  database: Database;
  server: RunningServer;
  /** What happened to the seeds at start-up, for the log. */
  seeded: "loaded" | "already-present" | "skipped";
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

/** Database (local or NEO4J_URI), constraints and indexes, seeds into an empty database, then the server. */
export async function startApp(config: Config, options: AppOptions): Promise<App> {
  const log = options.log ?? ((line: string) => console.log(line));
  const typeDefs = readTypeDefs();
  const model = buildDomainModel(typeDefs);
  const database = await openDatabase(config, log);
  try {
    await ensureSchema(database.driver, database.database, model, { history: config.HISTORY === "on" });
    let seeded: App["seeded"] = "skipped";
    if (config.SEED_ON_START !== "never") {
      if (config.SEED_ON_START === "always" || (await isEmpty(database))) {
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
    const schema = await buildSchema({ driver: database.driver, typeDefs });
    const server = await startServer({
      schema,
      driver: database.driver,
      database: database.database,
      timeoutMs: config.QUERY_TIMEOUT_MS,
      host: config.HOST,
      port: config.PORT,
      production: config.NODE_ENV === "production",
      verifyToken: createTokenVerifier(config),
      defaultPartnership: config.DEFAULT_PARTNERSHIP,
      corsOrigins: config.CORS_ORIGINS?.split(",").map((origin) => origin.trim()) ?? [],
      clientLimits: {
        perMinute: config.RATE_LIMIT_PER_MINUTE,
        concurrent: config.CONCURRENT_REQUESTS_PER_CLIENT,
      },
      trustProxy: config.TRUST_PROXY,
      ...(options.mount ? { mount: options.mount } : {}),
    });
    return {
      url: server.url,
      database,
      server,
      seeded,
      async stop() {
        await server.stop();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
