import {
  ViewerDiagramDocument,
  ViewerHitsDocument,
  ViewerPartnershipsDocument,
  ViewerSearchDocument,
  ViewerSpanDocument,
  type ViewerDiagramQuery,
  type ViewerSpanQuery,
} from "../../../generated/documents.ts";
import { GraphQLClient, ViewerRequestError } from "./api/graphql-client.ts";
import { tokenStore } from "./api/token-store.ts";
import { describeHits } from "./controls/search-hits.ts";
import { SearchBox } from "./controls/search-box.ts";
import { SignInBox } from "./controls/sign-in.ts";
import { Toolbar } from "./controls/toolbar.ts";
import { afterPaint, byId, fill, yieldToBrowser } from "./dom.ts";
import { exportPng, exportSvg } from "./export/export-drawing.ts";
import { createWorkerElk } from "./layout/elk-in-worker.ts";
import { layoutDiagram, METRICS } from "./layout/layout-diagram.ts";
import { dataSpan, defaultAsOf, spanText } from "./model/data-span.ts";
import { buildDiagramModel } from "./model/diagram-model.ts";
import { PanelRouter } from "./panels/panel-router.ts";
import { today } from "../../text/dates.ts";
import { FONT_FAMILY } from "./render/diagram-style.ts";
import { DiagramView, type DiagramSnapshot } from "./render/diagram-view.ts";
import { listView } from "./render/list-view.ts";
import { UnlinkedSection } from "./render/unlinked-section.ts";
import { selectionForLabel, type Selection } from "./state/selection.ts";
import { readUrlState, urlQuery } from "./state/url-state.ts";

type Partnership = { id: string; name: string };

/** What a test (or a curious person in the console) can read from the running viewer. */
export interface ViewerHandle {
  snapshot(): DiagramSnapshot;
  /** Where a body is drawn on the page, to click it like a person would. */
  pagePosition(bodyId: string): { x: number; y: number } | null;
  state(): {
    asOf: string;
    defaultAsOf: string | null;
    partnershipId: string | null;
    selection: Selection | null;
    signedIn: boolean;
  };
}

function textMeasure(size: number): (text: string) => number {
  const context = document.createElement("canvas").getContext("2d")!;
  return (text) => {
    context.font = `${size}px ${FONT_FAMILY}`;
    return context.measureText(text).width;
  };
}

/**
 * The page's controller: chooses the partnership and date, loads and draws the structure, and
 * keeps the diagram, the list, the unlinked bodies, the details panel and the address in step.
 * The parts it composes each own one thing: Toolbar, SignInBox, SearchBox, PanelRouter,
 * DiagramView, UnlinkedSection.
 */
export class ViewerApp implements ViewerHandle {
  private readonly client = new GraphQLClient(new URL("graphql", document.baseURI).pathname, () =>
    tokenStore.get(),
  );
  /** ELK in its worker, started with the first layout (its 1.6 MB is not in the way of the first paint). */
  private elk: ReturnType<typeof createWorkerElk> | null = null;
  private readonly measure = textMeasure(METRICS.fontSize);
  private readonly labelMeasure = textMeasure(METRICS.labelFontSize);
  /** The Cytoscape canvas, made (and Cytoscape loaded) when the first drawing is ready to be laid out. */
  private view: DiagramView | null = null;
  private viewLoading: Promise<DiagramView> | null = null;
  private readonly unlinked: UnlinkedSection;
  private readonly toolbar: Toolbar;
  private readonly signIn: SignInBox;
  private readonly router: PanelRouter;
  private readonly search: SearchBox;
  private partnerships: Partnership[] = [];
  private partnership: Partnership | null = null;
  private asOf: string;
  private asOfDefault: string | null = null;
  private showUnlinked = true;
  private loadGeneration = 0;
  private readonly initial = readUrlState(location.search);
  private readonly openBody: (bodyId: string) => void;
  private prefetched: { key: string; request: Promise<ViewerDiagramQuery> } | null = null;

