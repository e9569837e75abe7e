import {
  ViewerAccountabilityDocument,
  ViewerBodyDocument,
  ViewerContactsDocument,
  ViewerDiagramDocument,
  ViewerHealthDocument,
  ViewerItemDocument,
  ViewerPartnershipsDocument,
  ViewerPersonDocument,
  ViewerSearchDocument,
  ViewerStrategyDocument,
  type ViewerDiagramQuery,
  type ViewerHealthQuery,
  type ViewerStrategyQuery,
} from "../../../generated/documents.js";
import { GraphQLClient, ViewerRequestError } from "./api/graphql-client.js";
import { describeToken, tokenStore } from "./api/token-store.js";
import { SearchBox, type SearchHit } from "./controls/search-box.js";
import { byId, fill, h } from "./dom.js";
import { layoutDiagram, METRICS, type LaidOutDiagram } from "./layout/layout-diagram.js";
import { buildDiagramModel, type BodyRow } from "./model/diagram-model.js";
import { today, validAt } from "./model/valid-at.js";
import { bodyPanel } from "./panels/body-panel.js";
import { chainBodies, chainPanel, chainView } from "./panels/chain-panel.js";
import type { Navigate } from "./panels/navigate.js";
import { itemPanel } from "./panels/item-panel.js";
import { personPanel } from "./panels/person-panel.js";
import { strategyPanel } from "./panels/strategy-panel.js";
import { diagramSvg } from "./render/diagram-svg.js";
import { FONT_FAMILY } from "./render/diagram-style.js";
import { DiagramView, type DiagramSnapshot } from "./render/diagram-view.js";
import { legend } from "./render/legend.js";
import { listView } from "./render/list-view.js";

type Selection = {
  kind: "body" | "strategy" | "person" | "chain" | "item";
  id: string;
  name?: string;
  label?: string;
} | null;

/** What a test (or a curious person in the console) can read from the running viewer. */
export interface ViewerHandle {
  snapshot(): DiagramSnapshot;
  /** Where a body is drawn on the page, to click it like a person would. */
  pagePosition(bodyId: string): { x: number; y: number } | null;
  state(): { asOf: string; partnershipId: string | null; selection: Selection; signedIn: boolean };
}

