import { quarterEnd } from "./cell-values.ts";
import type { RowReport } from "./import-plan.ts";
import type { ActionRowInput } from "./map-rows.ts";
import { matchKey, type PlanDraft } from "./plan-draft.ts";
import type { ObjectiveIndex } from "./plan-objectives.ts";
import type { ActionState } from "./plan-state.ts";
import type { LeadCandidate } from "./resolve-leads.ts";
import { cellLocator, rowLocator, type CellRef } from "./sheet.ts";
import { stableIds } from "./stable-ids.ts";

const describe = (lead: LeadCandidate): string => `${lead.name} (${lead.id})`;

/** The actions of the plan by id and ref, and which row first stated each. */
export class ActionIndex {
  readonly byId = new Map<string, ActionState>();
  private readonly byRef = new Map<string, ActionState[]>();
  readonly statedAt = new Map<string, number>();

  constructor(actions: readonly ActionState[]) {
    for (const action of actions) {
      this.byId.set(action.id, action);
      if (action.ref) {
        const key = matchKey(action.ref);
        this.byRef.set(key, [...(this.byRef.get(key) ?? []), action]);
      }
    }
  }

  withRef = (ref: string): ActionState[] => this.byRef.get(matchKey(ref)) ?? [];
}

/** The action a row states: found by id or ref, or the id a new one gets; undefined after a cell error. */
function identify(
  draft: PlanDraft,
  actions: ActionIndex,
  row: ActionRowInput,
): { id: string; action?: ActionState; at: CellRef; found: string } | undefined {
  const { strategyId } = draft.context;
  const key = row.id ?? row.ref;
  if (!key) {
    const at = row.where.ref ?? row.where.id;
    if (!at) return undefined;
    return draft.error(
      at,
      "",
      "a ref (e.g. 1.1) or an id identifying the action in its Ref or Id column.",
      "give each action a ref, unique in the plan: the import makes its id from the strategy and the ref.",
    );
  }
  if (row.id) {
    const action = actions.byId.get(row.id.value);
    if (action) return { id: action.id, action, at: row.id.at, found: row.id.value };
    return draft.free(row.id.value, "Action", row.id.at, row.id.value)
      ? { id: row.id.value, at: row.id.at, found: row.id.value }
      : undefined;
  }
  const ref = row.ref!;
  const withRef = actions.withRef(ref.value);
  if (withRef.length > 1)
    return draft.error(
      ref.at,
      ref.value,
      `a ref that names one action of ${strategyId}; ${withRef.map((a) => a.id).join(" and ")} both have it.`,
      "identify the row by its id in the Id column (an export of the plan writes it).",
    );
  if (withRef[0]) return { id: withRef[0].id, action: withRef[0], at: ref.at, found: ref.value };
  const id = stableIds.action(strategyId, ref.value);
  const action = actions.byId.get(id);
  if (action) return { id, action, at: ref.at, found: ref.value };
  return draft.free(id, "Action", ref.at, ref.value) ? { id, at: ref.at, found: ref.value } : undefined;
}

/** The leads a lead cell names, resolved; undefined (after cell errors) when any name is not one lead. */
function leadsOf(draft: PlanDraft, row: ActionRowInput): LeadCandidate[] | undefined {
  if (!row.leads) return undefined;
  const { at, value: names } = row.leads;
  const { partnershipId } = draft.context;
  const found: LeadCandidate[] = [];
  let bad = false;
  for (const name of names) {
    const resolution = draft.leads.get(name);
    if (resolution?.kind === "match") {
      if (!found.some((lead) => lead.id === resolution.lead.id)) found.push(resolution.lead);
      continue;
    }
    bad = true;
    if (resolution?.kind === "ambiguous")
      draft.error(
        at,
        name,
        `one person, body or organisation of ${partnershipId} (or a shared one); "${name}" matches ${resolution.candidates.length}: ${resolution.candidates.map(describe).join(", ")}.`,
        `write the full name (or the id) of the one meant, e.g. "${resolution.candidates[0]!.name}".`,
      );
    else
      draft.error(
        at,
        name,
        `a person, body or organisation of ${partnershipId} (or a shared one) with this name or alias; nobody matches.${resolution?.kind === "unknown" && resolution.suggestions.length ? ` Nearest: ${resolution.suggestions.map(describe).join(", ")}.` : ""}`,
        "correct the spelling, write the id (person:...), or add the spelling to the person's aliases in the seeds first.",
      );
  }
  return bad ? undefined : found;
}

/**
 * Plans one action row: the action (created, or its changed properties), the objectives it
 * feeds, its leads (the lead cell is the whole list of the mapping's lead role: names no longer
 * listed are unlinked) and its progress by period (new periods added, changed text or RAG updated).
 * Empty cells leave what the graph holds.
 */
