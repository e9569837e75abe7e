import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { ReportDocument } from "../../../src/report/document/index.js";
import { escapeHtml, renderCsv, renderHtml, renderMarkdown } from "../../../src/report/render/index.js";

const doc: ReportDocument = {
  organisation: "Board <One>",
  title: "Plan | 2024",
  subtitle: "As at 1 Jan 2024",
  orientation: "portrait",
  meta: [{ label: "Report date", value: { text: "As at 1 Jan 2024" } }],
  summary: [{ label: "Actions", value: "2" }],
  blocks: [
    {
      kind: "heading",
      level: 2,
      text: "1. Actions",
      flags: [{ rule: "R", severity: "ERROR", tag: "No lead", message: "m" }],
    },
    {
      kind: "table",
      caption: "Actions",
      columns: [{ label: "Action" }, { label: "Value", numeric: true }],
      rows: [
        [{ text: "Review | refresh\nthe plan" }, { text: "4670", rag: { value: "AMBER", derived: true } }],
      ],
      empty: "None.",
    },
  ],
  footer: "Plan",
};

describe("renderers", () => {
  it("escapes Markdown table cells", () => {
    const markdown = renderMarkdown(doc);
    expect(markdown).toContain("| Review \\| refresh<br>the plan | **AMBER\\*** 4670 |");
    expect(markdown).toContain("| --- | ---: |");
    expect(markdown).toContain("## 1. Actions ⛔ No lead");
  });
  it("escapes HTML and labels cells for phones", () => {
    const html = renderHtml(doc);
    expect(html).toContain('<p class="organisation">Board &lt;One&gt;</p>');
    expect(html).toContain('<td data-label="Action">Review | refresh<br>the plan</td>');
    expect(html).toContain('<span class="rag rag-AMBER">Amber*</span>');
    expect(escapeHtml(`"a" & 'b'`)).toBe("&quot;a&quot; &amp; &#39;b&#39;");
  });
  it("writes CSV that a CSV parser reads back", () => {
    const csv = renderCsv({ columns: ["Action", "Lead"], rows: [['Say "hello", then go', "A\nB"]] });
    expect(parse(csv, { columns: true })).toEqual([{ Action: 'Say "hello", then go', Lead: "A\nB" }]);
  });
});
