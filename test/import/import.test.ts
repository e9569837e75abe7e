import { readFileSync } from "node:fs";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entityHistory } from "../../src/history/index.ts";
import { formatImportReport, importSpreadsheet, type ImportReport } from "../../src/import/index.ts";
import { reportRequest, runReport } from "../../src/report/index.ts";
import { createReadQuery } from "../../src/traversals/index.ts";
import { countingSource, tempDir } from "../report/support.ts";
import { DATABASE, testDriver } from "../support/database.ts";
import { footprint, loadImportFixture } from "./fixture.ts";
import { csv, leadCell, xlsx, type Cell, type SamplePlan, type SheetSpec } from "./sample-plans.ts";

const QUARTERS = ["2013/14 Q1", "2013/14 Q2", "2013/14 Q3", "2013/14 Q4"];

let driver: Driver;
let fixture: Awaited<ReturnType<typeof loadImportFixture>>;

/** The 2013/14 plan as its keeper's sheet after `quarters` quarters: a title above the header, each priority named once. */
function sheet2013(
  plan: SamplePlan,
  quarters: number,
  edit: (ref: string, row: Cell[]) => Cell[] = (_, r) => r,
): SheetSpec {
  let priority = 0;
  return {
    name: "Action plan 2013-14",
    preamble: [["Action planning 2013/14 for the Safer Communities Strategy 2011-14"], []],
    header: [
      "Priority",
      "Ref",
      "Action",
      "Lead officer",
      "Date",
      "Status",
      ...QUARTERS.slice(0, quarters),
      "Flags",
    ],
    rows: plan.actions.map((action) => {
      const first = action.priority !== priority;
      priority = action.priority;
      const row: Cell[] = [
        first ? `Priority ${action.priority}` : null,
        action.ref,
        action.title,
        leadCell(plan, action.leads),
        // One due date as a real date cell, the rest as the paper's words.
        action.ref === "1.5" ? new Date(Date.UTC(2014, 2, 30)) : (action.dueText ?? null),
        "In progress",
        ...QUARTERS.slice(0, quarters).map((q) => action.progress[q] ?? null),
        "not read",
      ];
      return edit(action.ref, row);
    }),
  };
}

const progressCount = (plan: SamplePlan, quarters: number): number =>
  plan.actions.reduce((n, a) => n + QUARTERS.slice(0, quarters).filter((q) => a.progress[q]).length, 0);

async function runImport(
  file: string,
  content: Buffer,
  options: {
    partnershipId?: string;
    strategyId?: string;
    dryRun?: boolean;
    mapping?: string;
    onStep?: (done: number, total: number, step: string) => void;
  } = {},
): Promise<ImportReport> {
  return importSpreadsheet(
    driver,
    {
      fileName: file,
      content,
      partnershipId: options.partnershipId ?? fixture.a.partnershipId,
      strategyId: options.strategyId ?? fixture.ids.a.strategy,
      dryRun: options.dryRun ?? false,
      actor: "test-import",
      ...(options.mapping ? { mapping: { text: options.mapping, fileName: "mapping.yaml" } } : {}),
    },
    { database: DATABASE, ...(options.onStep ? { onStep: options.onStep } : {}) },
  );
}

const rows = async (cypher: string, parameters: Record<string, unknown> = {}) =>
  (await driver.executeQuery(cypher, parameters, { database: DATABASE })).records.map((r) => r.toObject());

beforeAll(async () => {
  driver = testDriver();
  fixture = await loadImportFixture(driver);
});

afterAll(async () => {
  await fixture?.cleanup();
  await driver?.close();
});

