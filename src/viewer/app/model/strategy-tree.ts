import { naturalCompare } from "../../../text/natural-compare.ts";

/** A lead as the queries return it: a person, body or organisation. */
export interface Leader {
  __typename?: string;
  id?: string;
  name?: string;
}

export interface ObjectiveRow {
  id: string;
  ref: string | null;
  title: string;
  kind: string;
  partOfStrategy: { id: string }[];
  partOfObjective: { id: string }[];
  leadsConnection: { edges: { properties: { role: string }; node: Leader }[] };
  actions: {
    id: string;
    ref: string | null;
    title: string;
    status: string | null;
    dueText: string | null;
    leads: Leader[];
  }[];
}

export interface ObjectiveNode {
  objective: ObjectiveRow;
  children: ObjectiveNode[];
}

const order = (a: ObjectiveRow, b: ObjectiveRow): number =>
  naturalCompare(a.ref, b.ref) || a.title.localeCompare(b.title);

/**
 * Assembles the flat objectives of a strategy (ViewerStrategy) into its tree: objectives that
 * are PART_OF the strategy at the top, each with the objectives PART_OF it, in ref order.
 * An objective is placed once, under its first parent, so a cycle in bad data cannot recurse.
 * @example strategyTree("strategy:vawg-2017-20", rows)[0].objective.ref // "Priority 1"
 */
export function strategyTree(strategyId: string, rows: readonly ObjectiveRow[]): ObjectiveNode[] {
  const ids = new Set(rows.map((r) => r.id));
  const placed = new Set<string>();
  const build = (row: ObjectiveRow): ObjectiveNode => {
    placed.add(row.id);
    const children = rows
      .filter((r) => !placed.has(r.id) && r.partOfObjective.some((p) => p.id === row.id))
      .sort(order);
    children.forEach((c) => placed.add(c.id));
    return { objective: row, children: children.map(build) };
  };
  const roots = rows
    .filter(
      (r) =>
        r.partOfStrategy.some((s) => s.id === strategyId) && !r.partOfObjective.some((p) => ids.has(p.id)),
    )
    .sort(order);
  roots.forEach((r) => placed.add(r.id));
  return roots.map(build);
}
