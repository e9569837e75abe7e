import { h } from "../dom.ts";

/** Where a link in a panel goes: the controller opens the matching panel and highlights the diagram. */
export interface Navigate {
  body(id: string): void;
  strategy(id: string): void;
  person(id: string): void;
  /** Who answers for an action or objective (accountabilityChain). */
  chain(id: string): void;
  /** An agenda item or meeting. */
  item(id: string): void;
}

/** A link to whatever a PathNode-like item is; plain text when the viewer has no panel for its label. */
export function linkTo(
  navigate: Navigate,
  item: { id?: string | null; label?: string | null; __typename?: string; name?: string | null },
): HTMLElement {
  const label = item.label ?? item.__typename ?? "";
  const name = item.name ?? item.id ?? "?";
  const go: Record<string, ((id: string) => void) | undefined> = {
    Body: navigate.body,
    Strategy: navigate.strategy,
    Person: navigate.person,
    Action: navigate.chain,
    Objective: navigate.chain,
    AgendaItem: navigate.item,
    Meeting: navigate.item,
  };
  const action = go[label];
  if (!item.id || !action) return h("span", {}, name);
  const id = item.id;
  return h(
    "button",
    { type: "button", class: "link", "data-id": id, "data-label": label, onclick: () => action(id) },
    name,
  );
}

/** Severity as a labelled badge (text, not colour alone). */
export function severityBadge(severity: string): HTMLElement {
  return h(
    "span",
    { class: `badge severity-${severity.toLowerCase()}` },
    severity === "ERROR" ? "Error" : severity === "WARNING" ? "Warning" : "Info",
  );
}

/** "Title (status, due on going)" of an action. */
export function actionText(action: {
  ref: string | null;
  title: string;
  status: string | null;
  dueText: string | null;
}): string {
  const extra = [
    action.status?.toLowerCase().replace(/_/g, " "),
    action.dueText ? `due ${action.dueText}` : null,
  ]
    .filter(Boolean)
    .join(", ");
  return `${action.ref ? `${action.ref} ` : ""}${action.title}${extra ? ` (${extra})` : ""}`;
}

export const roleText = (role: string): string =>
  role
    .toLowerCase()
    .replace(/_/g, " ")
    .replace(/^./, (c) => c.toUpperCase());
