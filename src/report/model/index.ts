export {
  buildStrategyReport,
  type StrategyReport,
  type ObjectiveSection,
  type ObjectiveItem,
  type ObjectiveRef,
  type PlanAction,
  type RiskRow,
  type TemplateParts,
} from "./strategy-report.js";
export {
  buildBodyReport,
  type BodyReport,
  type GroupRow,
  type MeetingRow,
  type AttendanceRow,
  type StrategySummary,
  type Member,
} from "./body-report.js";
export {
  changeLines,
  changesReach,
  changesWindow,
  type ChangeLine,
  type ChangesSection,
  type StoredChange,
} from "./changes.js";
export {
  buildPersonReport,
  type PersonReport,
  type Responsibility,
  type LedAction,
  type LedObjective,
} from "./person-report.js";
export { progressPeriods, type ActionRow, type ProgressEntry } from "./actions.js";
export type { OutcomeRow, Reading } from "./outcomes.js";
export type { GovernanceGroupRow } from "./governance-groups.js";
export type { Leader } from "./leaders.js";
export type { Finding, Flag } from "./findings.js";
export type { ReportContext, AsOfReason } from "./report-context.js";
export { paperContext, type PaperContext } from "./board-paper.js";
export { subjectOf, latestRecordedDate, type Subject } from "./subject.js";
export { recordedOrder, refKey } from "./order.js";
export { formatDate, dayAfterYearBefore, recordedBy } from "./dates.js";
export { deriveRag } from "./outcomes.js";
export { ruleTag } from "./findings.js";
export { names } from "./leaders.js";
