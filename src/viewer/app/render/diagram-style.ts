import type { EdgeSingular, StylesheetJson } from "cytoscape";
import { BODY_KINDS, EDGE_KINDS } from "../model/body-kinds.ts";
import { METRICS } from "../layout/layout-diagram.ts";

/** The diagram's font; layout measures text in it, so both must name the same one. */
export const FONT_FAMILY = '"Liberation Sans", Arial, Helvetica, sans-serif';

const HIGHLIGHT = "#d55e00";
const SELECTED = "#000000";

/** Cytoscape's stylesheet: one rule per kind of body and line, plus selection and highlight states. */
export function diagramStyle(): StylesheetJson {
  return [
    {
      selector: "node.body",
      style: {
        width: "data(width)",
        height: "data(height)",
        label: "data(label)",
        "text-wrap": "wrap",
        "text-max-width": "1000px",
        "text-valign": "center",
        "text-halign": "center",
        "font-family": FONT_FAMILY,
        "font-size": METRICS.fontSize,
        "line-height": METRICS.lineHeight / METRICS.fontSize,
        color: "#111111",
        "border-width": 2,
        "border-color": "#555555",
        "background-color": "#ffffff",
      },
    },
    ...BODY_KINDS.map((k) => ({
      selector: `node.body[kind = "${k.kind}"]`,
      style: {
        shape: k.shape,
        "background-color": k.fill,
        "border-color": k.border,
        "border-width": k.borderWidth,
        "border-style": k.borderStyle,
      },
    })),
    { selector: "node.body.unlinked", style: { "border-style": "dotted", "background-opacity": 0.7 } },
    {
      selector: "node.line-label",
      style: {
        shape: "round-rectangle",
        width: "data(width)",
        height: "data(height)",
        label: "data(label)",
        "font-family": FONT_FAMILY,
        "font-size": METRICS.labelFontSize,
        "font-style": "italic",
        color: "#222222",
        "text-valign": "center",
        "text-halign": "center",
        "background-color": "#ffffff",
        "border-width": 1,
        "border-color": "#bbbbbb",
        events: "no",
      },
    },
    // The overview (zoomed out below a readable size): short names at a constant 12+ px on screen
    // (DiagramView sets the font size per zoom), no chair or frequency lines, no line labels.
    {
      selector: "node.body.overview",
      style: { label: "data(short)", "text-wrap": "none", "font-weight": "bold" },
    },
    { selector: "node.line-label.overview", style: { display: "none" } },
    {
      selector: "edge.line",
      style: {
        width: 2,
        "line-color": EDGE_KINDS[0].colour,
        "target-arrow-color": EDGE_KINDS[0].colour,
        "target-arrow-shape": "triangle",
        "arrow-scale": 1.1,
        "curve-style": "straight",
        // Functions, not data(): cytoscape's data() mapping does not parse these compound values.
        "source-endpoint": (edge: EdgeSingular) => edge.data("sourceEndpoint") ?? "outside-to-node",
        "target-endpoint": (edge: EdgeSingular) => edge.data("targetEndpoint") ?? "outside-to-node",
      },
    },
    {
      selector: "edge.unrouted",
      style: { "source-endpoint": "outside-to-node", "target-endpoint": "outside-to-node" },
    },
    {
      selector: "edge.routed",
      // "endpoints" (distances measured from the given endpoints) exists in cytoscape 3.34 but not in its type declarations.
      style: {
        "curve-style": "segments",
        "edge-distances": "endpoints" as "node-position",
        "segment-weights": (edge: EdgeSingular) => edge.data("weights"),
        "segment-distances": (edge: EdgeSingular) => edge.data("distances"),
      },
    },
    {
      selector: "edge.updates",
      style: {
        "line-style": "dashed",
        "line-dash-pattern": [7, 5],
        "line-dash-offset": (edge: EdgeSingular) => edge.data("dashOffset") ?? 0,
        "line-color": EDGE_KINDS[1].colour,
        "target-arrow-color": EDGE_KINDS[1].colour,
        "target-arrow-shape": "vee",
      },
    },
    {
      selector: "node.body:selected",
      style: { "border-width": 5, "border-color": SELECTED, "border-style": "solid" },
    },
    {
      selector: "node.body.highlight",
      style: {
        "border-width": 5,
        "border-color": HIGHLIGHT,
        "border-style": "solid",
        "underlay-color": HIGHLIGHT,
        "underlay-opacity": 0.18,
        "underlay-padding": 6,
      },
    },
    {
      selector: "edge.highlight",
      style: { width: 4, "line-color": HIGHLIGHT, "target-arrow-color": HIGHLIGHT },
    },
    { selector: "node.body.faded", style: { opacity: 0.35 } },
    { selector: "edge.faded, node.line-label.faded", style: { opacity: 0.25 } },
  ];
}
