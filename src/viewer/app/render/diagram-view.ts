import type cytoscape from "cytoscape";
import type { Core } from "cytoscape";
import { METRICS, type LaidOutDiagram, type Point } from "../layout/layout-diagram.ts";
import { yieldToBrowser } from "../dom.ts";
import { cytoscapeElements } from "./cytoscape-elements.ts";
import { diagramStyle } from "./diagram-style.ts";

/** What tests and the page read back from the drawn diagram (the model cytoscape actually renders). */
export interface DiagramSnapshot {
  zoom: number;
  /** True when zoomed out below a readable size: short names only. */
  overview: boolean;
  /** The part of the diagram in view, in the diagram's own coordinates. */
  extent: { x1: number; y1: number; x2: number; y2: number };
  bodies: {
    id: string;
    kind: string;
    label: string;
    x1: number;
    y1: number;
    x2: number;
    y2: number;
    highlighted: boolean;
    selected: boolean;
    /** The text drawn now (the short name in the overview) and its size on screen in CSS pixels. */
    shown: string;
    fontPx: number;
  }[];
  lines: {
    id: string;
    from: string;
    to: string;
    kind: string;
    lineStyle: string;
    frequency: string;
    /** The route as drawn, from the reporting body to the body it reports to. */
    points: Point[];
  }[];
  labels: {
    id: string;
    text: string;
    x1: number;
    y1: number;
    x2: number;
    y2: number;
    visible: boolean;
    fontPx: number;
  }[];
}

/** The zoom below which text would be smaller than METRICS.minReadablePx on screen. */
const READABLE_ZOOM = METRICS.minReadablePx / Math.min(METRICS.fontSize, METRICS.labelFontSize);
/** The overview's short names, on screen. */
const OVERVIEW_PX = 13;

/**
 * The cytoscape canvas: draws a laid-out diagram as given (positions are ELK's, so nodes cannot
 * be dragged out of their rows), reports taps on bodies, and highlights sets of bodies.
 * @example const view = await DiagramView.create(container, (id) => openBody(id)); view.show(drawing);
 */
export class DiagramView {
  readonly cy: Core;
  private drawing: LaidOutDiagram | null = null;

  /**
   * Loads Cytoscape (about half of the viewer's JavaScript) and starts it on the container. The
   * page asks for it once the data has arrived, so it is not in the way of the first paint.
   */
  static async create(container: HTMLElement, onSelect: (bodyId: string) => void): Promise<DiagramView> {
    const { default: cytoscape } = await import("cytoscape");
    // Evaluating Cytoscape and starting it are each a long task on a slow phone: not both in one.
    await yieldToBrowser();
    return new DiagramView(cytoscape, container, onSelect);
  }

