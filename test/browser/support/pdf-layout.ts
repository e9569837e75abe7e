/**
 * What a printed board pack looks like, measured from the word positions poppler's
 * `pdftotext -bbox` reads out of the PDF: words that overprint each other, words broken in the
 * middle, table rows split across pages, headers not repeated, near-empty pages, contents page
 * numbers that do not match. Each check returns the defects it finds, so a test shows them.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** The footer band Chromium prints page numbers in (17 mm bottom margin). */
const FOOTER_PT = 44;

export interface Word {
  text: string;
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfLayout {
  pages: { width: number; height: number; words: Word[] }[];
  /** Every word in drawing order (Chromium draws in document order), pages one after another. */
  words: Word[];
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const decode = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) =>
    name.startsWith("#x")
      ? String.fromCodePoint(parseInt(name.slice(2), 16))
      : name.startsWith("#")
        ? String.fromCodePoint(Number(name.slice(1)))
        : (ENTITIES[name] ?? whole),
  );

/** What a poppler tool prints about `pdf`, written to a temporary file (deleted after) whose path `args` places. */
export function popplerOutput(pdf: Buffer, tool: string, args: (file: string) => string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), "governance-graph-pdf-"));
  try {
    const file = path.join(dir, "report.pdf");
    writeFileSync(file, pdf);
    return execFileSync(tool, args(file), { encoding: "utf8", maxBuffer: 64 << 20 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The words of a PDF with their boxes (points, origin top left), by `pdftotext -bbox`. */
export function pdfLayout(pdf: Buffer): PdfLayout {
  const xhtml = popplerOutput(pdf, "pdftotext", (file) => ["-bbox", file, "-"]);
  const pages: PdfLayout["pages"] = [];
  const words: Word[] = [];
  for (const [, width, height, body] of xhtml.matchAll(
    /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g,
  )) {
    const page = { width: Number(width), height: Number(height), words: [] as Word[] };
    for (const [, xMin, yMin, xMax, yMax, text] of body!.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    )) {
      const word = {
        text: decode(text!),
        page: pages.length + 1,
        xMin: Number(xMin),
        yMin: Number(yMin),
        xMax: Number(xMax),
        yMax: Number(yMax),
      };
      page.words.push(word);
      words.push(word);
    }
    pages.push(page);
  }
  return { pages, words };
}

const describe = (w: Word): string =>
  `"${w.text}" (page ${w.page}, x ${w.xMin.toFixed(0)}, y ${w.yMin.toFixed(0)})`;

/** Pairs of words drawn over each other: boxes that share more than a fifth of the smaller one. */
export function overprints(layout: PdfLayout): string[] {
  const found: string[] = [];
  for (const page of layout.pages) {
    const words = [...page.words].sort((a, b) => a.xMin - b.xMin);
    for (let i = 0; i < words.length; i++)
      for (let j = i + 1; j < words.length && words[j]!.xMin < words[i]!.xMax; j++) {
        const a = words[i]!;
        const b = words[j]!;
        const w = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
        const h = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
        const smaller = Math.min(
          (a.xMax - a.xMin) * (a.yMax - a.yMin),
          (b.xMax - b.xMin) * (b.yMax - b.yMin),
        );
        if (w > 0 && h > 0 && w * h > smaller / 5) found.push(`${describe(a)} overprints ${describe(b)}`);
      }
  }
  return found;
}

/** Words off the page or in its margins (13 mm left and right): text that did not fit. */
export function outsidePage(layout: PdfLayout, marginPt = 30): string[] {
  return layout.words
    .filter((w) => {
      const page = layout.pages[w.page - 1]!;
      return w.xMin < marginPt || w.xMax > page.width - marginPt || w.yMin < 0 || w.yMax > page.height;
    })
    .map(describe);
}

/** A token as words compare: without the punctuation around it. */
export const bare = (token: string): string =>
  token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "").toLowerCase();

/** The tokens of a text, split where a line may break between words. */
export const tokens = (text: string): string[] => text.split(/\s+/).map(bare).filter(Boolean);

/**
 * Words the PDF breaks in the middle ("Commun" + "ications"): a printed word that is not a word
 * of the document, unless it ends at a hyphen or slash and joins the next printed word into one.
 */
export function brokenWords(layout: PdfLayout, documentText: string): string[] {
  const vocabulary = new Set(tokens(documentText));
  const whole = new Set(documentText.split(/\s+/).filter(Boolean));
  const found: string[] = [];
  const words = layout.words;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const token = bare(word.text);
    if (!token || vocabulary.has(token)) continue;
    const next = words[i + 1];
    const previous = words[i - 1];
    // A break the document allows: at a hyphen, slash or dash inside a word ("multi-" / "agency").
    const joinsNext = next && /[-/–—]$/.test(word.text) && containsJoin(whole, word.text + next.text);
    const joinsPrevious =
      previous && /[-/–—]$/.test(previous.text) && containsJoin(whole, previous.text + word.text);
    if (!joinsNext && !joinsPrevious)
      found.push(`${describe(word)}${next ? ` before "${next.text}"` : ""} is not a word of the report`);
  }
  return found;
}

