import { describe, expect, it } from "vitest";
import { findingItems } from "../../../src/report/document/index.js";
import {
  deriveRag,
  progressPeriods,
  formatDate,
  recordedBy,
  validAt,
} from "../../../src/report/model/index.js";
import { graphqlUrl } from "../../../src/report/source/index.js";

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
    ]).toEqual(["28 Feb 2014", "1 Jul 2013", "", "Feb-14"]));
  it("keeps facts valid on the date", () => {
    expect(validAt({ validFrom: "2016-01-29", validTo: null }, "2016-01-29")).toBe(true);
    expect(validAt({ validFrom: "2017-07-21" }, "2016-01-29")).toBe(false);
    expect(validAt({ validTo: "2015-12-31" }, "2016-01-29")).toBe(false);
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
