import { describe, expect, it } from "vitest";
import { formatIsoDate, isIsoDate, parseIsoDate, today } from "../../src/text/index.ts";
import { isValidAt } from "../../src/traversals/index.ts";

describe("calendar dates", () => {
  it.each(["2016-01-29", "2016-02-29", "2000-02-29", "1999-12-31"])("accepts %s", (text) => {
    expect(isIsoDate(text)).toBe(true);
    expect(formatIsoDate(parseIsoDate(text)!)).toBe(text);
  });

  it.each(["2015-02-29", "1900-02-29", "2016-13-01", "2016-04-31", "2016-1-29", "29/01/2016", "", 20160129])(
    "refuses %s",
    (text) => expect(isIsoDate(text)).toBe(false),
  );

  it("takes today from UTC, whatever the process time zone", () => {
    expect(today(new Date("2026-03-01T23:30:00-05:00"))).toBe("2026-03-02");
    expect(today(new Date("2026-03-02T08:00:00+13:00"))).toBe("2026-03-01");
  });
});

describe("isValidAt (the TypeScript twin of the Cypher validAt)", () => {
  it.each([
    [{}, "2016-01-29", true],
    [{ validFrom: "2016-01-29" }, "2016-01-29", true],
    [{ validFrom: "2016-01-30" }, "2016-01-29", false],
    [{ validTo: "2016-01-29" }, "2016-01-29", true],
    [{ validTo: "2016-01-28" }, "2016-01-29", false],
    [{ validFrom: "2015-01-30", validTo: "2017-07-21" }, "2016-01-29", true],
    [{ validFrom: null, validTo: null }, "2016-01-29", true],
  ])("%o at %s: %s", (fact, asOf, expected) => expect(isValidAt(fact, asOf)).toBe(expected));
});
