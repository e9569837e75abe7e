import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/api/index.ts";
import { graphql, startTestServer, tokenFor } from "../support/api.ts";
import { isolatedPartnership, testDriver } from "../support/database.ts";
import { loadFixture } from "../support/seed-fixture.ts";

let driver: Driver;
let server: RunningServer;
let production: RunningServer;
let impatient: RunningServer;
let fixture: ReturnType<typeof isolatedPartnership>;

beforeAll(async () => {
  driver = testDriver();
  [server, production, impatient] = await Promise.all([
    startTestServer(driver),
    startTestServer(driver, { production: true }),
    // A transaction timeout far below what the whole-partnership health check needs.
    startTestServer(driver, { timeoutMs: 1 }),
  ]);
  fixture = isolatedPartnership(driver);
  await loadFixture(driver, {
    "doc.yaml": `
partnership: ${fixture.partnershipId}
document: { id: doc:${fixture.slug}, title: Paper ${fixture.slug} }
entries:
  - Partnership: ${fixture.partnershipId}
    at: cover
    name: Partnership ${fixture.slug}
`,
  });
});
afterAll(async () => {
  await fixture.cleanup();
  await Promise.all([server.stop(), production.stop(), impatient.stop()]);
  await driver.close();
});

describe("request limits", () => {
  it("rejects a too-deep request with LIMIT_EXCEEDED", async () => {
    let nested = "id";
    for (let i = 0; i < 9; i++) nested = `memberOf { members { ${nested} } }`;
    const response = await graphql(server.url, `{ people(limit: 1) { ${nested} } }`);
    expect(response.errors?.[0]?.extensions?.code).toBe("LIMIT_EXCEEDED");
    expect(response.errors?.[0]?.message).toMatch(/depth limit of 14 exceeded/i);
  });

  it("rejects a too-costly request with LIMIT_EXCEEDED", async () => {
    // Within the depth and alias limits, but wide at every level: the cost grows by 1.5 per level.
    const bodyFields = "id name aliases kind frequency purpose membershipNote quorum validFrom validTo";
    let tree = bodyFields;
    for (let level = 0; level < 6; level++)
      tree = `${bodyFields} members { id name aliases honorific memberOf { ${tree} } }`;
    const aliases = Array.from({ length: 19 }, (_, i) => `a${i}: bodies(limit: 1) { ${tree} }`).join(" ");
    const response = await graphql(server.url, `{ ${aliases} }`);
    expect(response.errors?.[0]?.extensions?.code).toBe("LIMIT_EXCEEDED");
    expect(response.errors?.[0]?.message).toMatch(/cost limit/i);
  });

  it("rejects an alias flood with LIMIT_EXCEEDED", async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: bodies(limit: 1) { id }`).join(" ");
    const response = await graphql(server.url, `{ ${aliases} }`);
    expect(response.errors?.[0]?.extensions?.code).toBe("LIMIT_EXCEEDED");
    expect(response.errors?.[0]?.message).toMatch(/aliases limit of 20 exceeded/i);
  });

  it("counts aliases of __typename, and aliases in fragments as often as they are spread", async () => {
    const typenames = Array.from({ length: 25 }, (_, i) => `t${i}: __typename`).join(" ");
    const direct = await graphql(server.url, `{ ${typenames} }`);
    expect(direct.errors?.[0]?.extensions?.code).toBe("LIMIT_EXCEEDED");
    expect(direct.errors?.[0]?.message).toMatch(/aliases limit of 20 exceeded/i);
    const spreads = Array.from({ length: 6 }, (_, i) => `b${i}: bodies(limit: 1) { ...F }`).join(" ");
    const fragment = await graphql(
      server.url,
      `{ ${spreads} } fragment F on Body { a: id b: name c: __typename }`,
    );
    expect(fragment.errors?.[0]?.extensions?.code).toBe("LIMIT_EXCEEDED");
    const within = await graphql(
      server.url,
      `{ ${Array.from({ length: 20 }, (_, i) => `t${i}: __typename`).join(" ")} }`,
    );
    expect(within.errors).toBeUndefined();
  });

  it("caps list sizes at the type's @limit maximum", async () => {
    const response = await graphql<{ actions: unknown[] }>(
      server.url,
      `
        {
          actions(limit: 5000) {
            id
          }
        }
      `,
    );
    expect(response.data?.actions.length).toBeLessThanOrEqual(1000);
  });

  it("stops a traversal at the transaction timeout with TIMEOUT, and keeps serving", async () => {
    // Every rule over Barnet: hundreds of milliseconds, far past 1 ms (the local Neo4j checks timeouts every 100 ms).
    const response = await graphql(
      impatient.url,
      `
        {
          governanceHealth(partnershipId: "partnership:barnet") {
            rule
          }
        }
      `,
    );
    expect(response.errors?.[0]?.extensions?.code).toBe("TIMEOUT");
    expect(response.errors?.[0]?.message).toContain("1 ms");
    expect((await fetch(`${impatient.url}/health`)).status).toBe(200);
  });

  it("refuses batched HTTP requests", async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([
        { query: "{ bodies(limit: 1) { id } }" },
        { query: "{ bodies(limit: 1) { id } }" },
      ]),
    });
    expect(response.status).toBe(400);
  });
});

describe("production mode", () => {
  it("turns introspection off", async () => {
    const response = await graphql(
      production.url,
      `
        {
          __schema {
            types {
              name
            }
          }
        }
      `,
    );
    expect(response.data).toBeUndefined();
    expect(response.errors?.[0]?.message).toMatch(/introspection/i);
  });

  it("gives no field suggestions", async () => {
    const response = await graphql(
      production.url,
      `
        {
          people(limit: 1) {
            emai
          }
        }
      `,
    );
    expect(response.errors?.[0]?.message).not.toMatch(/did you mean/i);
    expect(JSON.stringify(response)).not.toContain('"email"');
  });

  it("answers a refused token with UNAUTHENTICATED and no stack trace", async () => {
    const response = await fetch(`${production.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer not.a.token" },
      body: JSON.stringify({ query: "{ bodies(limit: 1) { id } }" }),
    });
    const body = (await response.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors[0]?.extensions.code).toBe("UNAUTHENTICATED");
    expect(body.errors[0]?.extensions.stacktrace).toBeUndefined();
  });
});

