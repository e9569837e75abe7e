import type { ViewerAccountabilityQuery } from "../../../../generated/documents.js";
import { h } from "../dom.js";
import { linkTo, roleText, type Navigate } from "./navigate.js";

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

/** Who answers for an item, hop by hop: each step says its role, who, and of what; gaps are shown, never skipped. */
export function chainView(steps: readonly Step[], navigate: Navigate): HTMLElement {
  if (!steps.length) return h("p", { class: "none" }, "No accountability recorded.");
  return h(
    "ol",
    { class: "chain", "aria-label": "Accountability chain, from the item up to the board" },
    steps.map((step) =>
      h(
        "li",
        { class: step.gap ? "gap" : null, "data-role": step.role },
        h("span", { class: "role" }, roleText(step.role)),
        " ",
        step.subject ? linkTo(navigate, step.subject) : h("strong", {}, "missing"),
        step.of ? h("span", { class: "of" }, " for ", linkTo(navigate, step.of)) : null,
        step.gap
          ? h(
              "div",
              { class: "gap-text" },
              h("span", { class: "badge severity-warning" }, "Gap"),
              " ",
              step.gap,
            )
          : null,
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
