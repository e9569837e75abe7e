import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveTreeCacheStats, translationCacheStats, type RunningServer } from "../../src/api/index.ts";
import { graphql, startTestServer, tokenFor } from "../support/api.ts";
import { testDriver } from "../support/database.ts";
import { loadRestrictedFixture } from "../security/fixture.ts";

// The resolve-tree cache (src/api/resolve-tree-cache.ts) reuses @neo4j/graphql's resolve tree for
// a repeated query. Each test asks one document more than once and checks both that the cache was
// used (hits grow: the library still calls the wrapped builder) and that the answer is still the
// one for these variables.

let driver: Driver;
let server: RunningServer;
let fixture: Awaited<ReturnType<typeof loadRestrictedFixture>>;
let admin: string;

beforeAll(async () => {
  driver = testDriver();
  server = await startTestServer(driver);
  fixture = await loadRestrictedFixture(driver);
  admin = await tokenFor({ roles: ["admin"], partnerships: [] });
});
afterAll(async () => {
  await fixture.cleanup();
  await server.stop();
  await driver.close();
});

const ITEMS = `query Items($p: ID!, $direction: SortDirection!, $limit: Int, $withTitle: Boolean!) {
  agendaItems(where: { partnershipId: { eq: $p } }, sort: [{ number: $direction }], limit: $limit) {
    number
    title @include(if: $withTitle)
  }
}`;

async function items(variables: { direction: "ASC" | "DESC"; limit?: number; withTitle: boolean }) {
  const before = { ...resolveTreeCacheStats };
  const translationHits = translationCacheStats.hits;
  const response = await graphql<{ agendaItems: { number: string; title?: string }[] }>(
    server.url,
    ITEMS,
    { p: fixture.partnershipId, ...variables },
    admin,
  );
  expect(response.errors).toBeUndefined();
  return {
    rows: response.data!.agendaItems,
    built: resolveTreeCacheStats.misses > before.misses,
    hit: resolveTreeCacheStats.hits > before.hits,
    translationHit: translationCacheStats.hits > translationHits,
  };
}

describe("resolve-tree cache", () => {
  it("hands out the tree again for the same document and variables, and the translation cache keys on it", async () => {
    const first = await items({ direction: "ASC", withTitle: true });
    expect(first.built || first.hit).toBe(true);
    const again = await items({ direction: "ASC", withTitle: true });
    expect(again.hit).toBe(true);
    expect(again.built).toBe(false);
    expect(again.translationHit).toBe(true);
    expect(again.rows).toEqual(first.rows);
    expect(again.rows.map((r) => r.number)).toEqual(["1", "7"]);
  });

  it("builds afresh for other variables: the sort, the limit and @include follow them", async () => {
    await items({ direction: "ASC", withTitle: true });
    expect((await items({ direction: "DESC", withTitle: true })).rows.map((r) => r.number)).toEqual([
      "7",
      "1",
    ]);
    const limited = await items({ direction: "DESC", limit: 1, withTitle: true });
    expect(limited.rows.map((r) => r.number)).toEqual(["7"]);
    const untitled = await items({ direction: "ASC", withTitle: false });
    expect(untitled.rows).toEqual([{ number: "1" }, { number: "7" }]);
    // Each again: from the cache, each with its own answer.
    const descending = await items({ direction: "DESC", withTitle: true });
    expect(descending.hit).toBe(true);
    expect(descending.rows.map((r) => r.number)).toEqual(["7", "1"]);
    const untitledAgain = await items({ direction: "ASC", withTitle: false });
    expect(untitledAgain.hit).toBe(true);
    expect(untitledAgain.rows).toEqual([{ number: "1" }, { number: "7" }]);
    const titled = await items({ direction: "ASC", withTitle: true });
    expect(titled.hit).toBe(true);
    expect(titled.rows.every((r) => typeof r.title === "string")).toBe(true);
  });
});
