import { h, type Child } from "../dom.ts";
import { BODY_KINDS, kindStyle } from "../model/body-kinds.ts";
import type { DiagramBody, DiagramLine, DiagramModel } from "../model/diagram-model.ts";

/** How a child relates to the body it is listed under: "accountable to it; provides updates (Annually)". */
function relation(lines: readonly DiagramLine[]): string {
  return lines
    .map((l) =>
      l.kind === "PROVIDES_UPDATES_TO"
        ? `provides updates${l.frequency ? ` (${l.frequency})` : ""}`
        : "accountable to it",
    )
    .join("; ");
}

function describe(body: DiagramBody): Child[] {
  const style = kindStyle(body.kind);
  return [
    h("span", { class: "kind-badge", "data-kind": body.kind }, style.label),
    body.chair ? `, chair ${body.chair}` : ", no chair recorded",
    body.frequency ? `, meets ${body.frequency}` : "",
  ];
}

/**
 * The diagram as nested lists, the text alternative to the drawing: each body under the body it
 * reports to, saying how (accountable, or updates and how often). A body reporting to several
 * is listed in full under the first and referred to under the others.
 */
export function listView(model: DiagramModel, asOf: string, onSelect: (bodyId: string) => void): HTMLElement {
  const byId = new Map(model.bodies.map((b) => [b.id, b]));
  const name = (id: string): string => byId.get(id)?.name ?? id;
  const linked = model.bodies.filter((b) => b.linked);
  const up = (id: string): DiagramLine[] => model.lines.filter((l) => l.from === id);
  const down = (id: string): string[] =>
    [...new Set(model.lines.filter((l) => l.to === id).map((l) => l.from))].sort((a, b) =>
      name(a).localeCompare(name(b)),
    );
  const listedFully = new Set<string>();
  const button = (id: string): HTMLElement =>
    h("button", { type: "button", class: "link", "data-body": id, onclick: () => onSelect(id) }, name(id));

  const item = (id: string, parent: string | null): HTMLElement => {
    const body = byId.get(id)!;
    const via = parent ? relation(model.lines.filter((l) => l.from === id && l.to === parent)) : null;
    const others = up(id).filter((l) => l.to !== parent);
    const head = [
      via ? h("span", { class: "relation" }, `${via}: `) : null,
      button(id),
      " ",
      ...describe(body),
    ];
    if (listedFully.has(id)) return h("li", {}, head, " (listed in full above)");
    listedFully.add(id);
    const alsoTo = others.length
      ? h(
          "span",
          { class: "also" },
          `. Also ${others.map((l) => `${l.kind === "PROVIDES_UPDATES_TO" ? "provides updates" : "accountable"} to ${name(l.to)}${l.frequency ? ` (${l.frequency})` : ""}`).join("; ")}`,
        )
      : null;
    const children = down(id);
    return h(
      "li",
      {},
      head,
      alsoTo,
      children.length
        ? h(
            "ul",
            {},
            children.map((child) => item(child, id)),
          )
        : null,
    );
  };

  // Members' committees first (the legend's order), so the statutory board's tree hangs under its committee.
  const order = (kind: string): number => {
    const index = BODY_KINDS.findIndex((k) => k.kind === kind);
    return index < 0 ? BODY_KINDS.length : index;
  };
  const roots = linked
    .filter((b) => up(b.id).length === 0)
    .sort((a, b) => order(a.kind) - order(b.kind) || a.name.localeCompare(b.name));
  const unlinked = model.bodies.filter((b) => !b.linked);
  return h(
    "div",
    { class: "list-view" },
    h(
      "h2",
      {},
      `Structure as of ${asOf}: ${linked.length} bodies linked to the board, ${model.lines.length} lines`,
    ),
    h(
      "ul",
      { class: "tree" },
      roots.map((r) => item(r.id, null)),
    ),
    unlinked.length
      ? [
          h("h2", {}, `No recorded line to the board at this date: ${unlinked.length} bodies`),
          h(
            "ul",
            { class: "flat" },
            unlinked.map((b) => h("li", {}, button(b.id), " ", ...describe(b))),
          ),
        ]
      : null,
  );
}
