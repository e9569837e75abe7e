import { parse } from "csv-parse/sync";
import { HtmlValidate } from "html-validate";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeReport, renderReport, reportRequest } from "../../src/report/index.js";
import type { BodyReport } from "../../src/report/model/index.js";
import { DATABASE, isolatedPartnership, testDriver } from "../support/database.js";
import { countingSource } from "./support.js";

let driver: Driver;
let source: Awaited<ReturnType<typeof countingSource>>;
let fixture: ReturnType<typeof isolatedPartnership>;

/** A board with two levels of groups, chairs, a strategy, a meeting with attendance and an action log. */
async function createFixture(partnershipId: string, slug: string): Promise<void> {
  await driver.executeQuery(
    `CREATE (board:Body {id: $slug + ':board', partnershipId: $p, name: 'Test Board', kind: 'STATUTORY_BOARD', frequency: 'Quarterly'})
     CREATE (alpha:Body {id: $slug + ':alpha', partnershipId: $p, name: 'Alpha Delivery Group', kind: 'STRATEGY_DELIVERY_GROUP', frequency: 'Monthly', purpose: 'Delivers the alpha priority.'})
     CREATE (beta:Body {id: $slug + ':beta', partnershipId: $p, name: 'Beta Case Panel', kind: 'CASE_PANEL', frequency: '3 weekly'})
     CREATE (alpha)-[:ACCOUNTABLE_TO]->(board), (beta)-[:PROVIDES_UPDATES_TO {frequency: 'Quarterly'}]->(alpha)
     CREATE (ada:Person {id: $slug + ':ada', partnershipId: $p, name: 'Ada Chair', honorific: 'Cllr'})-[:MEMBER_OF {role: 'CHAIR'}]->(board)
     CREATE (ben:Person {id: $slug + ':ben', partnershipId: $p, name: 'Ben Lead'})-[:MEMBER_OF {role: 'CHAIR'}]->(alpha)
     CREATE (cleo:Person {id: $slug + ':cleo', partnershipId: $p, name: 'Cleo Vice'})-[:MEMBER_OF {role: 'VICE_CHAIR'}]->(beta)
     CREATE (ben)-[:MEMBER_OF {role: 'MEMBER', representing: 'Alpha Delivery Group'}]->(board)
     CREATE (:Strategy {id: $slug + ':strategy', partnershipId: $p, title: 'Test Strategy 2024-27', kind: 'STRATEGY', periodStart: date('2024-01-01')})-[:OVERSEEN_BY]->(alpha)
     CREATE (m:Meeting {id: $slug + ':meeting', partnershipId: $p, title: 'Test Board', date: date('2024-05-01'), venue: 'Town Hall'})-[:MEETING_OF]->(board)
     CREATE (ada)-[:ATTENDED {status: 'PRESENT'}]->(m), (ben)-[:ATTENDED {status: 'APOLOGIES'}]->(m)
     CREATE (a:Action {id: $slug + ':action', partnershipId: $p, title: 'Circulate the terms of reference', kind: 'MEETING_ACTION', dueDate: date('2024-06-01'), dueText: '1 June'})-[:RAISED_AT]->(m)
     CREATE (a)-[:LED_BY {role: 'LEAD_OFFICER'}]->(ben)`,
    { p: partnershipId, slug: `body:${slug}` },
    { database: DATABASE },
  );
}

beforeAll(async () => {
  driver = testDriver();
  fixture = isolatedPartnership(driver);
  await createFixture(fixture.partnershipId, fixture.slug);
  source = await countingSource();
});
afterAll(async () => {
  await fixture?.cleanup();
  await source?.close();
  await driver?.close();
});

