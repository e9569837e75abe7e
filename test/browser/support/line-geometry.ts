/**
 * Overlaps and crossings of a drawing's lines, measured from their routes (orthogonal polylines).
 * Lines may share a run only as a bundle that keeps kinds apart: the same kind, and the same
 * body at one end (several groups into one board's port, or one board updating several).
 */
export interface Point {
  x: number;
  y: number;
}

export interface RoutedLine {
  id: string;
  from: string;
  to: string;
  kind: string;
  points: readonly Point[];
}

interface Segment {
  line: RoutedLine;
  a: Point;
  b: Point;
  horizontal: boolean;
}

const EPS = 0.75;

function segments(line: RoutedLine): Segment[] {
  const out: Segment[] = [];
  for (let i = 1; i < line.points.length; i++) {
    const a = line.points[i - 1]!;
    const b = line.points[i]!;
    if (Math.abs(a.x - b.x) < EPS && Math.abs(a.y - b.y) < EPS) continue;
    out.push({ line, a, b, horizontal: Math.abs(a.y - b.y) < EPS });
  }
  return out;
}

const range = (p: number, q: number): [number, number] => (p < q ? [p, q] : [q, p]);

/** Length two collinear segments share (0 when they only touch or are not collinear). */
function sharedLength(s: Segment, t: Segment): number {
  if (s.horizontal !== t.horizontal) return 0;
  if (s.horizontal) {
    if (Math.abs(s.a.y - t.a.y) >= EPS) return 0;
    const [a1, a2] = range(s.a.x, s.b.x);
    const [b1, b2] = range(t.a.x, t.b.x);
    return Math.max(0, Math.min(a2, b2) - Math.max(a1, b1));
  }
  if (Math.abs(s.a.x - t.a.x) >= EPS) return 0;
  const [a1, a2] = range(s.a.y, s.b.y);
  const [b1, b2] = range(t.a.y, t.b.y);
  return Math.max(0, Math.min(a2, b2) - Math.max(a1, b1));
}

/** Whether a horizontal and a vertical segment cross inside both (not at an end or a bend). */
function crosses(s: Segment, t: Segment): boolean {
  if (s.horizontal === t.horizontal) return false;
  const [h, v] = s.horizontal ? [s, t] : [t, s];
  const [x1, x2] = range(h.a.x, h.b.x);
  const [y1, y2] = range(v.a.y, v.b.y);
  const x = v.a.x;
  const y = h.a.y;
  return x > x1 + EPS && x < x2 - EPS && y > y1 + EPS && y < y2 - EPS;
}

/** Two lines may run together when they are one bundle: same kind, and a body in common at the same end. */
export const sameBundle = (a: RoutedLine, b: RoutedLine): boolean =>
  a.kind === b.kind && (a.from === b.from || a.to === b.to);

export interface LineConflicts {
  /** Runs shared by lines that are not one bundle (mixed kinds, or different bodies at both ends). */
  overlaps: { a: string; b: string; length: number }[];
  /** Crossings between lines of different kinds. */
  kindCrossings: { a: string; b: string }[];
  /** Crossings between lines of the same kind that are not one bundle. */
  crossings: { a: string; b: string }[];
}

export function lineConflicts(lines: readonly RoutedLine[]): LineConflicts {
  const result: LineConflicts = { overlaps: [], kindCrossings: [], crossings: [] };
  const all = lines.map(segments);
  for (let i = 0; i < lines.length; i++)
    for (let j = i + 1; j < lines.length; j++) {
      const a = lines[i]!;
      const b = lines[j]!;
      let shared = 0;
      let crossing = false;
      for (const s of all[i]!)
        for (const t of all[j]!) {
          shared += sharedLength(s, t);
          crossing ||= crosses(s, t);
        }
      if (shared > 1 && !sameBundle(a, b))
        result.overlaps.push({ a: a.id, b: b.id, length: Math.round(shared) });
      if (crossing && a.kind !== b.kind) result.kindCrossings.push({ a: a.id, b: b.id });
      else if (crossing && !sameBundle(a, b)) result.crossings.push({ a: a.id, b: b.id });
    }
  return result;
}
