import type { Driver } from "neo4j-driver";
import type { Config } from "../config/index.js";
import { startLocalNeo4j, type LocalNeo4j } from "../neo4j-local/index.js";
import { createDriver } from "./driver.js";

export interface Database {
  driver: Driver;
  database: string;
  uri: string;
  /** Set when the project started its own Neo4j (NEO4J_URI unset). */
  local?: LocalNeo4j;
  close(): Promise<void>;
}

/** Connects to NEO4J_URI, or starts the local Neo4j when it is not set. */
export async function openDatabase(config: Config, log?: (line: string) => void): Promise<Database> {
  const local = config.NEO4J_URI
    ? undefined
    : await startLocalNeo4j({
        dataDir: config.NEO4J_DATA_DIR,
        heap: config.NEO4J_HEAP,
        pageCache: config.NEO4J_PAGECACHE,
        ...(log ? { log } : {}),
      });
  const uri = config.NEO4J_URI ?? local!.uri;
  const driver = createDriver({ uri, username: config.NEO4J_USERNAME, password: config.NEO4J_PASSWORD });
  return {
    driver,
    database: config.NEO4J_DATABASE,
    uri,
    ...(local ? { local } : {}),
    async close() {
      await driver.close();
      await local?.stop();
    },
  };
}
