import type { ElementDefinition } from "cytoscape";
import type { LaidOutDiagram, Point } from "../layout/layout-diagram.ts";
import { shortName } from "../model/short-name.ts";

/**
 * Cytoscape draws a polyline ("segments") through points given as weights along, and distances
 * across, the line between its two endpoints (`edge-distances: endpoints`). This turns ELK's
 * absolute bend points into those numbers. The normal is cytoscape's: (-dy, dx) / length.
 * @example segmentsThrough({x: 0, y: 100}, {x: 0, y: 0}, [{x: 50, y: 50}]) // { weights: [0.5], distances: [50] }
 */
export function segmentsThrough(
  start: Point,
  end: Point,
  bends: readonly Point[],
): { weights: number[]; distances: number[] } {
  const dx = end.x - start.x;
  const dy = end.y - start.y;
  const length2 = dx * dx + dy * dy || 1;
  const length = Math.sqrt(length2);
  const weights: number[] = [];
  const distances: number[] = [];
  for (const b of bends) {
    const px = b.x - start.x;
    const py = b.y - start.y;
    weights.push((px * dx + py * dy) / length2);
    distances.push((px * -dy + py * dx) / length);
  }
  return { weights, distances };
}

const px = (n: number): string => `${Math.round(n * 100) / 100}px`;

/** Length of a polyline. */
export function routeLength(points: readonly Point[]): number {
  let length = 0;
  for (let i = 1; i < points.length; i++)
    length += Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.y - points[i - 1]!.y);
  return length;
}

/**
 * Cytoscape elements of a laid-out diagram: the bodies linked to the structure, lines routed
 * exactly as ELK routed them, and line labels. The bodies with no line are listed under the
 * canvas instead (render/unlinked-section.ts); the SVG export draws them.
 */
export function cytoscapeElements(drawing: LaidOutDiagram): ElementDefinition[] {
  const linked = drawing.bodies.filter((b) => b.linked);
  const centre = new Map(linked.map((b) => [b.id, b]));
  const elements: ElementDefinition[] = [];
  for (const body of linked)
    elements.push({
      group: "nodes",
      data: {
        id: body.id,
        label: body.lines.join("\n"),
        kind: body.kind,
        width: body.width,
        height: body.height,
        name: body.name,
        short: shortName(body.name),
      },
      position: { x: body.x, y: body.y },
      classes: ["body", body.linked ? "linked" : "unlinked"],
    });
  for (const line of drawing.lines) {
    const source = centre.get(line.from);
    const target = centre.get(line.to);
    if (!source || !target) continue;
    const data: Record<string, unknown> = {
      id: line.id,
      source: line.from,
      target: line.to,
      kind: line.kind,
      frequency: line.frequency ?? "",
    };
    const classes = ["line", line.kind === "PROVIDES_UPDATES_TO" ? "updates" : "accountable"];
    const first = line.points[0];
    const last = line.points[line.points.length - 1];
    if (first && last && line.points.length >= 2) {
      data.sourceEndpoint = `${px(first.x - source.x)} ${px(first.y - source.y)}`;
      data.targetEndpoint = `${px(last.x - target.x)} ${px(last.y - target.y)}`;
      // Dashes counted from the target end: lines sharing a bus into the same body then dash in
      // step where they overlap, instead of filling each other's gaps into a solid-looking line.
      data.dashOffset = -routeLength(line.points);
      const bends = line.points.slice(1, -1);
      if (bends.length) {
        const { weights, distances } = segmentsThrough(first, last, bends);
        data.weights = weights.map((w) => Math.round(w * 10000) / 10000).join(" ");
        data.distances = distances.map((d) => px(d)).join(" ");
        classes.push("routed");
      } else classes.push("straight");
    } else classes.push("unrouted");
    elements.push({ group: "edges", data, classes });
    if (line.label)
      elements.push({
        group: "nodes",
        data: {
          id: `label:${line.id}`,
          label: line.label.text,
          width: line.label.width,
          height: line.label.height,
          line: line.id,
        },
        position: { x: line.label.x, y: line.label.y },
        classes: ["line-label", line.kind === "PROVIDES_UPDATES_TO" ? "updates" : "accountable"],
        selectable: false,
        grabbable: false,
      });
  }
  return elements;
}
