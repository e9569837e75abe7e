import cytoscape, { type Core } from "cytoscape";
import type { LaidOutDiagram } from "../layout/layout-diagram.js";
import { cytoscapeElements } from "./cytoscape-elements.js";
import { diagramStyle } from "./diagram-style.js";

/** What tests and the page read back from the drawn diagram (the model cytoscape actually renders). */
export interface DiagramSnapshot {
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
  }[];
  lines: { id: string; from: string; to: string; kind: string; lineStyle: string; frequency: string }[];
  labels: { id: string; text: string; x1: number; y1: number; x2: number; y2: number }[];
}

/**
 * The cytoscape canvas: draws a laid-out diagram as given (positions are ELK's, so nodes cannot
 * be dragged out of their rows), reports taps on bodies, and highlights sets of bodies.
 * @example const view = new DiagramView(container, (id) => openBody(id)); view.show(drawing);
 */
export class DiagramView {
  readonly cy: Core;
  private drawing: LaidOutDiagram | null = null;

  constructor(container: HTMLElement, onSelect: (bodyId: string) => void) {
    this.cy = cytoscape({
      container,
      style: diagramStyle(),
      autoungrabify: true,
      boxSelectionEnabled: false,
      minZoom: 0.15,
      maxZoom: 3,
      wheelSensitivity: 0.4,
    });
    this.cy.on("tap", "node.body", (event) => onSelect(event.target.id()));
  }

  /** Replaces the drawing and fits the structure linked to the board into the view (the rest is a pan away). */
  show(drawing: LaidOutDiagram): void {
    this.drawing = drawing;
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add(cytoscapeElements(drawing));
    });
    this.fit(false);
  }

  /** Fits everything, or only the linked structure (with its lines and labels) when `all` is false. */
  fit(all = true): void {
    const linked = this.cy.elements().not(".unlinked, .heading");
    const target = all || linked.empty() ? this.cy.elements() : linked;
    this.cy.fit(target, 24);
    // A small diagram is not blown up past a comfortable reading size.
    if (this.cy.zoom() > 1.25) {
      this.cy.zoom(1.25);
      this.cy.center(target);
    }
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
    return {
      bodies: this.cy
        .nodes("node.body")
        .map((n) => ({
          id: n.id(),
          kind: n.data("kind"),
          label: n.data("label"),
          ...box(n),
          highlighted: n.hasClass("highlight"),
          selected: n.selected(),
        })),
      lines: this.cy.edges().map((e) => ({
        id: e.id(),
        from: e.source().id(),
        to: e.target().id(),
        kind: e.data("kind"),
        lineStyle: String(e.style("line-style")),
        frequency: e.data("frequency"),
      })),
      labels: this.cy.nodes("node.line-label").map((n) => ({ id: n.id(), text: n.data("label"), ...box(n) })),
    };
  }
}
