import { describe, expect, it } from "vitest";
import {
  buildDiagramModel,
  chunkEvenly,
  strategyTree,
  type ObjectiveRow,
  wrapText,
} from "../../../src/viewer/app/index.ts";

const body = (id: string, kind: string) => ({ id, name: id.replace("body:", ""), kind });

describe("buildDiagramModel", () => {
  const nodes = [
    body("body:committee", "MEMBERS_COMMITTEE"),
    body("body:board", "STATUTORY_BOARD"),
    ...Array.from({ length: 10 }, (_, i) => body(`body:group-${i}`, "STRATEGY_DELIVERY_GROUP")),
    body("body:panel", "CASE_PANEL"),
  ];
  const edges = [
    { from: "body:board", to: "body:committee", kind: "PROVIDES_UPDATES_TO", frequency: "Annually" },
    ...Array.from({ length: 10 }, (_, i) => ({
      from: `body:group-${i}`,
      to: "body:board",
      kind: "ACCOUNTABLE_TO",
    })),
    { from: "body:panel", to: "body:group-3", kind: "ACCOUNTABLE_TO" },
  ];

  it("puts committees on top, the board below, groups below it, and wraps a wide row", () => {
    const model = buildDiagramModel({ nodes, edges }, { maxPerRow: 6 });
    expect(model.rows[0]).toEqual(["body:committee"]);
    expect(model.rows[1]).toEqual(["body:board"]);
    expect(model.rows[2]).toHaveLength(5);
    expect(model.rows[3]).toHaveLength(5);
    expect(model.rows[4]).toEqual(["body:panel"]);
    // The group others report to stays in the first wrapped row, nearest its board.
    expect(model.rows[2]).toContain("body:group-3");
  });

  it("never puts a body in the same row as, or above, the body it reports to", () => {
    const model = buildDiagramModel({
      nodes: [body("body:a", "CASE_PANEL"), body("body:b", "CASE_PANEL")],
      edges: [{ from: "body:a", to: "body:b", kind: "ACCOUNTABLE_TO" }],
    });
    const row = (id: string): number => model.rows.findIndex((r) => r.includes(id));
    expect(row("body:a")).toBeGreaterThan(row("body:b"));
  });

  it("survives a cycle of accountability in bad data", () => {
    const model = buildDiagramModel({
      nodes: [body("body:a", "CASE_PANEL"), body("body:b", "CASE_PANEL")],
      edges: [
        { from: "body:a", to: "body:b", kind: "ACCOUNTABLE_TO" },
        { from: "body:b", to: "body:a", kind: "ACCOUNTABLE_TO" },
      ],
    });
    expect(model.rows.flat().sort()).toEqual(["body:a", "body:b"]);
  });

  it("merges a line recorded by several papers, keeping every frequency once", () => {
    const model = buildDiagramModel({
      nodes: [body("body:g", "STRATEGY_DELIVERY_GROUP"), body("body:board", "STATUTORY_BOARD")],
      edges: [
        { from: "body:g", to: "body:board", kind: "PROVIDES_UPDATES_TO", frequency: "Annually" },
        { from: "body:g", to: "body:board", kind: "PROVIDES_UPDATES_TO", frequency: "annually" },
        { from: "body:g", to: "body:board", kind: "PROVIDES_UPDATES_TO", frequency: "Quarterly" },
        { from: "body:g", to: "body:board", kind: "ACCOUNTABLE_TO", frequency: null },
      ],
    });
    expect(model.lines).toEqual([
      {
        id: "body:g>PROVIDES_UPDATES_TO>body:board",
        from: "body:g",
        to: "body:board",
        kind: "PROVIDES_UPDATES_TO",
        frequency: "Annually / Quarterly",
      },
      {
        id: "body:g>ACCOUNTABLE_TO>body:board",
        from: "body:g",
        to: "body:board",
        kind: "ACCOUNTABLE_TO",
        frequency: null,
      },
    ]);
  });

  it("keeps bodies with no line to the board apart, in rows by kind, and drops lines to unknown bodies", () => {
    const model = buildDiagramModel(
      {
        nodes: [body("body:board", "STATUTORY_BOARD")],
        edges: [{ from: "body:ghost", to: "body:board", kind: "ACCOUNTABLE_TO" }],
      },
      {
        unlinked: [
          body("body:p1", "CASE_PANEL"),
          body("body:x", "EXTERNAL_BOARD"),
          body("body:board", "STATUTORY_BOARD"),
        ],
      },
    );
    expect(model.lines).toEqual([]);
    expect(model.unlinkedRows).toEqual([["body:x"], ["body:p1"]]);
    expect(model.bodies.filter((b) => !b.linked).map((b) => b.id)).toEqual(["body:p1", "body:x"]);
  });
});

describe("small helpers", () => {
  it("chunks evenly", () => {
    expect(chunkEvenly([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 6).map((c) => c.length)).toEqual([5, 5]);
    expect(chunkEvenly([1, 2, 3], 6)).toEqual([[1, 2, 3]]);
    expect(chunkEvenly([], 6)).toEqual([]);
  });

  it("wraps at spaces, never inside a word", () => {
    expect(wrapText("Safer Communities Partnership Board", 120, (s) => s.length * 7)).toEqual([
      "Safer Communities",
      "Partnership Board",
    ]);
    expect(wrapText("Supercalifragilistic", 50, (s) => s.length * 7)).toEqual(["Supercalifragilistic"]);
  });
});

describe("strategyTree", () => {
  const objective = (
    id: string,
    ref: string,
    parents: { strategy?: string; objective?: string },
  ): ObjectiveRow => ({
    id,
    ref,
    title: id,
    kind: "OUTCOME",
    partOfStrategy: parents.strategy ? [{ id: parents.strategy }] : [],
    partOfObjective: parents.objective ? [{ id: parents.objective }] : [],
    leadsConnection: { edges: [] },
    actions: [],
  });

  it("nests objectives under their parents in ref order (10 after 9)", () => {
    const tree = strategyTree("strategy:s", [
      objective("o:10", "Priority 10", { strategy: "strategy:s" }),
      objective("o:2", "Priority 2", { strategy: "strategy:s" }),
      objective("o:2.1", "2.1", { objective: "o:2" }),
    ]);
    expect(tree.map((n) => n.objective.ref)).toEqual(["Priority 2", "Priority 10"]);
    expect(tree[0]!.children.map((n) => n.objective.id)).toEqual(["o:2.1"]);
  });

  it("places an objective with two parents once and stops on a cycle", () => {
    const tree = strategyTree("strategy:s", [
      objective("o:a", "A", { strategy: "strategy:s" }),
      { ...objective("o:b", "B", { objective: "o:a" }), partOfObjective: [{ id: "o:a" }, { id: "o:c" }] },
      { ...objective("o:c", "C", { objective: "o:b" }) },
    ]);
    const ids: string[] = [];
    const walk = (nodes: typeof tree): void =>
      nodes.forEach((n) => (ids.push(n.objective.id), walk(n.children)));
    walk(tree);
    expect(ids).toEqual(["o:a", "o:b", "o:c"]);
  });
});
