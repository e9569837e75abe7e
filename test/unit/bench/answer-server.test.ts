import { afterAll, beforeAll, expect, it } from "vitest";
import { COMPRESS_FROM_BYTES, postGraphQL } from "../../../src/api/index.ts";
import { startAnswerServer, type AnswerServer } from "../../../bench/measure/answer-server.ts";

let server: AnswerServer;
beforeAll(async () => {
  server = await startAnswerServer();
});
afterAll(() => server.stop());

it("answers a GraphQL request with the answer kept for it, written as Apollo writes one", async () => {
  const data = {
    strategies: Array.from({ length: 200 }, (_, i) => ({ id: `s${i}`, title: `Strategy ${i}` })),
  };
  server.keep("tree", data);
  const reply = await postGraphQL(server.url("tree"), { query: "{ strategies { id title } }" });
  expect(reply.status).toBe(200);
  expect(reply.body).toEqual({ data });
  expect(reply.text.endsWith("}\n")).toBe(true);
});

it("compresses an answer over COMPRESS_FROM_BYTES as the API does, with brotli where the client accepts it", async () => {
  const data = { items: Array.from({ length: 200 }, (_, i) => `item ${i}`) };
  server.keep("large", data);
  // fetch, not postGraphQL: the headers as sent (fetch decodes the body, content-length is the wire's).
  const response = await fetch(server.url("large"), {
    method: "POST",
    headers: { "content-type": "application/json", "accept-encoding": "br" },
    body: JSON.stringify({ query: "{ items }" }),
  });
  expect(response.headers.get("content-encoding")).toBe("br");
  const text = await response.text();
  expect(JSON.parse(text)).toEqual({ data });
  expect(Buffer.byteLength(text)).toBeGreaterThan(COMPRESS_FROM_BYTES);
  expect(Number(response.headers.get("content-length"))).toBeLessThan(Buffer.byteLength(text) / 2);
});

it("refuses a key it keeps nothing for", async () => {
  expect((await postGraphQL(server.url("nothing"), { query: "{ x }" })).status).toBe(404);
});
