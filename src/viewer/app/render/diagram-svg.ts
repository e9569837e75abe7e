import { BODY_KINDS, EDGE_KINDS, kindStyle, type BodyShape } from "../model/body-kinds.ts";
import { METRICS, type LaidOutDiagram, type PlacedBody, type Point } from "../layout/layout-diagram.ts";
import { routeLength } from "./cytoscape-elements.ts";

/** Text made safe inside SVG or HTML markup (content and attribute values). */
export const escape = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const n = (value: number): string => String(Math.round(value * 10) / 10);

/** An SVG path of a kind's shape in the box (x, y, w, h), close to cytoscape's drawing of it. */
export function shapePath(shape: BodyShape, x: number, y: number, w: number, h: number): string {
  const r = Math.min(8, h / 4);
  const c = Math.min(10, h / 4);
  switch (shape) {
    case "rectangle":
      return `M${n(x)},${n(y)}h${n(w)}v${n(h)}h${n(-w)}Z`;
    case "round-rectangle":
      return `M${n(x + r)},${n(y)}h${n(w - 2 * r)}a${r},${r} 0 0 1 ${r},${r}v${n(h - 2 * r)}a${r},${r} 0 0 1 ${-r},${r}h${n(-(w - 2 * r))}a${r},${r} 0 0 1 ${-r},${-r}v${n(-(h - 2 * r))}a${r},${r} 0 0 1 ${r},${-r}Z`;
    case "bottom-round-rectangle":
      return `M${n(x)},${n(y)}h${n(w)}v${n(h - r)}a${r},${r} 0 0 1 ${-r},${r}h${n(-(w - 2 * r))}a${r},${r} 0 0 1 ${-r},${-r}Z`;
    case "cut-rectangle":
      return `M${n(x + c)},${n(y)}h${n(w - 2 * c)}l${c},${c}v${n(h - 2 * c)}l${-c},${c}h${n(-(w - 2 * c))}l${-c},${-c}v${n(-(h - 2 * c))}Z`;
    case "round-octagon":
      return `M${n(x + c)},${n(y)}h${n(w - 2 * c)}l${c},${c}v${n(h - 2 * c)}l${-c},${c}h${n(-(w - 2 * c))}l${-c},${-c}v${n(-(h - 2 * c))}Z`;
    case "barrel":
      return `M${n(x + c)},${n(y)}h${n(w - 2 * c)}q${c},${n(h / 2)} 0,${n(h)}h${n(-(w - 2 * c))}q${-c},${n(-h / 2)} 0,${n(-h)}Z`;
  }
}

function bodySvg(body: PlacedBody): string {
  const style = kindStyle(body.kind);
  const x = body.x - body.width / 2;
  const y = body.y - body.height / 2;
  const dash = !body.linked
    ? ' stroke-dasharray="2 3"'
    : style.borderStyle === "dashed"
      ? ' stroke-dasharray="6 4"'
      : "";
  const outline = `<path d="${shapePath(style.shape, x, y, body.width, body.height)}" fill="${style.fill}" stroke="${style.border}" stroke-width="${style.borderStyle === "double" ? 1 : style.borderWidth}"${dash}/>`;
  const inner =
    style.borderStyle === "double"
      ? `<path d="${shapePath(style.shape, x + 3, y + 3, body.width - 6, body.height - 6)}" fill="none" stroke="${style.border}" stroke-width="1"/>`
      : "";
  const top = body.y - ((body.lines.length - 1) * METRICS.lineHeight) / 2;
  const text = body.lines
    .map(
      (line, i) => `<tspan x="${n(body.x)}" y="${n(top + i * METRICS.lineHeight)}">${escape(line)}</tspan>`,
    )
    .join("");
  return `<g class="body" data-id="${escape(body.id)}"><title>${escape(`${body.name} (${style.label})`)}</title>${outline}${inner}<text text-anchor="middle" dominant-baseline="central">${text}</text></g>`;
}

const pointsAttr = (points: readonly Point[]): string => points.map((p) => `${n(p.x)},${n(p.y)}`).join(" ");

