import { kindStyle } from "./body-kinds.ts";

/** A body as the diagram query returns it (governanceDiagram's DiagramNode). */
export interface BodyRow {
  id: string;
  name: string;
  kind: string;
  chair?: string | null;
  frequency?: string | null;
}

/** A line as the diagram query returns it (governanceDiagram's DiagramEdge). */
export interface LineRow {
  from: string;
  to: string;
  kind: string;
  frequency?: string | null;
}

export interface DiagramBody {
  id: string;
  name: string;
  kind: string;
  chair: string | null;
  frequency: string | null;
  /** False for bodies with no line to the board at this date (drawn apart, below). */
  linked: boolean;
}

export interface DiagramLine {
  /** Stable id: `from>kind>to`. */
  id: string;
  from: string;
  to: string;
  kind: string;
  frequency: string | null;
}

export interface DiagramModel {
  bodies: DiagramBody[];
  lines: DiagramLine[];
  /** Linked bodies' ids by row, top first: a row never holds a body and the body it reports to. */
  rows: string[][];
  /** Unlinked bodies' ids by row, grouped by kind. */
  unlinkedRows: string[][];
}

export interface ModelOptions {
  /** Bodies of the partnership with no route to the board (governanceDiagram's routeToTop false); drawn apart when given. */
  unlinked?: readonly BodyRow[];
  /** Wider rows are wrapped into several, so 40 bodies stay readable on one screen. */
  maxPerRow?: number;
}

const lineId = (line: LineRow): string => `${line.from}>${line.kind}>${line.to}`;

/** The same line recorded by several papers is one line; differing frequencies are joined. */
function mergeLines(edges: readonly LineRow[], known: ReadonlySet<string>): DiagramLine[] {
  const merged = new Map<string, DiagramLine>();
  for (const edge of edges) {
    if (!known.has(edge.from) || !known.has(edge.to) || edge.from === edge.to) continue;
    const id = lineId(edge);
    const existing = merged.get(id);
    const frequency = edge.frequency?.trim() || null;
    if (!existing) merged.set(id, { id, from: edge.from, to: edge.to, kind: edge.kind, frequency });
    else if (frequency && existing.frequency?.toLowerCase() !== frequency.toLowerCase())
      existing.frequency = existing.frequency ? `${existing.frequency} / ${frequency}` : frequency;
  }
  return [...merged.values()];
}

/**
 * Row of each body: at least its kind's row, and always below every body it reports to. A
 * relaxation bounded by the number of bodies, so a cycle in bad data ends instead of looping.
 */
function rankBodies(bodies: readonly DiagramBody[], lines: readonly DiagramLine[]): Map<string, number> {
  const rank = new Map(bodies.map((b) => [b.id, kindStyle(b.kind).row]));
  for (let round = 0; round < bodies.length; round++) {
    let changed = false;
    for (const line of lines) {
      const wanted = rank.get(line.to)! + 1;
      if (rank.get(line.from)! < wanted) {
        rank.set(line.from, wanted);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return rank;
}

/** Splits a list into the fewest chunks of at most `max`, as even as possible (10 by 6: 5 and 5). */
export function chunkEvenly<T>(items: readonly T[], max: number): T[][] {
  const count = Math.max(1, Math.ceil(items.length / max));
  const size = Math.ceil(items.length / count);
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

const byName = (a: { name: string }, b: { name: string }): number => a.name.localeCompare(b.name, "en");

const diagramBody = (b: BodyRow, linked: boolean): DiagramBody => ({
  id: b.id,
  name: b.name,
  kind: b.kind,
  chair: b.chair ?? null,
  frequency: b.frequency?.trim() || null,
  linked,
});

/**
 * The diagram to draw: merged lines, bodies in rows (boards on top, groups and panels below,
 * by kind), wide rows wrapped, and the bodies with no line to the board kept apart.
 * @example buildDiagramModel({ nodes, edges }, { maxPerRow: 6 }).rows[0] // ["body:community-leadership-committee", ...]
 */
export function buildDiagramModel(
  diagram: { nodes: readonly BodyRow[]; edges: readonly LineRow[] },
  options: ModelOptions = {},
): DiagramModel {
  const maxPerRow = options.maxPerRow ?? 6;
  const linked = diagram.nodes.map((n) => diagramBody(n, true));
  const known = new Set(linked.map((b) => b.id));
  const unlinked = (options.unlinked ?? []).filter((b) => !known.has(b.id)).map((b) => diagramBody(b, false));
  const lines = mergeLines(diagram.edges, known);

  const rank = rankBodies(linked, lines);
  const used = [...new Set(rank.values())].sort((a, b) => a - b);
  // What a body reports to and how ("ACCOUNTABLE_TO:body:scpb,PROVIDES_UPDATES_TO:body:scpb"): bodies
  // with the same lines sit together, solid before dashed, so the two kinds' bundles need not cross.
  const parentsOf = (id: string): string =>
    lines
      .filter((l) => l.from === id)
      .map((l) => `${l.kind}:${l.to}`)
      .sort()
      .join(",");
  const rows: string[][] = [];
  for (const r of used) {
    // Bodies that others report to come first, so wrapping keeps them nearest their own groups' row.
    const inRow = linked
      .filter((b) => rank.get(b.id) === r)
      .sort(
        (a, b) =>
          Number(lines.some((l) => l.to === b.id)) - Number(lines.some((l) => l.to === a.id)) ||
          parentsOf(a.id).localeCompare(parentsOf(b.id)) ||
          byName(a, b),
      );
    rows.push(
      ...chunkEvenly(
        inRow.map((b) => b.id),
        maxPerRow,
      ),
    );
  }

  const unlinkedRows: string[][] = [];
  const kinds = [...new Set(unlinked.map((b) => b.kind))].sort(
    (a, b) => kindStyle(a).row - kindStyle(b).row || a.localeCompare(b),
  );
  for (const kind of kinds)
    unlinkedRows.push(
      ...chunkEvenly(
        unlinked
          .filter((b) => b.kind === kind)
          .sort(byName)
          .map((b) => b.id),
        maxPerRow,
      ),
    );

  return { bodies: [...linked, ...unlinked], lines, rows, unlinkedRows };
}
