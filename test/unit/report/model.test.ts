import { describe, expect, it } from "vitest";
import { findingItems } from "../../../src/report/document/index.ts";
import {
  dayAfterYearBefore,
  deriveRag,
  formatDate,
  latestRecordedDate,
  paperContext,
  progressPeriods,
  recordedBy,
  recordedOrder,
  refKey,
} from "../../../src/report/model/index.ts";
import { subsetsFor } from "../../../src/report/render/index.ts";
import { graphqlUrl } from "../../../src/report/source/index.ts";

const row = (...periods: string[]) =>
  ({
    progress: Object.fromEntries(periods.map((p) => [p, { period: p, date: null, text: "x", rag: null }])),
  }) as never;

describe("report model helpers", () => {
  it("derives RAG from a percentage change against a percentage target", () => {
    expect(deriveRag(-1.9, -6, "DOWN")).toBe("AMBER");
    expect(deriveRag(-11.4, -5, "DOWN")).toBe("GREEN");
    expect(deriveRag(3.1, -11.9, "DOWN")).toBe("RED");
    expect(deriveRag(18.7, 10, "UP")).toBe("GREEN");
    expect(deriveRag(-2, 10, "UP")).toBe("RED");
    expect(deriveRag(-2, null, "DOWN")).toBeNull();
    expect(deriveRag(-2, -5, null)).toBeNull();
  });
  it("fills quarterly progress columns out to four quarters", () =>
    expect(progressPeriods([row("2013/14 Q3"), row("2013/14 Q1")])).toEqual([
      "2013/14 Q1",
      "2013/14 Q2",
      "2013/14 Q3",
      "2013/14 Q4",
    ]));
  it("keeps other periods as written", () =>
    expect(progressPeriods([row("July 2016", "2013/14 Q1")])).toEqual(["2013/14 Q1", "July 2016"]));
  it("has no progress columns without progress", () => expect(progressPeriods([row()])).toEqual([]));
  it("writes dates as board papers do", () =>
    expect([
      formatDate("2014-02-28"),
      formatDate("2013-07-01"),
      formatDate(null),
      formatDate("Feb-14"),
      formatDate("2016-01-29T10:00:00Z"),
      formatDate("2015-02-29"),
    ]).toEqual(["28 Feb 2014", "1 Jul 2013", "", "Feb-14", "29 Jan 2016", "2015-02-29"]));
  it("starts a body report's default period the day after a year before", () =>
    expect(dayAfterYearBefore("2016-01-29")).toBe("2015-01-30"));
  it("sorts a plan as recorded: position, else refs in natural order with number words as numbers", () => {
    const refs = ["Priority three", "Priority one", "Priority 10", "Priority two", "Priority 2"];
    expect(
      refs
        .map((ref) => ({ id: ref, ref }))
        .sort(recordedOrder)
        .map((o) => o.ref),
    ).toEqual(["Priority one", "Priority 2", "Priority two", "Priority three", "Priority 10"]);
    expect(refKey("Outcome Twelve")).toBe("Outcome 12");
    const listed = [
      { id: "b", ref: "A", position: 2 },
      { id: "a", ref: "B", position: 1 },
      { id: "c", ref: "0", position: null },
    ];
    expect([...listed].sort(recordedOrder).map((o) => o.id)).toEqual(["a", "b", "c"]);
  });
  it("finds the latest recorded date: papers, progress, readings, starts; never due dates or after today", () => {
    const subject = {
      periodStart: "2011-04-01",
      evidencedBy: [{ date: "2013-04-01" }, { date: null }],
      objectives: [{ actions: [{ updates: [{ date: "2013-12-31" }], dueDate: "2015-01-01" }] }],
      meetings: [{ date: "2099-01-01" }],
    };
    expect(latestRecordedDate(subject, "2026-12-01")).toBe("2013-12-31");
    expect(latestRecordedDate(subject, "2013-06-30")).toBe("2013-04-01");
    expect(latestRecordedDate({ evidencedBy: [] }, "2026-12-01")).toBeNull();
  });
  it("leaves out what was first recorded after the date", () => {
    expect(recordedBy([{ date: "2022-06-01" }, { date: null }], "2016-01-29")).toBe(false);
    expect(recordedBy([{ date: "2022-06-01" }, { date: "2015-01-30" }], "2016-01-29")).toBe(true);
    expect(recordedBy([{ date: null }], "2016-01-29")).toBe(true);
  });
  it("accepts an API's base URL or its /graphql URL", () => {
    expect(graphqlUrl("http://127.0.0.1:4000")).toBe("http://127.0.0.1:4000/graphql");
    expect(graphqlUrl("https://api.example.org/graphql")).toBe("https://api.example.org/graphql");
    expect(() => graphqlUrl("127.0.0.1:4000")).toThrow("is not a URL");
  });
});