  constructor() {
    this.asOf = this.initial.asOf ?? today();
    const openBody = (id: string): void => void this.router.open({ kind: "body", id });
    this.openBody = openBody;
    this.unlinked = new UnlinkedSection(byId("unlinked"), openBody);
    this.router = new PanelRouter(
      this.client,
      {
        select: (id) => {
          this.view?.select(id);
          this.unlinked.select(id);
        },
        highlight: (ids) => {
          this.view?.highlight(ids);
          this.unlinked.highlight(ids);
        },
      },
      () => (this.partnership ? { asOf: this.asOf, partnershipId: this.partnership.id } : null),
      () => this.syncUrl(),
    );
    this.toolbar = new Toolbar({
      asOf: (date) => {
        if (date === this.asOf) return;
        this.asOf = date;
        void this.load();
      },
      defaultDate: () => this.asOfDefault ?? today(),
      partnership: (partnership) => void this.choose(partnership),
      showUnlinked: (show) => {
        this.showUnlinked = show;
        void this.load();
      },
      diagramShown: () => this.view?.cy.resize(),
      fit: () => this.view?.fit(),
      exportSvg: () => exportSvg(this.exportSource()),
      exportPng: () => void exportPng(this.exportSource()),
    });
    this.toolbar.asOf = this.asOf;
    this.toolbar.showUnlinked = this.showUnlinked;
    this.signIn = new SignInBox(() => {
      this.search.reset();
      void this.client.reset().then(() => this.load());
    });
    this.search = new SearchBox(
      byId<HTMLInputElement>("search"),
      byId<HTMLUListElement>("search-results"),
      byId("search-status"),
      (text) => this.find(text),
      (hit) =>
        void this.router.open({
          kind: selectionForLabel(hit.label),
          id: hit.id,
          name: hit.name,
          label: hit.label,
        }),
    );
  }

  snapshot(): DiagramSnapshot {
    if (!this.view)
      throw new Error("Nothing is drawn yet: wait for document.body.dataset.state to be ready.");
    return this.view.snapshot();
  }

  pagePosition(bodyId: string): { x: number; y: number } | null {
    return this.view?.pagePosition(bodyId) ?? null;
  }

  state(): ReturnType<ViewerHandle["state"]> {
    return {
      asOf: this.asOf,
      defaultAsOf: this.asOfDefault,
      partnershipId: this.partnership?.id ?? null,
      selection: this.router.current,
      signedIn: this.signIn.signedIn,
    };
  }

  /**
   * Lists the partnerships, opens the one in ?partnership= (or the first by name) and draws it.
   * The partnership named in the address has its span of dates (and, with ?asOf=, its diagram)
   * asked for at the same time as the list, not one request after another.
   */
  async start(): Promise<void> {
    try {
      const wanted = this.initial.partnershipId;
      const span = wanted ? this.spanRequest(wanted) : null;
      if (wanted && this.initial.asOf) this.prefetchDiagram(wanted, this.initial.asOf);
      const { partnerships } = await this.client.request(ViewerPartnershipsDocument, {});
      this.partnerships = partnerships;
      const chosen = partnerships.find((p) => p.id === wanted) ?? partnerships[0];
      if (!chosen)
        throw new Error("The database holds no partnership: load the seeds (npm run seed) and reload.");
      if (wanted && chosen.id !== wanted) this.setStatus(`No partnership ${wanted}; showing ${chosen.name}.`);
      await this.choose(
        chosen,
        this.initial.asOf,
        this.initial.selection,
        chosen.id === wanted ? span : null,
      );
    } catch (error) {
      this.fail(error);
    }
  }

  private spanRequest(partnershipId: string): Promise<ViewerSpanQuery> {
    const request = this.client.request(ViewerSpanDocument, { partnershipId });
    // Awaited (and its failure reported) by choose(); this only keeps an early failure from being "unhandled".
    request.catch(() => undefined);
    return request;
  }

  /** Starts the diagram's request early; the next load() of the same partnership and date takes its answer. */
  private prefetchDiagram(partnershipId: string, asOf: string): void {
    const request = this.diagramRequest(partnershipId, asOf);
    request.catch(() => undefined);
    this.prefetched = { key: `${partnershipId}|${asOf}`, request };
  }

  /** The diagram at a date, uncached (it is drawn once, from scratch); a prefetched answer is taken once. */
  private diagramRequest(partnershipId: string, asOf: string): Promise<ViewerDiagramQuery> {
    const prefetched = this.prefetched;
    this.prefetched = null;
    if (prefetched?.key === `${partnershipId}|${asOf}`) return prefetched.request;
    return this.client.request(ViewerDiagramDocument, { asOf, partnershipId }, { uncached: true });
  }

  /** Switches to a partnership: its span of dates, its default date (unless one is given), its drawing. */
  private async choose(
    partnership: Partnership,
    asOf: string | null = null,
    selection: Selection | null = null,
    spanRequest: Promise<ViewerSpanQuery> | null = null,
  ): Promise<void> {
    this.partnership = partnership;
    this.toolbar.partnerships(this.partnerships, partnership.id);
    this.router.clear();
    try {
      const span = dataSpan(await (spanRequest ?? this.spanRequest(partnership.id)));
      this.asOfDefault = defaultAsOf(span, today());
      this.toolbar.span(spanText(span));
    } catch (error) {
      this.asOfDefault = null;
      this.toolbar.span("");
      this.setStatus(error instanceof Error ? error.message : String(error));
    }
    this.asOf = asOf ?? this.asOfDefault ?? today();
    this.toolbar.asOf = this.asOf;
    await this.load();
    if (selection) await this.router.open(selection, false);
  }

