export { actionsFeeding, type FeedingActionRow } from "./actions-feeding.js";
export {
  accountabilityChain,
  accountabilityChains,
  type AccountabilityStepRow,
} from "./accountability-chain.js";
export { bodiesReportingTo, type ReportingBodyRow } from "./bodies-reporting-to.js";
export { responsibilities, type ResponsibilityRow } from "./responsibilities.js";
export {
  governanceDiagram,
  type DiagramRows,
  type DiagramNodeRow,
  type DiagramEdgeRow,
} from "./governance-diagram.js";
export { governanceHealth, RULES, type FindingRow, type Severity } from "./governance-health.js";
export {
  search,
  boundedSearchWords,
  relevance,
  luceneQuery,
  scopedLuceneQuery,
  matchedSpelling,
  closeness,
  type SearchHitRow,
} from "./search.js";
export { connection, type PathStepRow } from "./connection.js";
export { graphStats, type GraphStatsRows } from "./graph-stats.js";
export { createReadQuery, toPlain, type ReadQuery } from "./read-query.js";
export { dateText } from "./date-text.js";
export { LIMITS } from "./limits.js";
export { ANONYMOUS, isOfficerOf, viewerParameters, type PathNode, type Viewer } from "./types.js";
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
} from "./scope.js";
export { isValidAt, validAt, type Dated } from "./validity.js";
export { membersAt, type MemberEdge } from "./members.js";
export { TOP_KINDS, isTopKind } from "./top.js";
export {
  inheritedRestriction,
  type EntitySelection,
  loadableRelationships,
  pathNode,
  readableProperties,
  restrictedNode,
  visible,
} from "./cypher-fragments.js";
