import { describe, expect, it } from "vitest";
import {
  describeHits,
  dataSpan,
  defaultAsOf,
  spanText,
  shortName,
  chainLevels,
  readUrlState,
  urlQuery,
} from "../../../src/viewer/app/index.ts";
import type { AccountabilityRole, RelationshipType } from "../../../generated/documents.ts";

const node = (id: string, label: string, name = id) => ({ id, label, name });

describe("the viewer's default date", () => {
  const span = dataSpan({
    firstPaper: [{ id: "d1", date: "2013-04-01" }],
    lastPaper: [{ id: "d2", date: "2022-03-31" }],
    firstMeeting: [{ id: "m1", date: "2014-10-31" }],
    lastMeeting: [{ id: "m2", date: "2017-10-27" }],
    lastStart: [{ id: "b1", validFrom: "2023-01-01" }],
    lastEnd: [],
  });
  it("spans the earliest paper or meeting to the latest date of any kind", () => {
    expect(span).toEqual({ first: "2013-04-01", last: "2023-01-01" });
    expect(spanText(span)).toBe("Data from 2013-04-01 to 2023-01-01");
  });
  it("is the latest date of the data when earlier than today, else today", () => {
    expect(defaultAsOf(span, "2026-12-01")).toBe("2023-01-01");
    expect(defaultAsOf(span, "2020-06-30")).toBe("2020-06-30");
    expect(defaultAsOf({ first: null, last: null }, "2026-12-01")).toBe("2026-12-01");
  });
});

describe("shortName (the overview's labels)", () => {
  it.each([
    ["Safer Communities Partnership Board", "SCPB"],
    ["IOM Delivery Group", "IOM DG"],
    ["DV and VAWG Strategy Delivery Group", "DV VAWG SDG"],
    ["Counter-Terrorism & Prevent Working Group", "CTPWG"],
  ])("%s → %s", (name, short) => expect(shortName(name)).toBe(short));
});

describe("the address", () => {
  it("round-trips partnership, date and selection, leaving out the default date", () => {
    const state = readUrlState(
      "?partnership=partnership:barnet&asOf=2017-07-21&open=action:x&openKind=chain",
    );
    expect(state).toEqual({
      partnershipId: "partnership:barnet",
      asOf: "2017-07-21",
      selection: { kind: "chain", id: "action:x" },
    });
    expect(urlQuery(state, "2017-07-21")).toBe(
      "?partnership=partnership%3Abarnet&open=action%3Ax&openKind=chain",
    );
    expect(readUrlState("?asOf=2017-02-30&open=body:a&openKind=nonsense")).toEqual({
      partnershipId: null,
      asOf: null,
      selection: { kind: "body", id: "body:a" },
    });
  });
});

describe("search results", () => {
  it("say kind, date and partnership, and list an entity or an identical reading once", () => {
    const hit = (id: string, label: string, name: string) => ({
      score: 1,
      matched: name,
      node: node(id, label, name),
    });
    const hits = describeHits(
      [
        hit("body:scpb", "Body", "SCPB"),
        hit("body:scpb", "Body", "SCPB"),
        hit("meeting:a", "Meeting", "SCPB"),
        hit("meeting:b", "Meeting", "SCPB"),
        hit("meeting:c", "Meeting", "SCPB"),
        hit("org:home-office", "Organisation", "Home Office"),
      ],
      {
        bodies: [{ id: "body:scpb", partnershipId: "partnership:barnet" }],
        people: [],
        strategies: [],
        objectives: [],
        actions: [],
        meetings: [
          { id: "meeting:a", partnershipId: "partnership:barnet", date: "2016-01-29" },
          { id: "meeting:b", partnershipId: "partnership:barnet", date: "2016-04-22" },
          { id: "meeting:c", partnershipId: "partnership:barnet", date: "2016-04-22" },
        ],
        agendaItems: [],
      },
      new Map([["partnership:barnet", "Barnet"]]),
    );
    expect(hits.map((h) => [h.id, h.date, h.partnership])).toEqual([
      ["body:scpb", null, "Barnet"],
      ["meeting:a", "2016-01-29", "Barnet"],
      ["meeting:b", "2016-04-22", "Barnet"],
      ["org:home-office", null, null],
    ]);
  });
});

describe("chainLevels", () => {
  it("names each item once, with its leads grouped by role, gaps kept", () => {
    const action = node("action:1", "Action");
    const priority = node("objective:p1", "Objective");
    const strategy = node("strategy:s", "Strategy");
    const board = node("body:scpb", "Body");
    const step = (
      role: AccountabilityRole,
      relationship: RelationshipType,
      subject: typeof action | null,
      of: typeof action | null,
      gap: string | null = null,
    ) => ({ depth: 0, role, relationship, subject, of, gap });
    const levels = chainLevels([
      step("LEAD_OFFICER", "LED_BY", node("person:a", "Person"), action),
      step("PRIORITY", "CONTRIBUTES_TO", priority, action),
      step("OPERATIONAL_LEAD", "LED_BY", node("person:b", "Person"), priority),
      step("OPERATIONAL_LEAD", "LED_BY", node("person:c", "Person"), priority),
      step("STRATEGIC_LEAD", "LED_BY", null, priority, "Priority 1 has no strategic lead."),
      step("STRATEGY", "PART_OF", strategy, priority),
      step("OVERSIGHT", "OVERSEEN_BY", board, strategy),
      step("CHAIR", "MEMBER_OF", node("person:d", "Person"), board),
    ]);
    expect(levels.map((l) => [l.node.id, l.role])).toEqual([
      ["action:1", null],
      ["objective:p1", "PRIORITY"],
      ["strategy:s", "STRATEGY"],
      ["body:scpb", "OVERSIGHT"],
    ]);
    expect(levels[1]!.roles).toEqual([
      { role: "OPERATIONAL_LEAD", subjects: [node("person:b", "Person"), node("person:c", "Person")] },
    ]);
    expect(levels[1]!.gaps).toEqual(["Priority 1 has no strategic lead."]);
  });
});
