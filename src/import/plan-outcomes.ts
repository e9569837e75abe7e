import type { Figure } from "./cell-values.ts";
import type { RowReport } from "./import-plan.ts";
import type { OutcomeRowInput } from "./map-rows.ts";
import { matchKey, same, type PlanDraft } from "./plan-draft.ts";
import type { ObjectiveIndex } from "./plan-objectives.ts";
import type { IndicatorState, MeasurementState } from "./plan-state.ts";
import { rowLocator, type Located } from "./sheet.ts";
import { stableIds } from "./stable-ids.ts";

/** The indicators of the plan by id and name; what earlier rows planned for each; readings stated. */
export class IndicatorIndex {
  readonly byId = new Map<string, IndicatorState>();
  /** Indicator properties as the first row that states them gives them: later rows must agree. */
  readonly planned = new Map<string, Map<string, { value: unknown; row: number }>>();
  readonly readingAt = new Map<string, number>();

  constructor(indicators: readonly IndicatorState[]) {
    for (const indicator of indicators) this.byId.set(indicator.id, indicator);
  }

  withName = (name: string): IndicatorState[] =>
    [...this.byId.values()].filter((i) => matchKey(i.name) === matchKey(name));
}

/** A figure cell as the properties it sets: its number, and its words when it is text. */
const figure = (cell: Located<Figure> | undefined, number: string, words: string): Record<string, unknown> =>
  cell ? { [number]: cell.value.value, [words]: cell.value.text } : {};

function identifyIndicator(
  draft: PlanDraft,
  indicators: IndicatorIndex,
  row: OutcomeRowInput,
): { id: string; indicator?: IndicatorState } | undefined {
  if (row.indicatorId) {
    const indicator = indicators.byId.get(row.indicatorId.value);
    if (indicator) return { id: indicator.id, indicator };
    return draft.free(row.indicatorId.value, "Indicator", row.indicatorId.at, row.indicatorId.value)
      ? { id: row.indicatorId.value }
      : undefined;
  }
  if (!row.indicator) {
    const at = row.where.indicator ?? row.where.indicatorId;
    return at
      ? draft.error(
          at,
          "",
          "the name of the indicator this reading is of.",
          "write the indicator's name (or its id in the Indicator id column).",
        )
      : undefined;
  }
  const named = indicators.withName(row.indicator.value);
  if (named.length > 1)
    return draft.error(
      row.indicator.at,
      row.indicator.value,
      `a name that names one indicator of the plan; ${named.map((i) => i.id).join(" and ")} share it.`,
      "identify the indicator by its id in the Indicator id column.",
    );
  if (named[0]) return { id: named[0].id, indicator: named[0] };
  const id = stableIds.indicator(draft.context.strategyId, row.indicator.value);
  const indicator = indicators.byId.get(id);
  if (indicator) return { id, indicator };
  return draft.free(id, "Indicator", row.indicator.at, row.indicator.value) ? { id } : undefined;
}

/**
 * Plans one target-outcome row: its indicator (created MEASURES the row's objective, or its
 * changed properties; several rows may state one indicator, and must agree) and, when the row
 * has a period, that period's reading (created, or its changed figures).
 */
