import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";
import { chromiumPath, launchChromium } from "../../browser/index.ts";
import type { ReportDocument } from "../document/index.ts";
import { ReportError } from "../report-error.ts";
import { FONT_STACK, footerFontFaces } from "./fonts.ts";
import { escapeHtml, renderHtml, type PageMap } from "./html.ts";
import { anchorPages } from "./pdf-pages.ts";

export interface PrintOptions {
  /** Left of the footer on every page: the report's title and date. */
  footer: string;
  /** Right of the footer, before the page numbers: "Generated 2 Feb 2025". */
  dated: string;
}

/** A running Chromium that prints reports to PDF; reuse it for several reports, then close it. */
export interface PdfPrinter {
  print(doc: ReportDocument, options: PrintOptions): Promise<Buffer>;
  close(): Promise<void>;
}

/** Printings at most: the first finds the pages, the second prints them (a third only if that moved a heading). */
const MAX_PRINTINGS = 3;

function footerTemplate(options: PrintOptions): string {
  // Chromium renders header and footer templates apart from the page: fonts and styles must be
  // inline, and the font size set (it defaults to 0). pageNumber and totalPages are filled in by Chromium.
  const text = `${options.footer}${options.dated} Page 0123456789 of`;
  return `<style>${footerFontFaces(text)}</style><div style="font-family: ${escapeHtml(FONT_STACK)}; font-size: 7.5pt; color: #5a6872; width: 100%; margin: 0 13mm; display: flex; justify-content: space-between; gap: 8mm; border-top: 0.5pt solid #c9d3d9; padding-top: 2mm;">
<span>${escapeHtml(options.footer)}</span>
<span style="white-space: nowrap;">${escapeHtml(options.dated)} · Page <span class="pageNumber"></span> of <span class="totalPages"></span></span>
</div>`;
}

const samePages = (a: PageMap, b: PageMap): boolean =>
  a.size === b.size && [...a].every(([anchor, page]) => b.get(anchor) === page);

/**
 * Starts Chromium (Debian's, by default) for printing.
 * @example const printer = await openPdfPrinter(); const pdf = await printer.print(doc, { footer: "...", dated: "Generated 2 Feb 2025" }); await printer.close();
 */
export async function openPdfPrinter(executablePath: string = chromiumPath()): Promise<PdfPrinter> {
  if (!existsSync(executablePath))
    throw new ReportError(
      `PDF needs Chromium, expected at ${executablePath}, found nothing. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  let browser: Browser;
  try {
    browser = await launchChromium(executablePath);
  } catch (error) {
    throw new ReportError(
      `Could not start Chromium at ${executablePath}: ${(error as Error).message.split("\n")[0]}`,
    );
  }
  async function printHtml(html: string, options: PrintOptions): Promise<Buffer> {
    const page = await browser.newPage();
    try {
      // The HTML is standalone (fonts embedded, no external files), so nothing loads over the network.
      await page.setContent(html, { waitUntil: "load" });
      await page.emulateMedia({ media: "print" });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      return await page.pdf({
        preferCSSPageSize: true,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: "<span></span>",
        footerTemplate: footerTemplate(options),
        outline: true,
        tagged: true,
      });
    } finally {
      await page.close();
    }
  }
  return {
    async print(doc, options) {
      let pdf = await printHtml(renderHtml(doc), options);
      if (!doc.blocks.some((b) => b.kind === "contents")) return pdf;
      // The contents' page numbers: print, read where each heading landed, print again with them.
      let pages: PageMap = new Map();
      for (let printing = 1; printing < MAX_PRINTINGS; printing++) {
        const landed = await anchorPages(pdf);
        if (printing > 1 && samePages(landed, pages)) break;
        pages = landed;
        pdf = await printHtml(renderHtml(doc, { pages }), options);
      }
      return pdf;
    },
    close: () => browser.close(),
  };
}
