import neo4j from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { DateScalar } from "../../src/api/index.ts";
import { dateText } from "../../src/traversals/index.ts";

// dateText replaces the driver's Date.toString() on every date of an answer: the same text, always.
describe("dateText", () => {
  it("writes every day of 1999-2001 and a few far years as the driver does, from Integer and number parts", () => {
    const days: Array<[number, number, number]> = [];
    for (let day = Date.UTC(1999, 0, 1); day <= Date.UTC(2001, 11, 31); day += 86_400_000) {
      const d = new Date(day);
      days.push([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]);
    }
    days.push([1, 1, 1], [999, 12, 31], [9999, 12, 31], [10000, 1, 1], [-1, 6, 15], [0, 2, 29]);
    for (const [year, month, day] of days) {
      const integers = new neo4j.types.Date(neo4j.int(year), neo4j.int(month), neo4j.int(day));
      const numbers = new neo4j.types.Date(year, month, day);
      expect(dateText(integers)).toBe(integers.toString());
      expect(dateText(numbers)).toBe(integers.toString());
      expect(DateScalar.serialize(integers)).toBe(integers.toString());
    }
    expect(dateText(new neo4j.types.Date(neo4j.int(7), neo4j.int(3), neo4j.int(9)))).toBe("0007-03-09");
    expect(dateText(new neo4j.types.Date(neo4j.int(12345), neo4j.int(3), neo4j.int(9)))).toBe(
      "+012345-03-09",
    );
  });
});
