import { Date as Neo4jDate, int, Record } from "neo4j-driver";
import { expect, it } from "vitest";
import { valuesIn } from "../../../src/api/index.ts";

it("counts every list item, map entry and scalar of a record, a driver value (Integer, Date) as one", () => {
  const record = new Record(
    ["strategy", "count", "none"],
    [
      {
        id: "s1",
        periodStart: new Neo4jDate(int(2024), int(4), int(1)),
        objectives: [
          { id: "o1", leads: [{ id: "p1", name: "A" }], indicators: [] },
          { id: "o2", leads: [], indicators: [int(3), null] },
        ],
      },
      int(7),
      null,
    ],
  );
  // Top: the map, 7, null (3). The map's 3 entries; its list's 2 maps; o1's 3 entries, its leads
  // list's map and that map's 2 entries; o2's 3 entries and its list's 2 items.
  expect(valuesIn(record)).toBe(3 + 3 + 2 + 3 + 1 + 2 + 3 + 2);
});
