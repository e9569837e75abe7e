import type { CellError } from "./import-error.ts";
import type { ManagedLabel } from "./plan-state.ts";

/** A node the import creates, or the properties of one it changes. */
export interface NodeWrite {
  label: ManagedLabel;
  id: string;
  create: boolean;
  /** Created: every property the sheet gives; changed: only those that differ (null removes one). */
  props: Record<string, unknown>;
  /** The provenance locator of the EVIDENCED_BY link to the file's Document: "Action plan, row 5". */
  locator: string;
}

export interface LinkEnds {
  type: string;
  fromLabel: string;
  from: string;
  toLabel: string;
  to: string;
}

/** A relationship the import creates (with `source` and `locator`, as the seed loader writes them). */
export interface LinkWrite extends LinkEnds {
  props: Record<string, unknown>;
}

/** A relationship the import removes (a lead no longer listed, an objective no longer named). */
export interface UnlinkWrite extends LinkEnds {
  role: string | null;
}

export interface PlannedWrites {
  nodes: NodeWrite[];
  links: LinkWrite[];
  unlinks: UnlinkWrite[];
}

/** One thing an import does or would do, for the row-by-row report. */
export interface ChangeNote {
  kind: "created" | "changed" | "linked" | "unlinked";
  label: string;
  id: string;
  /** The property changed, or the relationship type linked or unlinked. */
  field?: string;
  /** Values as text (a link's: the other end's name). */
  before?: string | null;
  after?: string | null;
}

export type RowOutcome = "created" | "changed" | "unchanged";

/** What one sheet row does: its subject (the action, objective, indicator or reading it states) and every change. */
export interface RowReport {
  sheet: string;
  row: number;
  outcome: RowOutcome;
  subject: { label: string; id: string; name: string };
  changes: ChangeNote[];
}

export interface LabelTotals {
  label: string;
  created: number;
  changed: number;
  unchanged: number;
}

/** Entities the sheet states, each counted once: created, changed (properties or its own links), left alone. */
export interface ImportTotals {
  created: number;
  changed: number;
  unchanged: number;
  byLabel: LabelTotals[];
}

export interface ImportPlan {
  rows: RowReport[];
  writes: PlannedWrites;
  errors: CellError[];
  totals: ImportTotals;
  /** Ids the plan looked for outside the strategy's plan (to be checked in the database before writing). */
  lookups: string[];
}
