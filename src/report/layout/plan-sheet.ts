import type { ObjectiveSectionFragment, StrategyReportQuery } from "../../../generated/documents.js";
import { planSheets, type ActionState, type PlanState, type SheetTable } from "../../import/index.js";
import { ReportError } from "../report-error.js";

type ObjectiveNode = ObjectiveSectionFragment & { subObjectives?: readonly ObjectiveNode[] };

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
  const plan: PlanState = {
    strategy: { id: strategy.id, partnershipId: owner, title: strategy.title },
    objectives: [],
    actions: [],
    indicators: [],
  };
  const actions = new Map<string, ActionState>();
  const indicators = new Map<string, PlanState["indicators"][number]>();
  const visit = (node: ObjectiveNode, parentId: string | null): void => {
    plan.objectives.push({
      id: node.id,
      partnershipId: owner,
      ref: node.ref,
      title: node.title,
      kind: node.kind,
      parentId,
    });
    for (const action of node.actions) {
      const known = actions.get(action.id);
      if (known) {
        known.objectiveIds.push(node.id);
        continue;
      }
      actions.set(action.id, {
        id: action.id,
        partnershipId: owner,
        ref: action.ref,
        title: action.title,
        kind: action.kind,
        dueText: action.dueText,
        dueDate: action.dueDate,
        status: action.status,
        desiredOutcome: action.desiredOutcome,
        objectiveIds: [node.id],
        planWide: false,
        leads: action.leadsConnection.edges.map(({ node: lead, properties }) => ({
          id: lead.id,
          label: lead.__typename,
          name: lead.name,
          role: properties.role,
          partnershipId: null,
        })),
        updates: action.updates.map((u) => ({ ...u, partnershipId: owner })),
      });
    }
    for (const indicator of node.indicators) {
      const known = indicators.get(indicator.id);
      if (known) {
        known.objectiveIds.push(node.id);
        continue;
      }
      indicators.set(indicator.id, {
        id: indicator.id,
        partnershipId: owner,
        name: indicator.name,
        unit: indicator.unit,
        betterDirection: indicator.betterDirection,
        dataSource: indicator.dataSource,
        objectiveIds: [node.id],
        measurements: indicator.measurements.map((m) => ({ ...m, partnershipId: owner })),
      });
    }
    for (const child of node.subObjectives ?? []) visit(child, node.id);
  };
  for (const objective of strategy.objectives) visit(objective, null);
  plan.actions = [...actions.values()];
  plan.indicators = [...indicators.values()];
  return plan;
}

/** The action plan and target outcomes of a strategy report, as the sheets of an xlsx file. */
export const strategySheets = (data: StrategyReportQuery, strategyId: string): SheetTable[] =>
  planSheets(planFromResponse(data, strategyId));
