import { describe, expect, it } from "vitest";
import type { BodyReportQuery } from "../../../generated/documents.ts";
import {
  changeLines,
  changesReach,
  changesWindow,
  type StoredChange,
} from "../../../src/report/model/index.ts";

type Board = BodyReportQuery["bodies"][number];

/** The parts of the pack's response the changes section reads. */
const board = {
  id: "body:board",
  name: "The Board",
  membersConnection: {
    edges: [
      { properties: { role: "CHAIR" }, node: { id: "person:ada", name: "Ada Chair", honorific: "Cllr" } },
      // Left the board long before the window: not reached.
      {
        properties: { role: "MEMBER", validTo: "2019-12-31" },
        node: { id: "person:old", name: "Old Member", honorific: null },
      },
    ],
  },
  memberAgenciesConnection: {
    edges: [
      { properties: { kind: "STATUTORY" }, node: { id: "org:police", name: "Police", kind: "POLICE" } },
    ],
  },
  meetings: [{ id: "meeting:m1", title: "Board meeting" }],
  lastMeeting: [{ id: "meeting:m1", title: "Board meeting", date: "2024-05-01" }],
  changesReach: [
    {
      id: "strategy:s",
      title: "The Plan",
      actions: [],
      objectives: [
        {
          id: "objective:1",
          ref: "1",
          title: "Fewer burglaries",
          indicators: [{ id: "indicator:burglary", name: "Burglaries" }],
          subObjectives: [
            {
              id: "objective:1a",
              ref: "1a",
              title: "Safer homes",
              indicators: [],
              subObjectives: [{ id: "objective:1a-i", ref: null, title: "Locks", indicators: [] }],
            },
          ],
          feedingActions: [
            {
              id: "action:1",
              ref: "1.1",
              title: "Target hardening",
              updates: [{ id: "update:q1", period: "Q1" }],
            },
          ],
        },
      ],
    },
  ],
} as unknown as Board;

const window = { since: "2024-05-01", until: "2026-12-01" };
const reach = changesReach(board, [{ id: "body:group", name: "The Group" }], window);

const change = (
  entityId: string,
  facts: Partial<StoredChange["facts"][number]>[],
  extra: Partial<StoredChange> = {},
) =>
  ({
    id: `change:${entityId}`,
    at: "2026-11-02T10:00:00Z",
    actor: "jo.editor",
    via: "api",
    entityId,
    entityLabel: null,
    facts: facts.map((f) => ({
      kind: "PROPERTY_SET",
      property: null,
      relationship: null,
      direction: null,
      otherId: null,
      before: null,
      after: null,
      ...f,
    })),
    ...extra,
  }) as StoredChange;

describe("changesReach: what the changes section lists", () => {
  it("reaches the board, its members in the window, and the strategy's objectives, actions, updates and indicators", () => {
    expect([...reach.entities.keys()].sort()).toEqual(
      [
        "body:board",
        "person:ada",
        "org:police",
        "strategy:s",
        "objective:1",
        "objective:1a",
        "objective:1a-i",
        "indicator:burglary",
        "action:1",
        "update:q1",
      ].sort(),
    );
    expect(reach.entities.get("person:ada")).toEqual({
      id: "person:ada",
      name: "Cllr Ada Chair",
      kind: "Person",
      member: true,
    });
    expect(reach.entities.get("update:q1")?.name).toBe("1.1 Target hardening: Q1");
    expect(reach.names.get("body:group")).toBe("The Group");
  });
});

describe("changesWindow", () => {
  it("starts at the board's last meeting before the report date, or at the day given", () => {
    expect(changesWindow(board, undefined, "2026-12-01")).toEqual({
      since: "2024-05-01",
      until: "2026-12-01",
      meeting: { id: "meeting:m1", title: "Board meeting", date: "2024-05-01" },
    });
    expect(changesWindow(board, "2026-01-01", "2026-12-01")).toEqual({
      since: "2026-01-01",
      until: "2026-12-01",
      meeting: null,
    });
    expect(changesWindow({ ...board, lastMeeting: [] }, undefined, "2026-12-01")).toBeNull();
  });
});

