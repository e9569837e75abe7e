import { createRequire } from "node:module";
import { int, isDate, isInt, type Date as Neo4jDate, type Integer } from "neo4j-driver";
import { describe, expect, it, vi } from "vitest";
import { createDriver, driverEpochDayToDate, epochDayToDate } from "../../../src/graph/index.ts";

const fromDriver = createRequire(createRequire(import.meta.url).resolve("neo4j-driver"));
const temporalFactory = fromDriver("neo4j-driver-bolt-connection/lib/bolt/temporal-factory.js") as {
  epochDayToDate: (epochDay: Integer) => Neo4jDate<Integer>;
};
const { structure } = fromDriver("neo4j-driver-bolt-connection/lib/packstream/index.js") as {
  structure: { Structure: new (signature: number, fields: unknown[]) => unknown };
};
const v2 = fromDriver("neo4j-driver-bolt-connection/lib/bolt/bolt-protocol-v2.transformer.js") as {
  default: { createDateTransformer: (config: object) => { fromStructure: (struct: unknown) => unknown } };
};

const parts = (date: Neo4jDate<Integer>): [number, number, number] => [
  date.year.toNumber(),
  date.month.toNumber(),
  date.day.toNumber(),
];

/** Neo4j's first and last dates (-999999999-01-01 and +999999999-12-31), as epoch days. */
const NEO4J_FIRST_DAY = -365_243_219_162;
const NEO4J_LAST_DAY = 365_241_780_471;

describe("epochDayToDate, the driver's date decoding on plain numbers", () => {
  it("gives the driver's Date, with Integer parts, for every day of 1800-2200 and days across Neo4j's whole range", () => {
    const days: number[] = [];
    for (let day = -62_091; day <= 84_000; day++) days.push(day); // 1800-01-01 .. 2199-12-30
    for (let day = -4_000_000; day <= 4_000_000; day += 97) days.push(day); // every 400-year cycle, either side of year 0
    days.push(NEO4J_FIRST_DAY, NEO4J_FIRST_DAY + 1, NEO4J_LAST_DAY - 1, NEO4J_LAST_DAY);
    for (const edge of [-719_528, -719_468]) days.push(edge - 1, edge, edge + 1); // 0000-01-01, 0000-03-01
    for (const day of days) {
      const fast = epochDayToDate(int(day));
      const driver = driverEpochDayToDate(int(day));
      if (parts(fast).join() !== parts(driver).join())
        expect.fail(`epoch day ${day}: ${parts(fast).join("-")}, the driver ${parts(driver).join("-")}`);
      expect(isDate(fast) && isInt(fast.year) && isInt(fast.month) && isInt(fast.day)).toBe(true);
    }
    expect(epochDayToDate(int(19_783)).toString()).toBe("2024-03-01");
    expect(epochDayToDate(int(NEO4J_FIRST_DAY)).toString()).toBe("-999999999-01-01");
    // A day outside Neo4j's range is refused as the driver refuses it.
    for (const day of [NEO4J_FIRST_DAY - 1, NEO4J_LAST_DAY + 1])
      expect(() => epochDayToDate(int(day))).toThrow(/Year is expected to be in range/);
  });

  it("is what the driver decodes every Bolt Date with, once createDriver has installed it", async () => {
    // A driver connects only when first used: nothing listens on port 1, and nothing is asked.
    await createDriver({ uri: "bolt://127.0.0.1:1", username: "neo4j", password: "" }).close();
    expect(temporalFactory.epochDayToDate).not.toBe(driverEpochDayToDate);
    const installed = temporalFactory.epochDayToDate;
    const seen = vi.fn(installed);
    temporalFactory.epochDayToDate = seen;
    try {
      const decode = v2.default.createDateTransformer({});
      const date = decode.fromStructure(new structure.Structure(0x44, [int(19_783)])) as Neo4jDate<Integer>;
      // Fails if the driver stops calling through its module object: every date would pay the Integer arithmetic again.
      expect(seen).toHaveBeenCalledTimes(1);
      expect(date.toString()).toBe("2024-03-01");
    } finally {
      temporalFactory.epochDayToDate = installed;
    }
    // A second copy of the module, evaluated after the install (as a test runner's isolation may),
    // still falls back to the driver's own, not to the installed function.
    const copy = new URL("../../../src/graph/driver-dates.ts?evaluated-again", import.meta.url).href;
    const again = (await import(/* @vite-ignore */ copy)) as typeof import("../../../src/graph/index.ts");
    expect(again.epochDayToDate).not.toBe(epochDayToDate);
    expect(again.driverEpochDayToDate).toBe(driverEpochDayToDate);
  });
});
