import { naturalCompare } from "../text/index.ts";
import { quarterEnd, writeDue, writeFigure } from "./cell-values.ts";
import { DEFAULT_MAPPING, type Mapping } from "./mapping.ts";
import { matchKey } from "./plan-draft.ts";
import type { ActionState, ObjectiveState, PlanState } from "./plan-state.ts";
import type { CellValue } from "./sheet.ts";
import { enumWords } from "./vocabulary.ts";

/** A table to write as one sheet: its header and rows of typed cells. */
export interface SheetTable {
  name: string;
  columns: string[];
  rows: CellValue[][];
}

export const ACTION_SHEET = "Action plan";
export const OUTCOME_SHEET = "Target outcomes";

/** Recorded positions first, in order; then the rest. */
const byPosition = (a: { position?: number | null }, b: { position?: number | null }): number =>
  (a.position ?? Infinity) - (b.position ?? Infinity) || 0;

/** Objectives in the plan's order: each strategy objective, then the ones under it, by ref. */
function treeOrder(objectives: readonly ObjectiveState[]): ObjectiveState[] {
  const children = new Map<string | null, ObjectiveState[]>();
  for (const objective of objectives) {
    const parent = objectives.some((o) => o.id === objective.parentId) ? objective.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), objective]);
  }
  const order: ObjectiveState[] = [];
  const visit = (parent: string | null): void => {
    for (const child of [...(children.get(parent) ?? [])].sort(
      (a, b) =>
        naturalCompare(a.ref, b.ref) || naturalCompare(a.title, b.title) || naturalCompare(a.id, b.id),
    )) {
      order.push(child);
      visit(child.id);
    }
  };
  visit(null);
  return order;
}

/** How the export names an objective so the import finds that one: its ref, else its title, else (repeated) its id. */
function objectiveNames(objectives: readonly ObjectiveState[]): Map<string, string> {
  const count = new Map<string, number>();
  const add = (text: string | null): void => {
    if (text) count.set(matchKey(text), (count.get(matchKey(text)) ?? 0) + 1);
  };
  for (const o of objectives) add(o.ref);
  const refs = new Set(objectives.flatMap((o) => (o.ref ? [matchKey(o.ref)] : [])));
  const titles = new Map<string, number>();
  for (const o of objectives) titles.set(matchKey(o.title), (titles.get(matchKey(o.title)) ?? 0) + 1);
  return new Map(
    objectives.map((o) => {
      if (o.ref && count.get(matchKey(o.ref)) === 1) return [o.id, o.ref];
      const title = matchKey(o.title);
      if (!o.ref && titles.get(title) === 1 && !refs.has(title) && !o.title.includes(";"))
        return [o.id, o.title];
      return [o.id, o.id];
    }),
  );
}

/** A lead as a lead cell names it: the name, or the id when the name would be split apart. */
const leadName = (lead: { id: string; name: string }, separators: string): string =>
  [...separators].some((s) => lead.name.includes(s)) ? lead.id : lead.name;

const periodOrder = (actions: readonly ActionState[]): string[] => {
  const dates = new Map<string, string>();
  for (const action of actions)
    for (const update of action.updates) {
      const date = update.date ?? quarterEnd(update.period) ?? "";
      if (!dates.has(update.period) || date < dates.get(update.period)!) dates.set(update.period, date);
    }
  return [...dates.keys()].sort((a, b) => dates.get(a)!.localeCompare(dates.get(b)!) || naturalCompare(a, b));
};

/**
 * Pure: a plan as the sheets the import reads back unchanged (the default mapping's layout):
 * "Action plan", one row per action (plan-wide ones first, then under the first objective they
 * feed, by ref), with progress by period; and "Target outcomes", one row per reading.
 * @example const [actions, outcomes] = planSheets(state);
 */
