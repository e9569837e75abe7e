import { describe, expect, it } from "vitest";
import { membersAt, type MemberEdge } from "../../src/traversals/index.ts";

const edge = (id: string, role: string, extra: Partial<MemberEdge["properties"]> = {}): MemberEdge => ({
  node: { id, name: id.replace("person:", "") },
  properties: { role, ...extra },
});

describe("membersAt", () => {
  it("lists each person once, in their most senior role, chair first then by name", () => {
    const rows = membersAt(
      [
        edge("person:b", "MEMBER"),
        edge("person:a", "MEMBER"),
        edge("person:b", "CHAIR"),
        edge("person:c", "SOMETHING_NEW"),
      ],
      "2016-01-29",
    );
    expect(rows.map((r) => [r.node.id, r.properties.role])).toEqual([
      ["person:b", "CHAIR"],
      ["person:a", "MEMBER"],
      ["person:c", "SOMETHING_NEW"],
    ]);
  });

  it("keeps only memberships valid at the date, and the latest record's representing", () => {
    const rows = membersAt(
      [
        edge("person:a", "MEMBER", { validFrom: "2015-01-30", representing: "Police" }),
        edge("person:a", "MEMBER", { validFrom: "2016-01-29", representing: "MOPAC" }),
        edge("person:b", "MEMBER", { validTo: "2015-12-31" }),
        edge("person:c", "MEMBER", { validFrom: "2017-07-21" }),
      ],
      "2016-06-01",
    );
    expect(rows.map((r) => [r.node.id, r.properties.representing])).toEqual([["person:a", "MOPAC"]]);
  });
});