  private constructor(factory: typeof cytoscape, container: HTMLElement, onSelect: (bodyId: string) => void) {
    this.cy = factory({
      container,
      style: diagramStyle(),
      autoungrabify: true,
      boxSelectionEnabled: false,
      minZoom: 0.2,
      maxZoom: 3,
      wheelSensitivity: 0.4,
    });
    this.cy.on("tap", "node.body", (event) => onSelect(event.target.id()));
    let queued = false;
    this.cy.on("zoom", () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        this.applyZoom();
      });
    });
  }

  /** Below a readable zoom, the overview: short names kept at a readable size on screen, no line labels. */
  private applyZoom(): void {
    const zoom = this.cy.zoom();
    const overview = zoom < READABLE_ZOOM - 1e-6;
    this.cy.batch(() => {
      const text = this.cy.nodes("node.body, node.line-label");
      if (overview) text.addClass("overview");
      else text.removeClass("overview");
      const bodies = this.cy.nodes("node.body");
      if (overview) bodies.style("font-size", OVERVIEW_PX / zoom);
      else bodies.removeStyle("font-size");
    });
  }

  /** Replaces the drawing and fits the structure linked to the board into the view (the rest is a pan away). */
  show(drawing: LaidOutDiagram): void {
    this.drawing = drawing;
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add(cytoscapeElements(drawing));
    });
    this.home();
  }

  /**
   * The opening view: the whole structure when it fits at a readable size; otherwise readable
   * text, from the top of the structure, centred on its top body (the rest is a pan or "Fit all" away).
   */
  home(): void {
    const all = this.cy.elements();
    this.cy.fit(all, 24);
    if (this.cy.zoom() > 1.25) {
      this.cy.zoom(1.25);
      this.cy.center(all);
    } else if (this.cy.zoom() < READABLE_ZOOM) {
      const box = all.boundingBox({});
      // The body most others report to (the board), so the groups under it are in view.
      const top = this.cy.nodes("node.body").max((n) => n.incomers("edge").length).ele;
      const width = this.cy.width();
      this.cy.zoom(READABLE_ZOOM);
      const x = top ? top.position("x") : (box.x1 + box.x2) / 2;
      this.cy.pan({ x: width / 2 - x * READABLE_ZOOM, y: 24 - box.y1 * READABLE_ZOOM });
    }
    this.applyZoom();
  }

  /** Fits everything; when that is below a readable size the drawing becomes the overview. */
  fit(): void {
    this.cy.fit(this.cy.elements(), 24);
    if (this.cy.zoom() > 1.25) {
      this.cy.zoom(1.25);
      this.cy.center();
    }
    this.applyZoom();
  }

  current(): LaidOutDiagram | null {
    return this.drawing;
  }

  has(bodyId: string): boolean {
    return this.cy.getElementById(bodyId).nonempty();
  }

  /** Selects one body (or none) and brings it into view without changing the zoom much. */
  select(bodyId: string | null): void {
    this.cy.$(":selected").unselect();
    if (!bodyId) return;
    const node = this.cy.getElementById(bodyId);
    if (node.empty()) return;
    node.select();
    const extent = this.cy.extent();
    const box = node.boundingBox({});
    if (box.x1 < extent.x1 || box.x2 > extent.x2 || box.y1 < extent.y1 || box.y2 > extent.y2)
      this.cy.animate({ center: { eles: node } }, { duration: 250 });
  }

  /** Highlights bodies (and the lines among them); the rest fade. An empty list clears it. */
  highlight(bodyIds: readonly string[]): void {
    const ids = new Set(bodyIds);
    this.cy.batch(() => {
      this.cy.elements().removeClass("highlight faded");
      if (!ids.size) return;
      for (const node of this.cy.nodes("node.body"))
        node.addClass(ids.has(node.id()) ? "highlight" : "faded");
      for (const edge of this.cy.edges())
        edge.addClass(ids.has(edge.source().id()) && ids.has(edge.target().id()) ? "highlight" : "faded");
      for (const label of this.cy.nodes("node.line-label"))
        if (!this.cy.getElementById(label.data("line")).hasClass("highlight")) label.addClass("faded");
    });
    this.reveal(bodyIds);
  }

  /** Brings bodies into view: pans when they fit at this zoom, else zooms out just enough. */
  private reveal(bodyIds: readonly string[]): void {
    const wanted = new Set(bodyIds);
    const nodes = this.cy.nodes("node.body").filter((n) => wanted.has(n.id()));
    if (nodes.empty()) return;
    const box = nodes.boundingBox({});
    const extent = this.cy.extent();
    if (box.x1 >= extent.x1 && box.x2 <= extent.x2 && box.y1 >= extent.y1 && box.y2 <= extent.y2) return;
    const zoom = this.cy.zoom();
    const fits =
      (box.w + 48 / zoom) * zoom <= this.cy.width() && (box.h + 48 / zoom) * zoom <= this.cy.height();
    if (fits) this.cy.center(nodes);
    else this.cy.fit(nodes, 24);
    this.applyZoom();
  }

  /** The whole diagram as a PNG, at twice the diagram's own resolution, on white. */
  png(): Promise<Blob> {
    return this.cy.png({ output: "blob-promise", full: true, scale: 2, bg: "#ffffff" });
  }

  /** Where a body is drawn on the page (CSS pixels from the viewport's top left), to click it; null if not drawn. */
  pagePosition(bodyId: string): { x: number; y: number } | null {
    const node = this.cy.getElementById(bodyId);
    if (node.empty()) return null;
    const box = this.cy.container()!.getBoundingClientRect();
    const at = node.renderedPosition();
    return { x: box.left + at.x, y: box.top + at.y };
  }

  snapshot(): DiagramSnapshot {
    const box = (n: cytoscape.NodeSingular): { x1: number; y1: number; x2: number; y2: number } => {
      const b = n.boundingBox({ includeLabels: false, includeOverlays: false, includeUnderlays: false });
      return { x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 };
    };
    const zoom = this.cy.zoom();
    const fontPx = (n: cytoscape.NodeSingular): number => parseFloat(String(n.style("font-size"))) * zoom;
    const routes = new Map((this.drawing?.lines ?? []).map((l) => [l.id, l.points]));
    const extent = this.cy.extent();
    return {
      zoom,
      overview: this.cy.nodes(".overview").nonempty(),
      extent: { x1: extent.x1, y1: extent.y1, x2: extent.x2, y2: extent.y2 },
      bodies: this.cy.nodes("node.body").map((n) => ({
        id: n.id(),
        kind: n.data("kind"),
        label: n.data("label"),
        ...box(n),
        highlighted: n.hasClass("highlight"),
        selected: n.selected(),
        shown: n.hasClass("overview") ? n.data("short") : n.data("label"),
        fontPx: fontPx(n),
      })),
      lines: this.cy.edges().map((e) => ({
        id: e.id(),
        from: e.source().id(),
        to: e.target().id(),
        kind: e.data("kind"),
        lineStyle: String(e.style("line-style")),
        frequency: e.data("frequency"),
        points: routes.get(e.id()) ?? [],
      })),
      labels: this.cy.nodes("node.line-label").map((n) => ({
        id: n.id(),
        text: n.data("label"),
        ...box(n),
        visible: n.visible(),
        fontPx: fontPx(n),
      })),
    };
  }
}