describe("changeLines: each change as when, who, what, before and after", () => {
  it("says a property's value before and after, in words, on the calendar day in UTC", () => {
    const lines = changeLines(
      [
        change("action:1", [{ property: "status", before: '"PLANNED"', after: '"IN_PROGRESS"' }], {
          at: "2026-11-02T23:30:00-05:00",
        }),
      ],
      reach,
    );
    expect(lines).toEqual([
      {
        date: "2026-11-03",
        at: "2026-11-02T23:30:00-05:00",
        actor: "jo.editor",
        via: "api",
        entity: { id: "action:1", name: "1.1 Target hardening", kind: "Action" },
        what: "status",
        before: "PLANNED",
        after: "IN_PROGRESS",
      },
    ]);
  });

  it("leaves out bookkeeping and values set to what they were", () => {
    const lines = changeLines(
      [
        change("action:1", [
          { property: "updatedAt", before: '"2026-01-01T00:00:00Z"', after: '"2026-11-02T10:00:00Z"' },
          { property: "updatedBy", after: '"jo.editor"' },
          { property: "title", before: '"Target hardening"', after: '"Target hardening"' },
          { kind: "PROPERTY_REMOVED", property: "dueText", before: '"June"' },
        ]),
      ],
      reach,
    );
    expect(lines.map((l) => [l.what, l.before, l.after])).toEqual([["dueText", "June", null]]);
  });

  it("lists an entity created as one line, named by its first values", () => {
    const lines = changeLines(
      [
        change(
          "update:q1",
          [
            { kind: "CREATED" },
            { property: "period", after: '"Q1"' },
            { property: "text", after: '"Locks fitted"' },
            { kind: "RELATIONSHIP_ADDED", relationship: "HAS_UPDATE", direction: "IN", otherId: "action:1" },
          ],
          { entityLabel: "ProgressUpdate" },
        ),
      ],
      reach,
    );
    expect(lines.map((l) => [l.entity.kind, l.what, l.before, l.after])).toEqual([
      ["ProgressUpdate", "Created", null, "Q1"],
    ]);
  });

  it("lists a relationship between two reached entities once, from its start, with its properties", () => {
    const joined = {
      kind: "RELATIONSHIP_ADDED",
      relationship: "MEMBER_OF",
      after: '{"role":"MEMBER","locator":"p. 2"}',
    } as const;
    const lines = changeLines(
      [
        change("person:ada", [{ ...joined, direction: "OUT", otherId: "body:board" }]),
        change("body:board", [
          { ...joined, direction: "IN", otherId: "person:ada" },
          {
            kind: "RELATIONSHIP_REMOVED",
            relationship: "ACCOUNTABLE_TO",
            direction: "IN",
            otherId: "body:group",
            before: "{}",
          },
        ]),
      ],
      reach,
    );
    expect(lines.map((l) => [l.entity.name, l.what, l.before, l.after])).toEqual([
      ["Cllr Ada Chair", "Member of → The Board", null, "added (role: MEMBER)"],
      ["The Board", "Accountable to ← The Group", null, "removed"],
    ]);
  });

  it("leaves a member's ties to what the pack does not reach to them", () => {
    const lines = changeLines(
      [
        change("person:ada", [
          {
            kind: "RELATIONSHIP_ADDED",
            relationship: "MEMBER_OF",
            direction: "OUT",
            otherId: "body:elsewhere",
          },
          { property: "name", before: '"Ada Chair"', after: '"Ada Chairman"' },
        ]),
      ],
      reach,
    );
    expect(lines.map((l) => l.what)).toEqual(["name"]);
  });

  it("names a deleted entity by what it held, and lists the oldest change first", () => {
    const lines = changeLines(
      [
        change(
          "objective:1",
          [{ property: "title", before: '"Fewer burglaries"', after: '"Fewer break-ins"' }],
          {
            at: "2026-11-05T09:00:00Z",
          },
        ),
        change("action:gone", [{ kind: "DELETED", before: '{"id":"action:gone","title":"Old action"}' }], {
          entityLabel: "Action",
        }),
      ],
      reach,
    );
    expect(lines.map((l) => [l.entity.name, l.what, l.before, l.after])).toEqual([
      ["Old action", "Deleted", "Old action", null],
      ["1 Fewer burglaries", "title", "Fewer burglaries", "Fewer break-ins"],
    ]);
  });
});
