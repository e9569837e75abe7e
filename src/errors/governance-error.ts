import { GraphQLError } from "graphql";
import { ErrorCode } from "./error-code.js";

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  // A request refused before it runs (too deep, too costly) is the client's to fix.
  [ErrorCode.LIMIT_EXCEEDED]: 400,
  [ErrorCode.DATABASE_UNAVAILABLE]: 503,
};

/** The one error class of the API: sets `extensions.code` (and the HTTP status where it matters). */
export class GovernanceError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    const status = HTTP_STATUS[code];
    super(message, { extensions: { code, ...extensions, ...(status ? { http: { status } } : {}) } });
  }
}

export const notFound = (id: string, what = "entity"): GovernanceError =>
  new GovernanceError(
    ErrorCode.NOT_FOUND,
    `No ${what} with id "${id}". Check the id (ids look like body:scpb or action:gsyv-2016-18:12); the search query finds ids by name.`,
    { id },
  );
