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
  expect(reply.text.length).toBeGreaterThan(COMPRESS_FROM_BYTES);
  expect(reply.text.endsWith("}\n")).toBe(true);
});

it("refuses a key it keeps nothing for", async () => {
  expect((await postGraphQL(server.url("nothing"), { query: "{ x }" })).status).toBe(404);
});
