import { describe, expect, it } from "vitest";
import { graphql, tokenFor, useTestServer } from "../support/api.ts";

const api = useTestServer();

describe("the GraphQL server over the real database", () => {
  it("answers generated queries with filters and nested relationships", async () => {
    const response = await graphql<{ bodies: { id: string; name: string; kind: string }[] }>(
      api.server.url,
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
      api.server.url,
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
      api.server.url,
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
    const { records } = await api.driver.executeQuery(
      "MATCH (b:Body {id: 'body:scpb'}) RETURN count(b) AS n",
      {},
      { database: "neo4j" },
    );
    expect(records[0]?.get("n").toNumber()).toBe(1);
  });

  it("answers GET /health with the real Neo4j version", async () => {
    const response = await fetch(`${api.server.url}/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; neo4j: { version: string; edition: string } };
    expect(body.status).toBe("ok");
    expect(body.neo4j.version).toMatch(/^5\.26\.\d+$/);
    expect(body.neo4j.edition).toBe("community");
  });
});
