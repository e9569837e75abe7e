/**
 * What the graph holds of one strategy's plan, as the import compares it with a sheet and the
 * export writes it: the objectives of its tree, the actions feeding them (or the plan as a
 * whole) with their leads and progress, and the indicators measuring them with their readings.
 */

export interface NodeState {
  id: string;
  partnershipId: string;
}

export interface ObjectiveState extends NodeState {
  ref: string | null;
  /** Order among its siblings, when the plan records one (the export sorts by it; the import leaves it). */
  position?: number | null;
  title: string;
  kind: string;
  /** The objective it is PART_OF, or null for one of the strategy's own. */
  parentId: string | null;
}

/** A LED_BY link of an action. */
export interface LeadLink {
  id: string;
  label: string;
  name: string;
  role: string;
  /** The owner of the relationship (the partnership that stated it). */
  partnershipId: string | null;
}

export interface UpdateState extends NodeState {
  period: string;
  date: string | null;
  text: string;
  rag: string | null;
}

export interface ActionState extends NodeState {
  ref: string | null;
  /** Order in the plan, when recorded (the export sorts by it; the import leaves it). */
  position?: number | null;
  title: string;
  kind: string;
  dueText: string | null;
  dueDate: string | null;
  status: string | null;
  desiredOutcome: string | null;
  /** The objectives of this plan it CONTRIBUTES_TO. */
  objectiveIds: string[];
  /** True when it is PART_OF the strategy itself (a plan-wide action). */
  planWide: boolean;
  leads: LeadLink[];
  updates: UpdateState[];
}

export interface MeasurementState extends NodeState {
  period: string;
  date: string | null;
  value: number | null;
  valueText: string | null;
  comparisonPeriod: string | null;
  comparisonValue: number | null;
  change: number | null;
  changeText: string | null;
  target: number | null;
  targetText: string | null;
  rag: string | null;
  note: string | null;
}

export interface IndicatorState extends NodeState {
  name: string;
  unit: string | null;
  betterDirection: string | null;
  dataSource: string | null;
  /** The objectives of this plan it MEASURES. */
  objectiveIds: string[];
  measurements: MeasurementState[];
}

export interface PlanState {
  strategy: NodeState & { title: string };
  objectives: ObjectiveState[];
  actions: ActionState[];
  indicators: IndicatorState[];
}

/** The properties the import reads and writes, per label (everything else on a node is left alone). */
export const MANAGED_PROPERTIES = {
  Objective: ["ref", "title", "kind"],
  Action: ["ref", "title", "kind", "dueText", "dueDate", "status", "desiredOutcome"],
  ProgressUpdate: ["period", "date", "text", "rag"],
  Indicator: ["name", "unit", "betterDirection", "dataSource"],
  Measurement: [
    "period",
    "date",
    "value",
    "valueText",
    "comparisonPeriod",
    "comparisonValue",
    "change",
    "changeText",
    "target",
    "targetText",
    "rag",
    "note",
  ],
} as const;

export type ManagedLabel = keyof typeof MANAGED_PROPERTIES;
