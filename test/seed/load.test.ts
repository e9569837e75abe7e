import type { Driver } from "neo4j-driver";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { runSeed } from "../../src/cli/index.ts";
import { loadConfig } from "../../src/config/index.ts";
import { buildDomainModel, readTypeDefs } from "../../src/schema-model/index.ts";
import {
  DEFAULT_SEED_DIR,
  loadSeedGraph,
  SeedValidationError,
  validateSeedDirectory,
  type SeedGraph,
  type SeedNode,
} from "../../src/seed/index.ts";
import { DATABASE, isolatedPartnership, testDriver } from "../support/database.ts";
import { writeSeedDir } from "./seed-files.ts";
import { syntheticSeeds } from "./synthetic-seeds.ts";

// Idempotency and all-or-nothing against the real database, each test under a partnership and
// ids of its own (MERGE is on id, so ids must not collide with the sample graph loaded by the
// global setup, nor with another test).

const model = buildDomainModel(readTypeDefs());
let driver: Driver;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(() => {
  driver = testDriver();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  vi.restoreAllMocks();
});
afterAll(async () => {
  await driver.close();
});

/** A fresh partnership, removed after the test. */
function partnership(): { partnershipId: string; slug: string } {
  const isolated = isolatedPartnership(driver);
  cleanups.push(() => isolated.cleanup());
  return isolated;
}

/** Seed files in a temp folder, removed after the test. */
function folder(files: Record<string, string>): string {
  const dir = writeSeedDir(files);
  cleanups.push(() => dir.remove());
  return dir.path;
}

/** `npm run seed -- --dir <dir>` against the test database; returns what it printed. */
async function seedCommand(dir: string, options: { reset?: boolean } = {}): Promise<string> {
  const config = loadConfig({
    NEO4J_URI: inject("neo4jUri"),
    NEO4J_USERNAME: process.env.NEO4J_USERNAME,
    NEO4J_PASSWORD: process.env.NEO4J_PASSWORD,
  });
  const printed: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((line: unknown) => void printed.push(String(line)));
  try {
    await runSeed(config, { dir, ...options }, model);
  } finally {
    log.mockRestore();
  }
  return printed.join("\n");
}

/**
 * Everything the database holds for a partnership (and for the given ids, wherever they are):
 * every node with its labels and properties (timestamps included, so a needless SET shows), every
 * outgoing relationship with its properties.
 */
async function snapshot(partnershipId: string, ids: readonly string[] = []): Promise<string> {
  const scope = "n.partnershipId = $partnershipId OR n.id IN $ids";
  const nodes = await driver.executeQuery(
    `MATCH (n) WHERE ${scope} RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY id`,
    { partnershipId, ids },
    { database: DATABASE },
  );
  const relationships = await driver.executeQuery(
    `MATCH (n)-[r]->(m) WHERE ${scope}
     RETURN n.id AS from, type(r) AS type, m.id AS to, properties(r) AS props
     ORDER BY from, type, to, coalesce(r.key, ''), coalesce(r.locator, '')`,
    { partnershipId, ids },
    { database: DATABASE },
  );
  return JSON.stringify({
    nodes: nodes.records.map((r) => r.toObject()),
    relationships: relationships.records.map((r) => r.toObject()),
  });
}

const countOf = async (partnershipId: string): Promise<number> =>
  (
    await driver.executeQuery(
      "MATCH (n {partnershipId: $partnershipId}) RETURN count(n) AS n",
      { partnershipId },
      { database: DATABASE },
    )
  ).records[0]!.get("n").toNumber();

const idsOf = (graph: SeedGraph): string[] => [...graph.nodes.keys()];

/** The validated sample graph with the partnership and every id made the test's own. */
function isolatedSample(slug: string): SeedGraph {
  const { graph } = validateSeedDirectory(DEFAULT_SEED_DIR, model);
  const own = (id: string): string => `${id}:${slug}`;
  const partnershipId = `partnership:${slug}`;
  const nodes = new Map<string, SeedNode>();
  for (const node of graph.nodes.values())
    nodes.set(own(node.id), {
      ...node,
      id: own(node.id),
      partnershipId,
      evidence: node.evidence.map((e) => ({ ...e, document: own(e.document), partnershipId })),
    });
  const relationships = graph.relationships.map((r) => ({
    ...r,
    from: own(r.from),
    to: own(r.to),
    partnershipId,
    key: `${slug}|${r.key}`,
  }));
  return { nodes, relationships };
}

