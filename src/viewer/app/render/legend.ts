import { h } from "../dom.js";
import { BODY_KINDS, EDGE_KINDS } from "../model/body-kinds.js";
import { shapePath } from "./diagram-svg.js";

const SVG_NS = "http://www.w3.org/2000/svg";

function svgElement(tag: string, attributes: Record<string, string | number>): SVGElement {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

function swatch(draw: (svg: SVGElement) => void): SVGElement {
  const svg = svgElement("svg", {
    width: 40,
    height: 22,
    viewBox: "0 0 40 22",
    "aria-hidden": "true",
    focusable: "false",
  });
  draw(svg);
  return svg;
}

/** The legend: one entry per kind of body (shape and colours as drawn) and per kind of line. */
export function legend(): HTMLElement {
  const bodies = BODY_KINDS.map((kind) =>
    h(
      "li",
      {},
      swatch((svg) => {
        svg.appendChild(
          svgElement("path", {
            d: shapePath(kind.shape, 2, 2, 36, 18),
            fill: kind.fill,
            stroke: kind.border,
            "stroke-width": kind.borderStyle === "double" ? 3 : kind.borderWidth,
            ...(kind.borderStyle === "dashed" ? { "stroke-dasharray": "5 3" } : {}),
          }),
        );
      }),
      kind.plural,
    ),
  );
  const lines = EDGE_KINDS.map((edge) =>
    h(
      "li",
      {},
      swatch((svg) => {
        svg.appendChild(
          svgElement("line", {
            x1: 2,
            y1: 11,
            x2: 30,
            y2: 11,
            stroke: edge.colour,
            "stroke-width": 2,
            ...(edge.lineStyle === "dashed" ? { "stroke-dasharray": "5 3" } : {}),
          }),
        );
        svg.appendChild(
          svgElement(
            "path",
            edge.lineStyle === "dashed"
              ? { d: "M30,6L38,11L30,16", fill: "none", stroke: edge.colour, "stroke-width": 1.5 }
              : { d: "M30,6L38,11L30,16Z", fill: edge.colour },
          ),
        );
      }),
      `${edge.label} (${edge.lineStyle}; label: how often)`,
    ),
  );
  const unlinked = h(
    "li",
    {},
    swatch((svg) =>
      svg.appendChild(
        svgElement("rect", {
          x: 2,
          y: 2,
          width: 36,
          height: 18,
          fill: "#ffffff",
          stroke: "#555555",
          "stroke-width": 2,
          "stroke-dasharray": "2 3",
        }),
      ),
    ),
    "No recorded line to the board",
  );
  return h("div", { class: "legend-body" }, h("h2", {}, "Legend"), h("ul", {}, bodies, lines, unlinked));
}
