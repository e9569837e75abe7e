import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeReport, renderReport, reportRequest } from "../../src/report/index.ts";
import type { PersonReport } from "../../src/report/model/index.ts";
import { countingSource } from "./support.ts";

let source: Awaited<ReturnType<typeof countingSource>>;

beforeAll(async () => {
  source = await countingSource();
});
afterAll(async () => {
  await source?.close();
});

describe("report person: responsibilities", () => {
  it("lists what a person leads, and what nobody else leads", async () => {
    const made = await makeReport(
      source,
      reportRequest("person", "person:manju-likhman", {
        asOf: "2014-03-31",
        partnership: "partnership:barnet",
      }),
    );
    expect(source.requests).toBe(1);
    const report = made.model as PersonReport;
    expect(report.person.aliases).toContain("Manju Lukhman");
    expect(report.actions.map((a) => a.title)).toContain(
      "To implement the VAWG Action Plan targets for Year 1",
    );
    expect(
      report.actions.every((a) => a.feeds.includes("Priority 3 (Safer Communities Strategy 2011-14)")),
    ).toBe(true);
    expect(report.actions.filter((a) => a.soleLead).length).toBe(report.actions.length);
    const rows = parse(String(await renderReport(made, "csv")), { columns: true }) as Record<
      string,
      string
    >[];
    expect(rows.filter((r) => r.Relationship === "LED_BY" && r.Kind === "Action")).toHaveLength(
      report.actions.length,
    );
  });

  it("without --as-of, is as at the latest date of the person's data, not today", async () => {
    const made = await makeReport(
      source,
      reportRequest("person", "person:manju-likhman", {}),
      "2026-12-01T10:00:00.000Z",
    );
    const report = made.model as PersonReport;
    expect(report.context.asOfReason).toBe("data");
    expect(report.context.asOf < "2026-01-01").toBe(true);
    expect(report.context.partnership.name).toBe("Barnet Safer Communities Partnership");
    // As at today, every one of her 2013/14 actions would be overdue; as at her data's date, not all.
    const overdue = report.actions.filter((a) => a.flags.some((f) => f.rule === "ACTION_OVERDUE"));
    expect(report.actions.length).toBeGreaterThan(0);
    expect(overdue.length).toBeLessThan(report.actions.length);
  });

  it("lists what a board member chairs and sits on", async () => {
    const made = await makeReport(
      source,
      reportRequest("person", "person:david-longstaff", { asOf: "2016-01-29" }),
    );
    const report = made.model as PersonReport;
    expect(report.chairs.map((r) => r.subject.id)).toContain("body:scpb");
    const markdown = String(await renderReport(made, "markdown"));
    expect(markdown).toContain("## 1. Chairs");
    expect(markdown).toMatch(/\| Safer Communities Partnership Board \| Chair \|/);
  });
});
