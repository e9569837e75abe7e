import { GraphQLError } from "graphql";
import { ErrorCode } from "./error-code.ts";

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  // A request refused before it runs (too deep, too costly) is the client's to fix.
  [ErrorCode.LIMIT_EXCEEDED]: 400,
  [ErrorCode.DATABASE_UNAVAILABLE]: 503,
};

/** How long a client is told to wait (`Retry-After`) when the database is unavailable. */
export const RETRY_AFTER_SECONDS = 5;

const HTTP_HEADERS: Partial<Record<ErrorCode, [string, string][]>> = {
  [ErrorCode.DATABASE_UNAVAILABLE]: [["retry-after", String(RETRY_AFTER_SECONDS)]],
};

/**
 * The one error class of the API: sets `extensions.code`, and the HTTP status and headers where
 * they matter (Apollo Server takes `extensions.http` off the error and applies it to the response).
 */
export class GovernanceError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    const status = HTTP_STATUS[code];
    const headers = HTTP_HEADERS[code];
    super(message, {
      extensions: {
        code,
        ...extensions,
        ...(status ? { http: { status, ...(headers ? { headers: new Map(headers) } : {}) } } : {}),
      },
    });
  }
}

export const notFound = (id: string, what = "entity"): GovernanceError =>
  new GovernanceError(
    ErrorCode.NOT_FOUND,
    `No ${what} with id "${id}". Check the id (ids look like body:scpb or action:gsyv-2016-18:12); the search query finds ids by name.`,
    { id },
  );

/** The database cannot answer now (unreachable, restarting, frozen): HTTP 503 with Retry-After. */
export const databaseUnavailable = (why: string): GovernanceError =>
  new GovernanceError(
    ErrorCode.DATABASE_UNAVAILABLE,
    `The database is unavailable (${why}); try again in ${RETRY_AFTER_SECONDS} s.`,
  );

/** The database answered, but this request needed more than its time allows. */
export const queryTimedOut = (timeoutMs: number): GovernanceError =>
  new GovernanceError(
    ErrorCode.TIMEOUT,
    `The query ran longer than the ${timeoutMs} ms allowed and was stopped. Ask for less (a smaller depth, a narrower filter, a lower limit).`,
  );
