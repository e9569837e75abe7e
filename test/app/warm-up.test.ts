import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildSchema,
  countingDriver,
  createTokenVerifier,
  type RoundTripCounter,
} from "../../src/api/index.ts";
import { describeWarmUp, warmUp, type WarmUpOptions } from "../../src/app/index.ts";
import { createDriver } from "../../src/graph/index.ts";
import { DATABASE, testDriver } from "../support/database.ts";

let driver: Driver;
let schema: WarmUpOptions["schema"];

beforeAll(async () => {
  driver = testDriver();
  schema = await buildSchema({ driver });
});
afterAll(async () => {
  await driver.close();
});

/** Warm-up options over a driver that counts the queries sent, and that counter. */
function counted(stopping: () => boolean = () => false): {
  options: WarmUpOptions;
  counter: RoundTripCounter;
} {
  const counter: RoundTripCounter = { roundTrips: 0 };
  return {
    counter,
    options: {
      schema,
      driver: countingDriver(driver, counter),
      database: DATABASE,
      timeoutMs: 15_000,
      verifyToken: createTokenVerifier({}),
      stopping,
    },
  };
}

describe("the warm-up after a start", () => {
  it("asks the viewer's first four questions about the first partnership by id, through the database", async () => {
    const { records } = await driver.executeQuery(
      "MATCH (p:Partnership) RETURN p.id AS id ORDER BY id LIMIT 1",
      {},
      { database: DATABASE },
    );
    const { options, counter } = counted();
    const report = await warmUp(options);
    expect(report.failed).toEqual([]);
    expect(report.partnershipId).toBe(records[0]!.get("id"));
    expect(report.answered).toEqual(["ViewerPartnerships", "ViewerSpan", "ViewerDiagram", "ViewerHealth"]);
    // The lookup and at least one query for each question: the database was asked, not a cache.
    expect(counter.roundTrips).toBeGreaterThanOrEqual(5);
    expect(describeWarmUp(report)).toMatch(
      new RegExp(
        `^\\[api\\] warm-up: 4 of the viewer's first questions answered about ${report.partnershipId} in \\d+ ms$`,
      ),
    );
  });

  it("asks nothing once the process is stopping, and stops between questions", async () => {
    const stopped = counted(() => true);
    expect(await warmUp(stopped.options)).toMatchObject({
      partnershipId: undefined,
      answered: [],
      failed: [],
    });
    expect(stopped.counter.roundTrips).toBe(0);
    // Asked before the lookup, then before each question: stopping from the second question on.
    let asked = 0;
    const midway = counted(() => ++asked > 2);
    const report = await warmUp(midway.options);
    expect(report.answered).toEqual(["ViewerPartnerships"]);
  });

  it("reports a database that is gone instead of throwing, in one line", async () => {
    // Nothing listens on port 1: the lookup fails at once (a short budget keeps the driver's retries short).
    const gone = createDriver({
      uri: "bolt://127.0.0.1:1",
      username: "neo4j",
      password: "",
      queryTimeoutMs: 300,
    });
    try {
      const report = await warmUp({ ...counted().options, driver: gone, timeoutMs: 300 });
      expect(report.partnershipId).toBeUndefined();
      expect(report.answered).toEqual([]);
      expect(report.failed).toHaveLength(1);
      expect(report.failed[0]!.name).toBe("the first partnership");
      const line = describeWarmUp(report);
      expect(line).toMatch(
        /^\[api\] warm-up: 0 of the viewer's first questions answered in \d+ ms; the first partnership failed: /,
      );
      expect(line).not.toContain("\n");
    } finally {
      await gone.close();
    }
  });
});
