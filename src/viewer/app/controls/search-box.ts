import { fill, h } from "../dom.ts";

export interface SearchHit {
  id: string;
  label: string;
  name: string;
  matched: string;
  /** A meeting's or agenda item's date, a strategy's years. */
  date: string | null;
  /** The name of the partnership it belongs to ("Shared" for shared entities). */
  partnership: string | null;
}

/** Labels the viewer has a panel for; other hits (organisations, documents...) are not offered. */
const OPENABLE = new Set(["Body", "Person", "Strategy", "Objective", "Action", "AgendaItem", "Meeting"]);

/**
 * The search box as an ARIA combobox: type to search (debounced), arrow keys move through the
 * results, Enter opens one, Escape closes the list. Results come from `find` (the API's search).
 */
export class SearchBox {
  private hits: SearchHit[] = [];
  private active = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;

  private readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private readonly status: HTMLElement;
  private readonly find: (text: string) => Promise<SearchHit[]>;
  private readonly open: (hit: SearchHit) => void;

  constructor(
    input: HTMLInputElement,
    list: HTMLUListElement,
    status: HTMLElement,
    find: (text: string) => Promise<SearchHit[]>,
    open: (hit: SearchHit) => void,
  ) {
    this.input = input;
    this.list = list;
    this.status = status;
    this.find = find;
    this.open = open;
    input.addEventListener("input", () => this.schedule());
    input.addEventListener("keydown", (event) => this.key(event));
    input.addEventListener("blur", () => setTimeout(() => this.close(), 150));
    input.form?.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.searchNow().then(() => this.choose(Math.max(this.active, 0)));
    });
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.searchNow(), 180);
  }

  /** Runs the search for what is typed; a newer search wins over a slower older one. */
  async searchNow(): Promise<void> {
    clearTimeout(this.timer);
    const text = this.input.value.trim();
    const generation = ++this.generation;
    if (text.length < 2) return this.show([]);
    try {
      const hits = (await this.find(text)).filter((hit) => OPENABLE.has(hit.label));
      if (generation === this.generation) this.show(hits, text);
    } catch (error) {
      if (generation === this.generation) {
        this.show([]);
        this.status.textContent = `Search failed: ${(error as Error).message}`;
      }
    }
  }

  private show(hits: SearchHit[], text = ""): void {
    this.hits = hits;
    this.active = hits.length ? 0 : -1;
    fill(
      this.list,
      hits.map((hit, i) =>
        h(
          "li",
          {
            id: `search-hit-${i}`,
            role: "option",
            "aria-selected": String(i === this.active),
            "data-id": hit.id,
            onmousedown: (e: Event) => e.preventDefault(),
            onclick: () => this.choose(i),
          },
          h("span", { class: "hit-label" }, hit.label.replace(/([a-z])([A-Z])/g, "$1 $2")),
          " ",
          h("span", { class: "hit-name" }, hit.name),
          hit.date ? h("span", { class: "hit-date" }, `, ${hit.date}`) : null,
          hit.matched && hit.matched !== hit.name
            ? h("span", { class: "hit-matched" }, ` (matched “${hit.matched}”)`)
            : null,
          hit.partnership ? h("span", { class: "hit-partnership" }, hit.partnership) : null,
        ),
      ),
    );
    const open = hits.length > 0;
    this.list.hidden = !open;
    this.input.setAttribute("aria-expanded", String(open));
    this.input.setAttribute("aria-activedescendant", open ? "search-hit-0" : "");
    this.status.textContent = text
      ? open
        ? `${hits.length} results for “${text}”`
        : `No results for “${text}”`
      : "";
  }

  private move(delta: number): void {
    if (!this.hits.length) return;
    this.active = (this.active + delta + this.hits.length) % this.hits.length;
    for (const [i, li] of Array.from(this.list.children).entries())
      li.setAttribute("aria-selected", String(i === this.active));
    this.input.setAttribute("aria-activedescendant", `search-hit-${this.active}`);
    this.list.children[this.active]?.scrollIntoView({ block: "nearest" });
  }

  private key(event: KeyboardEvent): void {
    if (event.key === "ArrowDown") this.move(1);
    else if (event.key === "ArrowUp") this.move(-1);
    else if (event.key === "Escape") this.close();
    else return;
    event.preventDefault();
  }

  private choose(index: number): void {
    const hit = this.hits[index];
    if (!hit) return;
    this.close();
    this.open(hit);
  }

  /** Forgets the results (after signing in or out they may differ): the next search asks again. */
  reset(): void {
    this.generation++;
    this.input.value = "";
    this.show([]);
  }

  private close(): void {
    this.list.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
  }
}
