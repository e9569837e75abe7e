import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/api/index.ts";
import { graphql, startTestServer } from "../support/api.ts";
import { testDriver } from "../support/database.ts";
import { loadDistrictFixture } from "./district-fixture.ts";

// The API runs in this process, so setting TZ here moves the server's time zone (Node reads it on
// change). Every dated traversal must answer the same as under UTC: a Date is a calendar date.
const ZONES = ["America/New_York", "Pacific/Auckland"];

let driver: Driver;
let server: RunningServer;
let district: Awaited<ReturnType<typeof loadDistrictFixture>>;
const originalZone = process.env.TZ;

beforeAll(async () => {
  driver = testDriver();
  // One request of twelve traversals at once: roomier than the default timeout on a busy test machine.
  server = await startTestServer(driver, { timeoutMs: 60_000 });
  district = await loadDistrictFixture(driver);
});

afterAll(async () => {
  process.env.TZ = originalZone;
  await district?.cleanup();
  await server?.stop();
  await driver?.close();
});

/** One request holding a dated question of each traversal, at dates where a day matters. */
function questions(): { query: string; variables: Record<string, unknown> } {
  return {
    query: `query($asOf: Date, $p: ID, $action: ID!, $district: ID!) {
      longstaff: responsibilities(personId: "person:david-longstaff", asOf: "2017-07-21") { role subject { id } validFrom }
      longstaffVariable: responsibilities(personId: "person:david-longstaff", asOf: $asOf) { role subject { id } validFrom }
      chairLastDay: responsibilities(personId: "${district.id.oldChair}", asOf: "2019-12-31") { role subject { id } }
      chairDayAfter: responsibilities(personId: "${district.id.oldChair}", asOf: "2020-01-01") { role subject { id } }
      reporting: bodiesReportingTo(bodyId: "body:scpb", asOf: "2017-07-21") { relationship body { id } }
      reportingDayBefore: bodiesReportingTo(bodyId: "body:scpb", asOf: "2017-07-20") { relationship body { id } }
      chain: accountabilityChain(id: $action, asOf: "2020-01-01") { role subject { id } gap }
      diagram: governanceDiagram(partnershipId: $p, asOf: "2022-04-01") { nodes { id chair } edges { from to kind } }
      diagramDayBefore: governanceDiagram(partnershipId: $p, asOf: "2022-03-31") { nodes { id } }
      health: governanceHealth(partnershipId: $p, asOf: "2020-01-01") { rule subject { id } }
      reportingDistrict: bodiesReportingTo(bodyId: $district, asOf: "2022-04-01") { body { id } }
      nested: actions(where: { id: { eq: $action } }) { accountabilityChain(asOf: "2019-12-31") { role subject { id } } }
    }`,
    variables: {
      asOf: "2017-07-21",
      p: district.partnershipId,
      action: district.id.action2,
      district: district.id.district,
    },
  };
}

async function answers(zone: string): Promise<unknown> {
  process.env.TZ = zone;
  const { query, variables } = questions();
  const { data, errors } = await graphql(server.url, query, variables);
  expect(errors).toBeUndefined();
  return data;
}

describe("dated traversals under other server time zones", () => {
  let utc: Record<string, { role?: string; subject?: { id: string }; validFrom?: string }[]>;

  beforeAll(async () => {
    utc = (await answers("Etc/UTC")) as typeof utc;
  });

  it("under UTC: Cllr Longstaff's 2017 chair memberships on 21 July 2017, and the district chair's last day", () => {
    const chairs = utc.longstaff!.filter((r) => r.role === "CHAIR");
    expect(chairs.map((r) => r.validFrom)).toEqual(["2017-07-21", "2017-07-21"]);
    expect(utc.longstaffVariable).toEqual(utc.longstaff);
    expect(utc.chairLastDay).toContainEqual({ role: "CHAIR", subject: { id: district.id.csp } });
    expect(utc.chairDayAfter).toEqual([]);
  });

  it.each(ZONES)("under %s: the same answers as under UTC", async (zone) => {
    const there = await answers(zone);
    expect(new Date(2017, 6, 21).getTimezoneOffset()).not.toBe(0);
    expect(there).toEqual(utc);
  });
});
