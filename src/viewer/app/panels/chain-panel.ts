import type { ViewerAccountabilityQuery } from "../../../../generated/documents.ts";
import { h } from "../dom.ts";
import { linkTo, roleText, type Navigate } from "./navigate.ts";

type Step = ViewerAccountabilityQuery["accountabilityChain"][number];

/** Bodies named anywhere in a chain: the diagram highlights them. */
export function chainBodies(steps: readonly Step[]): string[] {
  return [
    ...new Set(
      steps
        .flatMap((s) => [s.subject, s.of])
        .filter((n) => n?.label === "Body")
        .map((n) => n!.id),
    ),
  ];
}

type Node = NonNullable<Step["subject"]>;

/** Relationships that climb the structure (to an objective, strategy or body); the others name who leads. */
const UPWARD = new Set(["CONTRIBUTES_TO", "PART_OF", "OVERSEEN_BY", "ACCOUNTABLE_TO", "GOVERNED_BY"]);

export interface ChainLevel {
  node: Node;
  /** How it was reached from the level below ("Priority", "Oversight"); null for the item itself. */
  role: string | null;
  /** Who answers for it, by role, in the chain's order: "Operational lead" → [Andy Mariner, ...]. */
  roles: { role: string; subjects: Node[] }[];
  gaps: string[];
}

/**
 * The chain as levels, from the item up to the top body: each item on the way once, with the
 * people, agencies and chairs who answer for it, and the gaps where a link is missing.
 * @example chainLevels(steps).map((l) => l.node.label) // ["Action", "Objective", "Strategy", "Body"]
 */
export function chainLevels(steps: readonly Step[]): ChainLevel[] {
  const levels = new Map<string, ChainLevel>();
  const level = (node: Node, role: string | null): ChainLevel => {
    let found = levels.get(node.id);
    if (!found) levels.set(node.id, (found = { node, role, roles: [], gaps: [] }));
    else if (!found.role && role) found.role = role;
    return found;
  };
  for (const step of steps) {
    const of = step.of ? level(step.of, null) : null;
    if (step.subject && UPWARD.has(step.relationship)) level(step.subject, step.role);
    else if (step.subject && of) {
      const entry = of.roles.find((r) => r.role === step.role) ?? { role: step.role, subjects: [] };
      if (!of.roles.includes(entry)) of.roles.push(entry);
      if (!entry.subjects.some((s) => s.id === step.subject!.id)) entry.subjects.push(step.subject);
    }
    if (step.gap) (of ?? (step.subject ? level(step.subject, step.role) : null))?.gaps.push(step.gap);
  }
  return [...levels.values()];
}

/** Who answers for an item, level by level up to the board: each item once, its leads beside it; gaps are shown, never skipped. */
export function chainView(steps: readonly Step[], navigate: Navigate): HTMLElement {
  if (!steps.length) return h("p", { class: "none" }, "No accountability recorded.");
  return h(
    "ol",
    { class: "chain", "aria-label": "Accountability chain, from the item up to the board" },
    chainLevels(steps).map((level) =>
      h(
        "li",
        { class: level.gaps.length ? "gap" : null, "data-node": level.node.id },
        h("span", { class: "role" }, level.role ? roleText(level.role) : level.node.label),
        " ",
        linkTo(navigate, level.node),
        level.roles.length
          ? h(
              "ul",
              { class: "leads" },
              level.roles.map((r) =>
                h(
                  "li",
                  { "data-role": r.role },
                  `${roleText(r.role)}: `,
                  r.subjects.map((s, i) => [i ? ", " : "", linkTo(navigate, s)]),
                ),
              ),
            )
          : null,
        level.gaps.map((gap) =>
          h("div", { class: "gap-text" }, h("span", { class: "badge severity-warning" }, "Gap"), " ", gap),
        ),
      ),
    ),
  );
}

/** The panel for an action or objective opened on its own (from search or a body's list). */
export function chainPanel(
  item: { id: string; name: string; label: string },
  steps: readonly Step[],
  navigate: Navigate,
): HTMLElement {
  const strategy = steps.find((s) => s.subject?.label === "Strategy")?.subject;
  return h(
    "article",
    { class: "panel-chain", "data-item": item.id },
    h("p", { class: "eyebrow" }, h("span", { class: "kind-badge" }, item.label)),
    h("h2", { id: "panel-title", tabindex: "-1" }, item.name),
    strategy ? h("p", {}, "Part of ", linkTo(navigate, strategy)) : null,
    h("h3", {}, "Who is accountable"),
    chainView(steps, navigate),
  );
}
