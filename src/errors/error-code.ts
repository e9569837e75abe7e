/** Every error code a client can see in `extensions.code`. README "Errors" lists them. */
// A frozen object and a type of the same name rather than an `enum`, which Node's type stripping cannot run.
export const ErrorCode = Object.freeze({
  NOT_FOUND: "NOT_FOUND",
  BAD_USER_INPUT: "BAD_USER_INPUT",
  LIMIT_EXCEEDED: "LIMIT_EXCEEDED",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  DATABASE_UNAVAILABLE: "DATABASE_UNAVAILABLE",
  TIMEOUT: "TIMEOUT",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
});
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Makes a missed case in a switch over a union a compile error. */
export class UnreachableCaseError extends Error {
  constructor(value: never) {
    super(`Unreachable case: ${JSON.stringify(value)}`);
  }
}
