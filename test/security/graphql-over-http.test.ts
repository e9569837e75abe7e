import { serverAudits, type AuditResult } from "graphql-http";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/api/index.ts";
import { startTestServer } from "../support/api.ts";
import { testDriver } from "../support/database.ts";

// The GraphQL-over-HTTP audit suite of the graphql-http package, against the real server: every
// MUST passes, and at least 20 of the 23 SHOULDs (stock Apollo Server 5 passes 20).

let driver: Driver;
let server: RunningServer;
let results: AuditResult[];

beforeAll(async () => {
  driver = testDriver();
  server = await startTestServer(driver);
  const audits = serverAudits({ url: `${server.url}/graphql`, fetchFn: fetch });
  results = [];
  for (const audit of audits) results.push(await audit.fn());
});
afterAll(async () => {
  await server.stop();
  await driver.close();
});

const failures = (level: "MUST" | "SHOULD") =>
  results
    .filter((r) => r.name.startsWith(`${level} `) && r.status !== "ok")
    .map((r) => `${r.name}: ${"reason" in r ? r.reason : ""}`);

describe("GraphQL over HTTP (graphql-http audits)", () => {
  it("passes every MUST", () => {
    expect(results.filter((r) => r.name.startsWith("MUST ")).length).toBeGreaterThanOrEqual(13);
    expect(failures("MUST")).toEqual([]);
  });

  it("passes at least 20 of the SHOULDs", () => {
    const should = results.filter((r) => r.name.startsWith("SHOULD "));
    expect(should.length).toBe(23);
    const passed = should.length - failures("SHOULD").length;
    expect(passed, failures("SHOULD").join("\n")).toBeGreaterThanOrEqual(20);
  });
});
