import {
  ViewerAccountabilityDocument,
  ViewerBodyDocument,
  ViewerContactsDocument,
  ViewerHealthDocument,
  ViewerItemDocument,
  ViewerPersonDocument,
  ViewerStrategyDocument,
  type ViewerHealthQuery,
} from "../../../../generated/documents.ts";
import type { GraphQLClient } from "../api/graphql-client.ts";
import { tokenStore } from "../api/token-store.ts";
import { byId, fill, h } from "../dom.ts";
import type { Selection } from "../state/selection.ts";
import { bodyPanel } from "./body-panel.ts";
import { chainBodies, chainPanel, chainView } from "./chain-panel.ts";
import { itemPanel } from "./item-panel.ts";
import type { Navigate } from "./navigate.ts";
import { personPanel } from "./person-panel.ts";
import { strategyPanel } from "./strategy-panel.ts";

type Findings = ViewerHealthQuery["governanceHealth"];

/** What the panels need from the diagram: select a body, highlight (and bring into view) a set. */
export interface DiagramFocus {
  select(bodyId: string | null): void;
  highlight(bodyIds: readonly string[]): void;
}

export interface PanelContext {
  asOf: string;
  partnershipId: string;
}

/**
 * The details panel: opens the panel for a selection (body, strategy, person, item or an action's
 * chain), keeps the diagram's selection and highlight in step, and lets only the newest request
 * fill the panel when several are in flight.
 */
export class PanelRouter {
  private selection: Selection | null = null;
  private generation = 0;
  private health: { key: string; findings: Promise<Findings> } | null = null;
  private readonly panel = byId("panel");
  /** The welcome text is the panel's content in index.html (painted before any script runs), kept to show again. */
  private readonly welcomeText = this.panel.firstElementChild!.cloneNode(true);

  readonly navigate: Navigate = {
    body: (id) => void this.open({ kind: "body", id }),
    strategy: (id) => void this.open({ kind: "strategy", id }),
    person: (id) => void this.open({ kind: "person", id }),
    chain: (id) => void this.openChain(id),
    item: (id) => void this.open({ kind: "item", id }),
  };

  private readonly client: GraphQLClient;
  private readonly diagram: DiagramFocus;
  private readonly context: () => PanelContext | null;
  private readonly selected: (selection: Selection | null) => void;

  constructor(
    client: GraphQLClient,
    diagram: DiagramFocus,
    context: () => PanelContext | null,
    selected: (selection: Selection | null) => void,
  ) {
    this.client = client;
    this.diagram = diagram;
    this.context = context;
    this.selected = selected;
  }

  get current(): Selection | null {
    return this.selection;
  }

  /** Forgets the selection (another partnership); the welcome text shows on the next load. */
  clear(): void {
    this.selection = null;
    this.selected(null);
  }

  /** The partnership's health findings at the date, asked once per partnership and date. */
  private findings(context: PanelContext): Promise<Findings> {
    const key = `${context.partnershipId}|${context.asOf}`;
    if (this.health?.key !== key)
      this.health = {
        key,
        findings: this.client
          .request(ViewerHealthDocument, { asOf: context.asOf, partnershipId: context.partnershipId })
          .then((d) => d.governanceHealth),
      };
    return this.health.findings;
  }

  /** Re-opens the current selection after a reload (without moving focus), or shows the welcome text. */
  async refresh(): Promise<void> {
    if (this.selection) await this.open(this.selection, false);
    else this.welcome();
  }

  private welcome(): void {
    fill(this.panel, this.welcomeText.cloneNode(true));
    delete this.panel.dataset.showing;
    document.body.dataset.panel = "closed";
  }

  /** Closes the details (on a phone, the full-height sheet) and returns to the diagram. */
  close(): void {
    this.generation++;
    this.selection = null;
    this.selected(null);
    this.diagram.select(null);
    this.diagram.highlight([]);
    this.welcome();
  }

