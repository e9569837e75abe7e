import { describe, expect, it } from "vitest";
import {
  layoutDiagram,
  type LaidOutDiagram,
  type Point,
  createElk,
  buildDiagramModel,
  type BodyRow,
  type LineRow,
  segmentsThrough,
  diagramSvg,
} from "../../../src/viewer/app/index.ts";

/** A Barnet-shaped structure: a committee and boards on top, the board, 12 groups, panels, meetings, 30 unlinked bodies. */
function sample(): { nodes: BodyRow[]; edges: LineRow[]; unlinked: BodyRow[] } {
  const nodes: BodyRow[] = [
    {
      id: "body:clc",
      name: "Community Leadership Committee",
      kind: "MEMBERS_COMMITTEE",
      chair: "David Longstaff",
    },
    { id: "body:sab", name: "Barnet Safeguarding Adults Board", kind: "EXTERNAL_BOARD" },
    { id: "body:scb", name: "Barnet Safeguarding Children Board", kind: "EXTERNAL_BOARD" },
    {
      id: "body:scpb",
      name: "Safer Communities Partnership Board",
      kind: "STATUTORY_BOARD",
      chair: "David Longstaff",
    },
  ];
  const edges: LineRow[] = ["body:clc", "body:sab", "body:scb"].map((to) => ({
    from: "body:scpb",
    to,
    kind: "PROVIDES_UPDATES_TO",
    frequency: "Annually",
  }));
  for (let i = 0; i < 12; i++) {
    nodes.push({
      id: `body:group-${i}`,
      name: `Strategy Delivery Group number ${i} with a longish name`,
      kind: "STRATEGY_DELIVERY_GROUP",
      frequency: i % 3 ? "Quarterly" : null,
    });
    edges.push({
      from: `body:group-${i}`,
      to: "body:scpb",
      kind: i % 4 === 1 ? "PROVIDES_UPDATES_TO" : "ACCOUNTABLE_TO",
      frequency: i % 4 === 1 ? "as requested" : null,
    });
    if (i % 5 === 0)
      edges.push({
        from: `body:group-${i}`,
        to: "body:scpb",
        kind: "PROVIDES_UPDATES_TO",
        frequency: "Annual",
      });
  }
  nodes.push(
    { id: "body:panel", name: "MARAC", kind: "CASE_PANEL", frequency: "3 weekly" },
    { id: "body:meeting", name: "Working group", kind: "OPERATIONAL_MEETING" },
  );
  edges.push(
    { from: "body:panel", to: "body:group-2", kind: "ACCOUNTABLE_TO" },
    { from: "body:meeting", to: "body:scpb", kind: "ACCOUNTABLE_TO" },
  );
  const kinds = [
    "CASE_PANEL",
    "EXTERNAL_BOARD",
    "OPERATIONAL_MEETING",
    "STRATEGY_DELIVERY_GROUP",
    "COMMUNITY_ENGAGEMENT_GROUP",
  ];
  const unlinked = Array.from({ length: 30 }, (_, i) => ({
    id: `body:unlinked-${i}`,
    name: `Unlinked body ${i}`,
    kind: kinds[i % kinds.length]!,
  }));
  return { nodes, edges, unlinked };
}

const measure = (text: string): number => text.length * 6.6;

type Box = { x1: number; y1: number; x2: number; y2: number };
const overlaps = (a: Box, b: Box): boolean => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
const boxOf = (b: { x: number; y: number; width: number; height: number }): Box => ({
  x1: b.x - b.width / 2,
  y1: b.y - b.height / 2,
  x2: b.x + b.width / 2,
  y2: b.y + b.height / 2,
});

/** Whether the segment p-q passes through the inside of the box (touching its border is allowed). */
function crosses(p: Point, q: Point, box: Box): boolean {
  const inset = { x1: box.x1 + 1, y1: box.y1 + 1, x2: box.x2 - 1, y2: box.y2 - 1 };
  const steps = Math.ceil(Math.hypot(q.x - p.x, q.y - p.y) / 2);
  for (let i = 0; i <= steps; i++) {
    const x = p.x + ((q.x - p.x) * i) / Math.max(steps, 1);
    const y = p.y + ((q.y - p.y) * i) / Math.max(steps, 1);
    if (x > inset.x1 && x < inset.x2 && y > inset.y1 && y < inset.y2) return true;
  }
  return false;
}

