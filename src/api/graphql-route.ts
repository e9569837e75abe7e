import { constants, brotliCompressSync, gzipSync } from "node:zlib";
import { HeaderMap, type ApolloServer, type BaseContext } from "@apollo/server";
import type express from "express";

/** Answers smaller than this go as they are: compressing them saves less than it costs. */
export const COMPRESS_FROM_BYTES = 1024;

/**
 * Brotli at quality 1 and gzip at level 1, the fastest of each. Measured on the benchmark's eight
 * answers (3-178 KB of JSON; BENCHMARKS.md, session 5): brotli 1 takes a quarter to a third of
 * brotli 4's time (0.14 against 0.51 ms for the report's 38 KB tree) for 15-30% more bytes (6.1
 * against 5.0 KB), and is as fast as gzip 1 and a little smaller. Every millisecond here is the
 * event loop's, on every request; a few hundred bytes more are nothing over any link.
 */
const BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } };
const GZIP = { level: constants.Z_BEST_SPEED };

/**
 * An answer as the client accepts it: brotli or gzip, compressed in one synchronous step and sent
 * with its Content-Length in one write. The `compression` middleware (which serves every other
 * route) streams through zlib on the thread pool and sends chunked: one more thread hand-off and
 * two more socket writes per request, 0.15-0.3 ms of a 1 ms exchange (BENCHMARKS.md, session 4).
 * The answer is at most MAX_ANSWER_VALUES values (about 2.5 MB), so the event loop is held a few
 * milliseconds at worst, as long as Apollo's JSON.stringify of it.
 */
export function sendWhole(req: express.Request, res: express.Response, body: string): void {
  const bytes = Buffer.byteLength(body);
  const encoding = bytes < COMPRESS_FROM_BYTES ? "identity" : req.acceptsEncodings("br", "gzip", "identity");
  res.vary("Accept-Encoding");
  let payload: Buffer | string = body;
  if (encoding === "br" || encoding === "gzip") {
    payload = encoding === "br" ? brotliCompressSync(body, BROTLI) : gzipSync(body, GZIP);
    // The `compression` middleware leaves an answer alone once it has an encoding.
    res.setHeader("content-encoding", encoding);
  }
  res.setHeader("content-length", typeof payload === "string" ? bytes : payload.length);
  res.end(req.method === "HEAD" ? undefined : payload);
}

/**
 * Apollo Server for Express 5: what @as-integrations/express5's `expressMiddleware` does (the
 * request in Apollo's terms, its answer's headers and status back), with complete answers sent by
 * sendWhole instead of `res.send` (which also hashes every answer for an ETag nobody can use: the
 * answers are `no-store`). Incremental answers are streamed as they come.
 */
export function graphqlRoute<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  context: (request: { req: express.Request; res: express.Response }) => Promise<TContext>,
): express.RequestHandler {
  server.assertStarted("graphqlRoute()");
  return async (req, res) => {
    if (!("body" in req)) {
      res.status(500).send("`req.body` is not set: the JSON body parser must come before graphqlRoute.");
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers))
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    const queryAt = req.originalUrl.indexOf("?");
    const answer = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: req.method.toUpperCase(),
        headers,
        search: queryAt < 0 ? "" : req.originalUrl.slice(queryAt),
        body: req.body as unknown,
      },
      context: () => context({ req, res }),
    });
    for (const [key, value] of answer.headers) res.setHeader(key, value);
    res.statusCode = answer.status ?? 200;
    if (answer.body.kind === "complete") return sendWhole(req, res, answer.body.string);
    for await (const chunk of answer.body.asyncIterator) {
      res.write(chunk);
      (res as { flush?: () => void }).flush?.();
    }
    res.end();
  };
}
