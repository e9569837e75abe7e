import { byId, fill, h } from "../dom.ts";

export interface ToolbarHandlers {
  asOf(date: string): void;
  /** "Latest data" (or today, when the data reaches today). */
  defaultDate(): string;
  partnership(partnership: { id: string; name: string }): void;
  showUnlinked(show: boolean): void;
  /** The diagram became visible again after the list view. */
  diagramShown(): void;
  fit(): void;
  exportSvg(): void;
  exportPng(): void;
}

/** The toolbar's controls (date, partnership picker, views, exports), wired to the page's handlers. */
export class Toolbar {
  private readonly asOfInput = byId<HTMLInputElement>("as-of");
  private readonly picker = byId<HTMLSelectElement>("partnership");

  constructor(handlers: ToolbarHandlers) {
    this.asOfInput.addEventListener("change", () => {
      if (this.asOfInput.value) handlers.asOf(this.asOfInput.value);
    });
    byId("as-of-default").addEventListener("click", () => {
      this.asOfInput.value = handlers.defaultDate();
      this.asOfInput.dispatchEvent(new Event("change"));
    });
    this.picker.addEventListener("change", () =>
      handlers.partnership({
        id: this.picker.value,
        name: this.picker.selectedOptions[0]?.textContent ?? this.picker.value,
      }),
    );
    const unlinked = byId<HTMLInputElement>("show-unlinked");
    unlinked.addEventListener("change", () => handlers.showUnlinked(unlinked.checked));
    const diagramButton = byId("view-diagram");
    const listButton = byId("view-list");
    const showList = (list: boolean): void => {
      byId("diagram").hidden = list;
      byId("legend").hidden = list;
      byId("list").hidden = !list;
      diagramButton.setAttribute("aria-pressed", String(!list));
      listButton.setAttribute("aria-pressed", String(list));
      if (!list) handlers.diagramShown();
    };
    diagramButton.addEventListener("click", () => showList(false));
    listButton.addEventListener("click", () => showList(true));
    byId("fit").addEventListener("click", () => handlers.fit());
    byId("export-svg").addEventListener("click", () => handlers.exportSvg());
    byId("export-png").addEventListener("click", () => handlers.exportPng());
  }

  set asOf(date: string) {
    this.asOfInput.value = date;
  }

  set showUnlinked(show: boolean) {
    byId<HTMLInputElement>("show-unlinked").checked = show;
  }

  /**
   * Fills the picker with every partnership loaded. The picker is on the page from the first
   * paint (so the toolbar does not move when the list arrives) and is hidden when there is no
   * choice to make.
   */
  partnerships(all: readonly { id: string; name: string }[], current: string): void {
    fill(
      this.picker,
      all.map((p) => h("option", { value: p.id, selected: p.id === current }, p.name)),
    );
    byId("partnership-field").hidden = all.length < 2;
  }

  /** Says which dates the partnership's papers cover, next to the date field. */
  span(text: string): void {
    byId("data-span").textContent = text;
  }
}
