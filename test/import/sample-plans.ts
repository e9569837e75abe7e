import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { stringify } from "csv-stringify/sync";
import { parse } from "yaml";
import { today } from "../../src/text/index.ts";

/**
 * The sample's two action plans (seeds/barnet/papers/action-plan-2013-14.yaml and -2022-23.yaml)
 * as the rows a partnership keeps in its spreadsheet, and those rows written as XLSX (exceljs)
 * or CSV, so the import tests read sheets made from the real papers' data.
 */

const SEEDS = path.resolve(import.meta.dirname, "../../seeds/barnet");
type Entry = Record<string, unknown>;
const entries = (file: string): Entry[] =>
  (parse(readFileSync(path.join(SEEDS, file), "utf8")) as { entries: Entry[] }).entries;
const targets = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value ? [value] : []).map((v) =>
    typeof v === "string" ? v : String((v as { to: string }).to),
  );

export interface SamplePerson {
  /** The Barnet id's slug: gary-randall. */
  slug: string;
  name: string;
  honorific?: string;
  aliases?: string[];
}

export interface SampleAction {
  priority: number;
  ref: string;
  title: string;
  kind: string;
  dueText?: string;
  /** Slugs of the people who lead it (LEAD_OFFICER). */
  leads: string[];
  progress: Record<string, string>;
}

export interface SamplePlan {
  priorities: { n: number; ref: string; title: string }[];
  actions: SampleAction[];
  people: SamplePerson[];
}

function samplePlan(file: string, strategy: string, paper: string): SamplePlan {
  const list = entries(file);
  const people = (
    parse(readFileSync(path.join(SEEDS, "registry/people.yaml"), "utf8")) as { entries: Entry[] }
  ).entries;
  const priorities = list
    .filter(
      (e) =>
        typeof e.Objective === "string" &&
        e.kind === "PRIORITY" &&
        String(e.Objective).startsWith(`objective:${strategy}:priority-`),
    )
    .map((e) => ({
      n: Number(String(e.Objective).split("-").at(-1)),
      ref: String(e.ref),
      title: String(e.title),
    }))
    .filter((p) => Number.isInteger(p.n));
  const updates = new Map(
    list
      .filter((e) => e.ProgressUpdate)
      .map((e) => [String(e.ProgressUpdate), { period: String(e.period), text: String(e.text) }]),
  );
  const counters = new Map<number, number>();
  const actions: SampleAction[] = [];
  for (const e of list.filter(
    (x) => typeof x.Action === "string" && String(x.Action).startsWith(`action:${paper}:`),
  )) {
    const feeds = targets(e.CONTRIBUTES_TO).filter((t) => t.startsWith(`objective:${strategy}:priority-`));
    const priority = Number(feeds[0]?.split("-").at(-1));
    if (!Number.isInteger(priority)) continue;
    const n = (counters.get(priority) ?? 0) + 1;
    counters.set(priority, n);
    const progress: Record<string, string> = {};
    for (const id of targets(e.HAS_UPDATE)) {
      const update = updates.get(id);
      if (update) progress[update.period] = update.text;
    }
    actions.push({
      priority,
      ref: `${priority}.${n}`,
      title: String(e.title),
      kind: String(e.kind),
      ...(e.dueText ? { dueText: String(e.dueText) } : {}),
      leads: targets(e.LED_BY).map((t) => t.replace(/^person:/, "")),
      progress,
    });
  }
  const slugs = new Set(actions.flatMap((a) => a.leads));
  return {
    priorities,
    actions,
    people: people
      .filter((p) => slugs.has(String(p.Person).replace(/^person:/, "")))
      .map((p) => ({
        slug: String(p.Person).replace(/^person:/, ""),
        name: String(p.name),
        ...(p.honorific ? { honorific: String(p.honorific) } : {}),
        ...(p.aliases ? { aliases: p.aliases as string[] } : {}),
      })),
  };
}

/** The 2013/14 plan (Safer Communities Strategy 2011-14): 40 actions under priorities 1-3, led by 8 people, progress Q1-Q3. */
export const plan2013 = (): SamplePlan =>
  samplePlan("papers/action-plan-2013-14.yaml", "scs-2011-14", "action-plan-2013-14");

/** The 2022-23 plan (Community Safety Strategy 2022-27): 44 actions under priorities 1-5, progress "2022-2023". */
export const plan2022 = (): SamplePlan =>
  samplePlan("papers/action-plan-2022-23.yaml", "cs-2022-27", "action-plan-2022-23");

export type Cell = string | number | Date | null;

/** A sheet in the paper's own layout: a title row and notes above the header, as the template has. */
export interface SheetSpec {
  name: string;
  preamble?: Cell[][];
  header: string[];
  rows: Cell[][];
}

export async function xlsx(sheets: SheetSpec[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    for (const row of spec.preamble ?? []) sheet.addRow(row);
    sheet.addRow(spec.header);
    for (const row of spec.rows) sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const csv = (spec: SheetSpec): Buffer =>
  Buffer.from(
    stringify(
      [...(spec.preamble ?? []), spec.header, ...spec.rows].map((row) =>
        row.map((c) => (c instanceof Date ? today(c) : c)),
      ),
    ),
    "utf8",
  );

/** How the sheets name people, as the papers do: rank and name ("DCI Gary Randall"), sometimes rank and surname. */
export function leadCell(plan: SamplePlan, slugs: readonly string[]): string | null {
  if (!slugs.length) return null;
  return slugs
    .map((slug) => {
      const person = plan.people.find((p) => p.slug === slug)!;
      if (slug === "andy-mariner") return "CI Mariner";
      return person.honorific ? `${person.honorific} ${person.name}` : person.name;
    })
    .join("/ ");
}