function legendSvg(y: number): { svg: string; height: number; width: number } {
  const parts: string[] = [];
  let x = 16;
  for (const kind of BODY_KINDS) {
    const w = 46;
    const h = 24;
    const dash = kind.borderStyle === "dashed" ? ' stroke-dasharray="6 4"' : "";
    parts.push(
      `<path d="${shapePath(kind.shape, x, y, w, h)}" fill="${kind.fill}" stroke="${kind.border}" stroke-width="${kind.borderStyle === "double" ? 3 : kind.borderWidth}"${dash}/>`,
    );
    parts.push(
      `<text x="${x + w + 6}" y="${y + h / 2}" dominant-baseline="central">${escape(kind.label)}</text>`,
    );
    x += w + 14 + kind.label.length * 7 + 20;
  }
  let x2 = 16;
  const y2 = y + 40;
  for (const edge of EDGE_KINDS) {
    const dash = edge.lineStyle === "dashed" ? ' stroke-dasharray="7 5"' : "";
    parts.push(
      `<line x1="${x2}" y1="${y2}" x2="${x2 + 46}" y2="${y2}" stroke="${edge.colour}" stroke-width="2"${dash} marker-end="url(#arrow-${edge.kind})"/>`,
    );
    parts.push(`<text x="${x2 + 56}" y="${y2}" dominant-baseline="central">${escape(edge.label)}</text>`);
    x2 += 56 + edge.label.length * 7 + 30;
  }
  return {
    svg: `<g class="legend" font-size="12">${parts.join("")}</g>`,
    height: 64,
    width: Math.max(x, x2),
  };
}

/**
 * The laid-out diagram as a standalone SVG document: a title, the bodies with their labels as
 * real text (searchable, selectable, readable by screen readers), the lines with arrowheads and
 * frequency labels, and the legend. Pure, so it is the same wherever it runs.
 * @example const svg = diagramSvg(drawing, "Barnet Safer Communities Partnership", "As of 2017-07-21");
 */
export function diagramSvg(drawing: LaidOutDiagram, title: string, subtitle: string): string {
  const header = 56;
  const legend = legendSvg(header + drawing.height + 24);
  const width = Math.max(drawing.width, legend.width, 480);
  const height = header + drawing.height + 24 + legend.height;
  const markers = EDGE_KINDS.map(
    (edge) =>
      `<marker id="arrow-${edge.kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="10" markerHeight="10" markerUnits="userSpaceOnUse" orient="auto-start-reverse">${
        edge.lineStyle === "dashed"
          ? `<path d="M0,0L10,5L0,10" fill="none" stroke="${edge.colour}" stroke-width="1.6"/>`
          : `<path d="M0,0L10,5L0,10Z" fill="${edge.colour}"/>`
      }</marker>`,
  ).join("");
  const lines = drawing.lines
    .filter((line) => line.points.length >= 2)
    .map((line) => {
      const edge = EDGE_KINDS.find((e) => e.kind === line.kind) ?? EDGE_KINDS[0];
      // As on screen: dashes counted from the target end, so lines sharing a bus dash in step.
      const dash =
        edge.lineStyle === "dashed"
          ? ` stroke-dasharray="7 5" stroke-dashoffset="${n(-routeLength(line.points))}"`
          : "";
      const label = line.label
        ? `<rect x="${n(line.label.x - line.label.width / 2)}" y="${n(line.label.y - line.label.height / 2)}" width="${n(line.label.width)}" height="${n(line.label.height)}" rx="3" fill="#ffffff" stroke="#bbbbbb"/><text x="${n(line.label.x)}" y="${n(line.label.y)}" text-anchor="middle" dominant-baseline="central" font-size="${METRICS.labelFontSize}" font-style="italic">${escape(line.label.text)}</text>`
        : "";
      return `<g class="line" data-kind="${line.kind}"><title>${escape(`${line.from} ${edge.label.toLowerCase()} ${line.to}`)}</title><polyline points="${pointsAttr(line.points)}" fill="none" stroke="${edge.colour}" stroke-width="2"${dash} marker-end="url(#arrow-${edge.kind})"/>${label}</g>`;
    })
    .join("");
  const headings = drawing.headings
    .map(
      (hd) =>
        `<text x="${n(hd.x)}" y="${n(hd.y)}" dominant-baseline="central" font-size="15" font-weight="bold">${escape(hd.text)}</text>`,
    )
    .join("");
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}" font-family="Liberation Sans, Arial, Helvetica, sans-serif" font-size="${METRICS.fontSize}" fill="#111111">`,
    `<title>${escape(`${title}: ${subtitle}`)}</title>`,
    `<defs>${markers}</defs>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="16" y="26" font-size="18" font-weight="bold">${escape(title)}</text><text x="16" y="46" font-size="13">${escape(subtitle)}</text>`,
    `<g transform="translate(0 ${header})">${lines}${drawing.bodies.map(bodySvg).join("")}${headings}</g>`,
    legend.svg,
    `</svg>`,
  ].join("\n");
}
