import type { StrategyReportQuery } from "../../../generated/documents.ts";
import { planSheets, type ActionState, type PlanState, type SheetTable } from "../../import/index.ts";
import { ReportError } from "../report-error.ts";

type ActionNode = StrategyReportQuery["objectives"][number]["actions"][number];

/**
 * The strategy report's response as the plan the import compares a sheet with, so that
 * `report strategy <id> --format xlsx` writes the sheets `npm run import` reads back unchanged
 * (the layout and the cells' words are the import's: src/import/plan-sheets.ts).
 */
export function planFromResponse(data: StrategyReportQuery, strategyId: string): PlanState {
  const strategy = data.strategies[0];
  if (!strategy)
    throw new ReportError(
      `No strategy with id "${strategyId}". Strategy ids look like strategy:safer-communities-2011-14; the API's search query finds ids by title.`,
    );
  const owner = strategy.partnershipId;
  const actions = new Map<string, ActionState>();
  const indicators = new Map<string, PlanState["indicators"][number]>();
  const addAction = (action: ActionNode, objectiveId: string | null): void => {
    const known = actions.get(action.id);
    if (known) {
      if (objectiveId) known.objectiveIds.push(objectiveId);
      else known.planWide = true;
      return;
    }
    actions.set(action.id, {
      id: action.id,
      partnershipId: owner,
      ref: action.ref,
      position: action.position,
      title: action.title,
      kind: action.kind,
      dueText: action.dueText,
      dueDate: action.dueDate,
      status: action.status,
      desiredOutcome: action.desiredOutcome,
      objectiveIds: objectiveId ? [objectiveId] : [],
      planWide: !objectiveId,
      leads: action.leadsConnection.edges.map(({ node: lead, properties }) => ({
        id: lead.id,
        label: lead.__typename,
        name: lead.name,
        role: properties.role,
        partnershipId: null,
      })),
      updates: action.updates.map((u) => ({ ...u, partnershipId: owner })),
    });
  };
  const inPlan = new Set(data.objectives.map((o) => o.id));
  for (const action of strategy.actions) addAction(action, null);
  for (const objective of data.objectives) {
    for (const action of objective.actions) addAction(action, objective.id);
    for (const indicator of objective.indicators) {
      const known = indicators.get(indicator.id);
      if (known) known.objectiveIds.push(objective.id);
      else
        indicators.set(indicator.id, {
          id: indicator.id,
          partnershipId: owner,
          name: indicator.name,
          unit: indicator.unit,
          betterDirection: indicator.betterDirection,
          dataSource: indicator.dataSource,
          objectiveIds: [objective.id],
          measurements: indicator.measurements.map((m) => ({ ...m, partnershipId: owner })),
        });
    }
  }
  return {
    strategy: { id: strategy.id, partnershipId: owner, title: strategy.title },
    objectives: data.objectives.map((o) => ({
      id: o.id,
      partnershipId: owner,
      ref: o.ref,
      position: o.position,
      title: o.title,
      kind: o.kind,
      parentId: o.partOfObjective.find((parent) => inPlan.has(parent.id))?.id ?? null,
    })),
    actions: [...actions.values()],
    indicators: [...indicators.values()],
  };
}

/** The action plan and target outcomes of a strategy report, as the sheets of an xlsx file. */
export const strategySheets = (data: StrategyReportQuery, strategyId: string): SheetTable[] =>
  planSheets(planFromResponse(data, strategyId));
