export {
  buildStrategyReport,
  type StrategyReport,
  type ObjectiveSection,
  type ObjectiveItem,
  type ObjectiveRef,
  type PlanAction,
  type RiskRow,
  type TemplateParts,
} from "./strategy-report.ts";
export {
  buildBodyReport,
  type BodyReport,
  type GroupRow,
  type MeetingRow,
  type AttendanceRow,
  type StrategySummary,
  type Member,
} from "./body-report.ts";
export {
  changeLines,
  changesReach,
  changesWindow,
  type ChangeLine,
  type ChangesSection,
  type StoredChange,
} from "./changes.ts";
export {
  buildPersonReport,
  type PersonReport,
  type Responsibility,
  type LedAction,
  type LedObjective,
} from "./person-report.ts";
export { progressPeriods, type ActionRow, type ProgressEntry } from "./actions.ts";
export type { OutcomeRow, Reading } from "./outcomes.ts";
export type { GovernanceGroupRow } from "./governance-groups.ts";
export type { Leader } from "./leaders.ts";
export type { Finding, Flag } from "./findings.ts";
export type { ReportContext, AsOfReason } from "./report-context.ts";
export { paperContext, type PaperContext } from "./board-paper.ts";
export { subjectOf, latestRecordedDate, type Subject } from "./subject.ts";
export { recordedOrder, refKey } from "./order.ts";
export { formatDate, dayAfterYearBefore, recordedBy } from "./dates.ts";
export { deriveRag } from "./outcomes.ts";
export { ruleTag } from "./findings.ts";
export { names } from "./leaders.ts";
