import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/api/index.js";
import { testDriver } from "../support/database.js";
import { graphql, startTestServer, tokenFor } from "../support/api.js";

let driver: Driver;
let server: RunningServer;

beforeAll(async () => {
  driver = testDriver();
  server = await startTestServer(driver);
});
afterAll(async () => {
  await server.stop();
  await driver.close();
});

describe("the GraphQL server over the real database", () => {
  it("answers generated queries with filters and nested relationships", async () => {
    const response = await graphql<{ bodies: { id: string; name: string; kind: string }[] }>(
      server.url,
      `
        {
          bodies(where: { id: { eq: "body:scpb" } }) {
            id
            name
            kind
          }
        }
      `,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.bodies).toEqual([
      { id: "body:scpb", name: "Safer Communities Partnership Board", kind: "STATUTORY_BOARD" },
    ]);
  });

  it("answers connections with totalCount", async () => {
    const response = await graphql<{ bodiesConnection: { aggregate: { count: { nodes: number } } } }>(
      server.url,
      `
        {
          bodiesConnection(where: { kind: { eq: STATUTORY_BOARD } }) {
            aggregate {
              count {
                nodes
              }
            }
          }
        }
      `,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.bodiesConnection.aggregate.count.nodes).toBeGreaterThanOrEqual(1);
  });

  it("refuses a duplicate id with a clear error naming the id", async () => {
    const editor = await tokenFor({ roles: ["editor"], partnerships: ["partnership:barnet"] });
    const response = await graphql(
      server.url,
      `
        mutation {
          createBodies(
            input: [
              {
                id: "body:scpb"
                partnershipId: "partnership:barnet"
                name: "Copy"
                kind: STATUTORY_BOARD
                evidencedBy: {
                  connect: [
                    { where: { node: { id: { eq: "doc:scpb-2016-01-29" } } }, edge: { locator: "cover" } }
                  ]
                }
              }
            ]
          ) {
            bodies {
              id
            }
          }
        }
      `,
      {},
      editor,
    );
    expect(response.data).toBeNull();
    expect(response.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(response.errors?.[0]?.message).toMatch(
      /input\[0\]\.id: a Body with id "body:scpb" already exists\. Choose another id/,
    );
    const { records } = await driver.executeQuery(
      "MATCH (b:Body {id: 'body:scpb'}) RETURN count(b) AS n",
      {},
      { database: "neo4j" },
    );
    expect(records[0]?.get("n").toNumber()).toBe(1);
  });

  it("answers GET /health with the real Neo4j version", async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; neo4j: { version: string; edition: string } };
    expect(body.status).toBe("ok");
    expect(body.neo4j.version).toMatch(/^5\.26\.\d+$/);
    expect(body.neo4j.edition).toBe("community");
  });
});
