import type { BoardPaper, Block, Cell, Column, ContentsEntry, ReportDocument } from "../document/index.ts";
import { UnreachableCaseError } from "../../errors/index.ts";
import { fontFaces } from "./fonts.ts";
import { reportStyle } from "./html-style.ts";

/** Where each heading landed in print (anchor -> page number), for the contents' page column. */
export type PageMap = ReadonlyMap<string, number>;

export interface HtmlOptions {
  /** The pages of the anchors, known after a first printing (see render/pdf.ts); none on screen. */
  pages?: PageMap;
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text safe in HTML content and attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Browser tabs and bookmarks cut long titles: at most 70 characters (html-validate's long-title). */
const pageTitle = (title: string): string => (title.length > 70 ? `${title.slice(0, 69).trimEnd()}…` : title);

const RAG_WORD: Record<string, string> = { RED: "Red", AMBER: "Amber", GREEN: "Green" };

const lines = (text: string): string => escapeHtml(text).replace(/\r?\n/g, "<br>");

function flagsHtml(flags: Cell["flags"]): string {
  return (flags ?? [])
    .map(
      (f) =>
        `<span class="flag flag-${escapeHtml(f.severity)}" title="${escapeHtml(f.message)}">${escapeHtml(f.tag)}</span>`,
    )
    .join("");
}

function cellHtml(value: Cell): string {
  let html = "";
  if (value.rag)
    html += `<span class="rag rag-${escapeHtml(value.rag.value)}">${escapeHtml(RAG_WORD[value.rag.value] ?? value.rag.value)}${value.rag.derived ? "*" : ""}</span>${value.text ? " " : ""}`;
  if (value.text)
    html += value.missing
      ? `<span class="missing">${lines(value.text)}</span>`
      : value.strong
        ? `<strong>${lines(value.text)}</strong>`
        : lines(value.text);
  if (value.sub) html += `<span class="sub">${lines(value.sub)}</span>`;
  return html + flagsHtml(value.flags);
}

const alignClass = (column: Column | undefined): string => (column?.numeric ? ` class="numeric"` : "");

function contentsHtml(entries: readonly ContentsEntry[], pages: PageMap | undefined): string {
  // The page column keeps its width whether or not the numbers are known yet, so filling them in
  // after the first printing moves nothing.
  const rows = entries
    .map(
      (e) =>
        `<tr class="level-${e.level}"><td><a href="#${escapeHtml(e.anchor)}">${escapeHtml(e.text)}</a>${flagsHtml(e.flags)}</td>` +
        `<td class="page">${pages?.get(e.anchor) ?? ""}</td></tr>`,
    )
    .join("");
  return `<table class="contents"><caption class="visually-hidden">Contents</caption><tbody>${rows}</tbody></table>`;
}

function block(b: Block, options: HtmlOptions): string {
  switch (b.kind) {
    case "heading": {
      const id = b.anchor ? ` id="${escapeHtml(b.anchor)}"` : "";
      return `<h${b.level}${id}>${escapeHtml(b.text)}${flagsHtml(b.flags)}</h${b.level}>`;
    }
    case "paragraph": {
      const classes = [b.muted ? "muted" : "", b.keepWithNext ? "keep" : ""].filter(Boolean).join(" ");
      return `<p${classes ? ` class="${classes}"` : ""}>${lines(b.text)}</p>`;
    }
    case "facts":
      return `<table class="facts"><tbody>${b.rows.map((row) => `<tr><th scope="row">${escapeHtml(row.label)}</th><td>${cellHtml(row.value)}</td></tr>`).join("")}</tbody></table>`;
    case "list":
      return `<ul>${b.items.map((item) => `<li>${cellHtml(item)}</li>`).join("")}</ul>`;
    case "contents":
      return contentsHtml(b.entries, options.pages);
    case "table": {
      if (!b.rows.length) return `<p class="missing">${escapeHtml(b.empty)}</p>`;
      const cols = b.columns
        .map((c) => (c.width ? `<col class="w-${Math.round(c.width)}">` : "<col>"))
        .join("");
      const head = b.columns
        .map((c) => `<th scope="col"${alignClass(c)}>${escapeHtml(c.label)}</th>`)
        .join("");
      const rows = b.rows
        .map(
          (row) =>
            `<tr>${row.map((value, i) => `<td${alignClass(b.columns[i])} data-label="${escapeHtml(b.columns[i]?.label ?? "")}">${cellHtml(value)}</td>`).join("")}</tr>`,
        )
        .join("\n");
      return `<table class="grid"><caption class="visually-hidden">${escapeHtml(b.caption)}</caption><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
    }
    case "findings": {
      if (!b.items.length)
        return b.empty ? `<p class="muted">${escapeHtml(b.title)}: ${escapeHtml(b.empty)}</p>` : "";
      const worst = b.items.some((i) => i.severity === "ERROR")
        ? "ERROR"
        : b.items.some((i) => i.severity === "WARNING")
          ? "WARNING"
          : "INFO";
      const items = b.items
        .map(
          (i) =>
            `<li><span class="flag flag-${escapeHtml(i.severity)}">${escapeHtml(i.tag)}</span>${escapeHtml(i.text)}</li>`,
        )
        .join("");
      return `<aside class="findings has-${worst}" aria-label="${escapeHtml(b.title)}"><p class="title"><strong>${escapeHtml(b.title)}</strong></p><ul>${items}</ul></aside>`;
    }
    default:
      throw new UnreachableCaseError(b);
  }
}

/** The status line above the title: what may be published. */
function statusHtml(paper: BoardPaper): string {
  return paper.part === 1
    ? `<p class="status part-1">Part 1: public</p>`
    : `<p class="status part-2">Part 2: exempt, not for publication${paper.exemption ? ` (${escapeHtml(paper.exemption)})` : ""}</p>`;
}

function paperHtml(paper: BoardPaper): string {
  const recommendations = paper.recommendations.map((r) => `<li>${lines(r)}</li>`).join("");
  return `<section class="board-paper" aria-label="Purpose and recommendations">
<h2>Purpose of the report</h2>
<p>${lines(paper.purpose)}</p>
<h2>Recommendations</h2>
<ol class="recommendations">${recommendations}</ol>
</section>`;
}

/**
 * A report as one standalone HTML page (styles inline, no scripts, no external files): printable
 * as a board paper and readable on a phone.
 * @example writeFileSync("report.html", renderHtml(layoutStrategyReport(report)));
 */
export function renderHtml(doc: ReportDocument, options: HtmlOptions = {}): string {
  const cover = doc.meta
    .map((fact) => `<tr><th scope="row">${escapeHtml(fact.label)}</th><td>${cellHtml(fact.value)}</td></tr>`)
    .join("");
  const figures = doc.summary
    .map(
      (f) =>
        `<li${f.tone ? ` class="tone-${escapeHtml(f.tone)}"` : ""}><span class="value">${escapeHtml(f.value)}</span><span class="label">${escapeHtml(f.label)}</span></li>`,
    )
    .join("");
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(pageTitle(doc.title))}</title>
<style>${fontFaces(JSON.stringify(doc))}
${reportStyle(doc.orientation)}</style>
</head>
<body>
<div class="paper">
<header class="masthead">
${statusHtml(doc.paper)}
<p class="organisation">${escapeHtml(doc.organisation)}</p>
<h1>${escapeHtml(doc.title)}</h1>
<p class="subtitle">${escapeHtml(doc.subtitle)}</p>
</header>
<main>
<table class="cover"><tbody>${cover}</tbody></table>
${paperHtml(doc.paper)}
<ul class="figures">${figures}</ul>
${doc.blocks
  .map((b) => block(b, options))
  .filter(Boolean)
  .join("\n")}
</main>
<footer class="colophon">${escapeHtml(doc.footer)}</footer>
</div>
</body>
</html>
`;
}
