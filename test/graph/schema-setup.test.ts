import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ensureSchema } from "../../src/graph/index.ts";
import { buildDomainModel, readTypeDefs } from "../../src/schema-model/index.ts";
import { DATABASE, testDriver } from "../support/database.ts";

// ensureSchema sends only the statements whose constraint or index is missing by name
// (src/graph/setup.ts): what it skips must be there, and what is missing must come back.

const model = buildDomainModel(readTypeDefs());
let driver: Driver;

beforeAll(() => {
  driver = testDriver();
});
afterAll(async () => {
  await driver.close();
});

/** The database's constraints and indexes by name, with each index's state. */
async function schema(): Promise<{ constraints: Set<string>; indexes: Map<string, string> }> {
  const constraints = await driver.executeQuery("SHOW CONSTRAINTS YIELD name", {}, { database: DATABASE });
  const indexes = await driver.executeQuery("SHOW INDEXES YIELD name, state", {}, { database: DATABASE });
  return {
    constraints: new Set(constraints.records.map((r) => r.get("name") as string)),
    indexes: new Map(indexes.records.map((r) => [r.get("name") as string, r.get("state") as string])),
  };
}

it("leaves every label with its id constraint, its partnership index and its full-text indexes, online", async () => {
  await ensureSchema(driver, DATABASE, model);
  const { constraints, indexes } = await schema();
  for (const { label, fulltext } of model.labels.values()) {
    expect(constraints, label).toContain(`${label}_id_unique`);
    expect(indexes.get(`${label}_partnership`), label).toBe("ONLINE");
    for (const index of fulltext) expect(indexes.get(index.indexName), index.indexName).toBe("ONLINE");
  }
});

it("creates again an index that went missing, and leaves the others as they were", async () => {
  // An index, not a constraint: the tests running beside this one lose no guarantee meanwhile.
  const label = [...model.labels.keys()].at(-1)!;
  const name = `${label}_partnership`;
  await driver.executeQuery(`DROP INDEX ${name}`, {}, { database: DATABASE });
  const dropped = await schema();
  expect(dropped.indexes.has(name)).toBe(false);
  await ensureSchema(driver, DATABASE, model);
  const after = await schema();
  expect(after.indexes.get(name)).toBe("ONLINE");
  expect(after.constraints).toEqual(dropped.constraints);
  expect(new Set(after.indexes.keys())).toEqual(new Set([...dropped.indexes.keys(), name]));
});
