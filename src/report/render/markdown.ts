import type { Block, Cell, ReportDocument } from "../document/index.ts";
import { UnreachableCaseError } from "../../errors/index.ts";

const SEVERITY_MARK: Record<string, string> = { ERROR: "⛔", WARNING: "⚠", INFO: "ℹ" };

/** Text safe inside a Markdown table cell or line: pipes escaped, line breaks as <br>. */
const inline = (text: string): string =>
  text
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/\*/g, "\\*")
    .replace(/_/g, "\\_")
    .replace(/\r?\n/g, "<br>");

function cellText(value: Cell): string {
  const parts: string[] = [];
  if (value.rag) parts.push(`**${value.rag.value}${value.rag.derived ? "\\*" : ""}**`);
  if (value.text)
    parts.push(
      value.missing
        ? `_${inline(value.text)}_`
        : value.strong
          ? `**${inline(value.text)}**`
          : inline(value.text),
    );
  let text = parts.join(" ");
  if (value.sub) text += `<br>${inline(value.sub)}`;
  for (const flag of value.flags ?? [])
    text += ` ${SEVERITY_MARK[flag.severity] ?? "⚑"} **${inline(flag.tag)}**`;
  return text;
}

function block(b: Block): string {
  switch (b.kind) {
    case "heading": {
      const flags = (b.flags ?? []).map((f) => ` ${SEVERITY_MARK[f.severity] ?? "⚑"} ${f.tag}`).join("");
      return `${"#".repeat(b.level)} ${b.text}${flags}`;
    }
    case "paragraph":
      return b.muted ? `_${inline(b.text)}_` : inline(b.text);
    case "facts":
      return b.rows.map((row) => `- **${inline(row.label)}:** ${cellText(row.value)}`).join("\n");
    case "list":
      return b.items.map((item) => `- ${cellText(item)}`).join("\n");
    case "contents":
      return b.entries
        .map(
          (e) =>
            `${"  ".repeat(e.level - 1)}- [${inline(e.text)}](#${e.anchor})${cellText({ text: "", ...(e.flags ? { flags: e.flags } : {}) })}`,
        )
        .join("\n");
    case "table": {
      if (!b.rows.length) return `_${b.empty}_`;
      const header = `| ${b.columns.map((c) => inline(c.label)).join(" | ")} |`;
      const rule = `| ${b.columns.map((c) => (c.numeric ? "---:" : "---")).join(" | ")} |`;
      return [header, rule, ...b.rows.map((row) => `| ${row.map(cellText).join(" | ")} |`)].join("\n");
    }
    case "findings":
      if (!b.items.length) return b.empty ? `**${inline(b.title)}:** _${b.empty}_` : "";
      return [
        `**${inline(b.title)}**`,
        "",
        ...b.items.map(
          (item) => `- ${SEVERITY_MARK[item.severity] ?? "⚑"} **${inline(item.tag)}**: ${inline(item.text)}`,
        ),
      ].join("\n");
    default:
      throw new UnreachableCaseError(b);
  }
}

/**
 * A report as GitHub-flavoured Markdown: the cover sheet as a list, tables as pipe tables.
 * @example writeFileSync("report.md", renderMarkdown(layoutStrategyReport(report)));
 */
export function renderMarkdown(doc: ReportDocument): string {
  const { paper } = doc;
  const parts = [
    paper.part === 1
      ? "**Part 1: public**"
      : `**Part 2: exempt, not for publication**${paper.exemption ? ` (${inline(paper.exemption)})` : ""}`,
    `_${inline(doc.organisation)}_`,
    `# ${doc.title}`,
    `**${inline(doc.subtitle)}**`,
    doc.meta.map((fact) => `- **${inline(fact.label)}:** ${cellText(fact.value)}`).join("\n"),
    `## Purpose of the report\n\n${inline(paper.purpose)}`,
    `## Recommendations\n\n${paper.recommendations.map((r, i) => `${i + 1}. ${inline(r)}`).join("\n")}`,
    doc.summary.map((figure) => `**${figure.value}** ${inline(figure.label.toLowerCase())}`).join(" · "),
    ...doc.blocks.map(block).filter(Boolean),
  ];
  return `${parts.join("\n\n")}\n`;
}
