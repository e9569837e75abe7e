import { randomUUID } from "node:crypto";
import type { GraphQLFormattedError } from "graphql";
import { Neo4jError } from "neo4j-driver";
import { ErrorCode } from "../errors/index.js";
import { LIMIT_MESSAGE } from "./request-limits.js";

const TIMEOUT_CODES = /TransactionTimedOut|Transaction\.Terminated|LockClient\.Stopped/;
const UNAVAILABLE_CODES = /ServiceUnavailable|SessionExpired/;

function originalNeo4jError(error: unknown): Neo4jError | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    if (current instanceof Neo4jError) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  return undefined;
}

/** graphql-js's suggestions ("Did you mean the enum value STATUTORY_BOARD?") name parts of the schema. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * Gives database failures their own codes (TIMEOUT, DATABASE_UNAVAILABLE) and, in production,
 * replaces internal errors by a request id (the details go to the server log).
 */
export function createErrorFormatter(options: {
  production: boolean;
  timeoutMs: number;
  log?: (line: string) => void;
}) {
  const log = options.log ?? ((line: string) => console.error(line));
  const format = (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const neo4jError = originalNeo4jError(error);
    if (neo4jError && TIMEOUT_CODES.test(neo4jError.code))
      return {
        ...formatted,
        message: `The query ran longer than the ${options.timeoutMs} ms allowed and was stopped. Ask for less (a smaller depth, a narrower filter, a lower limit).`,
        extensions: { code: ErrorCode.TIMEOUT },
      };
    if (neo4jError && UNAVAILABLE_CODES.test(neo4jError.code))
      return {
        ...formatted,
        message: "The database is unreachable right now; try again shortly.",
        extensions: { code: ErrorCode.DATABASE_UNAVAILABLE },
      };
    const name = (error as { originalError?: { name?: string } } | undefined)?.originalError?.name;
    if (name === "Neo4jGraphQLForbiddenError")
      return {
        ...formatted,
        message:
          "Forbidden: your token does not allow this (writes need an editor of the partnership; restricted data an officer of it).",
        extensions: { code: ErrorCode.FORBIDDEN },
      };
    if (name === "Neo4jGraphQLAuthenticationError")
      return {
        ...formatted,
        message: "Unauthenticated: this needs a token. Send Authorization: Bearer <token>.",
        extensions: { code: ErrorCode.UNAUTHENTICATED },
      };
    if (LIMIT_MESSAGE.test(formatted.message))
      return {
        ...formatted,
        message: `${formatted.message.replace(/^Syntax Error: /, "")} Ask for less in one request (see README, "Limits").`,
        extensions: { code: ErrorCode.LIMIT_EXCEEDED },
      };
    const code = formatted.extensions?.code;
    if (options.production && (code === undefined || code === ErrorCode.INTERNAL_SERVER_ERROR)) {
      const requestId = randomUUID();
      log(`[error ${requestId}] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return {
        message: `Internal server error (request ${requestId}).`,
        extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId },
      };
    }
    if (options.production) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    return formatted;
  };
  // In production no message suggests anything (fields, types, enum values, arguments).
  return options.production
    ? (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
        const result = format(formatted, error);
        return { ...result, message: result.message.replace(SUGGESTION, "") };
      }
    : format;
}
