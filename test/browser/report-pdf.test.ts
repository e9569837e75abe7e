/**
 * The board packs printed to PDF by real Chromium, measured from where poppler's `pdftotext -bbox`
 * finds each word (test/browser/support/pdf-layout.ts): no table row split across pages, column
 * headers repeated on every page a table runs onto, nothing printed over anything else, words
 * wrapped only between words, contents page numbers that match the pages, no near-empty page,
 * the bundled fonts on every machine. The reports' models, CSV and HTML are checked without a
 * browser in test/report; here each test opens the printer itself, so without Chromium each fails
 * saying how to install it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  makeReport,
  openPdfPrinter,
  renderReport,
  reportRequest,
  type MadeReport,
  type PdfPrinter,
} from "../../src/report/index.ts";
import type { ContentsEntry } from "../../src/report/document/index.ts";
import { renderHtml } from "../../src/report/render/index.ts";
import { countingSource } from "../report/support.ts";
import { sharedChromium } from "./support/chromium.ts";
import {
  bare,
  brokenWords,
  inLineOrder,
  outsidePage,
  overprints,
  pageFill,
  pdfLayout,
  popplerOutput,
  rowDefects,
  tokens,
  type PdfLayout,
} from "./support/pdf-layout.ts";

let source: Awaited<ReturnType<typeof countingSource>>;
let printing: Promise<PdfPrinter> | undefined;
const chromium = sharedChromium();
/** One Chromium for the file, opened by the first test that prints (not in a hook). */
const printer = (): Promise<PdfPrinter> => (printing ??= openPdfPrinter());

beforeAll(async () => {
  source = await countingSource();
});
afterAll(async () => {
  await (await printing?.catch(() => undefined))?.close();
  await chromium.close();
  await source?.close();
});

interface Printed {
  made: MadeReport;
  pdf: Buffer;
  layout: PdfLayout;
  html: string;
}

const printed = new Map<string, Promise<Printed>>();
function print(name: string, request: ReturnType<typeof reportRequest>): Promise<Printed> {
  let job = printed.get(name);
  if (!job) {
    job = (async () => {
      const made = await makeReport(source, request, "2025-02-03T10:00:00.000Z");
      const pdf = (await renderReport(made, "pdf", await printer())) as Buffer;
      return { made, pdf, layout: pdfLayout(pdf), html: renderHtml(made.document) };
    })();
    printed.set(name, job);
  }
  return job;
}

const PACKS = {
  "the 2013/14 action plan": reportRequest("strategy", "strategy:safer-communities-2011-14", {
    asOf: "2014-03-31",
  }),
  "the SCPB's pack for 29 Jan 2016, agenda item 3": reportRequest("body", "body:scpb", {
    meeting: "meeting:scpb-2016-01-29",
    item: "3",
  }),
  "the VAWG strategy 2017-2020": reportRequest("strategy", "strategy:vawg-2017-20", {}),
  "the DV coordinator's responsibilities": reportRequest("person", "person:manju-likhman", {}),
  // The second sample partnership (seeds/lichfield): priorities, places and approaches; a district
  // board whose members are organisations.
  "Lichfield's delivery plan 2021-22": reportRequest("strategy", "strategy:lichfield-dp-2021-22", {}),
  "the Lichfield District Board's pack": reportRequest("body", "body:lichfield-district-board", {}),
} as const;

/** Every word the report prints, from its HTML, plus what Chromium prints in each page footer. */
function printableText(p: Printed): string {
  const body = p.html.slice(p.html.indexOf("<body"));
  const text = body
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
  const pages = Array.from({ length: p.layout.pages.length }, (_, i) => String(i + 1)).join(" ");
  return `${text} ${p.made.document.footer} Generated 3 Feb 2025 · Page of ${pages}`;
}

