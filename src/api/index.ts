export { buildSchema, type SchemaOptions } from "./build-schema.ts";
export { startServer, type ServerOptions, type RunningServer } from "./server.ts";
export { COMPRESS_FROM_BYTES, sendWhole } from "./graphql-route.ts";
export { createContext, type ApiContext } from "./context.ts";
export { printPublicSchema } from "./print-schema.ts";
export { DateScalar } from "./date-scalar.ts";
export { countingDriver, type RoundTripCounter } from "./counting-driver.ts";
export { forward } from "./forward.ts";
export { tapDriver } from "./query-tap.ts";
export { postGraphQL, type GraphQLBody, type GraphQLReply } from "./post-graphql.ts";
export {
  createTokenVerifier,
  durationSeconds,
  ROLES,
  type Claims,
  type VerifyToken,
} from "./authenticate.ts";
export { REQUEST_LIMITS } from "./request-limits.ts";
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
} from "./cost-model.ts";
export { documentCosts, operationCost, queryCostPlugin } from "./query-cost.ts";
export { authorizedTypeDefs } from "./authorization-rules.ts";
export { refusals, RESTRICTED_NAMES, restrictedUses } from "./restricted-fields.ts";
export { translationCacheStats } from "./translation-cache.ts";
export { resolveTreeCacheStats } from "./resolve-tree-cache.ts";
export { argumentCacheStats, installArgumentCache } from "./argument-cache.ts";
export { wrapLibraryExport } from "./library-export.ts";
export { listen, notReady } from "./http-listener.ts";
export type { ServiceCondition } from "./health-route.ts";
export { deadlineDriver, enforcementReserveMs, requestDeadline } from "./request-deadline.ts";
export { MAX_ANSWER_VALUES, valuesIn } from "./answer-size.ts";
export { watchGraphShape, type GraphShape, type GraphShapeWatch } from "./graph-shape.ts";
