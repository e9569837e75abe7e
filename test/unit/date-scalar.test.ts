import { Kind } from "graphql";
import neo4j from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { DateScalar } from "../../src/api/index.ts";

// The scalar must not depend on the process's time zone; test/traversals runs the API under others.
describe("Date scalar", () => {
  it("parses a variable and a literal to the calendar date written", () => {
    expect(DateScalar.parseValue("2017-07-21").toString()).toBe("2017-07-21");
    expect(DateScalar.parseLiteral({ kind: Kind.STRING, value: "2017-07-21" }).toString()).toBe("2017-07-21");
    expect(DateScalar.parseValue("2017-07-21T23:30:00-05:00").toString()).toBe("2017-07-21");
  });

  it("keeps a neo4j Date and serializes both forms as YYYY-MM-DD", () => {
    const date = new neo4j.types.Date(2016, 1, 29);
    expect(DateScalar.parseValue(date)).toBe(date);
    expect(DateScalar.serialize(date)).toBe("2016-01-29");
    expect(DateScalar.serialize("2016-01-29")).toBe("2016-01-29");
  });

  it.each(["2016-02-30", "29 Jan 2016", "2016-01-29 10:00", 20160129])(
    "refuses %s, saying the form",
    (value) => {
      expect(() => DateScalar.parseValue(value)).toThrow(/calendar date written YYYY-MM-DD/);
    },
  );
});
