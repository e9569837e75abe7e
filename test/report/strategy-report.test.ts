import { parse } from "csv-parse/sync";
import { HtmlValidate } from "html-validate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeReport, renderReport, reportRequest, type MadeReport } from "../../src/report/index.js";
import type { ObjectiveSection, StrategyReport } from "../../src/report/model/index.js";
import { countingSource } from "./support.js";

// The 2013/14 action plan (paper 002) is the Safer Communities Strategy 2011-14's tree, as at the end of that year.
const request = reportRequest("strategy", "strategy:safer-communities-2011-14", {
  asOf: "2014-03-31",
  partnership: "partnership:barnet",
});
let source: Awaited<ReturnType<typeof countingSource>>;
let made: MadeReport;
let report: StrategyReport;

const section = (ref: string): ObjectiveSection => {
  const found = report.sections.find((s) => s.ref === ref);
  if (!found) throw new Error(`no section ${ref}: ${report.sections.map((s) => s.ref).join(", ")}`);
  return found;
};
const action = (s: ObjectiveSection, title: string) => s.actions.find((a) => a.title.startsWith(title));

beforeAll(async () => {
  source = await countingSource();
  made = await makeReport(source, request, "2025-02-03T10:00:00.000Z");
  report = made.model as StrategyReport;
});
afterAll(async () => {
  await source?.close();
});