describe("writes", () => {
  const create = (id: string, extra = "") => `mutation {
    createBodies(input: [{ id: "${id}", partnershipId: "${fixture.partnershipId}", name: "Group ${id}", kind: STRATEGY_DELIVERY_GROUP,
      evidencedBy: { connect: [{ where: { node: { id: { eq: "doc:${fixture.slug}" } } }, edge: { locator: "page 2" } }] } ${extra} }]) {
      bodies { id createdAt updatedAt updatedBy }
    }
  }`;

  it("refuses anonymous writes with UNAUTHENTICATED", async () => {
    const response = await graphql(server.url, create(`body:${fixture.slug}-anon`));
    expect(response.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("refuses an editor of another partnership with FORBIDDEN", async () => {
    const token = await tokenFor({ roles: ["editor"], partnerships: ["partnership:elsewhere"] });
    const response = await graphql(server.url, create(`body:${fixture.slug}-other`), {}, token);
    expect(response.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const { records } = await driver.executeQuery(
      "MATCH (b:Body {id: $id}) RETURN count(b) AS n",
      { id: `body:${fixture.slug}-other` },
      { database: "neo4j" },
    );
    expect(records[0]?.get("n").toNumber()).toBe(0);
  });

  it("accepts an editor of the partnership and audits the write", async () => {
    const token = await tokenFor({
      roles: ["editor"],
      partnerships: [fixture.partnershipId],
      sub: "jo.editor",
    });
    const response = await graphql<{
      createBodies: { bodies: { id: string; createdAt: string; updatedAt: string; updatedBy: string }[] };
    }>(server.url, create(`body:${fixture.slug}-new`), {}, token);
    expect(response.errors).toBeUndefined();
    const body = response.data?.createBodies.bodies[0];
    expect(body?.updatedBy).toBe("jo.editor");
    expect(Date.parse(body?.createdAt ?? "")).toBeGreaterThan(Date.now() - 60_000);
    expect(body?.updatedAt).toBeTruthy();
  });

  it("refuses a refused token rather than treating the caller as anonymous", async () => {
    const expired = await tokenFor({ roles: ["editor"], partnerships: [fixture.partnershipId] }, "-1h");
    const response = await graphql(server.url, create(`body:${fixture.slug}-expired`), {}, expired);
    expect(response.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(response.errors?.[0]?.message).toMatch(/exp|expired/i);
  });

  it.each([
    [
      "an id of the wrong form",
      (s: string) => create(`Body ${s}`),
      "input[0].id: expected an id like body:some-slug",
    ],
    [
      "an id of another label's prefix",
      (s: string) => create(`person:${s}-x`),
      "input[0].id: expected an id like body:some-slug",
    ],
    [
      "no source paper",
      (s: string) =>
        create(`body:${s}-nosource`).replace(/evidencedBy: \{[^}]*\}[^}]*\}[^}]*\}[^}]*\}[^\]]*\] \}/, ""),
      "input[0].evidencedBy: a new Body must name the paper it comes from",
    ],
    [
      "an existing id",
      () => create("body:scpb"),
      'input[0].id: a Body with id "body:scpb" already exists and belongs to another partnership',
    ],
  ])("rejects %s with a message naming the field", async (_name, mutation, message) => {
    const token = await tokenFor({ roles: ["editor"], partnerships: [fixture.partnershipId] });
    const response = await graphql(server.url, mutation(fixture.slug), {}, token);
    expect(response.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(response.errors?.[0]?.message).toContain(message);
  });

  it("rejects a value outside an enum, naming the enum", async () => {
    const token = await tokenFor({ roles: ["editor"], partnerships: [fixture.partnershipId] });
    const response = await graphql(
      server.url,
      create(`body:${fixture.slug}-kind`).replace("STRATEGY_DELIVERY_GROUP", "SUBCOMMITTEE"),
      {},
      token,
    );
    expect(response.errors?.[0]?.message).toContain('Value "SUBCOMMITTEE" does not exist in "BodyKind" enum');
  });
});
