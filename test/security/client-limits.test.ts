import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/api/index.ts";
import { startTestServer } from "../support/api.ts";
import { testDriver } from "../support/database.ts";

let driver: Driver;
let rated: RunningServer;
let narrow: RunningServer;

beforeAll(async () => {
  driver = testDriver();
  [rated, narrow] = await Promise.all([
    startTestServer(driver, { clientLimits: { perMinute: 3, concurrent: 0 } }),
    startTestServer(driver, { clientLimits: { perMinute: 0, concurrent: 1 } }),
  ]);
});
afterAll(async () => {
  await Promise.all([rated.stop(), narrow.stop()]);
  await driver.close();
});

const ask = (url: string, query = "{ bodies(limit: 1) { id } }") =>
  fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });

describe("per-client limits", () => {
  it("answers 429 with Retry-After and a JSON body past RATE_LIMIT_PER_MINUTE", async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await ask(rated.url)).status);
    expect(statuses).toEqual([200, 200, 200]);
    const refused = await ask(rated.url);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    const body = (await refused.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe("LIMIT_EXCEEDED");
    expect(body.errors[0]?.message).toContain("RATE_LIMIT_PER_MINUTE");
  });

  it("caps the requests one client has in progress, and frees the slot when one ends", async () => {
    // Every health rule over every partnership: long enough for the others to arrive meanwhile.
    const slow = '{ governanceHealth(partnershipId: "partnership:barnet") { rule } }';
    const responses = await Promise.all([
      ask(narrow.url, slow),
      ask(narrow.url, slow),
      ask(narrow.url, slow),
    ]);
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
    expect(statuses).toContain(200);
    const refused = responses.find((r) => r.status === 429)!;
    expect(refused.headers.get("retry-after")).toBe("1");
    const body = (await refused.json()) as { errors: { message: string }[] };
    expect(body.errors[0]?.message).toContain("CONCURRENT_REQUESTS_PER_CLIENT");
    expect((await ask(narrow.url)).status).toBe(200);
  });
});
