import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { buildDomainModel, readTypeDefs } from "../../src/schema-model/index.ts";
import { loadSeedGraph, validateSeedDirectory } from "../../src/seed/index.ts";
import { DATABASE } from "./database.ts";

/**
 * Loads a small seed file of the test's own (YAML text, written as a user would) through the
 * real validator and loader. Use an isolated partnership id and ids unique to the test.
 */
export async function loadFixture(
  driver: Driver,
  files: Record<string, string>,
  options: { reset?: boolean } = {},
): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "governance-graph-fixture-"));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    const model = buildDomainModel(readTypeDefs());
    const { graph } = validateSeedDirectory(dir, model);
    await loadSeedGraph(driver, graph, model, { database: DATABASE, reset: options.reset ?? false });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
