import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/api/index.ts";
import { graphql, startTestServer, tokenFor, type GraphQLResponse } from "../support/api.ts";
import { DATABASE, isolatedPartnership, testDriver } from "../support/database.ts";
import { loadFixture } from "../support/seed-fixture.ts";

// Writes are checked at every depth of the input, as seed entries are, and obey the ownership
// rules of docs/tenancy.md. The sample's Barnet is the other partnership.

let driver: Driver;
let server: RunningServer;
let fixture: ReturnType<typeof isolatedPartnership>;
let editor: string;
let s: string;

beforeAll(async () => {
  driver = testDriver();
  server = await startTestServer(driver);
  fixture = isolatedPartnership(driver);
  s = fixture.slug;
  await loadFixture(driver, {
    "paper.yaml": `
partnership: ${fixture.partnershipId}
document: { id: doc:${s}, title: Paper ${s} }
entries:
  - Partnership: ${fixture.partnershipId}
    at: cover
    name: Partnership ${s}
  - Body: body:${s}-board
    at: page 1
    name: Board ${s}
    kind: STATUTORY_BOARD
`,
  });
  editor = await tokenFor({ roles: ["editor"], partnerships: [fixture.partnershipId] });
});
afterAll(async () => {
  await fixture.cleanup();
  await server.stop();
  await driver.close();
});

const evidence = () =>
  `evidencedBy: { connect: [{ where: { node: { id: { eq: "doc:${s}" } } }, edge: { locator: "p. 2" } }] }`;
const person = (id: string, extra = evidence()) =>
  `{ edge: { role: MEMBER }, node: { id: "${id}", partnershipId: "${fixture.partnershipId}", name: "Member ${id}", ${extra} } }`;
