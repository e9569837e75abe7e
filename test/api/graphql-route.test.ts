import { request } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { COMPRESS_FROM_BYTES } from "../../src/api/index.ts";
import { useTestServer } from "../support/api.ts";

// /graphql compresses its answers itself (src/api/graphql-route.ts): in one piece, with a
// Content-Length, as the client accepts; small answers go as they are. The sample's two
// partnerships are loaded; the large answer is Barnet's diagram.

const api = useTestServer();

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function post(query: string, acceptEncoding?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${api.server.url}/graphql`,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on("error", reject);
    req.end(JSON.stringify({ query }));
  });
}

const LARGE = `{ governanceDiagram(partnershipId: "partnership:barnet") { nodes { id name kind chair frequency } edges { from to kind } } }`;

describe("/graphql's answers on the wire", () => {
  it.each([
    ["br, gzip", "br", brotliDecompressSync],
    ["gzip, deflate", "gzip", gunzipSync],
  ] as const)("accepting %s: %s, whole, with its length and no-store", async (accept, encoding, decode) => {
    const raw = await post(LARGE, accept);
    expect(raw.status).toBe(200);
    expect(raw.headers["content-encoding"]).toBe(encoding);
    expect(raw.headers["transfer-encoding"]).toBeUndefined();
    expect(Number(raw.headers["content-length"])).toBe(raw.body.length);
    expect(raw.headers["vary"]).toMatch(/accept-encoding/i);
    expect(raw.headers["cache-control"]).toBe("no-store");
    expect(raw.headers["etag"]).toBeUndefined();
    const text = decode(raw.body).toString("utf8");
    expect(text.length).toBeGreaterThan(COMPRESS_FROM_BYTES);
    const body = JSON.parse(text) as { data: { governanceDiagram: { nodes: unknown[] } } };
    expect(body.data.governanceDiagram.nodes.length).toBeGreaterThan(10);
    expect(raw.body.length).toBeLessThan(text.length / 2);
  });

  it("sends identity to a client that accepts no encoding, and small answers as they are", async () => {
    const plain = await post(LARGE, "identity");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(Number(plain.headers["content-length"])).toBe(plain.body.length);
    expect(JSON.parse(plain.body.toString("utf8"))).toHaveProperty("data.governanceDiagram");

    const small = await post(`{ __typename }`, "br, gzip");
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(small.body.toString("utf8"))).toMatchObject({ data: { __typename: "Query" } });
  });

  it("answers errors the same way (status and body as Apollo made them)", async () => {
    const raw = await post(`{ nope }`, "gzip");
    expect(raw.status).toBe(400);
    expect(Number(raw.headers["content-length"])).toBe(raw.body.length);
    const text =
      raw.headers["content-encoding"] === "gzip" ? gunzipSync(raw.body).toString() : raw.body.toString();
    expect((JSON.parse(text) as { errors: unknown[] }).errors.length).toBe(1);
  });
});
