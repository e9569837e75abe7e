import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadConfig as loadServerConfig } from "../../src/config/index.ts";
import { openDatabase, type Database } from "../../src/graph/index.ts";

export interface BenchDatabaseOptions {
  /** Keep the store here (reused by later runs); default: a throw-away temp dir. */
  dataDir?: string;
  heap: string;
  pageCache: string;
  log: (line: string) => void;
}

export interface BenchDatabase extends Database {
  /** Where the local store lives (undefined for NEO4J_URI). */
  dataDir?: string;
  /** True when a kept store existed before this run. */
  reused: boolean;
}

/**
 * NEO4J_URI when set (the benchmark then writes its synthetic partnerships there: point it at a
 * database you can spare), else the project's local Neo4j with a bigger heap and page cache.
 */
export async function openBenchDatabase(options: BenchDatabaseOptions): Promise<BenchDatabase> {
  // Only the database settings are read from the configuration: npm run bench sets NODE_ENV=production
  // for graphql-js, and production's token rules are for a deployed server, not the benchmark's own.
  const loadConfig = (env: NodeJS.ProcessEnv = process.env) =>
    loadServerConfig({ ...env, NODE_ENV: "development" });
  if (process.env.NEO4J_URI) {
    options.log(
      `[bench] using NEO4J_URI=${process.env.NEO4J_URI}; synthetic partnerships p000.. are written there.`,
    );
    return { ...(await openDatabase(loadConfig())), reused: true };
  }
  const temporary = !options.dataDir;
  const dataDir = options.dataDir
    ? path.resolve(options.dataDir)
    : mkdtempSync(path.join(tmpdir(), "governance-bench-"));
  const reused = !temporary && existsSync(path.join(dataDir, "data"));
  const database = await openDatabase(
    loadConfig({
      ...process.env,
      NEO4J_DATA_DIR: dataDir,
      NEO4J_HEAP: options.heap,
      NEO4J_PAGECACHE: options.pageCache,
    }),
    options.log,
  );
  return {
    ...database,
    dataDir,
    reused,
    async close() {
      await database.close();
      if (temporary) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
