import type { NextFunction, Request, Response } from "express";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { ErrorCode } from "../errors/index.ts";

export interface ClientLimits {
  /** Requests per client per minute; 0 turns the rate limit off. */
  perMinute: number;
  /** Requests of one client in progress at once; 0 turns the cap off. */
  concurrent: number;
}

const tooMany = (response: Response, retryAfterSeconds: number, message: string): void => {
  response
    .status(429)
    .set("Retry-After", String(retryAfterSeconds))
    .json({
      errors: [{ message, extensions: { code: ErrorCode.LIMIT_EXCEEDED, retryAfter: retryAfterSeconds } }],
    });
};

/**
 * Per-client limits before any GraphQL work (rate-limiter-flexible, in memory: each API instance
 * counts its own clients). A client is its address as Express sees it (`trust proxy` decides
 * whether X-Forwarded-For counts). Over either limit: 429 with Retry-After and a JSON body.
 */
export function clientLimits(limits: ClientLimits) {
  const rate =
    limits.perMinute > 0 ? new RateLimiterMemory({ points: limits.perMinute, duration: 60 }) : undefined;
  // duration 0: points never expire by themselves; each finished request gives its point back.
  const running =
    limits.concurrent > 0 ? new RateLimiterMemory({ points: limits.concurrent, duration: 0 }) : undefined;
  return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    const client = request.ip ?? request.socket.remoteAddress ?? "unknown";
    try {
      await rate?.consume(client);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) return next(error);
      return tooMany(
        response,
        Math.max(1, Math.ceil(error.msBeforeNext / 1000)),
        `Too many requests: at most ${limits.perMinute} a minute from one client (RATE_LIMIT_PER_MINUTE). Wait and retry.`,
      );
    }
    if (running) {
      try {
        await running.consume(client);
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) return next(error);
        // A refused consume still counted its point: give it back, only running requests hold one.
        void running.reward(client);
        return tooMany(
          response,
          1,
          `Too many requests at once: at most ${limits.concurrent} in progress from one client (CONCURRENT_REQUESTS_PER_CLIENT). Wait for one to finish.`,
        );
      }
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        void running.reward(client);
      };
      response.on("finish", release);
      response.on("close", release);
    }
    next();
  };
}
