import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, expect, it } from "vitest";
import { watchGraphShape } from "../../src/api/index.ts";
import { DATABASE, isolatedPartnership, testDriver } from "../support/database.ts";

// The cost model prices a filter on a root list by the whole graph's nodes of its type, and a
// list under a shared node by that node's own relationships (src/api/graph-shape.ts): both must be
// the database's, and follow it as it grows.

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

const count = async (pattern: string, parameters: Record<string, unknown> = {}): Promise<number> => {
  const { records } = await driver.executeQuery(`MATCH ${pattern} RETURN count(*) AS n`, parameters, {
    database: DATABASE,
  });
  return (records[0]!.get("n") as { toNumber(): number }).toNumber();
};

it("reads every label's nodes in the graph, and again as the graph grows", async () => {
  const shape = watchGraphShape(driver, DATABASE, 200);
  try {
    await expect
      .poll(() => shape.current()?.nodes.get("Body"), { timeout: 10_000 })
      .toBe(await count("(:Body)"));
    // Both sample partnerships' people, not one partnership's.
    expect(shape.current()?.nodes.get("Person")).toBe(await count("(:Person)"));
    expect(shape.current()?.nodes.get("Person")).toBeGreaterThan(
      await count("(:Person {partnershipId: 'partnership:barnet'})"),
    );
    const before = shape.current()!.nodes.get("Risk")!;
    await driver.executeQuery(
      "UNWIND range(1, 3) AS i CREATE (:Risk {id: $prefix + toString(i), partnershipId: $partnershipId})",
      { prefix: `risk:${fixture.slug}-`, partnershipId: fixture.partnershipId },
      { database: DATABASE },
    );
    await expect.poll(() => shape.current()?.nodes.get("Risk"), { timeout: 10_000 }).toBe(before + 3);
  } finally {
    shape.stop();
  }
});

it("reads every shared node's relationships, in all and into one partnership, and again as they grow", async () => {
  const shape = watchGraphShape(driver, DATABASE, 200);
  try {
    // The shared registry's organisations (seeds/shared), and no partnership's own (other files
    // add shared nodes of their own while this runs: the registry's are compared, not the count).
    const ids = async (where: string): Promise<string[]> =>
      (
        await driver.executeQuery(
          `MATCH (o:Organisation) WHERE ${where} RETURN collect(o.id) AS ids`,
          {},
          {
            database: DATABASE,
          },
        )
      ).records[0]!.get("ids") as string[];
    const registry = await ids(
      "o.partnershipId = 'shared' AND o.id IN ['org:home-office', 'org:dwp', 'org:mopac']",
    );
    expect(registry).toHaveLength(3);
    await expect
      .poll(
        () =>
          shape
            .current()
            ?.hubs.get("Organisation")
            ?.map((h) => h.id),
        { timeout: 10_000 },
      )
      .toEqual(expect.arrayContaining(registry));
    const organisations = shape.current()!.hubs.get("Organisation")!;
    const owned = new Set(await ids("o.partnershipId <> 'shared'"));
    expect(owned.size).toBeGreaterThan(0);
    expect(organisations.filter((h) => owned.has(h.id))).toEqual([]);
    const hub = organisations.find((h) => h.id === "org:home-office")!;
    const memberOf = await count("(:Organisation {id: $id})-[:MEMBER_OF]->()", { id: hub.id });
    expect(hub.degrees.get("MEMBER_OF>") ?? 0).toBe(memberOf);
    expect(hub.degrees.get("<EVIDENCED_BY") ?? 0).toBe(
      await count("(:Organisation {id: $id})<-[:EVIDENCED_BY]-()", { id: hub.id }),
    );
    // Four boards of one more partnership list the agency: four more in all, and four into that one.
    await driver.executeQuery(
      `MATCH (o:Organisation {id: $id})
       UNWIND range(1, 4) AS i
       CREATE (o)-[:MEMBER_OF]->(:Body {id: $prefix + toString(i), partnershipId: $partnershipId, name: 'Board ' + toString(i)})`,
      { id: hub.id, prefix: `body:${fixture.slug}-`, partnershipId: fixture.partnershipId },
      { database: DATABASE },
    );
    const grown = () =>
      shape
        .current()
        ?.hubs.get("Organisation")
        ?.find((h) => h.id === hub.id);
    await expect.poll(() => grown()?.degrees.get("MEMBER_OF>"), { timeout: 10_000 }).toBe(memberOf + 4);
    expect(grown()!.intoOnePartnership.get("MEMBER_OF>")).toBe(
      Math.max(4, hub.intoOnePartnership.get("MEMBER_OF>") ?? 0),
    );
  } finally {
    shape.stop();
  }
});
