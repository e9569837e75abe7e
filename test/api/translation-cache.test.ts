import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translationCacheStats, type RunningServer } from "../../src/api/index.ts";
import { graphql, startTestServer, tokenFor } from "../support/api.ts";
import { DATABASE, testDriver } from "../support/database.ts";
import { loadRestrictedFixture } from "../security/fixture.ts";

// The translation cache (src/api/translation-cache.ts) reuses @neo4j/graphql's Cypher for a
// repeated read. Each test asks the same document twice or more and checks both that the cache
// was used (hits grow) and that the answer is still the one for this caller and these arguments.

let driver: Driver;
let server: RunningServer;
let fixture: Awaited<ReturnType<typeof loadRestrictedFixture>>;
let admin: string;
let officer: string;

beforeAll(async () => {
  driver = testDriver();
  server = await startTestServer(driver);
  fixture = await loadRestrictedFixture(driver);
  admin = await tokenFor({ roles: ["admin"], partnerships: [] });
  officer = await tokenFor({ roles: ["officer"], partnerships: [fixture.partnershipId] });
});
afterAll(async () => {
  await fixture.cleanup();
  await server.stop();
  await driver.close();
});

const ITEMS = `query Items($p: ID!, $direction: SortDirection!) {
  agendaItems(where: { partnershipId: { eq: $p } }, sort: [{ number: $direction }]) { number title }
}`;

async function items(direction: "ASC" | "DESC", token?: string) {
  const before = translationCacheStats.hits;
  const response = await graphql<{ agendaItems: { number: string; title: string }[] }>(
    server.url,
    ITEMS,
    { p: fixture.partnershipId, direction },
    token,
  );
  expect(response.errors).toBeUndefined();
  return { rows: response.data!.agendaItems, hit: translationCacheStats.hits > before };
}

describe("translation cache", () => {
  it("keys on the caller's visibility: the same document never shows an anonymous caller what an admin saw", async () => {
    const first = await items("ASC", admin);
    expect(first.rows.map((r) => r.title)).toContain(fixture.marker.itemTitle);
    const anonymous = await items("ASC");
    expect(JSON.stringify(anonymous.rows)).not.toContain(fixture.marker.itemTitle);
    const again = await items("ASC", admin);
    expect(again.hit).toBe(true);
    expect(again.rows).toEqual(first.rows);
    const anonymousAgain = await items("ASC");
    expect(anonymousAgain.hit).toBe(true);
    expect(anonymousAgain.rows).toEqual(anonymous.rows);
    // An officer of the partnership has other claims again: translated for them, sees the item.
    expect((await items("ASC", officer)).rows.map((r) => r.title)).toContain(fixture.marker.itemTitle);
  });

  it("keeps the generated sorting for other arguments of the same document", async () => {
    await items("ASC", admin);
    const descending = await items("DESC", admin);
    expect(descending.rows.map((r) => r.number)).toEqual(["7", "1"]);
    const ascending = await items("ASC", admin);
    expect(ascending.hit).toBe(true);
    expect(ascending.rows.map((r) => r.number)).toEqual(["1", "7"]);
  });

  it("caches no answers: a write is seen by the next request with a cached translation", async () => {
    await items("ASC", admin);
    const id = `item:${fixture.slug}:public`;
    await driver.executeQuery(
      "MATCH (a:AgendaItem {id: $id}) SET a.title = $title",
      { id, title: `Renamed ${fixture.slug}` },
      { database: DATABASE },
    );
    const after = await items("ASC", admin);
    expect(after.hit).toBe(true);
    expect(after.rows.map((r) => r.title)).toContain(`Renamed ${fixture.slug}`);
  });
});