export function planOutcomeRow(
  draft: PlanDraft,
  objectives: ObjectiveIndex,
  indicators: IndicatorIndex,
  row: OutcomeRowInput,
): RowReport | undefined {
  const found = identifyIndicator(draft, indicators, row);
  if (!found) return undefined;
  const { id, indicator } = found;
  const keyAt = (row.indicatorId ?? row.indicator)!;
  if (indicator && !draft.owns(indicator, "Indicator", keyAt.at, keyAt.value)) return undefined;
  const named = objectives.resolve(row.objective, row.sheet, row.row);
  const locator = rowLocator(row);
  const values: Record<string, unknown> = {
    name: row.indicator?.value,
    unit: row.unit?.value,
    betterDirection: row.betterDirection?.value,
    dataSource: row.dataSource?.value,
  };
  // One indicator, many rows (a reading each): the rows must say the same of it.
  const planned = indicators.planned.get(id) ?? new Map<string, { value: unknown; row: number }>();
  indicators.planned.set(id, planned);
  for (const [field, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const earlier = planned.get(field);
    const cell = {
      name: row.indicator,
      unit: row.unit,
      betterDirection: row.betterDirection,
      dataSource: row.dataSource,
    }[field];
    if (earlier && !same(earlier.value, value) && cell) {
      draft.error(
        cell.at,
        String(cell.value),
        `the same ${field} as row ${earlier.row} gives this indicator ("${String(earlier.value)}").`,
        "make the rows of one indicator agree.",
      );
      values[field] = undefined;
    } else if (!earlier) planned.set(field, { value, row: row.row });
  }
  let subject = id;
  if (!indicator && !draft.isCreated(id)) {
    if (!named) {
      const at = row.where.objectiveRef ?? row.where.objective ?? keyAt.at;
      draft.error(
        at,
        "",
        `the objective the new indicator ${id} measures.`,
        "write the objective's ref (e.g. Priority 1) in the row.",
      );
    }
    draft.create("Indicator", id, values, locator);
    for (const objectiveId of named?.ids ?? [])
      draft.link(
        { type: "MEASURES", fromLabel: "Indicator", from: id, toLabel: "Objective", to: objectiveId },
        {},
        named!.at,
        id,
        objectives.get(objectiveId)?.title ?? objectiveId,
      );
  } else {
    if (indicator) draft.update("Indicator", { ...indicator }, values, locator);
    for (const objectiveId of named?.ids ?? [])
      if (!(indicator?.objectiveIds ?? []).includes(objectiveId) && draft.isCreated(id) === false)
        draft.link(
          { type: "MEASURES", fromLabel: "Indicator", from: id, toLabel: "Objective", to: objectiveId },
          {},
          named!.at,
          id,
          objectives.get(objectiveId)?.title ?? objectiveId,
        );
  }
  const hasReading = [
    row.period,
    row.id,
    row.date,
    row.value,
    row.comparisonPeriod,
    row.comparisonValue,
    row.change,
    row.target,
    row.rag,
    row.note,
  ].some(Boolean);
  let outcome: RowReport["outcome"] = indicator ? "unchanged" : "created";
  let name = row.indicator?.value ?? indicator?.name ?? id;
  if (hasReading) {
    const reading = planReading(draft, indicators, row, id, indicator);
    if (reading) {
      subject = reading.id;
      name = `${name}, ${reading.period}`;
      outcome = reading.created ? "created" : "unchanged";
    }
  }
  const notes = [...(draft.notes.get(id) ?? []), ...(subject !== id ? (draft.notes.get(subject) ?? []) : [])];
  // Several rows state one indicator: its notes go with the first.
  draft.notes.delete(id);
  if (outcome === "unchanged" && notes.length) outcome = "changed";
  return {
    sheet: row.sheet,
    row: row.row,
    outcome,
    subject: { label: subject === id ? "Indicator" : "Measurement", id: subject, name },
    changes: notes,
  };
}

function planReading(
  draft: PlanDraft,
  indicators: IndicatorIndex,
  row: OutcomeRowInput,
  indicatorId: string,
  indicator: IndicatorState | undefined,
): { id: string; period: string; created: boolean } | undefined {
  const measurements = indicator?.measurements ?? [];
  let measurement: MeasurementState | undefined;
  let id: string;
  if (row.id) {
    measurement = measurements.find((m) => m.id === row.id!.value);
    id = row.id.value;
    if (!measurement && !draft.free(id, "Measurement", row.id.at, row.id.value)) return undefined;
  } else if (row.period) {
    measurement = measurements.find((m) => matchKey(m.period) === matchKey(row.period!.value));
    id = measurement?.id ?? stableIds.measurement(indicatorId, row.period.value);
    if (!measurement && !draft.free(id, "Measurement", row.period.at, row.period.value)) return undefined;
  } else {
    const at = row.where.period;
    return at
      ? draft.error(
          at,
          "",
          "the period of the reading (e.g. 2013/14, or rolling 12 months to Mar 2013).",
          "write the period the figures are for.",
        )
      : undefined;
  }
  const earlier = indicators.readingAt.get(id);
  const keyAt = (row.id ?? row.period)!;
  if (earlier !== undefined)
    return draft.error(
      keyAt.at,
      keyAt.value,
      `one row per reading; row ${earlier} already states ${id}.`,
      "merge the two rows.",
    );
  indicators.readingAt.set(id, row.row);
  if (measurement && !draft.owns(measurement, "Measurement", keyAt.at, keyAt.value)) return undefined;
  const values: Record<string, unknown> = {
    period: row.period?.value,
    date: row.date?.value,
    ...figure(row.value, "value", "valueText"),
    comparisonPeriod: row.comparisonPeriod?.value,
    comparisonValue: row.comparisonValue?.value,
    ...figure(row.change, "change", "changeText"),
    ...figure(row.target, "target", "targetText"),
    rag: row.rag?.value,
    note: row.note?.value,
  };
  const locator = rowLocator(row);
  if (measurement) {
    draft.update("Measurement", { ...measurement }, values, locator);
    return { id, period: measurement.period, created: false };
  }
  if (!row.period)
    return draft.error(
      row.where.period ?? keyAt.at,
      "",
      `the period of the new reading ${id}.`,
      "write the period the figures are for.",
    );
  draft.create("Measurement", id, values, locator);
  draft.link(
    { type: "HAS_MEASUREMENT", fromLabel: "Indicator", from: indicatorId, toLabel: "Measurement", to: id },
    {},
    row.period.at,
    id,
    row.period.value,
    true,
  );
  return { id, period: row.period.value, created: true };
}