  private openChain(id: string): void {
    // Inside a strategy's tree the chain opens in place, so the tree stays in view.
    if (this.selection?.kind === "strategy" && this.panel.querySelector(`[data-action="${CSS.escape(id)}"]`))
      void this.showChainInTree(this.selection.id, id);
    else void this.open({ kind: "chain", id });
  }

  /** Opens a panel; `focus` moves keyboard focus to its heading (not when re-opened by a reload). */
  async open(selection: Selection, focus = true): Promise<void> {
    const context = this.context();
    if (!context) return;
    this.selection = selection;
    this.selected(selection);
    const generation = ++this.generation;
    this.panel.setAttribute("aria-busy", "true");
    document.body.dataset.panel = "open";
    try {
      const content = await this.panelFor(selection, context);
      if (generation !== this.generation) return;
      fill(
        this.panel,
        closeButton(() => this.close()),
        content.element,
      );
      this.diagram.select(selection.kind === "body" ? selection.id : null);
      this.diagram.highlight(content.highlight);
      if (focus) byId("panel-title").focus();
      this.panel.dataset.showing = `${selection.kind}:${selection.id}`;
    } catch (error) {
      if (generation !== this.generation) return;
      fill(
        this.panel,
        closeButton(() => this.close()),
        h(
          "div",
          { class: "error", role: "alert" },
          h("h2", { id: "panel-title", tabindex: "-1" }, "Could not load this item"),
          h("p", {}, (error as Error).message),
        ),
      );
    } finally {
      if (generation === this.generation) this.panel.removeAttribute("aria-busy");
    }
  }

  private async panelFor(
    selection: Selection,
    context: PanelContext,
  ): Promise<{ element: HTMLElement; highlight: string[] }> {
    const { asOf } = context;
    switch (selection.kind) {
      case "body": {
        const token = tokenStore.get();
        const [data, findings, contacts] = await Promise.all([
          this.client.request(ViewerBodyDocument, { id: selection.id }),
          this.findings(context).catch(() => []),
          token
            ? this.client.request(ViewerContactsDocument, { id: selection.id }).catch((error: Error) => error)
            : Promise.resolve(null),
        ]);
        const body = data.bodies[0];
        if (!body) throw new Error(`No body has the id ${selection.id}.`);
        return {
          element: bodyPanel(
            { body, memberActions: body.memberActions, findings, asOf, contacts },
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
        const data = await this.client.request(ViewerPersonDocument, { id: selection.id, asOf });
        const bodies = data.responsibilities
          .filter((r) => r.subject.label === "Body")
          .map((r) => r.subject.id);
        return { element: personPanel(data, selection.id, asOf, this.navigate), highlight: bodies };
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
    const generation = ++this.generation;
    const [strategy, chain] = await Promise.all([
      this.client.request(ViewerStrategyDocument, { id: strategyId }),
      this.client.request(ViewerAccountabilityDocument, { id: actionId }),
    ]).catch((error: Error) => {
      byId("status").textContent = error.message;
      return [null, null] as const;
    });
    if (!strategy || !chain || generation !== this.generation) return;
    fill(
      this.panel,
      closeButton(() => this.close()),
      strategyPanel(strategy, strategyId, this.navigate, actionId),
    );
    const item = this.panel.querySelector<HTMLElement>(`[data-action="${CSS.escape(actionId)}"]`);
    item?.appendChild(
      h(
        "div",
        { class: "chain-box" },
        h("h4", {}, "Who is accountable"),
        chainView(chain.accountabilityChain, this.navigate),
      ),
    );
    item?.querySelector<HTMLElement>("button")?.focus();
    this.diagram.highlight(chainBodies(chain.accountabilityChain));
    this.panel.dataset.showing = `chain:${actionId}`;
  }
}

/** Back to the diagram: on a phone the details cover the screen, so they need a way out. */
function closeButton(close: () => void): HTMLElement {
  return h("button", { type: "button", class: "panel-close", onclick: close }, "Close details");
}
