export { actionsFeeding, type FeedingActionRow } from "./actions-feeding.ts";
export {
  accountabilityChain,
  accountabilityChains,
  type AccountabilityStepRow,
} from "./accountability-chain.ts";
export { bodiesReportingTo, type ReportingBodyRow } from "./bodies-reporting-to.ts";
export { responsibilities, type ResponsibilityRow } from "./responsibilities.ts";
export {
  governanceDiagram,
  type DiagramRows,
  type DiagramNodeRow,
  type DiagramEdgeRow,
} from "./governance-diagram.ts";
export { governanceHealth, RULES, type FindingRow, type Severity } from "./governance-health.ts";
export {
  search,
  boundedSearchWords,
  relevance,
  luceneQuery,
  scopedLuceneQuery,
  matchedSpelling,
  closeness,
  type SearchHitRow,
} from "./search.ts";
export { connection, type PathStepRow } from "./connection.ts";
export { graphStats, type GraphStatsRows } from "./graph-stats.ts";
export { createReadQuery, toPlain, type ReadQuery } from "./read-query.ts";
export { dateText } from "./date-text.ts";
export { LIMITS } from "./limits.ts";
export { ANONYMOUS, isOfficerOf, viewerParameters, type PathNode, type Viewer } from "./types.ts";
export {
  buildScope,
  scopeParameters,
  settlePartnership,
  asOfDate,
  dateParameter,
  inScope,
  type Scope,
  type PartnershipScope,
  type ScopeInput,
} from "./scope.ts";
export { isValidAt, validAt, type Dated } from "./validity.ts";
export { membersAt, type MemberEdge } from "./members.ts";
export { TOP_KINDS, isTopKind } from "./top.ts";
export {
  inheritedRestriction,
  type EntitySelection,
  loadableRelationships,
  pathNode,
  readableProperties,
  restrictedNode,
  visible,
} from "./cypher-fragments.ts";
