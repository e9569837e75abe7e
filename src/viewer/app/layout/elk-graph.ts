import type { ElkExtendedEdge, ElkNode, ElkPort } from "elkjs/lib/elk-api.js";
import type { DiagramModel } from "../model/diagram-model.ts";

export interface ElkGraphParts {
  children: ElkNode[];
  edges: ElkExtendedEdge[];
  /** For each line, the ELK edges that make up its route, top-down (body reported to first). */
  pieces: Map<string, string[]>;
}

export interface NodeSize {
  width: number;
  height: number;
}

/**
 * Where a line's frequency label goes: beside the end that is the line's alone, so it cannot be
 * read as another line's. Usually the reporting body's end (HEAD, drawn top-down); for a body
 * reporting to several (a board updating three others), the end at each body reported to (TAIL).
 */
function labelPlacement(
  model: DiagramModel,
  line: DiagramModel["lines"][number],
): "HEAD" | "TAIL" | "CENTER" {
  const count = (end: "from" | "to"): number =>
    model.lines.filter((l) => l[end] === line[end] && l.kind === line.kind).length;
  return count("from") === 1 ? "HEAD" : count("to") === 1 ? "TAIL" : "CENTER";
}

export const isJunction = (id: string): boolean => id.startsWith("junction|");

/**
 * The ELK graph of the linked bodies, drawn top-down: an edge runs from the bottom of the body
 * reported to, to the top of the reporting body. Two devices keep the drawing narrow and tidy:
 *  - one port per side and kind of line, so ELK routes lines sharing a port as one bus (a solid
 *    "accountable" bus and a dashed "updates" bus, never mixed);
 *  - a line that skips rows (a wrapped second row of groups, an operational meeting far below)
 *    runs through a junction in each row it crosses, shared by all lines of the same body and
 *    kind, so they pass between the boxes of a row as one trunk instead of one column each.
 * The line's own last piece (junction or body to the reporting body) carries its frequency label.
 */
export function elkGraph(
  model: DiagramModel,
  size: (bodyId: string) => NodeSize,
  label: (text: string) => NodeSize,
): ElkGraphParts {
  const rowOf = new Map(model.rows.flatMap((row, r) => row.map((id) => [id, r] as const)));
  const ports = new Map<string, ElkPort[]>();
  const port = (nodeId: string, side: "NORTH" | "SOUTH", kind: string): string => {
    const id = `${nodeId}|${side}|${kind}`;
    const list = ports.get(nodeId) ?? [];
    if (!list.some((p) => p.id === id))
      list.push({ id, width: 1, height: 1, layoutOptions: { "elk.port.side": side } });
    ports.set(nodeId, list);
    return id;
  };
  const junctions = new Map<string, number>();
  const edges = new Map<string, ElkExtendedEdge>();
  const pieces = new Map<string, string[]>();
  const piece = (id: string, from: string, to: string, kind: string): string => {
    if (!edges.has(id))
      edges.set(id, { id, sources: [port(from, "SOUTH", kind)], targets: [port(to, "NORTH", kind)] });
    return id;
  };

  for (const line of model.lines) {
    const top = rowOf.get(line.to)!;
    const bottom = rowOf.get(line.from)!;
    const route: string[] = [];
    let above = line.to;
    for (let r = top + 1; r < bottom; r++) {
      const junction = `junction|${line.to}|${line.kind}|${r}`;
      junctions.set(junction, r);
      route.push(piece(`piece|${above}|${junction}`, above, junction, line.kind));
      above = junction;
    }
    route.push(piece(line.id, above, line.from, line.kind));
    const own = edges.get(line.id)!;
    if (line.frequency)
      own.labels = [
        {
          text: line.frequency,
          ...label(line.frequency),
          layoutOptions: { "elk.edgeLabels.placement": labelPlacement(model, line) },
        },
      ];
    pieces.set(line.id, route);
  }

  const node = (id: string, partition: number, width: number, height: number): ElkNode => ({
    id,
    width,
    height,
    ports: ports.get(id) ?? [],
    layoutOptions: { "elk.partitioning.partition": String(partition), "elk.portConstraints": "FIXED_SIDE" },
  });
  const children = [
    ...model.rows.flatMap((row, r) => row.map((id) => node(id, r, size(id).width, size(id).height))),
    // Solid bundles' junctions before dashed ones in each row, as the bodies below are ordered.
    ...[...junctions]
      .sort(([a], [b]) => a.split("|")[2]!.localeCompare(b.split("|")[2]!))
      .map(([id, r]) => node(id, r, 2, 2)),
  ];
  return { children, edges: [...edges.values()], pieces };
}
