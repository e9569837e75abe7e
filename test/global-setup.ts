import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createDriver, ensureSchema } from "../src/graph/index.js";
import { startLocalNeo4j } from "../src/neo4j-local/index.js";
import { buildDomainModel, readTypeDefs } from "../src/schema-model/index.js";
import { DEFAULT_SEED_DIR, loadSeedGraph, validateSeedDirectory } from "../src/seed/index.js";

declare module "vitest" {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}

/** Starts one throw-away local Neo4j for the run (or uses TEST_NEO4J_URI) and loads the sample seeds. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.TEST_NEO4J_URI;
  const dataDir = external ? undefined : mkdtempSync(path.join(tmpdir(), "governance-graph-test-"));
  const local = dataDir ? await startLocalNeo4j({ dataDir, heap: "1g", pageCache: "128m" }) : undefined;
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
  project.provide("neo4jUri", uri);
  return async () => {
    await local?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}
