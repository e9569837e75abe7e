import type { ViewerStrategyQuery } from "../../../../generated/documents.ts";
import { naturalCompare } from "../../../text/natural-compare.ts";
import { h } from "../dom.ts";
import { strategyTree, type Leader, type ObjectiveNode } from "../model/strategy-tree.ts";
import { actionText, linkTo, roleText, type Navigate } from "./navigate.ts";

const leaderLinks = (navigate: Navigate, leads: readonly Leader[]): (HTMLElement | string)[] =>
  leads.flatMap((lead, i) => [
    i ? ", " : "",
    linkTo(navigate, { id: lead.id ?? null, label: lead.__typename ?? null, name: lead.name ?? null }),
  ]);

function objectiveItem(node: ObjectiveNode, navigate: Navigate, selectedAction: string | null): HTMLElement {
  const { objective, children } = node;
  const leads = objective.leadsConnection.edges;
  return h(
    "li",
    { "data-objective": objective.id },
    h("span", { class: "objective-kind" }, objective.kind.toLowerCase().replace(/_/g, " ")),
    " ",
    h("strong", {}, objective.ref ? `${objective.ref}: ` : ""),
    objective.title,
    leads.length
      ? h(
          "div",
          { class: "by" },
          leads.map((e, i) => [
            i ? "; " : "",
            `${roleText(e.properties.role)}: `,
            linkTo(navigate, {
              id: e.node.id ?? null,
              label: e.node.__typename ?? null,
              name: e.node.name ?? null,
            }),
          ]),
        )
      : null,
    objective.actions.length
      ? h(
          "ul",
          { class: "actions" },
          [...objective.actions]
            .sort((a, b) => naturalCompare(a.ref, b.ref))
            .map((action) =>
              h(
                "li",
                { "data-action": action.id, class: action.id === selectedAction ? "selected" : null },
                h(
                  "button",
                  {
                    type: "button",
                    class: "link",
                    "aria-pressed": String(action.id === selectedAction),
                    title: "Show who is accountable for this action",
                    onclick: () => navigate.chain(action.id),
                  },
                  actionText(action),
                ),
                action.leads.length
                  ? h("span", { class: "by" }, " led by ", leaderLinks(navigate, action.leads))
                  : h("span", { class: "by gap" }, " no lead recorded"),
              ),
            ),
        )
      : null,
    children.length
      ? h(
          "ul",
          {},
          children.map((child) => objectiveItem(child, navigate, selectedAction)),
        )
      : null,
  );
}

/** A strategy's tree: objectives and outcomes, the actions feeding each with their leads; an action opens its accountability chain. */
export function strategyPanel(
  data: ViewerStrategyQuery,
  strategyId: string,
  navigate: Navigate,
  selectedAction: string | null = null,
): HTMLElement {
  const strategy = data.strategies[0];
  if (!strategy)
    return h(
      "article",
      {},
      h("h2", { id: "panel-title", tabindex: "-1" }, "Strategy not found"),
      h("p", {}, `No strategy has the id ${strategyId}.`),
    );
  const levels = strategy.objectives.flatMap((o) => [
    o,
    ...o.subObjectives,
    ...o.subObjectives.flatMap((s) => s.subObjectives),
  ]);
  // An objective under two parents comes once per parent: the tree places it once.
  const tree = strategyTree(strategy.id, [...new Map(levels.map((o) => [o.id, o])).values()]);
  const period =
    strategy.periodStart || strategy.periodEnd
      ? `${strategy.periodStart ?? "…"} to ${strategy.periodEnd ?? "…"}`
      : null;
  return h(
    "article",
    { class: "panel-strategy", "data-strategy": strategy.id },
    h(
      "p",
      { class: "eyebrow" },
      h("span", { class: "kind-badge" }, strategy.kind.toLowerCase().replace(/_/g, " ")),
    ),
    h("h2", { id: "panel-title", tabindex: "-1" }, strategy.title),
    h(
      "dl",
      { class: "facts" },
      period ? [h("dt", {}, "Period"), h("dd", {}, period)] : null,
      strategy.status ? [h("dt", {}, "Status"), h("dd", {}, strategy.status.toLowerCase())] : null,
      [
        h("dt", {}, "Overseen by"),
        h(
          "dd",
          {},
          strategy.overseenBy.length
            ? strategy.overseenBy.map((b, i) => [
                i ? ", " : "",
                linkTo(navigate, { id: b.id, label: "Body", name: b.name }),
              ])
            : "no body recorded",
        ),
      ],
      strategy.leadsConnection.edges.length
        ? [
            h("dt", {}, "Leads"),
            h(
              "dd",
              {},
              strategy.leadsConnection.edges.map((e, i) => [
                i ? "; " : "",
                `${roleText(e.properties.role)}: `,
                linkTo(navigate, {
                  id: e.node.id ?? null,
                  label: e.node.__typename ?? null,
                  name: e.node.name ?? null,
                }),
              ]),
            ),
          ]
        : null,
    ),
    strategy.summary ? h("p", {}, strategy.summary) : null,
    h("p", { class: "hint" }, "Choose an action to see who is accountable for it, up to the board."),
    tree.length
      ? h(
          "ul",
          { class: "strategy-tree" },
          tree.map((node) => objectiveItem(node, navigate, selectedAction)),
        )
      : h("p", { class: "none" }, "No objectives recorded for this strategy."),
  );
}