export function planActionRow(
  draft: PlanDraft,
  objectives: ObjectiveIndex,
  actions: ActionIndex,
  row: ActionRowInput,
): RowReport | undefined {
  const { mapping, partnershipId, strategyId } = draft.context;
  const found = identify(draft, actions, row);
  if (!found) return undefined;
  const { id, action } = found;
  const earlier = actions.statedAt.get(id);
  if (earlier !== undefined)
    return draft.error(
      found.at,
      found.found,
      `one row per action; row ${earlier} already states ${id}.`,
      "merge the two rows, or give one of them its own ref.",
    );
  actions.statedAt.set(id, row.row);
  if (action && !draft.owns(action, "Action", found.at, found.found)) return undefined;
  const named = objectives.resolve(row.objective, row.sheet, row.row, id);
  const leads = leadsOf(draft, row);
  const locator = rowLocator(row);
  const values: Record<string, unknown> = {
    ref: row.ref?.value,
    title: row.title?.value,
    kind: row.kind?.value,
    dueText: row.due ? row.due.value.dueText : undefined,
    dueDate: row.due ? row.due.value.dueDate : undefined,
    status: row.status?.value,
    desiredOutcome: row.desiredOutcome?.value,
  };
  if (!action) {
    if (!row.title)
      draft.error(
        row.where.title!,
        "",
        `the title of the new action ${id} in its ${mapping.actions.columns.title[0]} column.`,
        "write the action, or correct the ref if the row means an action the plan already has.",
      );
    draft.create("Action", id, { ...values, kind: values.kind ?? mapping.actions.newActionKind }, locator);
    if (named)
      for (const objectiveId of named.ids)
        draft.link(
          { type: "CONTRIBUTES_TO", fromLabel: "Action", from: id, toLabel: "Objective", to: objectiveId },
          {},
          named.at,
          id,
          objectives.get(objectiveId)?.title ?? objectiveId,
        );
    else
      draft.link(
        { type: "PART_OF", fromLabel: "Action", from: id, toLabel: "Strategy", to: strategyId },
        {},
        found.at,
        id,
        draft.state.strategy.title,
      );
  } else {
    draft.update("Action", { ...action }, values, locator);
    if (named) {
      for (const objectiveId of named.ids)
        if (!action.objectiveIds.includes(objectiveId))
          draft.link(
            { type: "CONTRIBUTES_TO", fromLabel: "Action", from: id, toLabel: "Objective", to: objectiveId },
            {},
            named.at,
            id,
            objectives.get(objectiveId)?.title ?? objectiveId,
          );
      for (const objectiveId of action.objectiveIds)
        if (!named.ids.includes(objectiveId))
          draft.unlink(
            {
              type: "CONTRIBUTES_TO",
              fromLabel: "Action",
              from: id,
              toLabel: "Objective",
              to: objectiveId,
              role: null,
            },
            id,
            objectives.get(objectiveId)?.title ?? objectiveId,
          );
    }
  }
  if (leads && row.leads) {
    const current = (action?.leads ?? []).filter((lead) => lead.role === mapping.actions.leadRole);
    for (const lead of leads)
      if (!current.some((c) => c.id === lead.id))
        draft.link(
          { type: "LED_BY", fromLabel: "Action", from: id, toLabel: lead.label, to: lead.id },
          { role: mapping.actions.leadRole },
          row.leads.at,
          id,
          lead.name,
        );
    for (const lead of current)
      // A lead another partnership stated is not this import's to remove.
      if (!leads.some((l) => l.id === lead.id) && lead.partnershipId === partnershipId)
        draft.unlink(
          {
            type: "LED_BY",
            fromLabel: "Action",
            from: id,
            toLabel: lead.label,
            to: lead.id,
            role: lead.role,
          },
          id,
          lead.name,
        );
  }
  for (const progress of row.progress) {
    const update = action?.updates.find((u) => matchKey(u.period) === matchKey(progress.period));
    if (update) {
      const at = (progress.text ?? progress.rag)!.at;
      if (draft.owns(update, "ProgressUpdate", at, progress.text?.value ?? progress.rag!.raw ?? ""))
        draft.update(
          "ProgressUpdate",
          { ...update },
          { text: progress.text?.value, rag: progress.rag?.value },
          cellLocator(at),
          id,
        );
      continue;
    }
    if (!progress.text) {
      draft.error(
        progress.rag!.at,
        progress.rag!.raw ?? progress.rag!.value,
        `the progress text of ${progress.period} beside its RAG (a progress update needs its words).`,
        `write the progress for ${progress.period}, or empty the RAG cell.`,
      );
      continue;
    }
    const updateId = stableIds.update(id, progress.period);
    if (!draft.free(updateId, "ProgressUpdate", progress.text.at, progress.text.value)) continue;
    draft.create(
      "ProgressUpdate",
      updateId,
      {
        period: progress.period,
        text: progress.text.value,
        rag: progress.rag?.value,
        date: quarterEnd(progress.period),
      },
      cellLocator(progress.text.at),
      id,
    );
    draft.link(
      { type: "HAS_UPDATE", fromLabel: "Action", from: id, toLabel: "ProgressUpdate", to: updateId },
      {},
      progress.text.at,
      id,
      progress.period,
      true,
    );
  }
  const notes = draft.notes.get(id) ?? [];
  return {
    sheet: row.sheet,
    row: row.row,
    outcome: action ? (notes.length ? "changed" : "unchanged") : "created",
    subject: { label: "Action", id, name: row.title?.value ?? action?.title ?? id },
    changes: notes,
  };
}
