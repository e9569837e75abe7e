import { naturalCompare } from "../../text/index.ts";
import type { CsvTable } from "../render/index.ts";
import { names, ruleTag, type BodyReport, type PersonReport, type StrategyReport } from "../model/index.ts";
import { words } from "./cells.ts";

const flagText = (flags: readonly { rule: string }[]): string =>
  [...new Set(flags.map((f) => ruleTag(f.rule)))].join("; ");

/** One row per action of the plan (an action serving two priorities is one row naming both). */
export function strategyCsv(report: StrategyReport): CsvTable {
  const periods = [...new Set(report.actions.flatMap((a) => Object.keys(a.progress)))].sort(naturalCompare);
  return {
    columns: [
      "Priority/objective",
      "Ref",
      "Action",
      "Kind",
      "Lead",
      "Due (as written)",
      "Due date",
      "Status",
      ...periods,
      "Flags",
      "Id",
    ],
    rows: report.actions.map((a) => [
      a.printedIn === null ? "Plan-wide" : a.serves.map((o) => o.ref ?? o.title).join("; "),
      a.ref ?? "",
      a.title,
      words(a.kind),
      names(a.leads),
      a.dueText ?? "",
      a.dueDate ?? "",
      words(a.status),
      ...periods.map((p) => a.progress[p]?.text ?? ""),
      flagText(a.flags),
      a.id,
    ]),
  };
}

/** One row per group under the body. */
export function bodyCsv(report: BodyReport): CsvTable {
  return {
    columns: [
      "Group",
      "Kind",
      "Chair",
      "Frequency",
      "Line",
      "Reports to",
      "Reporting frequency",
      "Accountable for",
      "Purpose",
      "Depth",
      "Flags",
      "Id",
    ],
    rows: report.groups.map((g) => [
      g.name,
      words(g.kind),
      g.chairs.map((c) => c.name).join("; "),
      g.frequency ?? "",
      g.relationship,
      g.reportsTo,
      g.reportingFrequency ?? "",
      g.accountableFor.join("; "),
      g.purpose ?? "",
      String(g.depth),
      flagText(g.flags),
      g.id,
    ]),
  };
}

/** One row per responsibility (chair, membership, lead). */
export function personCsv(report: PersonReport): CsvTable {
  const sole = new Set([
    ...report.actions.filter((a) => a.soleLead).map((a) => a.id),
    ...report.objectives.filter((o) => o.soleLead).map((o) => o.id),
  ]);
  return {
    columns: [
      "Relationship",
      "Role",
      "Kind",
      "Subject",
      "Representing",
      "Valid from",
      "Valid to",
      "Sole lead",
      "Id",
    ],
    rows: [...report.chairs, ...report.memberships, ...report.leads].map((r) => [
      r.relationship,
      r.role,
      r.subject.label,
      r.subject.name,
      r.representing ?? "",
      r.validFrom ?? "",
      r.validTo ?? "",
      r.relationship === "LED_BY" ? (sole.has(r.subject.id) ? "yes" : "no") : "",
      r.subject.id,
    ]),
  };
}