/** Bodies not drawn by governanceDiagram but valid at asOf, with their chair at that date. */
function unlinkedBodies(data: ViewerDiagramQuery, asOf: string): BodyRow[] {
  const drawn = new Set(data.governanceDiagram.nodes.map((n) => n.id));
  return data.bodies
    .filter((b) => !drawn.has(b.id) && validAt(b, asOf))
    .map((b) => {
      const chairs = b.membersConnection.edges
        .filter((e) => validAt(e.properties, asOf))
        .sort((x, y) => (y.properties.validFrom ?? "").localeCompare(x.properties.validFrom ?? ""));
      return {
        id: b.id,
        name: b.name,
        kind: b.kind,
        frequency: b.frequency,
        chair: chairs[0]?.node.name ?? null,
      };
    });
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = h("a", { href: url, download: fileName, hidden: true });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The page's controller: loads the diagram for a partnership and date, opens panels for what a
 * person selects, and keeps the diagram, the list view, the panel and the URL in step.
 */
export class ViewerApp implements ViewerHandle {
  private readonly client = new GraphQLClient(new URL("graphql", document.baseURI).pathname, () =>
    tokenStore.get(),
  );
  private readonly view: DiagramView;
  private readonly measure: (text: string) => number;
  private readonly labelMeasure: (text: string) => number;
  private partnership: { id: string; name: string } | null = null;
  private asOf = today();
  private selection: Selection = null;
  private health: Promise<ViewerHealthQuery["governanceHealth"]> | null = null;
  private showUnlinked = true;
  private search: SearchBox | null = null;
  private loadGeneration = 0;
  private panelGeneration = 0;

  private readonly navigate: Navigate = {
    body: (id) => void this.open({ kind: "body", id }),
    strategy: (id) => void this.open({ kind: "strategy", id }),
    person: (id) => void this.open({ kind: "person", id }),
    chain: (id) => void this.openChain(id),
    item: (id) => void this.open({ kind: "item", id }),
  };

  constructor() {
    const context = document.createElement("canvas").getContext("2d")!;
    const measureIn =
      (size: number) =>
      (text: string): number => {
        context.font = `${size}px ${FONT_FAMILY}`;
        return context.measureText(text).width;
      };
    this.measure = measureIn(METRICS.fontSize);
    this.labelMeasure = measureIn(METRICS.labelFontSize);
    this.view = new DiagramView(byId("diagram"), (id) => void this.open({ kind: "body", id }));
    const params = new URLSearchParams(location.search);
    const asOf = params.get("asOf");
    if (asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf)) this.asOf = asOf;
    const open = params.get("open");
    const openKind = params.get("openKind");
    if (open)
      this.selection = {
        kind: (["body", "strategy", "person", "chain", "item"].includes(openKind ?? "")
          ? openKind
          : "body") as NonNullable<Selection>["kind"],
        id: open,
      };
    this.wireControls();
    fill(byId("legend"), legend());
    this.showSignIn();
  }

  snapshot(): DiagramSnapshot {
    return this.view.snapshot();
  }

  pagePosition(bodyId: string): { x: number; y: number } | null {
    return this.view.pagePosition(bodyId);
  }

  state(): ReturnType<ViewerHandle["state"]> {
    return {
      asOf: this.asOf,
      partnershipId: this.partnership?.id ?? null,
      selection: this.selection,
      signedIn: Boolean(tokenStore.get()),
    };
  }

  /** Chooses the partnership (?partnership= or the first by name) and draws it. */
  async start(): Promise<void> {
    const wanted = new URLSearchParams(location.search).get("partnership");
    try {
      const { partnerships } = await this.client.request(ViewerPartnershipsDocument, {});
      this.partnership = partnerships.find((p) => p.id === wanted) ?? partnerships[0] ?? null;
      if (!this.partnership)
        throw new Error("The database holds no partnership: load the seeds (npm run seed) and reload.");
      if (wanted && this.partnership.id !== wanted)
        this.setStatus(`No partnership ${wanted}; showing ${this.partnership.name}.`);
      const select = byId<HTMLSelectElement>("partnership");
      fill(
        select,
        partnerships.map((p) =>
          h("option", { value: p.id, selected: p.id === this.partnership!.id }, p.name),
        ),
      );
      byId("partnership-field").hidden = partnerships.length < 2;
      await this.load();
    } catch (error) {
      this.fail(error);
    }
  }

  private wireControls(): void {
    const asOf = byId<HTMLInputElement>("as-of");
    asOf.value = this.asOf;
    asOf.addEventListener("change", () => {
      if (!asOf.value || asOf.value === this.asOf) return;
      this.asOf = asOf.value;
      void this.load();
    });
    byId("as-of-today").addEventListener("click", () => {
      asOf.value = today();
      asOf.dispatchEvent(new Event("change"));
    });
    byId<HTMLSelectElement>("partnership").addEventListener("change", (event) => {
      const id = (event.target as HTMLSelectElement).value;
      this.partnership = {
        id,
        name: (event.target as HTMLSelectElement).selectedOptions[0]?.textContent ?? id,
      };
      this.selection = null;
      void this.load();
    });
    const unlinked = byId<HTMLInputElement>("show-unlinked");
    unlinked.checked = this.showUnlinked;
    unlinked.addEventListener("change", () => {
      this.showUnlinked = unlinked.checked;
      void this.load();
    });
    const diagramButton = byId("view-diagram");
    const listButton = byId("view-list");
    const showList = (list: boolean): void => {
      byId("diagram").hidden = list;
      byId("legend").hidden = list;
      byId("list").hidden = !list;
      diagramButton.setAttribute("aria-pressed", String(!list));
      listButton.setAttribute("aria-pressed", String(list));
      if (!list) this.view.cy.resize();
    };
    diagramButton.addEventListener("click", () => showList(false));
    listButton.addEventListener("click", () => showList(true));
    byId("fit").addEventListener("click", () => this.view.fit());
    byId("export-svg").addEventListener("click", () => this.exportSvg());
    byId("export-png").addEventListener("click", () => void this.exportPng());
    byId<HTMLFormElement>("sign-in-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const token = byId<HTMLTextAreaElement>("token")
        .value.trim()
        .replace(/^Bearer\s+/i, "");
      this.signIn(token || null);
    });
    byId("sign-out").addEventListener("click", () => this.signIn(null));
    this.search = new SearchBox(
      byId<HTMLInputElement>("search"),
      byId<HTMLUListElement>("search-results"),
      byId("search-status"),
      async (text) =>
        (await this.client.request(ViewerSearchDocument, { text, limit: 15 })).search.map((hit) => ({
          ...hit.node,
          matched: hit.matched,
        })),
      (hit) => this.openHit(hit),
    );
  }

  private signIn(token: string | null): void {
    tokenStore.set(token);
    byId<HTMLTextAreaElement>("token").value = "";
    this.search?.reset();
    // Close the sign-in box and give focus back to its summary, which now says who is signed in.
    (byId("sign-in") as HTMLDetailsElement).open = false;
    byId("sign-in-summary").focus();
    this.showSignIn();
    this.health = null;
    void this.load();
  }

  private showSignIn(): void {
    const token = tokenStore.get();
    const info = token ? describeToken(token) : null;
    byId("sign-in-summary").textContent = token ? "Signed in" : "Sign in";
    byId("sign-out").hidden = !token;
    byId("sign-in-status").textContent = info
      ? `Signed in${info.subject ? ` as ${info.subject}` : ""}${info.roles.length ? ` (${info.roles.join(", ")})` : ""}${info.expires ? `, token expires ${info.expires.toLocaleString()}` : ""}. Every request carries this token; the API decides what it may see.`
      : "Not signed in: you see the public structure. Paste an officer's bearer token to also see restricted items.";
  }

  private setStatus(text: string): void {
    byId("status").textContent = text;
  }

  private fail(error: unknown): void {
    document.body.dataset.state = "error";
    if (error instanceof ViewerRequestError && error.codes.includes("UNAUTHENTICATED")) {
      // A refused token fails every request: say so where the person can fix it.
      this.setStatus(`${error.message} Sign out, or paste a valid token.`);
      (byId("sign-in") as HTMLDetailsElement).open = true;
      return;
    }
    this.setStatus(error instanceof Error ? error.message : String(error));
  }

  private findings(): Promise<ViewerHealthQuery["governanceHealth"]> {
    this.health ??= this.client
      .request(ViewerHealthDocument, { asOf: this.asOf })
      .then((d) => d.governanceHealth);
    return this.health;
  }

  /** Fetches, lays out and draws the structure at the current date; re-opens the current selection. */
  async load(): Promise<void> {
    if (!this.partnership) return;
    const generation = ++this.loadGeneration;
    document.body.dataset.state = "loading";
    this.setStatus(`Loading the structure as of ${this.asOf}…`);
    this.health = null;
    this.syncUrl();
    try {
      const data = await this.client.request(ViewerDiagramDocument, {
        asOf: this.asOf,
        partnershipId: this.partnership.id,
      });
      const model = buildDiagramModel(data.governanceDiagram, {
        unlinked: this.showUnlinked ? unlinkedBodies(data, this.asOf) : [],
        maxPerRow: 6,
      });
      const drawing = await layoutDiagram(model, this.measure, this.labelMeasure);
      if (generation !== this.loadGeneration) return;
      this.view.show(drawing);
      byId("title").textContent = `${this.partnership.name}: governance as of ${this.asOf}`;
      const linked = model.bodies.filter((b) => b.linked).length;
      byId("diagram").setAttribute(
        "aria-label",
        `Diagram of ${linked} bodies linked to the board by ${model.lines.length} lines${model.unlinkedRows.length ? `, and ${model.bodies.length - linked} bodies with no recorded line` : ""}. The List view gives the same structure as text.`,
      );
      fill(
        byId("list"),
        listView(model, this.asOf, (id) => void this.open({ kind: "body", id })),
      );
      this.setStatus(
        `${linked} bodies and ${model.lines.length} lines as of ${this.asOf}${model.unlinkedRows.length ? `; ${model.bodies.length - linked} more with no recorded line to the board` : ""}.`,
      );
      document.body.dataset.state = "ready";
      if (this.selection) await this.open(this.selection, false);
      else this.showWelcome();
    } catch (error) {
      if (generation === this.loadGeneration) this.fail(error);
    }
  }

  private showWelcome(): void {
    fill(
      byId("panel"),
      h(
        "div",
        { class: "welcome" },
        h("h2", { id: "panel-title", tabindex: "-1" }, "Explore the structure"),
        h(
          "p",
          {},
          "Select a body in the diagram or the list to see its chair, members, meetings, what it oversees, the actions its members lead and its health findings.",
        ),
        h(
          "p",
          {},
          "Search for a body, a person or a strategy. A strategy shows its tree; choose an action to see who is accountable for it, up to the board.",
        ),
        h("p", {}, "Change the date to see the structure as it stood then."),
      ),
    );
  }

  private openHit(hit: SearchHit): void {
    const kinds: Record<string, NonNullable<Selection>["kind"]> = {
      Body: "body",
      Strategy: "strategy",
      Person: "person",
      Action: "chain",
      Objective: "chain",
      AgendaItem: "item",
      Meeting: "item",
    };
    const kind = kinds[hit.label] ?? "item";
    void this.open({ kind, id: hit.id, name: hit.name, label: hit.label });
  }

  private openChain(id: string): void {
    // Inside a strategy's tree the chain opens in place, so the tree stays in view.
    if (
      this.selection?.kind === "strategy" &&
      document.querySelector(`#panel [data-action="${CSS.escape(id)}"]`)
    )
      void this.showChainInTree(this.selection.id, id);
    else void this.open({ kind: "chain", id });
  }

  /** Opens a panel; `focus` moves keyboard focus to its heading (not when re-opened by a reload). */
  async open(selection: NonNullable<Selection>, focus = true): Promise<void> {
    this.selection = selection;
    this.syncUrl();
    const generation = ++this.panelGeneration;
    const panel = byId("panel");
    panel.setAttribute("aria-busy", "true");
    try {
      const content = await this.panelFor(selection);
      if (generation !== this.panelGeneration) return;
      fill(panel, content.element);
      this.view.select(selection.kind === "body" ? selection.id : null);
      this.view.highlight(content.highlight);
      if (focus) byId("panel-title").focus();
      panel.dataset.showing = `${selection.kind}:${selection.id}`;
    } catch (error) {
      if (generation !== this.panelGeneration) return;
      fill(
        panel,
        h(
          "div",
          { class: "error", role: "alert" },
          h("h2", { id: "panel-title", tabindex: "-1" }, "Could not load this item"),
          h("p", {}, (error as Error).message),
        ),
      );
    } finally {
      if (generation === this.panelGeneration) panel.removeAttribute("aria-busy");
    }
  }

  private async panelFor(
    selection: NonNullable<Selection>,
  ): Promise<{ element: HTMLElement; highlight: string[] }> {
    switch (selection.kind) {
      case "body": {
        const token = tokenStore.get();
        const [data, findings, contacts] = await Promise.all([
          this.client.request(ViewerBodyDocument, { id: selection.id }),
          this.findings().catch(() => []),
          token
            ? this.client.request(ViewerContactsDocument, { id: selection.id }).catch((error: Error) => error)
            : Promise.resolve(null),
        ]);
        const body = data.bodies[0];
        if (!body) throw new Error(`No body has the id ${selection.id}.`);
        return {
          element: bodyPanel(
            { body, memberActions: data.people, findings, asOf: this.asOf, contacts },
            this.navigate,
          ),
          highlight: [],
        };
      }
      case "strategy": {
        const data = await this.client.request(ViewerStrategyDocument, { id: selection.id });
        return {
          element: strategyPanel(data, selection.id, this.navigate),
          highlight: data.strategies[0]?.overseenBy.map((b) => b.id) ?? [],
        };
      }
      case "person": {
        const data = await this.client.request(ViewerPersonDocument, { id: selection.id, asOf: this.asOf });
        const bodies = data.responsibilities
          .filter((r) => r.subject.label === "Body")
          .map((r) => r.subject.id);
        return { element: personPanel(data, selection.id, this.asOf, this.navigate), highlight: bodies };
      }
      case "item": {
        const data = await this.client.request(ViewerItemDocument, { id: selection.id });
        const meeting = data.agendaItems[0]?.meeting[0] ?? data.meetings[0];
        return {
          element: itemPanel(data, selection.id, this.navigate),
          highlight: meeting?.meetingOf.map((b) => b.id) ?? [],
        };
      }
      case "chain": {
        const { accountabilityChain } = await this.client.request(ViewerAccountabilityDocument, {
          id: selection.id,
        });
        const self = accountabilityChain.find((s) => s.of?.id === selection.id)?.of;
        const item = {
          id: selection.id,
          name: selection.name ?? self?.name ?? selection.id,
          label: selection.label ?? self?.label ?? "Item",
        };
        return {
          element: chainPanel(item, accountabilityChain, this.navigate),
          highlight: chainBodies(accountabilityChain),
        };
      }
    }
  }

  /** In a strategy's tree: marks the action, shows its chain under it, and highlights the bodies in the chain. */
  private async showChainInTree(strategyId: string, actionId: string): Promise<void> {
    const generation = ++this.panelGeneration;
    const [strategy, chain] = await Promise.all([
      this.client.request(ViewerStrategyDocument, { id: strategyId }) as Promise<ViewerStrategyQuery>,
      this.client.request(ViewerAccountabilityDocument, { id: actionId }),
    ]).catch((error: Error) => {
      this.setStatus(error.message);
      return [null, null] as const;
    });
    if (!strategy || !chain || generation !== this.panelGeneration) return;
    const panel = byId("panel");
    fill(panel, strategyPanel(strategy, strategyId, this.navigate, actionId));
    const item = panel.querySelector<HTMLElement>(`[data-action="${CSS.escape(actionId)}"]`);
    item?.appendChild(
      h(
        "div",
        { class: "chain-box" },
        h("h4", {}, "Who is accountable"),
        chainView(chain.accountabilityChain, this.navigate),
      ),
    );
    item?.querySelector<HTMLElement>("button")?.focus();
    this.view.highlight(chainBodies(chain.accountabilityChain));
    panel.dataset.showing = `chain:${actionId}`;
  }

  private syncUrl(): void {
    const params = new URLSearchParams();
    if (this.partnership) params.set("partnership", this.partnership.id);
    if (this.asOf !== today()) params.set("asOf", this.asOf);
    if (this.selection) {
      params.set("open", this.selection.id);
      if (this.selection.kind !== "body") params.set("openKind", this.selection.kind);
    }
    history.replaceState(null, "", `${location.pathname}?${params}`);
  }

  private exportName(extension: string): string {
    return `governance-${(this.partnership?.id ?? "diagram").replace(/^partnership:/, "").replace(/[^a-z0-9-]+/gi, "-")}-${this.asOf}.${extension}`;
  }

  private currentDrawing(): LaidOutDiagram {
    const drawing = this.view.current();
    if (!drawing) throw new Error("Nothing to export yet: the diagram has not loaded.");
    return drawing;
  }

  exportSvg(): void {
    const svg = diagramSvg(
      this.currentDrawing(),
      this.partnership?.name ?? "Governance diagram",
      `Governance structure as of ${this.asOf}`,
    );
    download(new Blob([svg], { type: "image/svg+xml" }), this.exportName("svg"));
  }

  async exportPng(): Promise<void> {
    this.currentDrawing();
    download(await this.view.png(), this.exportName("png"));
  }
}