describe("loading is idempotent", () => {
  it("a second `seed` of the same files changes nothing and says so", async () => {
    const { partnershipId, slug } = partnership();
    const dir = folder(syntheticSeeds(slug));
    const first = await seedCommand(dir);
    expect(first).toMatch(
      /Written: 11 nodes created, 0 deleted, \d+ relationships created, 0 deleted, \d+ properties set\./,
    );
    const afterFirst = await snapshot(partnershipId);

    const second = await seedCommand(dir);
    expect(second).toContain(
      "Written: 0 nodes created, 0 deleted, 0 relationships created, 0 deleted, 0 properties set.",
    );
    expect(await snapshot(partnershipId)).toBe(afterFirst);
  });

  it("a copy of the whole Barnet sample loads once, then changes nothing on a second load", async () => {
    const { partnershipId, slug } = partnership();
    const graph = isolatedSample(slug);
    const evidence = [...graph.nodes.values()].reduce((total, node) => total + node.evidence.length, 0);

    const first = await loadSeedGraph(driver, graph, model, { database: DATABASE });
    // Exactly what validation promised: every node, every relationship, every provenance link.
    expect(first).toMatchObject({
      nodesCreated: graph.nodes.size,
      relationshipsCreated: graph.relationships.length + evidence,
      nodesDeleted: 0,
      relationshipsDeleted: 0,
    });
    const afterFirst = await snapshot(partnershipId);

    const second = await loadSeedGraph(driver, graph, model, { database: DATABASE });
    expect(second).toEqual({
      nodesCreated: 0,
      nodesDeleted: 0,
      relationshipsCreated: 0,
      relationshipsDeleted: 0,
      propertiesSet: 0,
    });
    expect(await snapshot(partnershipId)).toBe(afterFirst);
  });

  it("--reset empties the partnership's subgraph first, so what a paper no longer says goes", async () => {
    const { partnershipId, slug } = partnership();
    await seedCommand(folder(syntheticSeeds(slug, 2)));
    expect(await countOf(partnershipId)).toBe(12);
    const printed = await seedCommand(folder(syntheticSeeds(slug, 1)), { reset: true });
    expect(printed).toMatch(/Written: 11 nodes created, 12 deleted/);
    expect(await countOf(partnershipId)).toBe(11);
  });
});

describe("loading is all or nothing", () => {
  /** Version 1 loaded; version 2 validated (changed properties, a new node, new relationships). */
  async function loadedThenChanged(): Promise<{
    partnershipId: string;
    before: string;
    changed: SeedGraph;
    ids: string[];
  }> {
    const { partnershipId, slug } = partnership();
    await seedCommand(folder(syntheticSeeds(slug, 1)));
    const { graph: changed } = validateSeedDirectory(folder(syntheticSeeds(slug, 2)), model);
    const ids = idsOf(changed);
    return { partnershipId, before: await snapshot(partnershipId, ids), changed, ids };
  }

  it("a failure in the middle of the load leaves the graph exactly as it was", async () => {
    const { partnershipId, before, changed, ids } = await loadedThenChanged();
    const ran: string[] = [];
    const load = loadSeedGraph(driver, changed, model, {
      database: DATABASE,
      onStep(_done, _total, step) {
        // Fail once node writes and some relationship writes have run in the transaction.
        if (step.includes("HAS_MEASUREMENT")) throw new Error("injected failure");
        ran.push(step);
      },
    });
    await expect(load).rejects.toThrow("injected failure");
    expect(ran).toEqual(
      expect.arrayContaining([
        "Person nodes",
        "Body nodes",
        "Action nodes",
        "Action provenance",
        "Action LED_BY Body",
      ]),
    );
    expect(await snapshot(partnershipId, ids)).toBe(before);
  });

  it("a write the database refuses part-way through leaves the graph exactly as it was", async () => {
    const { partnershipId, before, changed, ids } = await loadedThenChanged();
    // A value no seed file can produce (validation refuses it), as a hand-built graph might:
    // Neo4j rejects it in the Measurement step, after the earlier labels were written.
    const measurement = [...changed.nodes.values()].find((node) => node.label === "Measurement")!;
    measurement.properties.note = { not: "a property value" };
    await expect(loadSeedGraph(driver, changed, model, { database: DATABASE })).rejects.toThrow(
      /Property values can only be of primitive types or arrays thereof/,
    );
    expect(await snapshot(partnershipId, ids)).toBe(before);
  });

  it("a second file with a broken reference stops `seed` before anything is written", async () => {
    const { partnershipId, slug } = partnership();
    await seedCommand(folder(syntheticSeeds(slug, 1)));
    const files = syntheticSeeds(slug, 2);
    files["papers/zz-later.yaml"] = `partnership: partnership:${slug}
document: { id: doc:${slug}:later, title: Later paper }
entries:
  - Action: action:${slug}:later
    at: Item 1
    title: Report to the board
    kind: ACTION
    LED_BY: { to: body:${slug}:no-such-board, role: ACCOUNTABLE }
`;
    const { graph } = validateSeedDirectory(folder(syntheticSeeds(slug, 2)), model);
    const ids = [...idsOf(graph), `action:${slug}:later`, `doc:${slug}:later`];
    const before = await snapshot(partnershipId, ids);
    const failed = seedCommand(folder(files));
    await expect(failed).rejects.toThrow(SeedValidationError);
    await expect(failed).rejects.toThrow(
      /zz-later\.yaml:4, entry action:test-[0-9a-f]+:later, field LED_BY: refers to body:test-[0-9a-f]+:no-such-board, which no seed file defines/,
    );
    expect(await snapshot(partnershipId, ids)).toBe(before);
  });
});
