import http from "node:http";
import type { AddressInfo } from "node:net";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postGraphQL } from "../../../src/api/index.ts";

/** A server that answers as told by the request's query: the encoding and the body it sends back. */
let server: http.Server;
let url: string;
const seen: { headers: http.IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString();
      seen.push({ headers: req.headers, body });
      const { query } = JSON.parse(body) as { query: string };
      const [encoding, status, text] = query.split("|") as [string, string, string];
      res.statusCode = Number(status);
      if (encoding !== "identity") res.setHeader("content-encoding", encoding);
      res.end(encoding === "br" ? brotliCompressSync(text) : encoding === "gzip" ? gzipSync(text) : text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("postGraphQL", () => {
  it.each(["br", "gzip", "identity"])("reads an answer sent %s", async (encoding) => {
    const answer = JSON.stringify({ data: { encoding, filler: "x".repeat(5000) } });
    const reply = await postGraphQL(url, { query: `${encoding}|200|${answer}` });
    expect(reply.status).toBe(200);
    expect(reply.text).toBe(answer);
    expect(reply.body).toEqual(JSON.parse(answer));
  });

  it("sends JSON with the token, and accepts compressed answers", async () => {
    await postGraphQL(url, { query: "identity|200|{}", variables: { a: 1 }, token: "t0k" });
    const last = seen.at(-1)!;
    expect(JSON.parse(last.body)).toEqual({ query: "identity|200|{}", variables: { a: 1 } });
    expect(last.headers.authorization).toBe("Bearer t0k");
    expect(last.headers["content-type"]).toBe("application/json");
    expect(last.headers["accept-encoding"]).toBe("br, gzip");
  });

  it("gives the status and the text of an answer that is not JSON", async () => {
    const reply = await postGraphQL(url, { query: "gzip|502|Bad gateway" });
    expect(reply).toEqual({ status: 502, body: undefined, text: "Bad gateway" });
  });

  it("throws, naming the socket's error, when nothing listens", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(postGraphQL(`http://127.0.0.1:${port}/graphql`, { query: "{ x }" })).rejects.toThrow(
      /ECONNREFUSED/,
    );
  });
});
