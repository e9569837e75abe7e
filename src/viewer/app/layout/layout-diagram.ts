import type { ELK, ElkExtendedEdge, ElkNode } from "elkjs/lib/elk-api.js";
import { elkGraph, isJunction } from "./elk-graph.ts";
import type { DiagramBody, DiagramLine, DiagramModel } from "../model/diagram-model.ts";
import { wrapText, type MeasureText } from "./wrap-text.ts";

export interface Point {
  x: number;
  y: number;
}

export interface PlacedBody extends DiagramBody {
  /** Centre. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** The label, already wrapped: name, then "Chair: ...", then the frequency. */
  lines: string[];
}

export interface PlacedLabel {
  text: string;
  /** Centre. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedLine extends DiagramLine {
  /** From the reporting body's border to the border of the body it reports to, bends between. */
  points: Point[];
  label: PlacedLabel | null;
}

export interface PlacedHeading {
  text: string;
  x: number;
  y: number;
}

export interface LaidOutDiagram {
  bodies: PlacedBody[];
  lines: PlacedLine[];
  headings: PlacedHeading[];
  width: number;
  height: number;
}

/** Sizes of the drawing, in the diagram's own pixels (the view zooms). */
export const METRICS = {
  bodyWidth: 190,
  padding: 10,
  lineHeight: 17,
  fontSize: 13,
  labelFontSize: 13,
  labelLineHeight: 16,
  labelPadding: 4,
  headingGap: 56,
  /** The smallest text on screen, in CSS pixels: below it the view switches to the overview. */
  minReadablePx: 12,
};

/** ELK Layered, top-down, rows pinned by partition, orthogonal lines that go round the boxes. */
const ELK_OPTIONS: Record<string, string> = {
  "elk.algorithm": "layered",
  "elk.direction": "DOWN",
  "elk.partitioning.activate": "true",
  "elk.edgeRouting": "ORTHOGONAL",
  "elk.spacing.nodeNode": "28",
  "elk.spacing.edgeNode": "18",
  "elk.spacing.edgeEdge": "10",
  "elk.spacing.edgeLabel": "4",
  "elk.layered.spacing.nodeNodeBetweenLayers": "56",
  "elk.layered.spacing.edgeNodeBetweenLayers": "18",
  "elk.layered.spacing.edgeEdgeBetweenLayers": "10",
  "elk.layered.nodePlacement.strategy": "SIMPLE",
  "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
  "elk.edgeLabels.placement": "CENTER",
  "elk.separateConnectedComponents": "false",
  "elk.padding": "[top=16,left=16,bottom=16,right=16]",
};

function bodyLines(body: DiagramBody, measure: MeasureText): string[] {
  const max = METRICS.bodyWidth - 2 * METRICS.padding;
  return [
    ...wrapText(body.name, max, measure),
    ...(body.chair ? wrapText(`Chair: ${body.chair}`, max, measure) : []),
    ...(body.frequency ? wrapText(body.frequency, max, measure) : []),
  ];
}

const bodyHeight = (lines: readonly string[]): number =>
  Math.max(44, lines.length * METRICS.lineHeight + 2 * METRICS.padding);

/** An ELK edge's route as points, in ELK's direction (top-down). */
function sectionPoints(edge: ElkExtendedEdge | undefined): Point[] {
  const section = edge?.sections?.[0];
  if (!section) return [];
  return [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map((p) => ({
    x: p.x,
    y: p.y,
  }));
}

/** Drops repeated points and middle points of straight runs, which cytoscape would draw as kinks. */
function simplifyRoute(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.x - p.x) < 0.5 && Math.abs(last.y - p.y) < 0.5) continue;
    const before = out[out.length - 2];
    if (
      last &&
      before &&
      ((Math.abs(before.x - last.x) < 0.5 && Math.abs(last.x - p.x) < 0.5) ||
        (Math.abs(before.y - last.y) < 0.5 && Math.abs(last.y - p.y) < 0.5))
    )
      out.pop();
    out.push(p);
  }
  return out;
}

/**
 * Places every body and routes every line. Linked bodies go through ELK Layered with one
 * partition per row of the model (so boards sit on top and wide rows wrap); unlinked bodies
 * are set out below in rows by kind under a heading. `elk` is ELK on this thread (Node, tests) or
 * in a worker (the browser).
 * @example const drawing = await layoutDiagram(createElk(), model, (s) => ctx.measureText(s).width);
 */
export async function layoutDiagram(
  elk: Pick<ELK, "layout">,
  model: DiagramModel,
  measure: MeasureText,
  labelMeasure: MeasureText = measure,
): Promise<LaidOutDiagram> {
  const byId = new Map(model.bodies.map((b) => [b.id, b]));
  const linesOf = new Map(model.bodies.map((b) => [b.id, bodyLines(b, measure)]));
  const size = (id: string): { width: number; height: number } => ({
    width: METRICS.bodyWidth,
    height: bodyHeight(linesOf.get(id)!),
  });
  const labelSize = (text: string): { width: number; height: number } => ({
    width: Math.ceil(labelMeasure(text)) + 2 * METRICS.labelPadding,
    height: METRICS.labelLineHeight + METRICS.labelPadding,
  });
  const { children, edges, pieces } = elkGraph(model, size, labelSize);
  const result: ElkNode = children.length
    ? await elk.layout({ id: "root", layoutOptions: ELK_OPTIONS, children, edges })
    : { id: "root", width: 0, height: 0 };

  const bodies: PlacedBody[] = [];
  for (const node of result.children ?? []) {
    if (isJunction(node.id)) continue;
    const body = byId.get(node.id)!;
    bodies.push({
      ...body,
      x: node.x! + node.width! / 2,
      y: node.y! + node.height! / 2,
      width: node.width!,
      height: node.height!,
      lines: linesOf.get(node.id)!,
    });
  }
  const routed = new Map((result.edges ?? []).map((e) => [e.id, e]));
  const lines: PlacedLine[] = model.lines.map((line) => {
    const own = routed.get(line.id);
    const label = own?.labels?.[0];
    // Pieces run top-down; the line runs from the reporting body up to the body it reports to.
    const route = (pieces.get(line.id) ?? []).flatMap((id) => sectionPoints(routed.get(id)));
    return {
      ...line,
      points: simplifyRoute(route.reverse()),
      label:
        label && line.frequency
          ? {
              text: line.frequency,
              x: label.x! + label.width! / 2,
              y: label.y! + label.height! / 2,
              width: label.width!,
              height: label.height!,
            }
          : null,
    };
  });

  let width = result.width ?? 0;
  let height = result.height ?? 0;
  const headings: PlacedHeading[] = [];
  if (model.unlinkedRows.length) {
    const gap = 28;
    const top = height + METRICS.headingGap;
    headings.push({ text: "No recorded line to the board at this date", x: 16, y: top - 22 });
    let y = top;
    for (const row of model.unlinkedRows) {
      const rowHeight = Math.max(...row.map((id) => bodyHeight(linesOf.get(id)!)));
      row.forEach((id, i) => {
        const h = bodyHeight(linesOf.get(id)!);
        bodies.push({
          ...byId.get(id)!,
          x: 16 + i * (METRICS.bodyWidth + gap) + METRICS.bodyWidth / 2,
          y: y + h / 2,
          width: METRICS.bodyWidth,
          height: h,
          lines: linesOf.get(id)!,
        });
      });
      width = Math.max(width, 32 + row.length * (METRICS.bodyWidth + gap) - gap);
      y += rowHeight + 24;
    }
    height = y;
  }
  return { bodies, lines, headings, width, height };
}
