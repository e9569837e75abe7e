import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImportError, importSpreadsheet, type CellError, type ImportReport } from "../../src/import/index.ts";
import { DATABASE, testDriver } from "../support/database.ts";
import { footprint, loadImportFixture } from "./fixture.ts";
import { xlsx, type Cell } from "./sample-plans.ts";

let driver: Driver;
let fixture: Awaited<ReturnType<typeof loadImportFixture>>;

const run = (
  fileName: string,
  content: Buffer,
  options: {
    strategyId?: string;
    partnershipId?: string;
    mapping?: string;
    onStep?: (done: number, total: number, step: string) => void;
  } = {},
): Promise<ImportReport> =>
  importSpreadsheet(
    driver,
    {
      fileName,
      content,
      partnershipId: options.partnershipId ?? fixture.a.partnershipId,
      strategyId: options.strategyId ?? fixture.ids.a.strategy,
      actor: "test-import",
      ...(options.mapping ? { mapping: { text: options.mapping, fileName: "mapping.yaml" } } : {}),
    },
    { database: DATABASE, ...(options.onStep ? { onStep: options.onStep } : {}) },
  );

const at = (e: CellError): string => `${e.sheet}!${e.column}${e.row}`;

/** A sheet with one good row and one bad cell of each kind per row; a target-outcomes sheet with bad readings. */
async function badWorkbook(): Promise<Buffer> {
  const header = [
    "Priority",
    "Ref",
    "Action",
    "Kind",
    "Lead",
    "Due date",
    "Status",
    "2013/14 Q1",
    "2013/14 Q1 RAG",
    "Qtr 2",
    "Id",
  ];
  const row = (cells: Partial<Record<string, Cell>>): Cell[] => header.map((h) => cells[h] ?? null);
  return xlsx([
    {
      name: "Action plan",
      header,
      rows: [
        row({
          Priority: "Priority 1",
          Ref: "1.1",
          Action: "A good row",
          Lead: "Richard Bell",
          "Due date": "on going",
          Status: "In progress",
          "2013/14 Q1": "Started",
        }),
        row({ Ref: "1.2", Action: "Impossible date", "Due date": "31.2.2014" }),
        row({ Ref: "1.3", Action: "Unknown status", Status: "Finished-ish" }),
        row({ Ref: "1.4", Action: "Unknown RAG", "2013/14 Q1": "Some progress", "2013/14 Q1 RAG": "Purple" }),
        row({ Ref: "1.5", Action: "Unknown kind", Kind: "Widget" }),
        row({ Action: "No ref nor id" }),
        row({ Ref: "1.7", Status: "Complete" }),
        row({ Priority: "Priority 99", Ref: "1.8", Action: "Unknown objective" }),
        row({ Priority: "Priority 1", Ref: "1.9", Action: "Unknown lead", Lead: "Nobody Atall" }),
        row({ Ref: "1.10", Action: "Ambiguous lead", Lead: "Leader" }),
        row({ Ref: "1.11", Action: "A lead only partnership B has", Lead: "Kiran Patel" }),
        row({ Ref: "1.12", Action: "RAG without its text", "2013/14 Q1 RAG": "G" }),
        row({ Ref: "1.1", Action: "The same ref again" }),
        row({ Ref: "1.13", Action: "An id of the wrong form", Id: "Body:X" }),
        row({ Ref: "1.14", Action: "Partnership B's action", Id: fixture.ids.b.action }),
      ],
    },
    {
      name: "Target outcomes",
      header: ["Objective ref", "Indicator", "Better", "Period", "Date", "Value", "Comparison value", "RAG"],
      rows: [
        ["Priority 1", "Reduction in burglary", "Sideways", "2013/14", "2014-03-31", "4670", "lots", "R"],
        ["Priority 1", "Reduction in burglary", null, "2014/15", "31.2.2015", "4100", null, null],
      ],
    },
  ]);
}

beforeAll(async () => {
  driver = testDriver();
  fixture = await loadImportFixture(driver);
});

afterAll(async () => {
  await fixture?.cleanup();
  await driver?.close();
});

