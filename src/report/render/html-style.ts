import { FONT_STACK } from "./fonts.ts";

/**
 * The stylesheet of HTML reports: a council board paper in print (A4, column headers repeated
 * on every page, no row split across pages, words wrapped only between words), and a readable
 * single column on a phone (tables become cards).
 */
export function reportStyle(orientation: "portrait" | "landscape"): string {
  return `
@page { size: A4 ${orientation}; margin: 14mm 13mm 17mm; }
:root { --ink: #1d2a33; --muted: #5a6872; --rule: #c9d3d9; --band: #00545f; --band-light: #e6f0f1; --head: #edf2f4;
  --red: #b3261e; --red-bg: #fbe9e7; --amber: #8a5a00; --amber-bg: #fff3d6; --green: #1e6b34; --green-bg: #e4f3e8; --info-bg: #eef1f4; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); font: 10pt/1.38 ${FONT_STACK}; background: #fff; }
.paper { max-width: ${orientation === "landscape" ? "1180px" : "860px"}; margin: 0 auto; padding: 24px 28px 40px; }
.masthead { border-top: 8px solid var(--band); padding-top: 8px; margin-bottom: 12px; }
.status { display: inline-block; margin: 0 0 6px; padding: 1px 8px; border: 1px solid var(--band); color: var(--band); font-size: 9pt; font-weight: bold; }
.status.part-2 { border-color: var(--red); background: var(--red); color: #fff; }
.board-paper { margin: 10px 0 14px; }
.board-paper h2 { font-size: 12pt; margin: 12px 0 4px; }
.recommendations { margin: 4px 0; padding-left: 22px; }
.recommendations li { margin: 2px 0; }
.organisation { margin: 0; color: var(--band); font-weight: bold; letter-spacing: .04em; text-transform: uppercase; font-size: 10pt; }
h1 { margin: 4px 0 2px; font-size: 22pt; line-height: 1.15; }
.subtitle { margin: 0; font-size: 13pt; color: var(--muted); }
.cover { width: 100%; border-collapse: collapse; margin: 14px 0; font-size: 10pt; }
.cover th { width: 12em; text-align: left; vertical-align: top; background: var(--band-light); border: 1px solid var(--rule); padding: 5px 8px; }
.cover td { border: 1px solid var(--rule); padding: 5px 8px; }
.figures { display: flex; flex-wrap: wrap; gap: 8px; margin: 0 0 16px; padding: 0; list-style: none; }
.figures li { flex: 1 1 0; min-width: 92px; border: 1px solid var(--rule); border-top: 4px solid var(--band); padding: 6px 10px; }
.figures li.tone-ERROR { border-top-color: var(--red); }
.figures li.tone-WARNING { border-top-color: #d99a00; }
.figures li.tone-OK { border-top-color: var(--green); }
.figures .value { display: block; font-size: 18pt; font-weight: bold; line-height: 1.1; }
.figures .label { color: var(--muted); font-size: 9pt; }
h2 { font-size: 15pt; margin: 22px 0 8px; padding-bottom: 4px; border-bottom: 3px solid var(--band); color: var(--band); }
h3 { font-size: 11.5pt; margin: 16px 0 6px; }
h4 { font-size: 11pt; margin: 14px 0 6px; }
h5, h6 { font-size: 10.5pt; margin: 12px 0 6px; }
p { margin: 6px 0; }
.muted { color: var(--muted); }
a { color: var(--band); }
ul { margin: 6px 0; padding-left: 20px; }
/* Automatic layout: a column is never narrower than its longest word, so words wrap between words
   and headers never run into the next column; the widths below are what each column asks for. */
table.grid { width: 100%; table-layout: auto; border-collapse: collapse; margin: 6px 0 10px; font-size: 9pt; }
table.grid th { background: var(--head); text-align: left; vertical-align: bottom; font-weight: bold; border: 1px solid var(--rule); padding: 4px 6px; }
table.grid td { vertical-align: top; border: 1px solid var(--rule); padding: 4px 6px; }
table.grid th, table.grid td { overflow-wrap: normal; word-break: normal; hyphens: manual; }
.numeric { text-align: right; }
${Array.from({ length: 60 }, (_, i) => `.w-${i + 1} { width: ${i + 1}%; }`).join(" ")}
table.facts { border-collapse: collapse; margin: 6px 0 10px; font-size: 9.5pt; width: 100%; }
table.facts th { width: 15em; text-align: left; vertical-align: top; padding: 4px 8px; background: var(--band-light); border: 1px solid var(--rule); }
table.facts td { padding: 4px 8px; border: 1px solid var(--rule); }
.sub { display: block; color: var(--muted); font-size: 8.5pt; }
.missing { color: var(--muted); font-style: italic; }
.flag { display: inline-block; margin: 1px 0 1px 4px; padding: 0 5px; border-radius: 3px; font-size: 8pt; font-weight: bold; white-space: nowrap; font-style: normal; }
.flag-ERROR { background: var(--red-bg); color: var(--red); border: 1px solid var(--red); }
.flag-WARNING { background: var(--amber-bg); color: var(--amber); border: 1px solid #d99a00; }
.flag-INFO { background: var(--info-bg); color: var(--muted); border: 1px solid var(--rule); }
h2 .flag, h3 .flag, h4 .flag { font-size: 8.5pt; vertical-align: middle; }
.rag { display: inline-block; min-width: 4.2em; text-align: center; padding: 1px 6px; border-radius: 3px; font-size: 8pt; font-weight: bold; color: #fff; }
.rag-RED { background: var(--red); }
.rag-AMBER { background: #c77c00; }
.rag-GREEN { background: var(--green); }
.findings { border: 1px solid var(--rule); border-left: 5px solid var(--band); background: #fafbfc; padding: 6px 10px; margin: 10px 0 14px; font-size: 9pt; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
.findings.has-ERROR { border-left-color: var(--red); }
.findings.has-WARNING { border-left-color: #d99a00; }
.findings h3, .findings h4, .findings h5, .findings h6, .findings .title { margin: 0 0 4px; font-size: 9.5pt; }
.findings ul { margin: 0; padding-left: 0; list-style: none; }
.findings li { margin: 2px 0; }
.findings li .flag { margin-left: 0; margin-right: 4px; }
table.contents { width: 100%; border-collapse: collapse; margin: 4px 0 10px; }
table.contents td { padding: 3px 0; border-bottom: 1px dotted var(--rule); vertical-align: bottom; }
table.contents td.page { width: 3.5em; text-align: right; font-variant-numeric: tabular-nums; }
table.contents tr.level-2 td:first-child { padding-left: 1.6em; }
table.contents tr.level-3 td:first-child { padding-left: 3.2em; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
footer.colophon { margin-top: 24px; padding-top: 6px; border-top: 1px solid var(--rule); color: var(--muted); font-size: 8.5pt; }
@media print {
  /* A hair of padding keeps the right-hand borders of full-width tables inside the printed area. */
  .paper { max-width: none; padding: 0 1.5px; }
  /* A row, a findings box, a fact or a contents line is never split across pages; the column
     headers repeat on each page a table runs onto; a heading stays with what follows it. */
  table.grid thead { display: table-header-group; }
  table.grid tr, table.facts tr, table.cover tr, table.contents tr, .figures li, .recommendations li, .findings li, ul li { break-inside: avoid; }
  h2, h3, h4, h5, h6, .board-paper h2, p.keep, .findings .title { break-after: avoid; break-inside: avoid; }
  p { orphans: 3; widows: 3; }
  a { color: inherit; text-decoration: none; }
  footer.colophon { display: none; }
}
@media (max-width: 700px) {
  .paper { padding: 12px; }
  h1 { font-size: 18pt; }
  table.grid, table.grid tbody, table.grid tr, table.grid td, table.cover, table.cover tbody, table.cover tr, table.cover th, table.cover td,
  table.facts, table.facts tbody, table.facts tr, table.facts th, table.facts td { display: block; width: 100%; }
  table.grid thead { display: none; }
  table.grid tr { border: 1px solid var(--rule); border-left: 4px solid var(--band); margin: 0 0 10px; padding: 4px 0; }
  table.grid td { border: 0; padding: 3px 8px; text-align: left; white-space: normal; }
  table.grid td:empty { display: none; }
  table.grid td::before { content: attr(data-label); display: block; font-size: 8pt; font-weight: bold; color: var(--muted); text-transform: uppercase; }
  table.cover th, table.facts th { border-bottom: 0; }
}
`;
}
