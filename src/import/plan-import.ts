import type { ImportPlan, RowReport } from "./import-plan.ts";
import type { SheetRow } from "./map-rows.ts";
import { ActionIndex, planActionRow } from "./plan-actions.ts";
import { PlanDraft, type PlanContext } from "./plan-draft.ts";
import { ObjectiveIndex } from "./plan-objectives.ts";
import { IndicatorIndex, planOutcomeRow } from "./plan-outcomes.ts";
import type { PlanState } from "./plan-state.ts";
import type { ExistingNode } from "./read-plan-state.ts";
import type { LeadResolution } from "./resolve-leads.ts";

export type { PlanContext } from "./plan-draft.ts";

/** Every distinct name the lead cells hold, to resolve before planning. */
export const leadNames = (rows: readonly SheetRow[]): string[] => [
  ...new Set(rows.flatMap((row) => (row.type === "action" ? (row.leads?.value ?? []) : []))),
];

/**
 * Pure: what importing `rows` into the plan `state` would create, change and leave alone, row by
 * row, and the writes that do it; every problem a cell error. `existing` holds the nodes the
 * database has among the ids a first plan looked up (`lookups`): plan once with none, look them
 * up, plan again.
 * @example const plan = planImport(rows, state, leads, existing, { partnershipId, strategyId, documentId, mapping });
 */
export function planImport(
  rows: readonly SheetRow[],
  state: PlanState,
  leads: ReadonlyMap<string, LeadResolution>,
  existing: ReadonlyMap<string, ExistingNode>,
  context: PlanContext,
): ImportPlan {
  const draft = new PlanDraft(context, state, leads, existing);
  const objectives = new ObjectiveIndex(draft);
  const actions = new ActionIndex(state.actions);
  const indicators = new IndicatorIndex(state.indicators);
  const reports: RowReport[] = [];
  for (const row of rows) {
    let report: RowReport | undefined;
    if (row.type === "action") report = planActionRow(draft, objectives, actions, row);
    else if (row.type === "outcome") report = planOutcomeRow(draft, objectives, indicators, row);
    else {
      const named = objectives.resolve(row.objective, row.sheet, row.row);
      const objective = named?.ids.length === 1 ? objectives.get(named.ids[0]!) : undefined;
      if (objective) {
        const notes = draft.notes.get(objective.id) ?? [];
        report = {
          sheet: row.sheet,
          row: row.row,
          outcome: notes.some((n) => n.kind === "created" && n.id === objective.id)
            ? "created"
            : notes.length
              ? "changed"
              : "unchanged",
          subject: { label: "Objective", id: objective.id, name: objective.ref ?? objective.title },
          changes: notes,
        };
        // An objective's notes belong to the first row that states it.
        draft.notes.delete(objective.id);
      }
    }
    if (report) reports.push(report);
  }
  return {
    rows: reports,
    writes: draft.writes(),
    errors: draft.errors,
    totals: draft.totals(),
    lookups: [...draft.lookups],
  };
}