describe("report strategy: the 2013/14 action plan", () => {
  it("comes from one GraphQL request", () => {
    expect(source.requests).toBe(1);
  });

  it("lists the eight priorities in order", () => {
    expect(report.sections.map((s) => s.ref)).toEqual([
      "Priority 1",
      "Priority 2",
      "Priority 3",
      "Priority 4",
      "Priority 5",
      "Priority 6",
      "Priority 7",
      "Priority 8",
    ]);
    expect(section("Priority 1").title).toBe("Property crime with special focus on burglary");
  });

  it("holds the burglary target outcome with the paper's figures", () => {
    const burglary = section("Priority 1").outcomes.find((o) => o.name === "Reduction in burglary");
    expect(burglary).toMatchObject({
      target: "-6.0%",
      current: { text: "4670", period: "Current rolling 12 months" },
      previous: { text: "4760", period: "Previous rolling 12 months" },
      change: "-1.90%",
    });
    // -1.9% against a -6.0% target: the right way, short of it.
    expect(burglary).toMatchObject({ rag: "AMBER", ragDerived: true });
    const robbery = section("Priority 1").outcomes.find((o) => o.name === "Reduction in Robbery");
    expect(robbery).toMatchObject({
      target: "-5.0%",
      current: { text: "996" },
      previous: { text: "1124" },
      change: "-11.40%",
      rag: "GREEN",
    });
  });

  it("holds the roles and governance groups of the property crime priority", () => {
    const p1 = section("Priority 1");
    expect(p1.strategicLeads.map((l) => l.name)).toEqual(["D Supt Mark Strugnell"]);
    expect(p1.leadAgencies.map((l) => l.name)).toContain("Metropolitan Police Service");
    expect(p1.operationalLeads.map((l) => l.name)).toEqual(
      expect.arrayContaining(["DCI Gary Randall", "Steve Murrant"]),
    );
    expect(p1.governance).toContainEqual(
      expect.objectContaining({
        name: "Burglary Review Group",
        frequency: "Fortnightly",
        purpose: "To review Burglary performance, reduction, victim care, detection and tasking.",
      }),
    );
    expect(p1.governance).toContainEqual(
      expect.objectContaining({ name: "Acquisitive Crime Sub Group", frequency: "Monthly" }),
    );
  });

  it("holds named actions with their leads, due dates as written and normalised, and progress by quarter", () => {
    const p1 = section("Priority 1");
    expect(action(p1, "To complete 4 Property Roadshow")).toMatchObject({
      leads: [expect.objectContaining({ name: "Richard Bell" })],
      dueText: "30.3.2014",
      dueDate: "2014-03-30",
    });
    const analytical = action(p1, "Analytical products to identify highest areas");
    expect(analytical).toMatchObject({
      leads: [expect.objectContaining({ name: "DCI Gary Randall" })],
      dueText: "on going",
      dueDate: null,
    });
    expect(analytical?.progress["2013/14 Q1"]?.text).toContain('Introduction of "Nano" beats');
    expect(analytical?.progress["2013/14 Q3"]?.text).toContain("Operation Autumn Nights");
    expect(p1.periods).toEqual(["2013/14 Q1", "2013/14 Q2", "2013/14 Q3", "2013/14 Q4"]);
    const vawg = action(section("Priority 3"), "To implement the VAWG Action Plan targets for Year 1");
    expect(vawg).toMatchObject({
      leads: [expect.objectContaining({ name: "Manju Likhman" })],
      dueText: "Feb-14",
      dueDate: "2014-02-28",
    });
    expect(vawg?.flags.map((f) => f.tag)).toContain("Overdue");
    expect(
      action(section("Priority 3"), "To ensure domestic violence homicide processes")?.flags.map(
        (f) => f.tag,
      ),
    ).not.toContain("Overdue");
  });

  it("flags the violent-crime priority's missing leads", async () => {
    const p3 = section("Priority 3");
    expect(p3.title).toBe("Violent crime with specific focus on domestic violence");
    expect(p3.strategicLeads).toEqual([]);
    expect(p3.leadAgencies).toEqual([]);
    expect(p3.operationalLeads).toEqual([]);
    expect(p3.flags.map((f) => f.rule)).toEqual(
      expect.arrayContaining(["PRIORITY_WITHOUT_STRATEGIC_LEAD", "PRIORITY_WITHOUT_LEAD_AGENCY"]),
    );
    expect(section("Priority 1").flags.map((f) => f.rule)).not.toContain("PRIORITY_WITHOUT_STRATEGIC_LEAD");
    const markdown = String(await renderReport(made, "markdown"));
    const p3Text = markdown.slice(markdown.indexOf("## Priority 3"), markdown.indexOf("## Priority 4"));
    expect(p3Text).toContain("**A) Lead agency:** _Not recorded_ ⛔ **No lead agency**");
    expect(p3Text).toContain("**B) Strategic lead (owner):** _Not recorded_ ⛔ **No strategic lead**");
  });

  it("writes CSV with one row per action, parsed back by a CSV library", async () => {
    const rows = parse(String(await renderReport(made, "csv")), {
      columns: true,
      skip_empty_lines: true,
    }) as Record<string, string>[];
    expect(rows).toHaveLength(report.actions.length);
    expect(new Set(rows.map((r) => r.Id)).size).toBe(rows.length);
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(
      rows.find((r) => r.Action === "To complete 4 Property Roadshow in specific Hot spot areas"),
    ).toMatchObject({
      "Priority/objective": "Priority 1",
      Lead: "Richard Bell",
      "Due (as written)": "30.3.2014",
      "Due date": "2014-03-30",
      Flags: expect.stringContaining("Overdue"),
    });
    // An action feeding two priorities is one row naming both.
    expect(
      rows.find((r) => r.Action?.startsWith("To enhance information sharing processes within IOM"))?.[
        "Priority/objective"
      ],
    ).toBe("Priority 1; Priority 7");
  });

  it("writes valid, standalone HTML", async () => {
    const html = String(await renderReport(made, "html"));
    const result = await new HtmlValidate({ extends: ["html-validate:recommended"] }).validateString(html);
    const messages = result.results.flatMap((r) =>
      r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
    );
    expect(messages).toEqual([]);
    expect(result.valid).toBe(true);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).not.toMatch(/<script|<link|src="http/);
    expect(html).toContain("No strategic lead");
  });
  // The PDF, which needs Chromium, is printed in test/browser/strategy-report-pdf.test.ts.
});