export function planSheets(plan: PlanState, mapping: Mapping = DEFAULT_MAPPING): SheetTable[] {
  const a = mapping.actions.columns;
  const objectives = treeOrder(plan.objectives);
  const position = new Map(objectives.map((o, index) => [o.id, index]));
  const names = objectiveNames(objectives);
  const title = new Map(objectives.map((o) => [o.id, o.title]));
  const objectiveCells = (ids: readonly string[]): CellValue[] => {
    const sorted = [...ids]
      .filter((id) => position.has(id))
      .sort((x, y) => position.get(x)! - position.get(y)!);
    return [
      sorted.map((id) => names.get(id)!).join("; ") || null,
      sorted.length === 1 ? title.get(sorted[0]!)! : null,
    ];
  };
  const first = (action: ActionState): number =>
    Math.min(
      ...action.objectiveIds.map((id) => position.get(id) ?? Infinity),
      action.objectiveIds.length ? Infinity : -1,
    );
  const actions = [...plan.actions].sort(
    (x, y) =>
      first(x) - first(y) || byPosition(x, y) || naturalCompare(x.ref, y.ref) || naturalCompare(x.id, y.id),
  );
  const periods = periodOrder(actions);
  const rated = new Set(
    actions.flatMap((action) => action.updates.filter((u) => u.rag).map((u) => u.period)),
  );
  const progressColumns = periods.flatMap((period) =>
    rated.has(period) ? [period, mapping.progress.rag.replace("{period}", period)] : [period],
  );
  const actionSheet: SheetTable = {
    name: ACTION_SHEET,
    columns: [
      a.objectiveRef[0]!,
      a.objective[0]!,
      a.ref[0]!,
      a.title[0]!,
      a.kind[0]!,
      a.lead[0]!,
      a.due[0]!,
      a.status[0]!,
      a.desiredOutcome[0]!,
      ...progressColumns,
      a.id[0]!,
    ],
    rows: actions.map((action) => {
      const leads = action.leads
        .filter((lead) => lead.role === mapping.actions.leadRole)
        .sort((x, y) => naturalCompare(x.name, y.name))
        .map((lead) => leadName(lead, mapping.actions.leadSeparators));
      const progress = periods.flatMap((period) => {
        const update = action.updates.find((u) => u.period === period);
        const text: CellValue = update?.text ?? null;
        return rated.has(period) ? [text, update?.rag ? enumWords(update.rag) : null] : [text];
      });
      return [
        ...objectiveCells(action.objectiveIds),
        action.ref,
        action.title,
        enumWords(action.kind),
        leads.length ? leads.join(" / ") : null,
        writeDue({ dueText: action.dueText, dueDate: action.dueDate }),
        action.status ? enumWords(action.status) : null,
        action.desiredOutcome,
        ...progress,
        action.id,
      ];
    }),
  };
  const o = mapping.outcomes.columns;
  const indicators = [...plan.indicators].sort(
    (x, y) =>
      Math.min(...x.objectiveIds.map((id) => position.get(id) ?? Infinity)) -
        Math.min(...y.objectiveIds.map((id) => position.get(id) ?? Infinity)) || naturalCompare(x.id, y.id),
  );
  const outcomeSheet: SheetTable = {
    name: OUTCOME_SHEET,
    columns: [
      o.objectiveRef[0]!,
      o.objective[0]!,
      o.indicator[0]!,
      o.unit[0]!,
      o.betterDirection[0]!,
      o.dataSource[0]!,
      o.period[0]!,
      o.date[0]!,
      o.value[0]!,
      o.comparisonPeriod[0]!,
      o.comparisonValue[0]!,
      o.change[0]!,
      o.target[0]!,
      o.rag[0]!,
      o.note[0]!,
      o.indicatorId[0]!,
      o.id[0]!,
    ],
    rows: indicators.flatMap((indicator) => {
      const head: CellValue[] = [
        ...objectiveCells(indicator.objectiveIds),
        indicator.name,
        indicator.unit,
        indicator.betterDirection ? enumWords(indicator.betterDirection) : null,
        indicator.dataSource,
      ];
      const readings = [...indicator.measurements].sort(
        (x, y) => (x.date ?? "").localeCompare(y.date ?? "") || naturalCompare(x.id, y.id),
      );
      if (!readings.length) return [[...head, ...Array<CellValue>(9).fill(null), indicator.id, null]];
      return readings.map((m) => [
        ...head,
        m.period,
        m.date ? { date: m.date } : null,
        writeFigure(m.value, m.valueText),
        m.comparisonPeriod,
        m.comparisonValue,
        writeFigure(m.change, m.changeText),
        writeFigure(m.target, m.targetText),
        m.rag ? enumWords(m.rag) : null,
        m.note,
        indicator.id,
        m.id,
      ]);
    }),
  };
  return [actionSheet, outcomeSheet];
}
