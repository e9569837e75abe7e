import type { PaperContext } from "./board-paper.ts";

/** Why a report describes the date it does. */
export type AsOfReason = "given" | "meeting" | "data" | "today";

/** What every report states about itself: the date it describes, when it was made, from where, for whom. */
export interface ReportContext {
  /** The date the report describes (YYYY-MM-DD): leads, groups, readings and findings as they stood then. */
  asOf: string;
  /** given: --as-of; meeting: the date of --meeting; data: the latest date in the report's data; today: no dated data. */
  asOfReason: AsOfReason;
  /** When the report was made (ISO date-time). */
  generatedAt: string;
  /** Where the data came from: the API URL, or the database for an in-process run. */
  source: string;
  /** The partnership the subject belongs to, whose health checks the report shows. */
  partnership: { id: string; name: string };
  paper: PaperContext;
}
