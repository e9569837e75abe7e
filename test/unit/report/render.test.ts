import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { ReportDocument } from "../../../src/report/document/index.ts";
import { escapeHtml, renderCsv, renderHtml, renderMarkdown } from "../../../src/report/render/index.ts";

const doc: ReportDocument = {
  organisation: "Board <One>",
  title: "Plan | 2024",
  subtitle: "As at 1 Jan 2024",
  orientation: "landscape",
  paper: { part: 1, purpose: "To report.", recommendations: ["Note it.", "Agree <leads>."] },
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
    {
      kind: "contents",
      entries: [
        { text: "1. Actions", anchor: "actions", level: 1 },
        { text: "1.1 More", anchor: "more", level: 2 },
      ],
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
  it("prints the board paper: status, purpose and numbered recommendations", () => {
    const html = renderHtml(doc);
    expect(html).toContain('<p class="status part-1">Part 1: public</p>');
    expect(html).toContain('<ol class="recommendations"><li>Note it.</li><li>Agree &lt;leads&gt;.</li></ol>');
    const markdown = renderMarkdown(doc);
    expect(markdown).toContain("**Part 1: public**");
    expect(markdown).toContain("## Recommendations\n\n1. Note it.\n2. Agree <leads>.");
    const exempt = renderHtml({ ...doc, paper: { ...doc.paper, part: 2, exemption: "Paragraph 2" } });
    expect(exempt).toContain("Part 2: exempt, not for publication (Paragraph 2)");
  });
  it("leaves the contents' page column empty until the pages are known, then fills it", () => {
    expect(renderHtml(doc)).toContain('<a href="#actions">1. Actions</a></td><td class="page"></td>');
    const printed = renderHtml(doc, {
      pages: new Map([
        ["actions", 2],
        ["more", 3],
      ]),
    });
    expect(printed).toContain('<a href="#actions">1. Actions</a></td><td class="page">2</td>');
    expect(printed).toContain(
      '<tr class="level-2"><td><a href="#more">1.1 More</a></td><td class="page">3</td>',
    );
    expect(renderMarkdown(doc)).toContain("- [1. Actions](#actions)\n  - [1.1 More](#more)");
  });
  it("embeds its fonts: the report's faces of Arimo as data URLs, nothing fetched", () => {
    const html = renderHtml(doc);
    const faces = [...html.matchAll(/@font-face \{[^}]*\}/g)].map(([face]) => face);
    expect(faces).toHaveLength(3);
    for (const face of faces) {
      expect(face).toContain('font-family: "Arimo"');
      expect(face).toMatch(/src: url\(data:font\/woff2;base64,[A-Za-z0-9+/=]{1000,}\)/);
    }
    expect(html).toMatch(/body \{[^}]*font: 10pt\/1\.38 Arimo, Arial/);
    expect(html).not.toMatch(/url\((?!data:)/);
  });
  it("writes CSV that a CSV parser reads back", () => {
    const csv = renderCsv({ columns: ["Action", "Lead"], rows: [['Say "hello", then go', "A\nB"]] });
    expect(parse(csv, { columns: true })).toEqual([{ Action: 'Say "hello", then go', Lead: "A\nB" }]);
  });
});