describe("report body: a board's accountability pack", () => {
  it("lists every group under a board with its chair, frequency and line to the board", async () => {
    const made = await makeReport(
      source,
      reportRequest("body", `body:${fixture.slug}:board`, { asOf: "2024-12-31" }),
    );
    const report = made.model as BodyReport;
    expect(report.body).toMatchObject({
      name: "Test Board",
      frequency: "Quarterly",
      chairs: [expect.objectContaining({ name: "Cllr Ada Chair", role: "CHAIR" })],
    });
    expect(
      report.groups.map((g) => ({
        name: g.name,
        chairs: g.chairs.map((c) => `${c.name} (${c.role})`),
        frequency: g.frequency,
        line: g.relationship,
        to: g.reportsTo,
        every: g.reportingFrequency,
        depth: g.depth,
      })),
    ).toEqual([
      {
        name: "Alpha Delivery Group",
        chairs: ["Ben Lead (CHAIR)"],
        frequency: "Monthly",
        line: "ACCOUNTABLE_TO",
        to: "Test Board",
        every: null,
        depth: 1,
      },
      {
        name: "Beta Case Panel",
        chairs: ["Cleo Vice (VICE_CHAIR)"],
        frequency: "3 weekly",
        line: "PROVIDES_UPDATES_TO",
        to: "Alpha Delivery Group",
        every: "Quarterly",
        depth: 2,
      },
    ]);
    expect(report.groups[0]?.accountableFor).toEqual(["Test Strategy 2024-27"]);
    expect(report.strategies).toEqual([
      expect.objectContaining({ title: "Test Strategy 2024-27", overseenBy: "Alpha Delivery Group" }),
    ]);
    expect(report.meetings).toEqual([
      expect.objectContaining({ date: "2024-05-01", present: 1, apologies: 1 }),
    ]);
    expect(report.attendance).toContainEqual(
      expect.objectContaining({ name: "Ben Lead", present: 0, apologies: 1, of: 1 }),
    );
    expect(report.openActions).toEqual([
      expect.objectContaining({
        title: "Circulate the terms of reference",
        dueText: "1 June",
        leads: [expect.objectContaining({ name: "Ben Lead" })],
      }),
    ]);
    expect(report.openActions[0]?.flags.map((f) => f.tag)).toContain("Overdue");

    const markdown = String(await renderReport(made, "markdown"));
    expect(markdown).toContain(
      "| **Alpha Delivery Group**<br>Delivers the alpha priority. | Strategy delivery group | Ben Lead | Monthly | Accountable to Test Board | Test Strategy 2024-27 |",
    );
    expect(markdown).toContain(
      "| Beta Case Panel | Case panel | Cleo Vice | 3 weekly | Provides updates to Alpha Delivery Group<br>Quarterly | _Nothing recorded_ |",
    );
    const rows = parse(String(await renderReport(made, "csv")), { columns: true }) as Record<
      string,
      string
    >[];
    expect(rows.map((r) => [r.Group, r.Chair, r.Frequency])).toEqual([
      ["Alpha Delivery Group", "Ben Lead", "Monthly"],
      ["Beta Case Panel", "Cleo Vice", "3 weekly"],
    ]);
  });

  it("for the SCPB as at 29 Jan 2016: its groups with chairs and frequencies, meetings, attendance and open actions", async () => {
    const before = source.requests;
    const made = await makeReport(source, reportRequest("body", "body:scpb", { asOf: "2016-01-29" }));
    expect(source.requests - before).toBe(1);
    const report = made.model as BodyReport;
    expect(report.period).toEqual({ from: "2015-01-30", to: "2016-01-29" });
    expect(report.body.chairs.map((c) => c.name)).toEqual(["Cllr David Longstaff"]);
    expect(report.groups).toContainEqual(
      expect.objectContaining({
        name: "Acquisitive Crime Sub Group",
        frequency: "Monthly",
        relationship: "ACCOUNTABLE_TO",
        reportsTo: "Safer Communities Partnership Board",
      }),
    );
    expect(report.groups).toContainEqual(
      expect.objectContaining({ name: "Counter-Terrorism & Prevent Working Group", frequency: "quarterly" }),
    );
    expect(report.groups).toContainEqual(
      expect.objectContaining({ name: "BASBAG", relationship: "PROVIDES_UPDATES_TO" }),
    );
    expect(report.groups.find((g) => g.name === "Acquisitive Crime Sub Group")?.accountableFor).toContain(
      "Priority 1: Property crime with special focus on burglary (Safer Communities Strategy 2011-14)",
    );
    // The papers name no chair for these groups: the pack says so rather than leaving a blank.
    const markdown = String(await renderReport(made, "markdown"));
    expect(markdown).toMatch(
      /\| \*\*Acquisitive Crime Sub Group\*\*<br>[^|]+ \| Strategy delivery group \| _Not recorded_ \| Monthly \| Accountable to Safer Communities Partnership Board \|/,
    );
    expect(report.strategies.map((s) => s.id)).toEqual(
      expect.arrayContaining(["strategy:safer-communities-2011-14", "strategy:community-safety-2015-20"]),
    );
    expect(report.strategies.map((s) => s.id)).not.toContain("strategy:community-safety-2022-27");
    expect(report.meetings).toContainEqual(
      expect.objectContaining({ date: "2015-10-30", present: 12, apologies: 5, substitutes: 1 }),
    );
    expect(report.openActions.length).toBeGreaterThanOrEqual(5);
    expect(report.openActions[0]?.meeting.date).toBe("2015-10-30");

    const html = String(await renderReport(made, "html"));
    const result = await new HtmlValidate({ extends: ["html-validate:recommended"] }).validateString(html);
    expect(result.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
  });

  it("names the id it could not find", async () => {
    await expect(makeReport(source, reportRequest("body", "body:no-such-board", {}))).rejects.toThrow(
      'No body with id "body:no-such-board"',
    );
  });
});
