import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { ConfigError, DEVELOPMENT_JWT_SECRET, loadConfig } from "../../src/config/index.ts";
import { graphql, useTestServer } from "../support/api.ts";

const api = useTestServer();

/** A token signed with the development secret, with exactly these claims (no defaults added). */
const signed = (claims: Record<string, unknown>, expires: string | null = "1h"): Promise<string> => {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).setIssuedAt();
  return (expires ? jwt.setExpirationTime(expires) : jwt).sign(
    new TextEncoder().encode(DEVELOPMENT_JWT_SECRET),
  );
};
const ask = (token: string, query = "{ bodies(limit: 1) { id } }") =>
  graphql(api.server.url, query, {}, token);
const code = (response: Awaited<ReturnType<typeof ask>>) => response.errors?.[0]?.extensions?.code;

describe("claims are normalised or refused in one place", () => {
  it.each([
    [
      "roles as a string",
      { roles: "admin", partnerships: ["partnership:barnet"] },
      /roles claim must be a list/,
    ],
    [
      "partnerships as a string",
      { roles: ["officer"], partnerships: "partnership:barnet" },
      /partnerships claim/,
    ],
    ["an unknown role", { roles: ["superuser"], partnerships: [] }, /unknown role/],
    ["a numeric subject", { roles: ["editor"], partnerships: [], sub: 7 }, /sub claim/],
  ])("refuses %s with UNAUTHENTICATED, for reads and writes alike", async (_name, claims, message) => {
    const token = await signed(claims);
    const read = await ask(token);
    expect(code(read)).toBe("UNAUTHENTICATED");
    expect(read.errors?.[0]?.message).toMatch(message);
    const write = await ask(
      token,
      `mutation { deleteBodies(where: { id: { eq: "body:nothing" } }) { nodesDeleted } }`,
    );
    expect(code(write)).toBe("UNAUTHENTICATED");
  });

  it("a string roles claim never reaches restricted data (the library and our checks agree)", async () => {
    const token = await signed({ roles: "admin", partnerships: "partnership:barnet" });
    const response = await ask(token, `{ people(limit: 5) { email } }`);
    expect(response.data?.people).toBeUndefined();
    expect(code(response)).toBe("UNAUTHENTICATED");
  });
});

describe("token lifetime", () => {
  it("refuses a token without exp", async () => {
    const response = await ask(
      await signed({ roles: ["officer"], partnerships: ["partnership:barnet"] }, null),
    );
    expect(code(response)).toBe("UNAUTHENTICATED");
    expect(response.errors?.[0]?.message).toMatch(/"exp" claim/);
  });

  it("refuses a token that lives longer than JWT_MAX_LIFETIME (24h by default)", async () => {
    const response = await ask(
      await signed({ roles: ["officer"], partnerships: ["partnership:barnet"] }, "30d"),
    );
    expect(code(response)).toBe("UNAUTHENTICATED");
    expect(response.errors?.[0]?.message).toContain("JWT_MAX_LIFETIME");
  });

  it("accepts a well-formed token within the lifetime", async () => {
    const response = await ask(
      await signed({ roles: ["officer"], partnerships: ["partnership:barnet"] }, "2h"),
    );
    expect(response.errors).toBeUndefined();
  });
});

describe("authorization schemes", () => {
  it.each(["Basic YWRtaW46YWRtaW4=", "Token abc", "Bearer", "bearer a b"])(
    "refuses Authorization: %s with UNAUTHENTICATED (401) instead of treating the caller as anonymous",
    async (header) => {
      const response = await fetch(`${api.server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: header },
        body: JSON.stringify({ query: "{ bodies(limit: 1) { id } }" }),
      });
      expect(response.status).toBe(401);
      const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors[0]?.extensions.code).toBe("UNAUTHENTICATED");
    },
  );
});

describe("the development secret", () => {
  const secret = "a-real-secret-of-at-least-32-characters-long";

  it("is refused in production, even when set explicitly", () => {
    expect(() => loadConfig({ NODE_ENV: "production", JWT_SECRET: DEVELOPMENT_JWT_SECRET })).toThrow(
      ConfigError,
    );
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/JWT_SECRET is unset/);
    expect(loadConfig({ NODE_ENV: "production", JWT_SECRET: secret }).JWT_SECRET).toBe(secret);
  });

  it.each(["0.0.0.0", "192.168.1.20", "::", "api.example.org"])(
    "refuses to start on the non-loopback HOST %s with it",
    (host) => {
      expect(() => loadConfig({ HOST: host })).toThrow(/reachable from other machines/);
      expect(() => loadConfig({ HOST: host, JWT_SECRET: DEVELOPMENT_JWT_SECRET })).toThrow(ConfigError);
      expect(loadConfig({ HOST: host, JWT_SECRET: secret }).HOST).toBe(host);
      expect(loadConfig({ HOST: host, JWKS_URL: "https://id.example.org/jwks.json" }).HOST).toBe(host);
    },
  );

  it.each(["127.0.0.1", "localhost", "::1"])(
    "is tolerated on the loopback HOST %s in development",
    (host) => {
      expect(loadConfig({ HOST: host }).HOST).toBe(host);
    },
  );
});
