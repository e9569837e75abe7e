export { ErrorCode, UnreachableCaseError } from "./error-code.ts";
export {
  GovernanceError,
  notFound,
  databaseUnavailable,
  queryTimedOut,
  RETRY_AFTER_SECONDS,
} from "./governance-error.ts";
export { UserError } from "./user-error.ts";
