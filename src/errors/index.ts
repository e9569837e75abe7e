export { ErrorCode, UnreachableCaseError } from "./error-code.js";
export {
  GovernanceError,
  notFound,
  databaseUnavailable,
  queryTimedOut,
  RETRY_AFTER_SECONDS,
} from "./governance-error.js";
export { UserError } from "./user-error.js";