describe("layoutDiagram (ELK Layered)", () => {
  let drawing: LaidOutDiagram;
  const data = sample();

  it("places every body, without two boxes or labels overlapping", async () => {
    drawing = await layoutDiagram(
      createElk(),
      buildDiagramModel(data, { unlinked: data.unlinked, maxPerRow: 6 }),
      measure,
    );
    expect(drawing.bodies).toHaveLength(data.nodes.length + data.unlinked.length);
    const boxes = [
      ...drawing.bodies.map(boxOf),
      ...drawing.lines.flatMap((l) => (l.label ? [boxOf(l.label)] : [])),
    ];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++)
        expect(overlaps(boxes[i]!, boxes[j]!), `boxes ${i} and ${j} overlap`).toBe(false);
  });

  it("puts the committee and boards above the statutory board, and the groups below it", () => {
    const y = (id: string): number => drawing.bodies.find((b) => b.id === id)!.y;
    expect(y("body:clc")).toBeLessThan(y("body:scpb"));
    expect(y("body:sab")).toBeLessThan(y("body:scpb"));
    for (let i = 0; i < 12; i++) expect(y(`body:group-${i}`)).toBeGreaterThan(y("body:scpb"));
    expect(y("body:panel")).toBeGreaterThan(y("body:group-2"));
    expect(Math.min(...data.unlinked.map((b) => y(b.id)))).toBeGreaterThan(
      Math.max(...data.nodes.map((b) => y(b.id))),
    );
  });

  it("wraps the twelve groups so the drawing stays about as wide as six boxes", () => {
    expect(drawing.width).toBeLessThan(6 * 190 + 420);
  });

  it("routes every line orthogonally from the reporting body's top to the other body's bottom, around every other box", () => {
    const byId = new Map(drawing.bodies.map((b) => [b.id, b]));
    for (const line of drawing.lines) {
      const from = boxOf(byId.get(line.from)!);
      const to = boxOf(byId.get(line.to)!);
      const first = line.points[0]!;
      const last = line.points[line.points.length - 1]!;
      expect(Math.abs(first.y - from.y1), `${line.id} starts on its body's top`).toBeLessThan(2);
      expect(Math.abs(last.y - to.y2), `${line.id} ends on the other body's bottom`).toBeLessThan(2);
      for (let i = 1; i < line.points.length; i++) {
        const p = line.points[i - 1]!;
        const q = line.points[i]!;
        expect(
          Math.abs(p.x - q.x) < 0.5 || Math.abs(p.y - q.y) < 0.5,
          `${line.id} segment ${i} is orthogonal`,
        ).toBe(true);
        for (const body of drawing.bodies)
          expect(crosses(p, q, boxOf(body)), `${line.id} crosses ${body.id}`).toBe(false);
      }
    }
  });

  it("sets each frequency label beside its own line's end", () => {
    const labelled = drawing.lines.filter((l) => l.frequency);
    expect(labelled.length).toBeGreaterThan(5);
    for (const line of labelled) expect(line.label?.text).toBe(line.frequency);
  });

  it("exports the same drawing as SVG: every body as text, dashed update lines, a legend", () => {
    const svg = diagramSvg(drawing, "Barnet Safer Communities Partnership", "As of 2024-01-01");
    expect(svg).toMatch(/^<\?xml[^>]*>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    for (const b of drawing.bodies) expect(svg).toContain(`data-id="${b.id}"`);
    expect(
      svg.match(/<g class="line" data-kind="PROVIDES_UPDATES_TO">.*?stroke-dasharray="7 5"/g),
    ).toHaveLength(drawing.lines.filter((l) => l.kind === "PROVIDES_UPDATES_TO").length);
    expect(svg).toContain("Accountable to");
    expect(svg).not.toMatch(/<script/i);
  });

  it("escapes names in the SVG", async () => {
    const model = buildDiagramModel({
      nodes: [{ id: "body:x", name: 'A <b>&"quoted"</b> group', kind: "STATUTORY_BOARD" }],
      edges: [],
    });
    const svg = diagramSvg(await layoutDiagram(createElk(), model, measure), "T", "S");
    expect(svg).toContain("&lt;b&gt;&amp;&quot;quoted&quot;&lt;/b&gt;");
    expect(svg).not.toContain("<b>");
  });
});

describe("segmentsThrough (ELK bend points as cytoscape segment weights and distances)", () => {
  it("measures along and across the line between the endpoints", () => {
    const { weights, distances } = segmentsThrough({ x: 0, y: 100 }, { x: 0, y: 0 }, [{ x: 50, y: 50 }]);
    expect(weights[0]).toBeCloseTo(0.5);
    // cytoscape's normal is (-dy, dx)/length = (1, 0) here: the bend is 50px along it.
    expect(distances[0]).toBeCloseTo(50);
  });
});
