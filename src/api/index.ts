export { buildSchema, type SchemaOptions } from "./build-schema.js";
export { startServer, type ServerOptions, type RunningServer } from "./server.js";
export { COMPRESS_FROM_BYTES } from "./graphql-route.js";
export { createContext, type ApiContext } from "./context.js";
export { printPublicSchema } from "./print-schema.js";
export { DateScalar } from "./date-scalar.js";
export { countingDriver, type RoundTripCounter } from "./counting-driver.js";
export { forward } from "./forward.js";
export { tapDriver } from "./query-tap.js";
export { postGraphQL, type GraphQLBody, type GraphQLReply } from "./post-graphql.js";
export {
  createTokenVerifier,
  durationSeconds,
  ROLES,
  type Claims,
  type VerifyToken,
} from "./authenticate.js";
export { REQUEST_LIMITS } from "./request-limits.js";
export {
  buildCostModel,
  FAN_OUT_AFTER,
  hubKey,
  relationshipFields,
  STORED_LISTS,
  type CostModel,
  type FanOutTable,
  type Hub,
  type RelationshipField,
} from "./cost-model.js";
export { documentCosts, operationCost, queryCostPlugin } from "./query-cost.js";
export { authorizedTypeDefs } from "./authorization-rules.js";
export { refusals, RESTRICTED_NAMES, restrictedUses } from "./restricted-fields.js";
export { translationCacheStats } from "./translation-cache.js";
export { resolveTreeCacheStats } from "./resolve-tree-cache.js";
export { argumentCacheStats, installArgumentCache } from "./argument-cache.js";
export { wrapLibraryExport } from "./library-export.js";
export { listen, notReady } from "./http-listener.js";
export type { ServiceCondition } from "./health-route.js";
export { deadlineDriver, enforcementReserveMs, requestDeadline } from "./request-deadline.js";
export { MAX_ANSWER_VALUES } from "./answer-size.js";
export { watchGraphShape, type GraphShape, type GraphShapeWatch } from "./graph-shape.js";