describe("importing the 2013/14 action plan (XLSX) into partnership A", () => {
  it("creates the actions, leads, due dates, status and Q1-Q2 progress, with provenance, in A only", async () => {
    const { p2013 } = fixture.plans;
    const barnet = await footprint(driver, "partnership:barnet");
    const b = await footprint(driver, fixture.b.partnershipId);
    const report = await runImport("plan-2013-14-q2.xlsx", await xlsx([sheet2013(p2013, 2)]));
    expect(report.errors).toEqual([]);
    expect(report.written).toBe(true);
    expect(report.totals.byLabel.find((t) => t.label === "Action")).toEqual({
      label: "Action",
      created: 40,
      changed: 0,
      unchanged: 0,
    });
    expect(report.totals.byLabel.find((t) => t.label === "ProgressUpdate")?.created).toBe(
      progressCount(p2013, 2),
    );
    expect(report.rows).toHaveLength(40);
    expect(report.ignoredColumns.map((c) => c.header)).toEqual(["Flags"]);

    const [action] = await rows(
      `MATCH (a:Action {id: $id})-[l:LED_BY]->(p:Person) MATCH (a)-[e:EVIDENCED_BY]->(d:Document)
       RETURN a {.*} AS a, collect(DISTINCT p.id) AS leads, collect(DISTINCT l {.role, .source, .locator}) AS links,
              collect(DISTINCT e.locator) AS locators, d {.id, .kind, .fileName, .partnershipId, date: toString(d.date)} AS document`,
      { id: `action:${fixture.a.slug}-scs:1.1` },
    );
    expect(action!.a).toMatchObject({
      ref: "1.1",
      kind: "ACTION",
      dueText: "on going",
      status: "IN_PROGRESS",
      partnershipId: fixture.a.partnershipId,
      updatedBy: "test-import",
    });
    expect(action!.leads).toEqual([fixture.ids.a.person("gary-randall")]);
    expect(action!.links).toEqual([
      {
        role: "LEAD_OFFICER",
        source: report.document.id,
        locator: "Action plan 2013-14, row 4, column D (Lead officer)",
      },
    ]);
    expect(action!.locators).toEqual(["Action plan 2013-14, row 4"]);
    expect(action!.document).toMatchObject({
      id: `doc:import:${fixture.a.slug}:plan-2013-14-q2.xlsx`,
      kind: "SPREADSHEET",
      fileName: "plan-2013-14-q2.xlsx",
      partnershipId: fixture.a.partnershipId,
    });
    expect(action!.document.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // "CI Mariner/ Richard Bell": two leads, the rank dropped, and A's Richard Bell (Barnet and B have one each).
    const [shared] = await rows(`MATCH (a:Action {id: $id})-[:LED_BY]->(p) RETURN collect(p.id) AS leads`, {
      id: `action:${fixture.a.slug}-scs:1.2`,
    });
    expect([...(shared!.leads as string[])].sort()).toEqual(
      [fixture.ids.a.person("andy-mariner"), fixture.ids.a.person("richard-bell")].sort(),
    );
    const [dated] = await rows(
      `MATCH (a:Action {id: $id}) RETURN toString(a.dueDate) AS date, a.dueText AS text`,
      { id: `action:${fixture.a.slug}-scs:1.5` },
    );
    expect(dated).toEqual({ date: "2014-03-30", text: null });
    const [worded] = await rows(
      `MATCH (a:Action {id: $id}) RETURN toString(a.dueDate) AS date, a.dueText AS text`,
      { id: `action:${fixture.a.slug}-scs:1.6` },
    );
    expect(worded).toEqual({ date: "2014-03-30", text: "30.3.2014" });
    const [update] = await rows(
      `MATCH (:Action {id: $id})-[h:HAS_UPDATE]->(u:ProgressUpdate {period: "2013/14 Q1"}) RETURN u.text AS text, toString(u.date) AS date, h.locator AS locator`,
      { id: `action:${fixture.a.slug}-scs:1.1` },
    );
    expect(update).toMatchObject({
      text: p2013.actions[0]!.progress["2013/14 Q1"],
      date: "2013-06-30",
      locator: "Action plan 2013-14, row 4, column G (2013/14 Q1)",
    });
    // Every action feeds its priority; nothing outside A moved.
    const [fed] = await rows(
      `MATCH (a:Action {partnershipId: $p})-[:CONTRIBUTES_TO]->(o:Objective) RETURN count(a) AS n, collect(DISTINCT o.ref) AS refs`,
      { p: fixture.a.partnershipId },
    );
    expect(Number(fed!.n)).toBe(40);
    expect([...(fed!.refs as string[])].sort()).toEqual(["Priority 1", "Priority 2", "Priority 3"]);
    expect(await footprint(driver, "partnership:barnet")).toEqual(barnet);
    expect(await footprint(driver, fixture.b.partnershipId)).toEqual(b);
  });

  it("re-importing the next quarter's sheet adds Q3, changes what changed, and duplicates nothing", async () => {
    const { p2013 } = fixture.plans;
    const sheet = sheet2013(p2013, 3, (ref, row) => {
      if (ref === "1.5") row[5] = "Complete";
      if (ref === "1.2") row[3] = "Richard Bell";
      return row;
    });
    const report = await runImport("plan-2013-14-q3.xlsx", await xlsx([sheet]));
    expect(report.errors).toEqual([]);
    const q3 = progressCount(p2013, 3) - progressCount(p2013, 2);
    expect(q3).toBeGreaterThan(0);
    expect(report.totals.byLabel.find((t) => t.label === "ProgressUpdate")).toEqual({
      label: "ProgressUpdate",
      created: q3,
      changed: 0,
      unchanged: progressCount(p2013, 2),
    });
    expect(report.totals.byLabel.find((t) => t.label === "Action")).toEqual({
      label: "Action",
      created: 0,
      changed: 2,
      unchanged: 38,
    });
    const byRef = (ref: string) =>
      report.rows.find((r) => r.subject.id === `action:${fixture.a.slug}-scs:${ref}`)!;
    expect(byRef("1.5").changes).toEqual([
      expect.objectContaining({ kind: "changed", field: "status", before: "IN_PROGRESS", after: "COMPLETE" }),
    ]);
    expect(byRef("1.2").changes).toEqual([
      expect.objectContaining({ kind: "unlinked", field: "LED_BY", before: "Andy Mariner" }),
    ]);
    expect(byRef("1.3").outcome).toBe("unchanged");

    const [counts] = await rows(
      `MATCH (a:Action {partnershipId: $p}) WITH count(a) AS actions
       MATCH (u:ProgressUpdate {partnershipId: $p}) WITH actions, count(u) AS updates, count(DISTINCT u.id) AS ids
       MATCH (:Action {partnershipId: $p})-[h:HAS_UPDATE]->() RETURN actions, updates, ids, count(h) AS links`,
      { p: fixture.a.partnershipId },
    );
    expect(Number(counts!.actions)).toBe(40);
    expect(Number(counts!.updates)).toBe(progressCount(p2013, 3));
    expect(Number(counts!.ids)).toBe(progressCount(p2013, 3));
    expect(Number(counts!.links)).toBe(progressCount(p2013, 3));
    const [leads] = await rows(`MATCH (a:Action {id: $id})-[:LED_BY]->(p) RETURN collect(p.id) AS ids`, {
      id: `action:${fixture.a.slug}-scs:1.2`,
    });
    expect(leads!.ids).toEqual([fixture.ids.a.person("richard-bell")]);
    // Both files are Documents; what the second changed cites it.
    const [cites] = await rows(
      `MATCH (:Action {id: $id})-[e:EVIDENCED_BY]->(d:Document) RETURN collect(d.fileName) AS files`,
      { id: `action:${fixture.a.slug}-scs:1.5` },
    );
    expect([...(cites!.files as string[])].sort()).toEqual(["plan-2013-14-q2.xlsx", "plan-2013-14-q3.xlsx"]);
    // The history records who imported what, from the transaction's metadata.
    const history = await entityHistory(
      createReadQuery(driver, DATABASE, 15_000),
      { officerOf: "all" },
      `action:${fixture.a.slug}-scs:1.5`,
      10,
    );
    expect(history[0]).toMatchObject({ actor: "test-import", via: "import", source: "plan-2013-14-q3.xlsx" });
    expect(history[0]!.facts).toContainEqual(
      expect.objectContaining({ kind: "PROPERTY_SET", property: "status", after: '"COMPLETE"' }),
    );
    expect(history.at(-1)).toMatchObject({ via: "import", source: "plan-2013-14-q2.xlsx" });
  });

  it("the same sheet again creates and changes nothing, and writes nothing", async () => {
    const before = await footprint(driver, fixture.a.partnershipId);
    const sheet = sheet2013(fixture.plans.p2013, 3, (ref, row) => {
      if (ref === "1.5") row[5] = "Complete";
      if (ref === "1.2") row[3] = "Richard Bell";
      return row;
    });
    const report = await runImport("plan-2013-14-q3-again.xlsx", await xlsx([sheet]));
    expect(report.errors).toEqual([]);
    expect(report.totals).toMatchObject({ created: 0, changed: 0 });
    expect(report.written).toBe(false);
    expect(report.document.created).toBe(false);
    expect(await footprint(driver, fixture.a.partnershipId)).toEqual(before);
  });

  it("--dry-run says row by row what Q4 would create and change, and writes nothing", async () => {
    const before = await footprint(driver, fixture.a.partnershipId);
    const sheet = sheet2013(fixture.plans.p2013, 4, (ref, row) => {
      if (ref === "1.5") row[5] = "Complete";
      if (ref === "1.2") row[3] = "Richard Bell";
      if (ref === "2.1") row[9] = "Year-end review done";
      if (ref === "2.2") row[2] = "A new title for 2.2";
      return row;
    });
    const report = await runImport("plan-2013-14-q4.xlsx", await xlsx([sheet]), { dryRun: true });
    expect(report.errors).toEqual([]);
    expect(report.dryRun).toBe(true);
    expect(report.written).toBe(false);
    expect(report.totals.byLabel.find((t) => t.label === "ProgressUpdate")?.created).toBe(1);
    const text = formatImportReport(report);
    expect(text).toContain("dry run, nothing written");
    expect(text).toMatch(
      /Action plan 2013-14, row 11 +changed +Action action:[^ ]+:2\.1 .*\n +\+ ProgressUpdate update:[^ ]+:2\.1:2013-14-q4/,
    );
    expect(text).toMatch(
      /row 12 +changed +Action action:[^ ]+:2\.2 .*\n +title: ".*" -> "A new title for 2\.2"/,
    );
    expect(text).toMatch(/row 13 +unchanged +Action action:[^ ]+:2\.3/);
    expect(await footprint(driver, fixture.a.partnershipId)).toEqual(before);
  });
});

describe("importing the 2022-23 action plan (CSV) into partnership B", () => {
  it("creates its actions under B's themes with one progress column, and is idempotent", async () => {
    const { p2022 } = fixture.plans;
    const spec: SheetSpec = {
      name: "csv",
      header: [
        "Priority/objective",
        "Ref",
        "Actions/Progress/Comments",
        "Lead",
        "Status",
        "2022-2023",
        "2022-2023 RAG",
      ],
      rows: p2022.actions.map((action, index) => [
        `Theme ${action.priority}`,
        action.ref,
        action.title,
        index === 0 ? "Richard Bell; Kiran Patel" : index === 1 ? "Metropolitan Police Service" : null,
        index % 2 ? "Ongoing" : "Complete",
        action.progress["2022-2023"] ?? null,
        index === 2 ? "G" : null,
      ]),
    };
    const report = await runImport("plan-2022-23.csv", csv(spec), {
      partnershipId: fixture.b.partnershipId,
      strategyId: fixture.ids.b.strategy,
    });
    expect(report.errors).toEqual([]);
    expect(report.totals.byLabel.find((t) => t.label === "Action")?.created).toBe(p2022.actions.length);
    expect(report.totals.byLabel.find((t) => t.label === "ProgressUpdate")?.created).toBe(
      p2022.actions.filter((a) => a.progress["2022-2023"]).length,
    );
    const [first] = await rows(
      `MATCH (a:Action {id: $id}) RETURN [(a)-[:LED_BY]->(p) | p.id] AS leads, a.status AS status, [(a)-[:HAS_UPDATE]->(u) | u {.period, .rag, date: u.date}] AS updates`,
      { id: `action:${fixture.b.slug}-plan:1.1` },
    );
    expect([...(first!.leads as string[])].sort()).toEqual(
      [fixture.ids.b.person("kiran-patel"), fixture.ids.b.person("richard-bell")].sort(),
    );
    expect(first!.status).toBe("COMPLETE");
    expect(first!.updates).toEqual([{ period: "2022-2023", rag: null, date: null }]);
    const [second] = await rows(
      `MATCH (a:Action {id: $id})-[:LED_BY]->(o) RETURN o.id AS lead, o.partnershipId AS owner`,
      { id: `action:${fixture.b.slug}-plan:1.2` },
    );
    expect(second).toEqual({ lead: "org:met-police", owner: "shared" });
    const [rated] = await rows(`MATCH (a:Action {id: $id})-[:HAS_UPDATE]->(u) RETURN u.rag AS rag`, {
      id: `action:${fixture.b.slug}-plan:1.3`,
    });
    expect(rated!.rag).toBe("GREEN");
    const again = await runImport("plan-2022-23.csv", csv(spec), {
      partnershipId: fixture.b.partnershipId,
      strategyId: fixture.ids.b.strategy,
    });
    expect(again.totals).toMatchObject({ created: 0, changed: 0 });
  });
});

describe("the xlsx export of a plan re-imports unchanged", () => {
  it("import -> report strategy --format xlsx -> re-import reports 0 created, 0 changed (partnership A)", async () => {
    const dir = tempDir();
    const out = path.join(dir, "a-plan.xlsx");
    const source = await countingSource();
    try {
      await runReport(
        reportRequest("strategy", fixture.ids.a.strategy, { out, partnership: fixture.a.partnershipId }),
        { source },
      );
    } finally {
      await source.close();
    }
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    const before = await footprint(driver, fixture.a.partnershipId);
    const report = await runImport("a-plan.xlsx", bytes);
    expect(report.errors).toEqual([]);
    expect(report.totals).toMatchObject({ created: 0, changed: 0 });
    expect(report.totals.byLabel.find((t) => t.label === "Action")?.unchanged).toBe(40);
    expect(report.written).toBe(false);
    expect(await footprint(driver, fixture.a.partnershipId)).toEqual(before);
  });

  it("Barnet's seeded 2011-14 strategy: its export re-imports with nothing to create or change", async () => {
    const dir = tempDir();
    const out = path.join(dir, "barnet.xlsx");
    const source = await countingSource();
    try {
      await runReport(
        reportRequest("strategy", "strategy:safer-communities-2011-14", {
          out,
          partnership: "partnership:barnet",
        }),
        { source },
      );
    } finally {
      await source.close();
    }
    const report = await runImport("barnet.xlsx", readFileSync(out), {
      partnershipId: "partnership:barnet",
      strategyId: "strategy:safer-communities-2011-14",
      dryRun: true,
    });
    expect(report.errors).toEqual([]);
    expect(report.totals).toMatchObject({ created: 0, changed: 0 });
    // The plan's actions, progress and target outcomes all came back.
    const labels = Object.fromEntries(report.totals.byLabel.map((t) => [t.label, t.unchanged]));
    expect(labels.Action).toBeGreaterThanOrEqual(40);
    expect(labels.ProgressUpdate).toBeGreaterThan(0);
    expect(labels.Measurement).toBeGreaterThan(0);
  }, 240_000);
});
