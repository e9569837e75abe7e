import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createDriver, ensureSchema } from "../src/graph/index.ts";
import { startLocalNeo4j } from "../src/neo4j-local/index.ts";
import { buildDomainModel, readTypeDefs } from "../src/schema-model/index.ts";
import { DEFAULT_SEED_DIR, loadSeedGraph, validateSeedDirectory } from "../src/seed/index.ts";

declare module "vitest" {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}

interface SharedNeo4j {
  uri: Promise<string>;
  users: number;
  stop(): Promise<void>;
}

// Vitest runs each project's global setup on its own, in the one main process: the `integration`
// and `browser` projects share a single Neo4j through this slot, and the last teardown stops it.
const SLOT = Symbol.for("governance-graph.test.neo4j");
const shared = globalThis as { [SLOT]?: SharedNeo4j };

/** Starts one throw-away local Neo4j (or uses TEST_NEO4J_URI) and loads the sample seeds. */
function startShared(): SharedNeo4j {
  const external = process.env.TEST_NEO4J_URI;
  const dataDir = external ? undefined : mkdtempSync(path.join(tmpdir(), "governance-graph-test-"));
  let stopLocal: (() => Promise<void>) | undefined;
  const uri = (async () => {
    const local = dataDir ? await startLocalNeo4j({ dataDir, heap: "1g", pageCache: "128m" }) : undefined;
    stopLocal = local && (() => local.stop());
    const uri = external ?? local!.uri;
    const driver = createDriver({
      uri,
      username: process.env.NEO4J_USERNAME ?? "neo4j",
      password: process.env.NEO4J_PASSWORD ?? "",
    });
    try {
      const model = buildDomainModel(readTypeDefs());
      await ensureSchema(driver, "neo4j", model);
      const { graph } = validateSeedDirectory(DEFAULT_SEED_DIR, model);
      await loadSeedGraph(driver, graph, model, { database: "neo4j", reset: true });
    } finally {
      await driver.close();
    }
    return uri;
  })();
  return {
    uri,
    users: 0,
    async stop() {
      await uri.catch(() => undefined);
      await stopLocal?.();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The run's Neo4j with the sample graph, for the projects that test against the database. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const neo4j = (shared[SLOT] ??= startShared());
  neo4j.users++;
  const teardown = async () => {
    if (--neo4j.users > 0) return;
    delete shared[SLOT];
    await neo4j.stop();
  };
  try {
    project.provide("neo4jUri", await neo4j.uri);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
