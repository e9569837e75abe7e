import { BODY_KINDS, EDGE_KINDS } from "../model/body-kinds.ts";
import { escape, shapePath } from "./diagram-svg.ts";

type Attributes = Record<string, string | number>;

const attributes = (list: Attributes): string =>
  Object.entries(list)
    .map(([name, value]) => ` ${name}="${escape(String(value))}"`)
    .join("");

const swatch = (...shapes: string[]): string =>
  `<svg${attributes({ width: 40, height: 22, viewBox: "0 0 40 22", "aria-hidden": "true", focusable: "false" })}>${shapes.join("")}</svg>`;

const entry = (picture: string, text: string): string => `<li>${picture}${escape(text)}</li>`;

/**
 * The legend's markup: one entry per kind of body (shape and colours as drawn) and per kind of
 * line. Written into index.html when the page is built (vite.config.ts), so it is there at the
 * first paint and nothing moves when the page's script runs.
 */
export function legendHtml(): string {
  const bodies = BODY_KINDS.map((kind) =>
    entry(
      swatch(
        `<path${attributes({
          d: shapePath(kind.shape, 2, 2, 36, 18),
          fill: kind.fill,
          stroke: kind.border,
          "stroke-width": kind.borderStyle === "double" ? 3 : kind.borderWidth,
          ...(kind.borderStyle === "dashed" ? { "stroke-dasharray": "5 3" } : {}),
        })}/>`,
      ),
      kind.plural,
    ),
  );
  const lines = EDGE_KINDS.map((edge) =>
    entry(
      swatch(
        `<line${attributes({
          x1: 2,
          y1: 11,
          x2: 30,
          y2: 11,
          stroke: edge.colour,
          "stroke-width": 2,
          ...(edge.lineStyle === "dashed" ? { "stroke-dasharray": "5 3" } : {}),
        })}/>`,
        `<path${attributes(
          edge.lineStyle === "dashed"
            ? { d: "M30,6L38,11L30,16", fill: "none", stroke: edge.colour, "stroke-width": 1.5 }
            : { d: "M30,6L38,11L30,16Z", fill: edge.colour },
        )}/>`,
      ),
      `${edge.label} (${edge.lineStyle}; label: how often)`,
    ),
  );
  const unlinked = entry(
    swatch(
      `<rect${attributes({
        x: 2,
        y: 2,
        width: 36,
        height: 18,
        fill: "#ffffff",
        stroke: "#555555",
        "stroke-width": 2,
        "stroke-dasharray": "2 3",
      })}/>`,
    ),
    "No recorded line to the board",
  );
  return `<div class="legend-body"><h2>Legend</h2><ul>${[...bodies, ...lines, unlinked].join("")}</ul></div>`;
}