describe("the board paper's context", () => {
  const meeting = {
    id: "meeting:b-2016-01-29",
    partnershipId: "partnership:b",
    title: "Board",
    date: "2016-01-29",
    meetingOf: [{ id: "body:b", name: "The Board" }],
    items: [
      {
        number: "6",
        title: "Accountability",
        outcomeRequired: "To note the pack.",
        restricted: false,
        exemption: null,
        summary: null,
        presentedBy: [{ name: "Kiran Vagarwal", honorific: null }],
      },
      {
        number: "9",
        title: "Domestic Homicide Review",
        outcomeRequired: null,
        restricted: true,
        exemption: "Paragraph 2",
        summary: null,
        presentedBy: [],
      },
    ],
  };
  it("reads the item's title, presenter and outcome required from the meeting", () =>
    expect(paperContext({ meeting: meeting.id, item: "Item 6", recommendations: [] }, meeting)).toMatchObject(
      {
        meeting: { title: "Board", date: "2016-01-29", body: "The Board" },
        item: { number: "6", title: "Accountability" },
        author: "Kiran Vagarwal",
        recommendations: ["To note the pack."],
        part: 1,
      },
    ));
  it("makes a paper for a restricted item Part 2, with its exemption", () =>
    expect(paperContext({ meeting: meeting.id, item: "9", recommendations: [] }, meeting)).toMatchObject({
      part: 2,
      exemption: "Paragraph 2",
    }));
  it("refuses Part 1 for a restricted item", () =>
    expect(() =>
      paperContext({ meeting: meeting.id, item: "9", part: 1, recommendations: [] }, meeting),
    ).toThrow("is restricted (Part 2 exempt business)"));
  it("names the item numbers a meeting has when the item is not one of them", () =>
    expect(() => paperContext({ meeting: meeting.id, item: "7", recommendations: [] }, meeting)).toThrow(
      "has no agenda item numbered so (its items: 6, 9)",
    ));
  it("prints a meeting in words as written", () =>
    expect(
      paperContext({ meeting: "Board, 1 May 2024", item: "3", recommendations: [] }, null),
    ).toMatchObject({
      meeting: { id: null, title: "Board, 1 May 2024", date: null },
      item: { number: "3", title: null },
      part: 1,
    }));
});

describe("fonts", () => {
  it("embeds latin always, and another subset only for text that needs it", () => {
    expect(subsetsFor("Safer Communities – 2014 · “quoted”")).toEqual(["latin"]);
    expect(subsetsFor("Antonín Dvořák")).toEqual(["latin-ext", "latin"]);
    expect(subsetsFor("Ελλάδα")).toContain("greek");
  });
});

describe("findings box", () => {
  const finding = (rule: string, severity: string, name: string) => ({
    rule,
    severity,
    message: `${name}: ${rule}`,
    subject: { id: name, label: "Action", name },
  });
  it("prints errors in full, collapses warnings per rule and counts notes", () => {
    const items = findingItems([
      finding("PRIORITY_WITHOUT_STRATEGIC_LEAD", "ERROR", "Priority 3"),
      finding("ACTION_OVERDUE", "WARNING", "A"),
      finding("ACTION_OVERDUE", "WARNING", "B"),
      finding("ACTION_WITHOUT_PROGRESS", "INFO", "A"),
      finding("ACTION_WITHOUT_PROGRESS", "INFO", "B"),
    ]);
    expect(items).toEqual([
      { severity: "ERROR", tag: "No strategic lead", text: "Priority 3: PRIORITY_WITHOUT_STRATEGIC_LEAD" },
      { severity: "WARNING", tag: "Overdue", text: "2: A; B." },
      { severity: "INFO", tag: "No progress", text: "2 items (actions)." },
    ]);
  });
});
