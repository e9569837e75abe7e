import { naturalCompare } from "../text/index.ts";
import type { ObjectiveCells } from "./map-rows.ts";
import { matchKey, type PlanDraft } from "./plan-draft.ts";
import type { ObjectiveState } from "./plan-state.ts";
import { rowLocator, type Located } from "./sheet.ts";
import { stableIds } from "./stable-ids.ts";

/** What a row's objective cells resolve to: the objectives named, and whether one was created. */
export interface ObjectivesNamed {
  ids: string[];
  at: Located<string>["at"];
}

/**
 * The objectives of the strategy's tree a sheet names, by id, ref or title (one cell may name
 * several, separated by ";"), including those earlier rows create.
 */
export class ObjectiveIndex {
  private readonly byId = new Map<string, ObjectiveState>();
  private readonly draft: PlanDraft;

  constructor(draft: PlanDraft) {
    this.draft = draft;
    for (const objective of draft.state.objectives) this.byId.set(objective.id, objective);
  }

  /** The objectives a token names: by id, else by ref, else by title. */
  private find(token: string): ObjectiveState[] {
    const byId = this.byId.get(token.trim());
    if (byId) return [byId];
    const key = matchKey(token);
    const all = [...this.byId.values()];
    const byRef = all.filter((o) => o.ref !== null && matchKey(o.ref) === key);
    return byRef.length ? byRef : all.filter((o) => matchKey(o.title) === key);
  }

  private known(): string {
    const list = [...this.byId.values()].map((o) => o.ref ?? o.title).sort(naturalCompare);
    if (!list.length) return `${this.draft.context.strategyId} has no objectives yet`;
    const shown = list.slice(0, 8).map((text) => `"${text}"`);
    return `${this.draft.context.strategyId} has ${shown.join(", ")}${list.length > 8 ? `, and ${list.length - 8} more` : ""}`;
  }

  /**
   * The objectives a row names (undefined when its objective cells are empty or bad). A single
   * ref or title the plan does not have yet, with the objective's title beside it, creates the
   * objective (PART_OF the strategy); a title that differs from the graph's changes it.
   */
  resolve(cells: ObjectiveCells, sheet: string, row: number, subject?: string): ObjectivesNamed | undefined {
    const draft = this.draft;
    const named = cells.ref ?? cells.title;
    if (!named) return undefined;
    const whole = this.find(named.value);
    const tokens =
      whole.length || !named.value.includes(";")
        ? [named.value]
        : named.value
            .split(";")
            .map((t) => t.trim())
            .filter(Boolean);
    const ids: string[] = [];
    for (const token of tokens) {
      const found = tokens.length === 1 ? whole : this.find(token);
      if (found.length > 1)
        return draft.error(
          named.at,
          named.value,
          `one objective of ${draft.context.strategyId}; "${token}" is the ref of ${found.map((o) => `${o.id} ("${o.title}")`).join(" and ")}.`,
          "write the objective's id instead (the export writes ids where refs repeat).",
        );
      if (found.length === 1) {
        ids.push(found[0]!.id);
        continue;
      }
      const title = cells.title;
      if (tokens.length > 1 || !title)
        return draft.error(
          named.at,
          named.value,
          `the ref or title of an objective of ${draft.context.strategyId} (${this.known()}).`,
          `correct it, or write the objective's title in the ${draft.context.mapping.actions.columns.objective[0]} column to create it.`,
        );
      const id = stableIds.objective(draft.context.strategyId, token);
      if (!draft.free(id, "Objective", named.at, named.value)) return undefined;
      const created: ObjectiveState = {
        id,
        partnershipId: draft.context.partnershipId,
        ref: cells.ref ? token : null,
        title: title.value,
        kind: draft.context.mapping.actions.newObjectiveKind,
        parentId: null,
      };
      draft.create(
        "Objective",
        id,
        { ref: created.ref, title: created.title, kind: created.kind },
        rowLocator({ sheet, row }),
        subject ?? id,
      );
      draft.link(
        {
          type: "PART_OF",
          fromLabel: "Objective",
          from: id,
          toLabel: "Strategy",
          to: draft.context.strategyId,
        },
        {},
        named.at,
        subject ?? id,
        draft.state.strategy.title,
      );
      this.byId.set(id, created);
      ids.push(id);
    }
    if (ids.length === 1 && cells.ref && cells.title && !draft.isCreated(ids[0]!)) {
      const objective = this.byId.get(ids[0]!)!;
      if (draft.owns(objective, "Objective", cells.title.at, cells.title.value))
        draft.update(
          "Objective",
          { ...objective },
          { title: cells.title.value },
          rowLocator({ sheet, row }),
          subject ?? objective.id,
        );
    }
    for (const id of ids) if (!draft.isCreated(id)) draft.stated("Objective", id);
    return { ids, at: named.at };
  }

  get(id: string): ObjectiveState | undefined {
    return this.byId.get(id);
  }
}
