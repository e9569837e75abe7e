import type { ObjectiveSectionFragment } from "../../../generated/documents.ts";
import type { FindingIndex, Flag } from "./findings.ts";

type IndicatorFragment = ObjectiveSectionFragment["indicators"][number];
type MeasurementFragment = IndicatorFragment["measurements"][number];

export interface Reading {
  /** As the paper writes it: "4670", "72 repeat cases", "24%". */
  text: string;
  value: number | null;
  period: string | null;
}

/** One target outcome (an indicator) with its latest and previous readings, as the template's table shows it. */
export interface OutcomeRow {
  id: string;
  name: string;
  unit: string | null;
  betterDirection: string | null;
  dataSource: string | null;
  /** As written: "-6.0%". */
  target: string | null;
  current: Reading | null;
  previous: Reading | null;
  /** As written ("-1.90%"), or worked out from the two readings when the paper gives none. */
  change: string | null;
  changeComputed: boolean;
  rag: string | null;
  /** True when RAG is worked out from target and change because the paper gives none. */
  ragDerived: boolean;
  note: string | null;
  flags: Flag[];
}

const formatNumber = (value: number): string =>
  Number.isInteger(value) ? String(value) : String(Number(value.toFixed(2)));
const formatPercent = (value: number): string => `${value.toFixed(2)}%`;

/** A numeric value with its unit as written: "24%" for a per cent unit, "4670" otherwise. */
function readingText(value: number, unit: string | null): string {
  return unit === "%" ? `${formatNumber(value)}%` : formatNumber(value);
}

/**
 * RAG from a percentage change against a percentage target when the paper states none:
 * GREEN when the change meets the target, AMBER when it moves the better way but short of it,
 * RED when it moves the wrong way.
 */
export function deriveRag(
  change: number | null,
  target: number | null,
  better: string | null,
): string | null {
  if (change === null || target === null || (better !== "UP" && better !== "DOWN")) return null;
  const sign = better === "UP" ? 1 : -1;
  if (sign * change >= sign * target) return "GREEN";
  return sign * change > 0 ? "AMBER" : "RED";
}

function readingOf(
  text: string | null,
  value: number | null,
  period: string | null,
  unit: string | null,
): Reading | null {
  if (text === null && value === null) return null;
  return { text: text ?? readingText(value!, unit), value, period };
}

/** Readings recorded on or before `asOf`, oldest first; undated readings (baselines) come first. */
function readingsAt(measurements: readonly MeasurementFragment[], asOf: string): MeasurementFragment[] {
  return measurements
    .filter((m) => !m.date || m.date <= asOf)
    .sort((a, b) => (a.date ?? "").localeCompare(b.date ?? "") || a.id.localeCompare(b.id));
}

/** The target-outcome row of an indicator as it stood on `asOf`. */
export function outcomeRow(indicator: IndicatorFragment, asOf: string, findings: FindingIndex): OutcomeRow {
  const readings = readingsAt(indicator.measurements, asOf);
  const latest = readings.at(-1) ?? null;
  const before = readings.at(-2) ?? null;
  const current = latest ? readingOf(latest.valueText, latest.value, latest.period, indicator.unit) : null;
  const previous =
    latest?.comparisonValue != null
      ? readingOf(null, latest.comparisonValue, latest.comparisonPeriod, indicator.unit)
      : before
        ? readingOf(before.valueText, before.value, before.period, indicator.unit)
        : null;
  let change =
    latest?.changeText ??
    (latest?.change !== null && latest?.change !== undefined ? formatPercent(latest.change) : null);
  let changeComputed = false;
  let changeValue = latest?.change ?? null;
  if (change === null && current?.value != null && previous?.value != null && previous.value !== 0) {
    // Per cent units change in points; counts in per cent of the previous value.
    changeValue =
      indicator.unit === "%"
        ? current.value - previous.value
        : ((current.value - previous.value) / previous.value) * 100;
    change =
      indicator.unit === "%"
        ? `${changeValue > 0 ? "+" : ""}${formatNumber(Number(changeValue.toFixed(1)))} pts`
        : formatPercent(changeValue);
    changeComputed = true;
  }
  const targetMeasurement =
    [...readings].reverse().find((m) => m.target !== null || m.targetText !== null) ?? null;
  const target = targetMeasurement
    ? (targetMeasurement.targetText ?? formatPercent(targetMeasurement.target!))
    : null;
  const derived = latest?.rag
    ? null
    : deriveRag(
        changeComputed && indicator.unit === "%" ? null : changeValue,
        targetMeasurement?.target ?? null,
        indicator.betterDirection,
      );
  return {
    id: indicator.id,
    name: indicator.name,
    unit: indicator.unit,
    betterDirection: indicator.betterDirection,
    dataSource: indicator.dataSource,
    target,
    current,
    previous,
    change,
    changeComputed,
    rag: latest?.rag ?? derived,
    ragDerived: !latest?.rag && derived !== null,
    note: latest?.note ?? null,
    flags: findings.flags(indicator.id),
  };
}
