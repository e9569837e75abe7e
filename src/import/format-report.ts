import { formatCellError } from "./import-error.ts";
import type { ChangeNote, ImportTotals } from "./import-plan.ts";
import type { ImportReport } from "./run-import.ts";

const short = (text: string, max = 70): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const quoted = (value: string | null | undefined): string =>
  value === null || value === undefined ? "(none)" : JSON.stringify(short(value, 50));

/** One change as a line of the report: `status: "In progress" -> "Complete"`, `+ LED_BY Richard Bell`. */
export function describeChange(note: ChangeNote): string {
  switch (note.kind) {
    case "created":
      return `+ ${note.label} ${note.id}`;
    case "changed":
      return `${note.label === "Action" ? "" : `${note.label} `}${note.field}: ${quoted(note.before)} -> ${quoted(note.after)}`;
    case "linked":
      return `+ ${note.field} ${note.after ?? ""}`.trimEnd();
    case "unlinked":
      return `- ${note.field} ${note.before ?? ""}`.trimEnd();
  }
}

export const describeTotals = (totals: ImportTotals): string =>
  `${totals.created} created, ${totals.changed} changed, ${totals.unchanged} unchanged` +
  (totals.byLabel.length
    ? ` (${totals.byLabel.map((t) => `${t.label} ${t.created}/${t.changed}/${t.unchanged}`).join(", ")}: created/changed/unchanged)`
    : "");

/**
 * The import's report as text, row by row: what each row created, changed or left alone, then
 * the totals; or every bad cell, when there is one.
 */
export function formatImportReport(report: ImportReport): string {
  const lines: string[] = [];
  const mode = report.errors.length
    ? "bad cells, nothing written"
    : report.dryRun
      ? "dry run, nothing written"
      : report.written
        ? "written in one transaction"
        : "nothing to write";
  lines.push(`${report.fileName} -> ${report.strategyId} (${report.partnershipId}): ${mode}`);
  if (report.errors.length) {
    lines.push(`${report.errors.length} bad cell(s):`);
    for (const error of report.errors) lines.push(`  ${formatCellError(error)}`);
    return lines.join("\n");
  }
  const width = Math.max(0, ...report.rows.map((r) => `${r.sheet}, row ${r.row}`.length));
  for (const row of report.rows) {
    const where = `${row.sheet}, row ${row.row}`.padEnd(width);
    lines.push(
      `  ${where}  ${row.outcome.padEnd(9)}  ${row.subject.label} ${row.subject.id} ${quoted(row.subject.name)}`,
    );
    const changes = row.changes.filter((c) => !(c.kind === "created" && c.id === row.subject.id));
    if (changes.length)
      lines.push(`  ${"".padEnd(width)}             ${changes.map(describeChange).join("; ")}`);
  }
  lines.push(`Totals: ${describeTotals(report.totals)}.`);
  if (report.document.created)
    lines.push(
      `Provenance: the file ${report.written ? "is" : "would be"} the new Document ${report.document.id}.`,
    );
  if (report.ignoredColumns.length)
    lines.push(
      `Columns not read: ${report.ignoredColumns.map((c) => `${c.sheet} ${c.column} (${c.header})`).join(", ")}.`,
    );
  return lines.join("\n");
}