  /** Search within the partnership shown; each hit with its kind, date and partnership. */
  private async find(text: string): Promise<ReturnType<typeof describeHits>> {
    if (!this.partnership) return [];
    const { search } = await this.client.request(
      ViewerSearchDocument,
      { text, limit: 15, partnershipId: this.partnership.id },
      { fresh: true },
    );
    const ids = search.map((hit) => hit.node.id);
    const details = await this.client.request(ViewerHitsDocument, { ids }, { fresh: true });
    return describeHits(search, details, new Map(this.partnerships.map((p) => [p.id, p.name])));
  }

  private setStatus(text: string): void {
    byId("status").textContent = text;
  }

  private fail(error: unknown): void {
    document.body.dataset.state = "error";
    if (error instanceof ViewerRequestError && error.codes.includes("UNAUTHENTICATED")) {
      // A refused token fails every request: say so where the person can fix it.
      this.setStatus(`${error.message} Sign out, or paste a valid token.`);
      this.signIn.reveal();
      return;
    }
    this.setStatus(error instanceof Error ? error.message : String(error));
  }

  /** Fetches, lays out and draws the structure at the current date; re-opens the current selection. */
  async load(): Promise<void> {
    const partnership = this.partnership;
    if (!partnership) return;
    const generation = ++this.loadGeneration;
    const asOf = this.asOf;
    document.body.dataset.state = "loading";
    this.setStatus(`Loading the structure as of ${asOf}…`);
    this.syncUrl();
    try {
      const data = await this.diagramRequest(partnership.id, asOf);
      await yieldToBrowser();
      const { nodes, edges } = data.governanceDiagram;
      const model = buildDiagramModel(
        { nodes: nodes.filter((n) => n.routeToTop), edges },
        { unlinked: this.showUnlinked ? nodes.filter((n) => !n.routeToTop) : [], maxPerRow: 6 },
      );
      if (generation !== this.loadGeneration) return;
      // The text first (title, status, list, bodies with no line): it paints while ELK lays the
      // drawing out and Cytoscape loads, which take most of the time on a slow phone.
      this.unlinked.show(model, asOf);
      const title = `${partnership.name}: governance as of ${asOf}`;
      byId("title").textContent = title;
      byId("title").title = title;
      const linked = model.bodies.filter((b) => b.linked).length;
      const apart = model.bodies.length - linked;
      byId("diagram").setAttribute(
        "aria-label",
        `Diagram of ${linked} bodies linked to the top of the structure by ${model.lines.length} lines. The List view gives the same structure as text.`,
      );
      fill(
        byId("list"),
        listView(model, asOf, (id) => void this.router.open({ kind: "body", id })),
      );
      this.setStatus(
        `${linked} bodies and ${model.lines.length} lines as of ${asOf}${apart ? `; ${apart} more with no recorded line, listed under the diagram` : ""}.`,
      );
      await afterPaint();
      if (generation !== this.loadGeneration) return;
      this.elk ??= createWorkerElk();
      const [drawing, view] = await Promise.all([
        layoutDiagram(this.elk, model, this.measure, this.labelMeasure),
        this.diagramView(),
      ]);
      if (generation !== this.loadGeneration) return;
      view.show(drawing);
      document.body.dataset.state = "ready";
      await this.router.refresh();
    } catch (error) {
      if (generation === this.loadGeneration) this.fail(error);
    }
  }

  private diagramView(): Promise<DiagramView> {
    this.viewLoading ??= DiagramView.create(byId("diagram"), this.openBody).then(
      (view) => (this.view = view),
    );
    return this.viewLoading;
  }

  private syncUrl(): void {
    const query = urlQuery(
      { partnershipId: this.partnership?.id ?? null, asOf: this.asOf, selection: this.router.current },
      this.asOfDefault,
    );
    history.replaceState(null, "", `${location.pathname}${query}`);
  }

  private exportSource(): Parameters<typeof exportSvg>[0] {
    return {
      drawing: this.view?.current() ?? null,
      partnership: this.partnership,
      asOf: this.asOf,
      png: () => this.diagramView().then((view) => view.png()),
    };
  }
}
