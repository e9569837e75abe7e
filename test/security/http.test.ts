import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/api/index.ts";
import { graphql, startTestServer, tokenFor } from "../support/api.ts";
import { testDriver } from "../support/database.ts";

// Status codes, bodies, headers and logs of the HTTP layer, in development and production.

let driver: Driver;
let server: RunningServer;
let production: RunningServer;
let withCors: RunningServer;
const logs: string[] = [];

beforeAll(async () => {
  driver = testDriver();
  const log = (line: string) => void logs.push(line);
  [server, production, withCors] = await Promise.all([
    startTestServer(driver, { log }),
    startTestServer(driver, { production: true, log }),
    startTestServer(driver, { corsOrigins: ["https://viewer.example.org"], log }),
  ]);
});
afterAll(async () => {
  await Promise.all([server.stop(), production.stop(), withCors.stop()]);
  await driver.close();
});

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
const errorsOf = async (response: Response) =>
  ((await response.json()) as { errors: { message: string; extensions: { code: string } }[] }).errors;

describe("status codes and bodies", () => {
  it.each([
    ["a syntax error", "{ bodies(", "GRAPHQL_PARSE_FAILED"],
    ["a validation error", "{ nope }", "GRAPHQL_VALIDATION_FAILED"],
  ])("answers %s with 400", async (_name, query, expected) => {
    for (const url of [server.url, production.url]) {
      const response = await post(url, JSON.stringify({ query }));
      expect(response.status).toBe(400);
      expect((await errorsOf(response))[0]?.extensions.code).toBe(expected);
    }
  });

  it("answers too many tokens with 400 LIMIT_EXCEEDED naming the limit", async () => {
    const query = `{ ${Array.from({ length: 16_000 }, () => "__typename").join(" ")} }`;
    const response = await post(server.url, JSON.stringify({ query }));
    expect(response.status).toBe(400);
    const [error] = await errorsOf(response);
    expect(error?.extensions.code).toBe("LIMIT_EXCEEDED");
    expect(error?.message).toContain("15000 tokens");
  });

  it("answers invalid JSON with 400 and a JSON body, and logs neither the body nor a stack", async () => {
    const before = logs.length;
    for (const url of [server.url, production.url]) {
      const response = await post(url, '{"query": "{ bodies { id } }", "secret-marker-1": ', {
        authorization: "Bearer secret-token-marker",
      });
      expect(response.status).toBe(400);
      expect(response.headers.get("content-type")).toMatch(/application\/json/);
      expect((await errorsOf(response))[0]?.extensions.code).toBe("BAD_USER_INPUT");
    }
    expect(logs.slice(before).join("\n")).not.toMatch(/secret-marker-1|secret-token-marker/);
  });

  it("answers an oversized body with 413 and a JSON body", async () => {
    const body = JSON.stringify({ query: "{ bodies { id } }", variables: { pad: "x".repeat(1_100_000) } });
    const response = await post(production.url, body);
    expect(response.status).toBe(413);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    expect((await errorsOf(response))[0]?.extensions.code).toBe("LIMIT_EXCEEDED");
  });

  it.each([
    [
      "update",
      `mutation { updateBodies(where: { id: { eq: "body:scpb" } }, update: { name: { set: "x" } }) { bodies { id } } }`,
    ],
    ["delete", `mutation { deleteDocuments(where: { id: { eq: "doc:nothing" } }) { nodesDeleted } }`],
    ["create", `mutation { createRisks(input: []) { risks { id } } }`],
  ])("refuses an anonymous %s with UNAUTHENTICATED (401), in production too", async (_name, mutation) => {
    for (const url of [server.url, production.url]) {
      const response = await post(url, JSON.stringify({ query: mutation }));
      expect(response.status).toBe(401);
      const [error] = await errorsOf(response);
      expect(error?.extensions.code).toBe("UNAUTHENTICATED");
      expect(error?.message).toContain("Writes need an editor's token");
    }
  });

  it("refuses an officer's update with FORBIDDEN (403)", async () => {
    const token = await tokenFor({ roles: ["officer"], partnerships: ["partnership:barnet"] });
    const response = await post(
      server.url,
      JSON.stringify({
        query: `mutation { updateBodies(where: { id: { eq: "body:scpb" } }, update: { quorum: { set: "x" } }) { bodies { id } } }`,
      }),
      { authorization: `Bearer ${token}` },
    );
    const [error] = await errorsOf(response);
    expect(error?.extensions.code).toBe("FORBIDDEN");
  });
});

describe("caching", () => {
  it("marks every GraphQL answer no-store, an officer's and an anonymous one alike", async () => {
    const token = await tokenFor({ roles: ["officer"], partnerships: ["partnership:barnet"] });
    const query = JSON.stringify({ query: `{ bodies(limit: 1) { id } }` });
    for (const url of [server.url, production.url])
      for (const headers of [{}, { authorization: `Bearer ${token}` }] as Record<string, string>[]) {
        const response = await post(url, query, headers);
        expect(response.status).toBe(200);
        expect(response.headers.get("cache-control")).toBe("no-store");
      }
  });
});

describe("production discloses nothing it need not", () => {
  it("suggests no enum values, fields or arguments", async () => {
    const queries = [
      "{ bodies(where: { kind: { eq: STATUTORY_BORD } }) { id } }",
      "{ bodies(limit: 1) { nam } }",
      "{ bodies(limitt: 1) { id } }",
      "{ bodie { id } }",
    ];
    for (const query of queries) {
      const response = await graphql(production.url, query);
      expect(response.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(response)).not.toMatch(/did you mean/i);
    }
    // Outside production the suggestions help, and are there.
    expect(JSON.stringify(await graphql(server.url, queries[0]!))).toMatch(/Did you mean/);
  });

  it("serves no landing page that loads third-party scripts", async () => {
    const response = await fetch(`${production.url}/graphql`, { headers: { accept: "text/html" } });
    const text = await response.text();
    expect(text).not.toMatch(/<script[^>]+src=["']https?:/i);
    expect(text).not.toMatch(/apollographql\.com|embeddable-sandbox|cdn\./i);
  });
});

describe("CORS", () => {
  const preflight = (url: string, origin: string) =>
    fetch(`${url}/graphql`, {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization, content-type",
      },
    });

  it("allows no other origin by default (same origin only)", async () => {
    const response = await preflight(server.url, "https://evil.example");
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    expect(response.headers.get("access-control-allow-headers")).toBeNull();
    const simple = await post(server.url, JSON.stringify({ query: "{ bodies(limit: 1) { id } }" }), {
      origin: "https://evil.example",
    });
    expect(simple.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("allows exactly the origins of CORS_ORIGINS", async () => {
    const allowed = await preflight(withCors.url, "https://viewer.example.org");
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://viewer.example.org");
    expect(allowed.headers.get("access-control-allow-headers")).toMatch(/authorization/);
    const other = await preflight(withCors.url, "https://evil.example");
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });
});
