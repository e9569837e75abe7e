import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";
import { chromiumPath, launchChromium } from "../../browser/index.js";
import { ReportError } from "../report-error.js";
import { escapeHtml } from "./html.js";

export interface PrintOptions {
  /** Left of the footer on every page: the report's title and date. */
  footer: string;
  /** Right of the footer, before the page numbers: "Generated 2 Feb 2025". */
  dated: string;
}

/** A running Chromium that prints HTML reports to PDF; reuse it for several reports, then close it. */
export interface PdfPrinter {
  print(html: string, options: PrintOptions): Promise<Buffer>;
  close(): Promise<void>;
}

function footerTemplate(options: PrintOptions): string {
  // Chromium renders header and footer templates apart from the page: styles must be inline, and
  // the font size set (it defaults to 0). pageNumber and totalPages are filled in by Chromium.
  return `<div style="font-family: Arial, 'Liberation Sans', sans-serif; font-size: 7.5pt; color: #5a6872; width: 100%; margin: 0 13mm; display: flex; justify-content: space-between; border-top: 0.5pt solid #c9d3d9; padding-top: 2mm;">
<span>${escapeHtml(options.footer)}</span>
<span>${escapeHtml(options.dated)} · Page <span class="pageNumber"></span> of <span class="totalPages"></span></span>
</div>`;
}

/**
 * Starts Chromium (Debian's, by default) for printing.
 * @example const printer = await openPdfPrinter(); const pdf = await printer.print(html, { footer: "...", dated: "Generated 2 Feb 2025" }); await printer.close();
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
  return {
    async print(html, options) {
      const page = await browser.newPage();
      try {
        // The HTML is standalone (no external files), so nothing loads over the network.
        await page.setContent(html, { waitUntil: "load" });
        await page.emulateMedia({ media: "print" });
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
    },
    close: () => browser.close(),
  };
}