const createBody = (id: string, members: string[]) => `mutation {
  createBodies(input: [{ id: "${id}", partnershipId: "${fixture.partnershipId}", name: "Group ${id}", kind: CASE_PANEL, ${evidence()},
    members: { create: [${members.join(", ")}] } }]) { bodies { id } }
}`;
const write = (mutation: string, token = editor) => graphql(server.url, mutation, {}, token);
const exists = async (id: string): Promise<boolean> => {
  const { records } = await driver.executeQuery(
    "MATCH (n {id: $id}) RETURN count(n) AS n",
    { id },
    { database: DATABASE },
  );
  return records[0]?.get("n").toNumber() > 0;
};
const expectBadInput = (response: GraphQLResponse, message: string) => {
  expect(response.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  expect(response.errors?.[0]?.message).toContain(message);
};

describe("nested creates", () => {
  it("refuse a malformed id at any depth, naming the path, and write nothing", async () => {
    const response = await write(createBody(`body:${s}-a`, [person("BAD ID !")]));
    expectBadInput(response, "input[0].members.create[0].node.id: expected an id like person:some-slug");
    expect(await exists(`body:${s}-a`)).toBe(false);
  });

  it("refuse a nested node without provenance", async () => {
    const response = await write(createBody(`body:${s}-b`, [person(`person:${s}-b`, "")]));
    expectBadInput(response, "input[0].members.create[0].node.evidencedBy: a new Person must name the paper");
    expect(await exists(`person:${s}-b`)).toBe(false);
  });

  it("refuse the same new id twice in one request (BAD_USER_INPUT, not a 500)", async () => {
    const response = await write(
      createBody(`body:${s}-c`, [person(`person:${s}-c`), person(`person:${s}-c`)]),
    );
    expectBadInput(response, `the request creates id "person:${s}-c" twice`);
  });

  it("refuse an id another partnership owns, saying so, instead of merging", async () => {
    const response = await write(createBody(`body:${s}-d`, [person("person:kiran-vagarwal")]));
    expectBadInput(
      response,
      'a Person with id "person:kiran-vagarwal" already exists and belongs to another partnership',
    );
  });

  it("create a valid nested tree", async () => {
    const response = await write(createBody(`body:${s}-e`, [person(`person:${s}-e`)]));
    expect(response.errors).toBeUndefined();
    expect(await exists(`person:${s}-e`)).toBe(true);
  });
});

describe("provenance", () => {
  it("is not disconnected from a node", async () => {
    const response = await write(`mutation {
      updateBodies(where: { id: { eq: "body:${s}-board" } }, update: { evidencedBy: [{ disconnect: [{ where: { node: { id: { eq: "doc:${s}" } } } }] }] }) { bodies { id } }
    }`);
    expectBadInput(
      response,
      "update.evidencedBy[0].disconnect: the papers a node comes from are removed only with the node",
    );
  });

  it("is not deleted along with a node", async () => {
    const response = await write(`mutation {
      deleteBodies(where: { id: { eq: "body:${s}-e" } }, delete: { evidencedBy: [{ where: { node: { id: { eq: "doc:${s}" } } } }] }) { nodesDeleted }
    }`);
    expectBadInput(response, "delete.evidencedBy: a paper is deleted on its own");
    expect(await exists(`doc:${s}`)).toBe(true);
  });

  it("a cited paper is not deleted", async () => {
    const response = await write(
      `mutation { deleteDocuments(where: { id: { eq: "doc:${s}" } }) { nodesDeleted } }`,
    );
    expectBadInput(response, `the paper "doc:${s}" is cited by`);
    expect(await exists(`doc:${s}`)).toBe(true);
  });
});

describe("what a write may set", () => {
  it.each([
    ["createdAt", `createdAt: { set: "2000-01-01T00:00:00Z" }`],
    ["updatedBy", `updatedBy: { set: "someone" }`],
    ["id", `id: { set: "BAD ID !" }`],
    ["partnershipId", `partnershipId: { set: "partnership:barnet" }`],
  ])("an update may not set %s (400: not in the update input)", async (field, update) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${editor}` },
      body: JSON.stringify({
        query: `mutation { updateBodies(where: { id: { eq: "body:${s}-board" } }, update: { ${update} }) { bodies { id } } }`,
      }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as GraphQLResponse;
    expect(body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(body.errors?.[0]?.message).toContain(field);
  });
});

describe("ownership (docs/tenancy.md)", () => {
  it("no write connects a node to another partnership's node", async () => {
    const response = await write(`mutation {
      updateBodies(where: { id: { eq: "body:${s}-board" } }, update: { accountableTo: [{ connect: [{ where: { node: { id: { eq: "body:scpb" } } } }] }] }) { bodies { id } }
    }`);
    expect(response.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const { records } = await driver.executeQuery(
      "MATCH (:Body {id: $id})-[r:ACCOUNTABLE_TO]->(:Body {id: 'body:scpb'}) RETURN count(r) AS n",
      { id: `body:${s}-board` },
      { database: DATABASE },
    );
    expect(records[0]?.get("n").toNumber()).toBe(0);
  });

  it("no write touches another partnership's node", async () => {
    const response = await write(
      `mutation { updateBodies(where: { id: { eq: "body:scpb" } }, update: { quorum: { set: "1" } }) { bodies { id } } }`,
    );
    expect(response.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("audit timestamps", () => {
  const updatedAt = async (): Promise<string> => {
    const response = await graphql<{ bodies: { updatedAt: string }[] }>(
      server.url,
      `{ bodies(where: { id: { eq: "body:${s}-board" } }) { updatedAt } }`,
    );
    return response.data?.bodies[0]?.updatedAt ?? "";
  };

  it("editing a private note does not bump the public updatedAt; a public edit does", async () => {
    const before = await updatedAt();
    expect(before).not.toBe("");
    const note = await write(`mutation {
      updateBodies(where: { id: { eq: "body:${s}-board" } }, update: { privateNote: { set: "private ${s}" } }) { bodies { privateNote } }
    }`);
    expect(note.errors).toBeUndefined();
    expect(JSON.stringify(note.data)).toContain(`private ${s}`);
    expect(await updatedAt()).toBe(before);
    const quorum = await write(
      `mutation { updateBodies(where: { id: { eq: "body:${s}-board" } }, update: { quorum: { set: "4" } }) { bodies { id } } }`,
    );
    expect(quorum.errors).toBeUndefined();
    expect(await updatedAt()).not.toBe(before);
  });
});