function containsJoin(whole: ReadonlySet<string>, joined: string): boolean {
  const target = bare(joined);
  for (const word of whole) if (bare(word).includes(target)) return true;
  return false;
}

/** A table row of the document as printed: its tokens, and which table it belongs to. */
export interface ExpectedRow {
  table: number;
  header: string[];
  tokens: string[];
  /** The words a row begins with: its first cells' own text (not their second lines or flags). */
  lead: string[];
}

/**
 * The document's text in reading order as tokens, with the rows of its tables (`table.grid` body
 * rows) marked, from the report's own HTML.
 */
export function documentStream(html: string): {
  stream: string[];
  rows: { start: number; end: number; row: ExpectedRow }[];
} {
  const body = html.slice(html.indexOf("<body"), html.indexOf("</body>"));
  const stream: string[] = [];
  const rows: { start: number; end: number; row: ExpectedRow }[] = [];
  const text = (fragment: string): string[] =>
    tokens(
      decode(
        fragment
          .replace(/<caption[\s\S]*?<\/caption>/g, " ")
          .replace(/<br>/g, " ")
          .replace(/<[^>]+>/g, " "),
      ),
    );
  let table = 0;
  let rest = body;
  for (;;) {
    const at = rest.indexOf('<table class="grid">');
    if (at < 0) break;
    stream.push(...text(rest.slice(0, at)));
    const end = rest.indexOf("</table>", at);
    const grid = rest.slice(at, end);
    const header = text(grid.slice(grid.indexOf("<thead>"), grid.indexOf("</thead>")));
    stream.push(...header);
    table++;
    const tbody = grid.slice(grid.indexOf("<tbody>"), grid.indexOf("</tbody>"));
    for (const [, inner] of tbody.matchAll(/<tr>([\s\S]*?)<\/tr>/g)) {
      const row = text(inner!);
      const cells = [...inner!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map(([, cell]) =>
        text(cell!.replace(/<span class="(sub|flag|rag)[^"]*"[^>]*>[\s\S]*?<\/span>/g, " ")),
      );
      const lead = (cells[0] ?? []).slice(0, 3);
      rows.push({
        start: stream.length,
        end: stream.length + row.length,
        row: { table, header, tokens: row, lead },
      });
      stream.push(...row);
    }
    rest = rest.slice(end + "</table>".length);
  }
  stream.push(...text(rest));
  return { stream, rows };
}

/** The first index at or after `from` (and before `to`) where `sequence` is printed, word for word; -1 if none. */
function findSequence(
  printed: readonly string[],
  sequence: readonly string[],
  from: number,
  to = printed.length,
): number {
  for (let i = Math.max(0, from); i + sequence.length <= Math.min(to, printed.length); i++)
    if (sequence.every((token, k) => printed[i + k] === token)) return i;
  return -1;
}

/** Words page by page, in lines top to bottom (words within 2 pt of a line's top are on it), left to right. */
export function inLineOrder(words: readonly Word[]): Word[] {
  const out: Word[] = [];
  const pages = [...new Set(words.map((w) => w.page))].sort((a, b) => a - b);
  for (const page of pages) {
    const onPage = words.filter((w) => w.page === page).sort((a, b) => a.yMin - b.yMin);
    const lines: Word[][] = [];
    for (const word of onPage) {
      const line = lines.at(-1);
      if (line && word.yMin - line[0]!.yMin < 2) line.push(word);
      else lines.push([word]);
    }
    for (const line of lines) out.push(...line.sort((a, b) => a.xMin - b.xMin));
  }
  return out;
}

/** A multiset difference: the tokens of `all` left when each token of `remove` is taken out once. */
function without(all: readonly string[], remove: readonly string[]): string[] {
  const left = [...all];
  for (const token of remove) {
    const i = left.indexOf(token);
    if (i >= 0) left.splice(i, 1);
  }
  return left;
}

/**
 * Table rows printed across two pages, and pages a table runs onto without its column headers
 * repeated, measured from where the words are printed. Each row is found by the words it begins
 * with (its first cells' own text, each row after the one before). When a table runs on from one
 * page to the next, the next page must begin with the table's column headers (repeated), and
 * directly under them the next row must begin: any other word between the headers and that row
 * (or under the headers when no row begins on the page) is the rest of a row split by the page
 * break. Words of the page footer are left out.
 */
export function rowDefects(
  html: string,
  layout: PdfLayout,
  footerPt = FOOTER_PT,
): { split: string[]; headerless: string[]; unmatched: string[]; rows: number } {
  const { rows } = documentStream(html);
  const words = layout.words.filter((w) => w.yMax < layout.pages[w.page - 1]!.height - footerPt);
  const split: string[] = [];
  const headerless: string[] = [];
  const unmatched: string[] = [];
  // Chromium does not draw a table's words in reading order, so rows are found in line order:
  // each page's words top to bottom, left to right.
  // Punctuation printed as a word of its own ("–", "&") is not a token of the document.
  const lines = inLineOrder(words).filter((w) => bare(w.text));
  const printed = lines.map((w) => bare(w.text));
  const starts: { row: ExpectedRow; word: Word }[] = [];
  let cursor = 0;
  let table = 0;
  let left = 0;
  for (const { row } of rows) {
    if (row.table !== table) {
      // A table's rows come after its headers (text before it may quote a row's words); a
      // row begins at the left edge of the first column, under the first header.
      table = row.table;
      const at = findSequence(printed, row.header.slice(0, Math.min(2, row.header.length)), cursor);
      if (at >= 0) {
        cursor = at + 1;
        left = lines[at]!.xMin;
      }
    }
    if (!row.lead.length) continue;
    let at = -1;
    for (let i = cursor; i < lines.length && at < 0; i++) {
      const word = lines[i]!;
      if (printed[i] !== row.lead[0] || Math.abs(word.xMin - left) > 3) continue;
      const second = row.lead[1];
      if (second === undefined) at = i;
      else {
        // The next word of the cell: on the same line, or first on a following line of the column.
        const sameLine =
          lines[i + 1] && Math.abs(lines[i + 1]!.yMin - word.yMin) < 2 ? printed[i + 1] : undefined;
        const below = lines.find(
          (w, k) => k > i && w.page === word.page && w.yMin > word.yMin + 2 && Math.abs(w.xMin - left) < 3,
        );
        if (sameLine === second || (below && bare(below.text) === second)) at = i;
      }
    }
    if (at < 0) {
      unmatched.push(`row "${row.tokens.slice(0, 6).join(" ")}" of table ${row.table}`);
      continue;
    }
    starts.push({ row, word: lines[at]! });
    cursor = at + 1;
  }
  const pageWords = (page: number): Word[] => words.filter((w) => w.page === page);
  for (let page = 2; page <= layout.pages.length; page++) {
    const before = starts.filter((s) => s.word.page === page - 1).at(-1);
    if (!before) continue;
    const { header, table } = before.row;
    const here = pageWords(page);
    if (!here.length) continue;
    const topY = Math.min(...here.map((w) => w.yMin));
    const topLine = here
      .filter((w) => w.yMin < topY + 3)
      .sort((a, b) => a.xMin - b.xMin)
      .map((w) => bare(w.text));
    const first = starts.find((s) => s.word.page === page);
    const repeated = header.length > 0 && header.slice(0, 3).every((token, i) => topLine[i] === token);
    if (!repeated) {
      if (first && first.row.table === table && first.word.yMin < topY + 3)
        headerless.push(`table ${table} runs on to page ${page} without its headers "${header.join(" ")}"`);
      continue;
    }
    // Words under the top of the page and above the next row's first line: the headers, and
    // nothing else unless a row was split.
    const above = here
      .filter((w) => (first ? w.yMin < first.word.yMin - 2 : true))
      .filter((w) => !first || first.row.table === table || w.yMin < first.word.yMin - 2)
      .map((w) => bare(w.text));
    const rest = first && first.row.table !== table ? [] : without(above, header);
    if (!first || first.row.table !== table) {
      // The table ended on this page: everything under its repeated headers, before the next
      // block, is the rest of its last row.
      const under = here
        .filter((w) => w.yMin > topY + 3)
        .slice(0, 6)
        .map((w) => bare(w.text));
      split.push(
        `row "${before.row.tokens.slice(0, 8).join(" ")}…" of table ${table} runs on from page ${page - 1} to page ${page} ("${under.join(" ")}")`,
      );
    } else if (rest.length)
      split.push(
        `row "${before.row.tokens.slice(0, 8).join(" ")}…" of table ${table} runs on from page ${page - 1} to page ${page} ("${rest.slice(0, 8).join(" ")}")`,
      );
  }
  return { split, headerless, unmatched, rows: rows.length };
}

/**
 * Pages (all but the last) whose text ends in the top part of the page: how far down the body of
 * the page (above the footer) the lowest word reaches, as a share of it.
 */
export function pageFill(layout: PdfLayout, footerPt = FOOTER_PT): { page: number; fill: number }[] {
  return layout.pages.map((page, i) => {
    const body = page.words.filter((w) => w.yMax < page.height - footerPt);
    const top = Math.min(...body.map((w) => w.yMin));
    const bottom = Math.max(...body.map((w) => w.yMax));
    const usable = page.height - footerPt - 40;
    return { page: i + 1, fill: body.length ? (bottom - Math.min(top, 40)) / usable : 0 };
  });
}