describe("bad cells: every one reported with sheet, row, column, what was expected and the fix; nothing written", () => {
  it("reports each kind of bad cell, and writes nothing (not even the good row)", async () => {
    const before = await footprint(driver, fixture.a.partnershipId);
    const report = await run("bad.xlsx", await badWorkbook());
    expect(report.written).toBe(false);
    expect(report.errors.map(at)).toEqual([
      "Action plan!J1", // "Qtr 2" with no year
      "Action plan!F3", // 31.2.2014
      "Action plan!G4", // Finished-ish
      "Action plan!I5", // Purple
      "Action plan!D6", // Widget
      "Action plan!B7", // no ref nor id
      "Action plan!C8", // a new action with no title
      "Action plan!A9", // Priority 99
      "Action plan!E10", // Nobody Atall
      "Action plan!E11", // Leader: Steve or Sam
      "Action plan!E12", // B's person, not A's
      "Action plan!I13", // RAG with no progress text
      "Action plan!B14", // ref 1.1 twice
      "Action plan!K15", // Body:X
      "Action plan!K16", // B's action
      "Target outcomes!C2", // Sideways
      "Target outcomes!G2", // lots
      "Target outcomes!E3", // 31.2.2015
    ]);
    for (const error of report.errors) {
      expect(error.expected.length, at(error)).toBeGreaterThan(10);
      expect(error.fix.length, at(error)).toBeGreaterThan(10);
    }
    const byCell = new Map(report.errors.map((e) => [at(e), e]));
    expect(byCell.get("Action plan!J1")).toMatchObject({
      header: "Qtr 2",
      found: "Qtr 2",
      fix: expect.stringContaining("progress.year"),
    });
    expect(byCell.get("Action plan!F3")).toMatchObject({
      header: "Due date",
      found: "31.2.2014",
      expected: expect.stringContaining("calendar date"),
    });
    expect(byCell.get("Action plan!G4")!.expected).toContain("In progress");
    expect(byCell.get("Action plan!A9")!.expected).toContain('"Priority 1"');
    const ambiguous = byCell.get("Action plan!E11")!;
    expect(ambiguous.expected).toContain(fixture.ids.a.person("steve-leader"));
    expect(ambiguous.expected).toContain(fixture.ids.a.samLeader);
    // Partnership B's Kiran Patel is not A's to name: A's import sees only A's and shared entities.
    expect(byCell.get("Action plan!E12")!.expected).toContain("nobody matches");
    expect(byCell.get("Action plan!E12")!.expected).not.toContain(fixture.b.slug);
    expect(byCell.get("Action plan!B14")!.expected).toContain("row 2 already states");
    expect(byCell.get("Action plan!I13")!.found).toBe("G");
    expect(byCell.get("Action plan!K16")!.expected).toContain(`${fixture.b.partnershipId}'s`);
    expect(await footprint(driver, fixture.a.partnershipId)).toEqual(before);
    const documents = await driver.executeQuery(
      "MATCH (d:Document {fileName: 'bad.xlsx'}) RETURN count(d) AS n",
      {},
      { database: DATABASE },
    );
    expect(Number(documents.records[0]!.get("n"))).toBe(0);
  });

  it("refuses files, mappings and strategies it cannot use, naming them", async () => {
    const good = await xlsx([
      { name: "Action plan", header: ["Ref", "Action"], rows: [["1.1", "Something"]] },
    ]);
    await expect(run("notes.txt", good)).rejects.toThrow(/notes\.txt: expected an \.xlsx or \.csv file/);
    await expect(run("broken.xlsx", Buffer.from("not a zip"))).rejects.toThrow(
      /broken\.xlsx: not a readable XLSX workbook/,
    );
    await expect(run("latin1.csv", Buffer.from([0x52, 0x65, 0x66, 0x0a, 0xe9, 0x0a]))).rejects.toThrow(
      /latin1\.csv: not UTF-8 text/,
    );
    const mapping = await run("plan.xlsx", good, {
      mapping: "actions:\n  leadRole: BOSS\n  colums: {}\n",
    }).catch((e: Error) => e);
    expect(mapping).toBeInstanceOf(ImportError);
    expect((mapping as Error).message).toMatch(/^mapping\.yaml: /);
    expect((mapping as Error).message).toContain("actions (colums)");
    expect((mapping as Error).message).toContain("actions.leadRole: expected one of STRATEGIC_LEAD");
    await expect(
      run("plan.xlsx", await xlsx([{ name: "Notes", header: ["Whatever"], rows: [] }])),
    ).rejects.toThrow(/no sheet has an action column/);
    await expect(run("plan.xlsx", good, { strategyId: "strategy:nowhere" })).rejects.toMatchObject({
      kind: "not-found",
    });
    const foreign = run("plan.xlsx", good, { strategyId: fixture.ids.b.strategy });
    await expect(foreign).rejects.toBeInstanceOf(ImportError);
    await expect(foreign).rejects.toMatchObject({
      kind: "forbidden",
      message: expect.stringContaining(`${fixture.ids.b.strategy} is ${fixture.b.partnershipId}'s`),
    });
  });

  it("a mapping file maps another layout's headers", async () => {
    const sheet = await xlsx([
      {
        name: "Tracker",
        header: ["No", "What we will do", "Responsible officer", "By when", "Qtr 1"],
        rows: [["M1", "Mapped action", "DCI Gary Randall", "Feb-14", "Begun"]],
      },
    ]);
    const report = await run("tracker.xlsx", sheet, {
      mapping: `actions:\n  columns:\n    title: What we will do\n    lead: [Responsible officer]\n    due: By when\nprogress:\n  year: "2013/14"\n`,
    });
    expect(report.errors).toEqual([]);
    const id = `action:${fixture.a.slug}-scs:m1`;
    expect(report.rows[0]).toMatchObject({ outcome: "created", subject: { id } });
    const { records } = await driver.executeQuery(
      `MATCH (a:Action {id: $id}) RETURN a.title AS title, a.dueText AS text, toString(a.dueDate) AS date,
         [(a)-[:LED_BY]->(p) | p.id] AS leads, [(a)-[:HAS_UPDATE]->(u) | u.period] AS periods, EXISTS { (a)-[:PART_OF]->(:Strategy) } AS planWide`,
      { id },
      { database: DATABASE },
    );
    expect(records[0]!.toObject()).toEqual({
      title: "Mapped action",
      text: "Feb-14",
      date: "2014-02-28",
      leads: [fixture.ids.a.person("gary-randall")],
      periods: ["2013/14 Q1"],
      planWide: true,
    });
  });
});

