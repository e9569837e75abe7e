export { ErrorCode, UnreachableCaseError } from "./error-code.js";
export { GovernanceError, notFound } from "./governance-error.js";
