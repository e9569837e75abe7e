/** What every report states about itself: the date it describes, when it was made, from where. */
export interface ReportContext {
  /** The date the report describes (YYYY-MM-DD): leads, groups, readings and findings as they stood then. */
  asOf: string;
  /** When the report was made (ISO date-time). */
  generatedAt: string;
  /** Where the data came from: the API URL, or the database for an in-process run. */
  source: string;
}
