import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, expect, it } from "vitest";
import { watchNodeCounts } from "../../src/api/index.js";
import { DATABASE, isolatedPartnership, testDriver } from "../support/database.js";

// The cost model prices a filter on a root list by the whole graph's nodes of its type
// (src/api/node-counts.ts): the counts must be the database's, and follow it as it grows.

let driver: Driver;
let fixture: ReturnType<typeof isolatedPartnership>;

beforeAll(() => {
  driver = testDriver();
  fixture = isolatedPartnership(driver);
});
afterAll(async () => {
  await fixture.cleanup();
  await driver.close();
});

const count = async (label: string): Promise<number> => {
  const { records } = await driver.executeQuery(
    `MATCH (n:${label}) RETURN count(n) AS n`,
    {},
    { database: DATABASE },
  );
  return (records[0]!.get("n") as { toNumber(): number }).toNumber();
};

it("reads every label's nodes in the graph, and again as the graph grows", async () => {
  const counts = watchNodeCounts(driver, DATABASE, 200);
  try {
    await expect.poll(() => counts.current()?.get("Body"), { timeout: 10_000 }).toBe(await count("Body"));
    // Both sample partnerships' people, not one partnership's.
    expect(counts.current()?.get("Person")).toBe(await count("Person"));
    expect(counts.current()?.get("Person")).toBeGreaterThan(
      await count("Person {partnershipId: 'partnership:barnet'}"),
    );
    const before = counts.current()!.get("Risk")!;
    await driver.executeQuery(
      "UNWIND range(1, 3) AS i CREATE (:Risk {id: $prefix + toString(i), partnershipId: $partnershipId})",
      { prefix: `risk:${fixture.slug}-`, partnershipId: fixture.partnershipId },
      { database: DATABASE },
    );
    await expect.poll(() => counts.current()?.get("Risk"), { timeout: 10_000 }).toBe(before + 3);
  } finally {
    counts.stop();
  }
});
