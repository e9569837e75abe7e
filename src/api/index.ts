export { buildSchema, type SchemaOptions } from "./build-schema.js";
export { startServer, type ServerOptions, type RunningServer } from "./server.js";
export { createContext, type ApiContext } from "./context.js";
export { hydrate } from "./hydrate.js";
export { printPublicSchema } from "./print-schema.js";
export { DateScalar } from "./date-scalar.js";
export { countingDriver, type RoundTripCounter } from "./counting-driver.js";
export { postGraphQL, type GraphQLBody, type GraphQLReply } from "./post-graphql.js";
export {
  bearerToken,
  createTokenVerifier,
  durationSeconds,
  normaliseClaims,
  ROLES,
  type Claims,
  type VerifyToken,
} from "./authenticate.js";
export { COST_LIMIT, REQUEST_LIMITS } from "./request-limits.js";
export { authorizedTypeDefs } from "./authorization-rules.js";
export { MAX_INPUT_DEPTH, refusals, RESTRICTED_NAMES, restrictedUses } from "./restricted-fields.js";
export { translationCacheStats } from "./translation-cache.js";
export { listen, notReady } from "./http-listener.js";
export type { ServiceCondition } from "./health-route.js";
export { enforcementReserveMs } from "./request-deadline.js";