describe("all or nothing, and the transaction's metadata", () => {
  const sheet = () =>
    xlsx([
      {
        name: "Action plan",
        header: ["Priority", "Ref", "Action", "Lead", "2013/14 Q1"],
        rows: [
          ["Priority 2", "9.1", "First of two", "Richard Bell", "Q1 words"],
          ["Priority 2", "9.2", "Second of two", "Manju Lukhman", "More words"],
        ],
      },
    ]);

  it("a failure in the middle of the write leaves the graph as it was", async () => {
    const before = await footprint(driver, fixture.a.partnershipId);
    const steps: string[] = [];
    await expect(
      run("half.xlsx", await sheet(), {
        onStep(_done, _total, step) {
          steps.push(step);
          // Nodes are created by now; the links are not.
          if (step.startsWith("link")) throw new Error("injected failure");
        },
      }),
    ).rejects.toThrow("injected failure");
    expect(steps.some((s) => s.startsWith("create Action"))).toBe(true);
    expect(await footprint(driver, fixture.a.partnershipId)).toEqual(before);
    const { records } = await driver.executeQuery(
      "MATCH (n) WHERE n.id IN $ids RETURN count(n) AS n",
      { ids: [`action:${fixture.a.slug}-scs:9.1`, `doc:import:${fixture.a.slug}:half.xlsx`] },
      { database: DATABASE },
    );
    expect(Number(records[0]!.get("n"))).toBe(0);
  });

  it("runs in one transaction whose metadata says who, via import, and the file", async () => {
    let metadata: unknown[] = [];
    const report = await run("with-metadata.xlsx", await sheet(), {
      async onStep(done) {
        if (done !== 0) return;
        const { records } = await driver.executeQuery(
          "SHOW TRANSACTIONS YIELD metaData WHERE metaData.via = 'import' RETURN metaData",
          {},
          { database: DATABASE },
        );
        metadata = records.map((r) => r.get("metaData"));
      },
    });
    expect(report.written).toBe(true);
    expect(metadata).toContainEqual({ actor: "test-import", via: "import", source: "with-metadata.xlsx" });
    const { records } = await driver.executeQuery(
      `MATCH (a:Action {id: $id})-[:LED_BY]->(p) RETURN p.id AS lead, a.updatedBy AS by`,
      { id: `action:${fixture.a.slug}-scs:9.2` },
      { database: DATABASE },
    );
    // "Manju Lukhman" is an alias of Manju Likhman.
    expect(records[0]!.toObject()).toEqual({
      lead: fixture.ids.a.person("manju-likhman"),
      by: "test-import",
    });
  });
});
