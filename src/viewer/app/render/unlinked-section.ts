import { fill, h } from "../dom.ts";
import { kindStyle } from "../model/body-kinds.ts";
import type { DiagramModel } from "../model/diagram-model.ts";

/**
 * The bodies with no recorded line at the date, as a labelled section under the diagram: by
 * kind, each a button in its kind's colours at the page's text size, so they are visible and
 * readable from the start instead of a grid of tiny boxes far below the drawing.
 */
export class UnlinkedSection {
  private highlighted = new Set<string>();

  private readonly element: HTMLElement;
  private readonly onSelect: (bodyId: string) => void;

  constructor(element: HTMLElement, onSelect: (bodyId: string) => void) {
    this.element = element;
    this.onSelect = onSelect;
  }

  show(model: DiagramModel, asOf: string): void {
    const bodies = new Map(model.bodies.filter((b) => !b.linked).map((b) => [b.id, b]));
    this.element.hidden = bodies.size === 0;
    const kinds = model.unlinkedRows.map((row) => row.map((id) => bodies.get(id)!));
    const groups = new Map<string, (typeof kinds)[number]>();
    for (const row of kinds)
      for (const body of row) groups.set(body.kind, [...(groups.get(body.kind) ?? []), body]);
    fill(
      this.element,
      h(
        "h2",
        { id: "unlinked-title" },
        `No recorded line to the top of the structure at ${asOf} (${bodies.size})`,
      ),
      [...groups].map(([kind, list]) => {
        const style = kindStyle(kind);
        return h(
          "section",
          { class: "unlinked-kind", "aria-label": `${style.plural} (${list.length})` },
          h("h3", {}, `${style.plural} (${list.length})`),
          h(
            "ul",
            {},
            list.map((body) =>
              h(
                "li",
                {},
                h(
                  "button",
                  {
                    type: "button",
                    class: "unlinked-body",
                    "data-body": body.id,
                    style: `--fill: ${style.fill}; --border: ${style.border}`,
                    onclick: () => this.onSelect(body.id),
                  },
                  body.name,
                ),
              ),
            ),
          ),
        );
      }),
    );
    this.highlight([...this.highlighted]);
  }

  select(bodyId: string | null): void {
    for (const button of Array.from(this.element.querySelectorAll<HTMLElement>("button[data-body]"))) {
      const selected = button.dataset.body === bodyId;
      button.classList.toggle("selected", selected);
      if (selected) button.scrollIntoView({ block: "nearest" });
    }
  }

  /** Marks the bodies of a chain (or a person's bodies) and scrolls the first into view. */
  highlight(bodyIds: readonly string[]): void {
    this.highlighted = new Set(bodyIds);
    let first: HTMLElement | null = null;
    for (const button of Array.from(this.element.querySelectorAll<HTMLElement>("button[data-body]"))) {
      const on = this.highlighted.has(button.dataset.body!);
      button.classList.toggle("highlight", on);
      if (on) first ??= button;
    }
    first?.scrollIntoView({ block: "nearest" });
  }
}
