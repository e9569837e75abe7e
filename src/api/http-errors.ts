import type { NextFunction, Request, Response } from "express";
import { ErrorCode } from "../errors/index.ts";
import { MAX_INPUT_DEPTH, nestsDeeper, tooDeep } from "./restricted-fields.ts";

/** The body wraps the variables in two levels ({"variables": {"name": ...}}). */
const MAX_BODY_DEPTH = MAX_INPUT_DEPTH + 2;

/** Body-parser errors carry a `type` and a status; anything else is ours. */
interface HttpError {
  type?: string;
  status?: number;
  limit?: number;
}

/**
 * The last Express error handler: a JSON error body for every failure before GraphQL runs (an
 * oversized body is 413, invalid JSON 400), never an HTML page with a stack trace, and a log line
 * that names the failure without the request's body or headers (which hold tokens).
 */
export function httpErrors(log: (line: string) => void) {
  return (error: unknown, _request: Request, response: Response, next: NextFunction): void => {
    if (response.headersSent) return next(error);
    const { type, status, limit } = (error ?? {}) as HttpError;
    const [code, httpStatus, message] =
      type === "entity.too.large"
        ? [
            ErrorCode.LIMIT_EXCEEDED,
            413,
            `The request body is larger than the ${limit ?? "allowed"} bytes allowed. Send a smaller request.`,
          ]
        : type === "entity.parse.failed"
          ? [
              ErrorCode.BAD_USER_INPUT,
              400,
              'The request body is not valid JSON. Send {"query": "...", "variables": {...}}.',
            ]
          : status && status >= 400 && status < 500
            ? [
                ErrorCode.BAD_USER_INPUT,
                status,
                "The request could not be read (check its Content-Type, encoding and body).",
              ]
            : [ErrorCode.INTERNAL_SERVER_ERROR, 500, "Internal server error."];
    if (httpStatus >= 500)
      log(
        `[http] ${type ?? (error instanceof Error ? error.name : "error")}: ${error instanceof Error ? error.message : ""}`,
      );
    response.status(httpStatus).json({ errors: [{ message, extensions: { code } }] });
  };
}

/**
 * Refuses a JSON body nested deeper than the arguments may be, before any GraphQL work: graphql-js
 * walks variables recursively, and a body a few thousand levels deep would overflow its stack.
 */
export function refuseDeepBodies(request: Request, response: Response, next: NextFunction): void {
  if (!nestsDeeper(request.body, MAX_BODY_DEPTH)) return next();
  const error = tooDeep();
  response.status(400).json({ errors: [{ message: error.message, extensions: error.extensions }] });
}
