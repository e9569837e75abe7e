import { describe, expect, it } from "vitest";
import {
  DEFAULT_MAPPING,
  mapWorkbook,
  readMapping,
  type SheetRow,
  type Workbook,
} from "../../../src/import/index.ts";
import { reportRequest } from "../../../src/report/index.ts";

const workbook = (rows: (string | number | null)[][], name = "Plan"): Workbook => ({
  fileName: "plan.xlsx",
  format: "xlsx",
  sheets: [{ name, rows }],
});
const actions = (rows: SheetRow[]) => rows.filter((r) => r.type === "action");

describe("mapping a sheet's rows", () => {
  it("finds the header under the template's title rows, carries a priority down as a group, and reads each cell", () => {
    const mapped = mapWorkbook(
      workbook([
        ["Action planning 2013/14"],
        [],
        [
          "Priority",
          "Objective",
          "Ref",
          "Action",
          "Lead officer",
          "Date",
          "2013/14 Q1",
          "2013/14 Q1 RAG",
          "Flags",
        ],
        ["Priority 1", "Property crime", null, null, null, null, null, null, null],
        [null, null, "1.1", "Roadshows", "CI Mariner/ Richard Bell", "30.3.2014", "Two held", "g", "x"],
        ["Priority 2", null, "2.1", "Seminars", null, "on going", null, null, null],
      ]),
      DEFAULT_MAPPING,
    );
    expect(mapped.errors).toEqual([]);
    expect(mapped.ignored.map((c) => `${c.column}${c.row} ${c.header}`)).toEqual(["I3 Flags"]);
    expect(mapped.rows.map((r) => [r.type, r.row])).toEqual([
      ["objective", 4],
      ["action", 5],
      ["action", 6],
    ]);
    const [first, second] = actions(mapped.rows) as Extract<SheetRow, { type: "action" }>[];
    expect(first!.objective.ref?.value).toBe("Priority 1");
    expect(first!.objective.title?.value).toBe("Property crime");
    expect(first!.leads?.value).toEqual(["CI Mariner", "Richard Bell"]);
    expect(first!.due?.value).toEqual({ dueText: "30.3.2014", dueDate: "2014-03-30" });
    expect(first!.progress).toEqual([
      expect.objectContaining({
        period: "2013/14 Q1",
        text: expect.objectContaining({ value: "Two held" }),
        rag: expect.objectContaining({ value: "GREEN", raw: "g" }),
      }),
    ]);
    // A row naming its own priority takes no title from the priority above.
    expect(second!.objective.ref?.value).toBe("Priority 2");
    expect(second!.objective.title).toBeUndefined();
  });

  it("reads quarter-only headers with the mapping's year, and says which header lacks one", () => {
    const rows = [
      ["Ref", "Action", "Qtr 1", "Q2"],
      ["1", "A", "x", "y"],
    ];
    const withYear = mapWorkbook(workbook(rows), readMapping('progress:\n  year: "2013/14"\n'));
    expect(
      (actions(withYear.rows)[0] as Extract<SheetRow, { type: "action" }>).progress.map((p) => p.period),
    ).toEqual(["2013/14 Q1", "2013/14 Q2"]);
    const without = mapWorkbook(workbook(rows), DEFAULT_MAPPING);
    expect(without.errors.map((e) => `${e.column}${e.row}`)).toEqual(["C1", "D1"]);
  });

  it("refuses a sheet with no way to identify its actions, naming the columns it looks for", () => {
    expect(() =>
      mapWorkbook(
        workbook([
          ["Action", "Lead"],
          ["A", "B"],
        ]),
        DEFAULT_MAPPING,
      ),
    ).toThrow(/no column identifies the actions .*"Ref"/);
  });

  it("reports a field named by two columns", () => {
    const mapped = mapWorkbook(
      workbook([
        ["Ref", "Action", "Lead", "Owner"],
        ["1", "A", "x", "y"],
      ]),
      DEFAULT_MAPPING,
    );
    expect(mapped.errors).toEqual([
      expect.objectContaining({
        column: "D",
        row: 1,
        expected: expect.stringContaining('column C ("Lead") already holds the lead column'),
      }),
    ]);
  });
});

describe("the report's xlsx format", () => {
  it("is inferred from --out and needs a file", () => {
    expect(reportRequest("strategy", "strategy:x", { out: "plan.xlsx" }).format).toBe("xlsx");
    expect(() => reportRequest("strategy", "strategy:x", { format: "xlsx" })).toThrow(
      /--format xlsx writes a binary file/,
    );
  });
});