describe.each(Object.entries(PACKS))("%s as PDF", (name, request) => {
  it("is landscape A4 in the bundled Arimo faces only", async () => {
    const { pdf, layout } = await print(name, request);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    for (const page of layout.pages) {
      expect(page.width).toBeCloseTo(841.92, 0);
      expect(page.height).toBeCloseTo(594.96, 0);
    }
    const fonts = popplerOutput(pdf, "pdffonts", (file) => [file])
      .split("\n")
      .slice(2)
      .filter(Boolean)
      .map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ""));
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatch(/^Arimo-(Regular|Bold|Italic)$/);
  });

  it("splits no table row across pages and repeats the column headers on each page a table runs onto", async () => {
    const p = await print(name, request);
    const defects = rowDefects(p.html, p.layout);
    expect(defects.rows).toBeGreaterThan(0);
    expect(defects.unmatched).toEqual([]);
    expect(defects.split).toEqual([]);
    expect(defects.headerless).toEqual([]);
  });

  it("prints nothing over anything else, nor outside the page's margins", async () => {
    const { layout } = await print(name, request);
    expect(overprints(layout)).toEqual([]);
    expect(outsidePage(layout)).toEqual([]);
  });

  it("wraps words only between words", async () => {
    const p = await print(name, request);
    expect(brokenWords(p.layout, printableText(p))).toEqual([]);
  });

  it("has no near-empty page", async () => {
    const { layout } = await print(name, request);
    const low = pageFill(layout)
      .slice(0, -1)
      .filter((page) => page.fill < 0.5);
    expect(low).toEqual([]);
  });

  it("gives each contents line the page its section starts on", async () => {
    const { made, layout } = await print(name, request);
    const contents = made.document.blocks.find((b) => b.kind === "contents");
    if (!contents) {
      // The person report is short: no contents, and so nothing to number.
      expect(name).toBe("the DV coordinator's responsibilities");
      return;
    }
    const words = inLineOrder(layout.words).filter((w) => bare(w.text));
    const printedBare = words.map((w) => bare(w.text));
    const checked: string[] = [];
    // The contents follow their heading, one line after another.
    let cursor = printedBare.indexOf("contents");
    for (const entry of contents.entries as ContentsEntry[]) {
      const head = tokens(entry.text).slice(0, 4);
      const at = printedBare.findIndex(
        (_, i) => i > cursor && head.every((t, k) => printedBare[i + k] === t),
      );
      cursor = at;
      expect(at, `contents line "${entry.text}"`).toBeGreaterThanOrEqual(0);
      const line = words[at]!;
      const number = words.find(
        (w, i) =>
          i > at && w.page === line.page && w.xMin > layout.pages[0]!.width * 0.85 && /^\d+$/.test(w.text),
      );
      expect(number, `the page number of "${entry.text}"`).toBeDefined();
      const page = Number(number!.text);
      // The section's heading is printed on that page, beginning a line.
      const onPage = words.filter((w) => w.page === page);
      const found = onPage.some(
        (w, i) =>
          (i === 0 || onPage[i - 1]!.yMin < w.yMin - 2) &&
          head.every((t, k) => bare(onPage[i + k]?.text ?? "") === t),
      );
      expect(found, `"${entry.text}" on page ${page}`).toBe(true);
      checked.push(`${entry.text.slice(0, 20)} ${page}`);
    }
    expect(checked.length).toBe(contents.entries.length);
  });
});

describe("the PDF checks find the defects they look for", () => {
  it("finds split rows, missing headers and broken words in a pack printed without the print rules", async () => {
    const p = await print("the 2013/14 action plan", PACKS["the 2013/14 action plan"]);
    // The same pack, with the rules that keep rows whole and words whole taken out of its style.
    const broken = p.html
      .replace(/table\.grid tr, /g, "table.nothing tr, ")
      .replace(
        "table.grid thead { display: table-header-group; }",
        "table.grid thead { display: table-row-group; }",
      )
      .replace("table-layout: auto", "table-layout: fixed")
      .replace(
        "overflow-wrap: normal; word-break: normal;",
        "overflow-wrap: anywhere; word-break: break-all;",
      );
    expect(broken).not.toBe(p.html);
    const page = await (await chromium.browser()).newPage();
    try {
      await page.setContent(broken, { waitUntil: "load" });
      await page.emulateMedia({ media: "print" });
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      const layout = pdfLayout(pdf);
      const defects = rowDefects(broken, layout, 0);
      expect(defects.split.length + defects.headerless.length).toBeGreaterThan(0);
      expect(brokenWords(layout, printableText(p)).length).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });
});
