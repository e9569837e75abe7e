import http from "node:http";
import https from "node:https";
import { brotliDecompressSync, gunzipSync } from "node:zlib";

/** A GraphQL response body as the API sends it. */
export interface GraphQLBody<T = unknown> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[];
  extensions?: { roundTrips?: number } & Record<string, unknown>;
}

/** What came back: the HTTP status, the body when it is JSON (else undefined), and the raw text. */
export interface GraphQLReply<T = unknown> {
  status: number;
  body: GraphQLBody<T> | undefined;
  text: string;
}

/** Connections kept open between requests (as fetch keeps them), one pool per protocol for the process. */
const AGENTS = {
  "http:": new http.Agent({ keepAlive: true }),
  "https:": new https.Agent({ keepAlive: true }),
};

/** The body as sent, decoded from the encoding the server chose (the server compresses anything over 1 KB). */
function decode(raw: Buffer, encoding: string | undefined): string {
  if (encoding === "br") return brotliDecompressSync(raw).toString();
  if (encoding === "gzip") return gunzipSync(raw).toString();
  return raw.toString();
}

/**
 * POSTs one GraphQL request to a running API over HTTP, as any client would: JSON in and out,
 * compressed answers accepted, `Authorization: Bearer <token>` when a token is given. The one
 * transport of the report's `--endpoint` source, the benchmarks and the tests; each decides what
 * an error means to it. Throws only when the server cannot be reached or the connection breaks
 * (the socket's error, e.g. "connect ECONNREFUSED 127.0.0.1:4000").
 * Node's http rather than fetch: fetch's WHATWG streams cost 0.4-0.9 ms of CPU per request of
 * the benchmark's answers on top of the exchange itself (BENCHMARKS.md, session 5).
 * @example const { body } = await postGraphQL("http://127.0.0.1:4000/graphql", { query: "{ graphStats { nodesWithoutProvenance } }" });
 */
export function postGraphQL<T = unknown>(
  url: string,
  request: { query: string; variables?: Record<string, unknown>; token?: string | undefined },
): Promise<GraphQLReply<T>> {
  const target = new URL(url);
  const payload = JSON.stringify({ query: request.query, variables: request.variables ?? {} });
  const send = target.protocol === "https:" ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const outgoing = send(
      target,
      {
        method: "POST",
        agent: target.protocol === "https:" ? AGENTS["https:"] : AGENTS["http:"],
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(payload),
          accept: "application/json",
          "accept-encoding": "br, gzip",
          ...(request.token ? { authorization: `Bearer ${request.token}` } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          let text: string;
          try {
            text = decode(Buffer.concat(chunks), response.headers["content-encoding"]);
          } catch (error) {
            reject(error as Error);
            return;
          }
          let body: GraphQLBody<T> | undefined;
          try {
            body = JSON.parse(text) as GraphQLBody<T>;
          } catch {
            body = undefined;
          }
          resolve({ status: response.statusCode ?? 0, body, text });
        });
      },
    );
    outgoing.on("error", reject);
    outgoing.end(payload);
  });
}
