import { randomUUID } from "node:crypto";
import type { GraphQLFormattedError } from "graphql";
import { databaseUnavailable, ErrorCode, queryTimedOut } from "../errors/index.ts";
import {
  isDatabaseOutOfMemory,
  isDatabaseTimeout,
  isDatabaseUnavailable,
  luceneRefusal,
  neo4jErrorIn,
} from "../graph/index.ts";
import { answerTooBigForDatabase } from "./answer-size.ts";
import { LIMIT_MESSAGE } from "./request-limits.ts";

/** graphql-js's suggestions ("Did you mean the enum value STATUTORY_BOARD?") name parts of the schema. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * Gives database failures their own codes (TIMEOUT, LIMIT_EXCEEDED for memory, DATABASE_UNAVAILABLE) when they did not come
 * through the request's deadline driver (which already gives them, with the HTTP status), and, in production,
 * replaces internal errors by a request id (the details go to the server log).
 */
export function createErrorFormatter(options: {
  production: boolean;
  timeoutMs: number;
  log?: (line: string) => void;
}) {
  const log = options.log ?? ((line: string) => console.error(line));
  const format = (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    if (isDatabaseTimeout(error)) {
      const { message, extensions } = queryTimedOut(options.timeoutMs);
      return { ...formatted, message, extensions: { code: extensions.code } };
    }
    if (isDatabaseOutOfMemory(error)) {
      const { message, extensions } = answerTooBigForDatabase();
      return { ...formatted, message, extensions: { code: extensions.code } };
    }
    if (isDatabaseUnavailable(error)) {
      const { message, extensions } = databaseUnavailable(
        `Neo4j is unreachable: ${neo4jErrorIn(error)!.code}`,
      );
      return { ...formatted, message, extensions: { code: extensions.code } };
    }
    // The generated full-text queries (peopleByName(phrase:) ...) pass their phrase to Lucene as written.
    const lucene = luceneRefusal(error);
    if (lucene)
      return {
        ...formatted,
        message:
          lucene === "syntax"
            ? "The phrase is not valid Lucene query syntax (an unclosed quote or bracket, or an operator with nothing after it): quote or remove the special characters."
            : "The phrase matches too many different words in the index (Lucene's 1,024 clauses): use fewer or longer words.",
        extensions: { code: lucene === "syntax" ? ErrorCode.BAD_USER_INPUT : ErrorCode.LIMIT_EXCEEDED },
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
