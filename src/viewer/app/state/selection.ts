/** What the details panel shows: one item of a kind, by id (name and label known from search). */
export type SelectionKind = "body" | "strategy" | "person" | "chain" | "item";

export interface Selection {
  kind: SelectionKind;
  id: string;
  name?: string;
  label?: string;
}

export const SELECTION_KINDS: readonly SelectionKind[] = ["body", "strategy", "person", "chain", "item"];

/** The panel that opens for a search hit's label; labels without a panel of their own open as an item. */
export function selectionForLabel(label: string): SelectionKind {
  const kinds: Record<string, SelectionKind> = {
    Body: "body",
    Strategy: "strategy",
    Person: "person",
    Action: "chain",
    Objective: "chain",
    AgendaItem: "item",
    Meeting: "item",
  };
  return kinds[label] ?? "item";
}
