import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDriver, ensureSchema } from "../../src/graph/index.ts";
import { HISTORY_LABEL, RETIRED_TRIGGERS, TRIGGER_NAME } from "../../src/history/index.ts";
import { startLocalNeo4j } from "../../src/neo4j-local/index.ts";
import { buildDomainModel, readTypeDefs } from "../../src/schema-model/index.ts";

// HISTORY=off (README, "History of changes") drops a history trigger an earlier start installed,
// keeps what it recorded, and a later start with history on records again. Dropping the trigger
// on the suite's shared Neo4j would stop the other suites' history, so this one has its own.

const model = buildDomainModel(readTypeDefs());
const WRITER = "person:history-off-test";

let dataDir: string;
let stop: () => Promise<void>;
let driver: Driver;

async function triggerInstalled(name = TRIGGER_NAME): Promise<boolean> {
  const { records } = await driver.executeQuery(
    "CALL apoc.trigger.list() YIELD name WHERE name = $name RETURN count(*) > 0 AS installed",
    { name },
    { database: "neo4j" },
  );
  return records[0]!.get("installed") as boolean;
}

/** Installs a trigger as an earlier version did, and waits until APOC runs it. */
async function installRetired(name: string): Promise<void> {
  await driver.executeQuery(
    "CALL apoc.trigger.install('neo4j', $name, 'RETURN 1', {phase: 'before'})",
    { name },
    { database: "system" },
  );
  await expect.poll(() => triggerInstalled(name), { timeout: 30_000, interval: 250 }).toBe(true);
}

/** Renames the test's person and returns how many history records its id has afterwards. */
async function renameAndCount(name: string): Promise<number> {
  await driver.executeQuery(
    "MERGE (p:Person {id: $id}) ON CREATE SET p.partnershipId = 'partnership:history-off' SET p.name = $name",
    { id: WRITER, name },
    { database: "neo4j" },
  );
  const { records } = await driver.executeQuery(
    `MATCH (c:${HISTORY_LABEL} {entityId: $id}) RETURN count(c) AS n`,
    { id: WRITER },
    { database: "neo4j" },
  );
  return (records[0]!.get("n") as { toNumber(): number }).toNumber();
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "governance-graph-history-off-"));
  const local = await startLocalNeo4j({ dataDir, heap: "512m", pageCache: "64m" });
  stop = () => local.stop();
  driver = createDriver({ uri: local.uri, username: "neo4j", password: "" });
}, 240_000);

afterAll(async () => {
  await driver?.close();
  await stop?.();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe("HISTORY=off on a database that recorded history", () => {
  it("drops the trigger, keeps the records, records nothing meanwhile, and records again once history is back on", async () => {
    await ensureSchema(driver, "neo4j", model, { history: true });
    expect(await triggerInstalled()).toBe(true);
    const recorded = await renameAndCount("Recorded once");
    expect(recorded).toBeGreaterThan(0);

    await ensureSchema(driver, "neo4j", model, { history: false });
    expect(await triggerInstalled()).toBe(false);
    expect(await renameAndCount("Renamed while off")).toBe(recorded);
    // Twice off is no error (no trigger to drop).
    await ensureSchema(driver, "neo4j", model, { history: false });

    await ensureSchema(driver, "neo4j", model, { history: true });
    expect(await triggerInstalled()).toBe(true);
    expect(await renameAndCount("Recorded again")).toBeGreaterThan(recorded);
  });
});

describe("a trigger of an earlier version (the search markers' own, now part of the history trigger)", () => {
  it("is dropped by a start with history on and by one with history off", async () => {
    const [retired] = RETIRED_TRIGGERS;
    expect(retired).toBe("governance-search-markers");
    await installRetired(retired!);
    await ensureSchema(driver, "neo4j", model, { history: true });
    expect(await triggerInstalled(retired)).toBe(false);
    expect(await triggerInstalled()).toBe(true);

    await installRetired(retired!);
    await ensureSchema(driver, "neo4j", model, { history: false });
    expect(await triggerInstalled(retired)).toBe(false);
    expect(await triggerInstalled()).toBe(false);
  });
});
