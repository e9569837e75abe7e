/**
 * The strategy report printed to PDF by real Chromium (src/browser) over the run's Neo4j. The
 * report's model, CSV and HTML are checked without a browser in test/report/strategy-report.test.ts,
 * so a missing Chromium fails this file's test alone.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  makeReport,
  openPdfPrinter,
  renderReport,
  reportRequest,
  type MadeReport,
} from "../../src/report/index.js";
import { countingSource, pdfText } from "../report/support.js";

const request = reportRequest("strategy", "strategy:safer-communities-2011-14", {
  asOf: "2014-03-31",
  partnership: "partnership:barnet",
});
let source: Awaited<ReturnType<typeof countingSource>>;
let made: MadeReport;

beforeAll(async () => {
  source = await countingSource();
  made = await makeReport(source, request, "2025-02-03T10:00:00.000Z");
});
afterAll(async () => {
  await source?.close();
});

describe("report strategy as PDF", () => {
  it("prints a PDF whose text holds the headings, the values and page numbers", async () => {
    // The printer opens here, not in a hook: without Chromium this test fails, saying how to install it.
    const printer = await openPdfPrinter();
    let pdf: Buffer;
    try {
      pdf = (await renderReport(made, "pdf", printer)) as Buffer;
    } finally {
      await printer.close();
    }
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(pdf);
    for (const expected of [
      "Safer Communities Strategy 2011-14",
      "Action-plan progress report as at 31 Mar 2014",
      "Priority 3 – Violent crime with specific focus on domestic violence",
      "1. Roles and responsibilities",
      "3. Target outcomes",
      "4. Action plan",
      "Reduction in burglary",
      "To complete 4 Property Roadshow in specific Hot spot areas",
      "No strategic lead",
    ])
      expect(text).toContain(expected);
    expect(text).toMatch(/Reduction in burglary\s+-6\.0%\s+4670\s+4760\s+-1\.90%/);
    const pages = Number(/Page 1 of (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThan(5);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(text).toContain("Generated 3 Feb 2025");
  });
});
