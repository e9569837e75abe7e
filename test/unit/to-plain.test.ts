import neo4j from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { toPlain } from "../../src/traversals/index.ts";

// Every traversal's answer goes through toPlain (createReadQuery): the driver's values in, JSON's out.
describe("toPlain", () => {
  it("turns the driver's integers, dates and date-times into numbers and ISO strings, at any depth", () => {
    const dateTime = new neo4j.types.DateTime(2024, 6, 30, 23, 5, 1, 0, 3600);
    expect(
      toPlain({
        n: neo4j.int(42),
        due: new neo4j.types.Date(2024, 3, 31),
        at: dateTime,
        rows: [{ depth: neo4j.int(2), leads: [{ id: "person:a", name: null }] }, "text", true],
      }),
    ).toEqual({
      n: 42,
      due: "2024-03-31",
      at: "2024-06-30T22:05:01.000Z",
      rows: [{ depth: 2, leads: [{ id: "person:a", name: null }] }, "text", true],
    });
  });

  it("copies plain maps (never changes the driver's) and leaves primitives and other objects alone", () => {
    const map = { depth: neo4j.int(1) };
    const copy = toPlain(map);
    expect(copy).toEqual({ depth: 1 });
    expect(map.depth).toEqual(neo4j.int(1));
    for (const value of [null, undefined, 0, "", "a", false]) expect(toPlain(value)).toBe(value);
    const other = new Map([["a", neo4j.int(1)]]);
    expect(toPlain(other)).toBe(other);
  });
});
