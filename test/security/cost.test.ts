/**
 * Issue 12: the cost limit bounds database work. The `people { memberOf { members } }` fan-outs
 * that ran 31 s (3 levels), 77 s (4 levels) and, 20 aliases at a time, 67 s all passed GraphQL
 * Armor's cost measure; the API's own (src/api/query-cost.ts, priced by the graph's measured
 * fan-outs) refuses them before any database work, while every shipped document still goes
 * through. A `where` filter is priced by the rows the database checks it on and walks for it: a
 * 6-level `people(where: { memberOf: { some: { members: { some: ... } } } })` that cost almost
 * nothing ran 28 s.
 */
import { addTypenameToDocument } from "@apollo/client/utilities";
import { Kind, print, type OperationDefinitionNode, type TypeNode } from "graphql";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countingDriver, postGraphQL, REQUEST_LIMITS, type RunningServer } from "../../src/api/index.ts";
import { shippedDocuments } from "../clients/shipped-documents.ts";
import { startTestServer, tokenFor } from "../support/api.ts";
import { DATABASE, isolatedPartnership, testDriver } from "../support/database.ts";

let driver: Driver;
let server: RunningServer;
let small: RunningServer;
let token: string;
const counter = { roundTrips: 0 };

beforeAll(async () => {
  driver = testDriver();
  server = await startTestServer(countingDriver(driver, counter));
  small = await startTestServer(driver, { maxCost: SMALL_LIMIT });
  token = await tokenFor({ roles: ["officer"] });
});
afterAll(async () => {
  await server?.stop();
  await small?.stop();
  await driver?.close();
});

/**
 * The fan-out: `people(limit: 1000)` with `levels` of `memberOf { members { ... } } }`
 * under it (a level is two relationship hops: 2 levels ran 2.8 s, 3 levels 31 s, 4 levels 77 s).
 */
const fanOut = (levels: number, people = 1000): string => {
  let selection = "id name";
  for (let level = 0; level < levels; level++)
    selection = `id name memberOf { id name members { ${selection} } }`;
  return `people(limit: ${people}) { ${selection} }`;
};

const post = (query: string, variables: Record<string, unknown> = {}, url = server.url) =>
  postGraphQL<unknown>(`${url}/graphql`, { query, variables, token });

/** A server started with a low QUERY_COST_LIMIT (the `maxCost` option). */
const SMALL_LIMIT = 2_000;

/**
 * `levels` relationship filters inside each other, alternating `steps` (`memberOf`, `members`),
 * around a name nobody has: `some` finds no match, so the database walks every path.
 */
const filterChain = (levels: number, steps = ["memberOf", "members"]): string => {
  let where = `{ name: { eq: "nobody at all" } }`;
  for (let level = levels - 1; level >= 0; level--)
    where = `{ ${steps[level % steps.length]}: { some: ${where} } }`;
  return where;
};

/** Refused before any database work, with LIMIT_EXCEEDED naming the cost and `limit`. */
async function expectRefused(
  query: string,
  variables: Record<string, unknown> = {},
  limit: number = REQUEST_LIMITS.maxCost,
  url = server.url,
) {
  counter.roundTrips = 0;
  const reply = await post(query, variables, url);
  expect(reply.status).toBe(400);
  const error = reply.body?.errors?.[0];
  expect(error?.extensions?.code).toBe("LIMIT_EXCEEDED");
  const [, max, found] = /Query Cost limit of (\d+) exceeded, found (\d+)/.exec(error?.message ?? "") ?? [];
  expect(Number(max)).toBe(limit);
  expect(Number(found)).toBeGreaterThan(limit);
  expect(reply.body?.data).toBeUndefined();
  expect(counter.roundTrips).toBe(0);
}

/** Answered without an error. */
async function expectAnswered(query: string, variables: Record<string, unknown> = {}) {
  const reply = await post(query, variables);
  expect(reply.body?.errors).toBeUndefined();
  expect(reply.status).toBe(200);
  return reply.body?.data as Record<string, unknown[]>;
}

describe("the cost limit refuses fan-outs before any database work", () => {
  it.each([
    ["3 levels", `{ ${fanOut(3)} }`],
    ["4 levels", `{ ${fanOut(4)} }`],
    [
      "20 aliases of 2 levels",
      `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: ${fanOut(2)}`).join(" ")} }`,
    ],
  ])("%s: LIMIT_EXCEEDED naming the cost and the limit, no round trip", async (_name, query) => {
    await expectRefused(query);
  });

  it("lets a narrow one through: 2 levels under 2 people", async () => {
    const reply = await post(`{ ${fanOut(2, 2)} }`);
    expect(reply.body?.errors).toBeUndefined();
    expect((reply.body?.data as { people: unknown[] }).people.length).toBe(2);
  });
});

describe("the cost limit prices where filters by the rows they walk (issue 12)", () => {
  // 6 levels ran 28 s before the filters were priced; each level multiplies by a fan-out.
  it.each([
    ["6 levels of memberOf/members", `{ people(where: ${filterChain(6)}) { id } }`],
    ["8 levels of memberOf/members", `{ people(where: ${filterChain(8)}) { id } }`],
    [
      "8 levels through a connection filter with an edge filter",
      `{ people(where: { memberOfConnection: { some: { edge: { role: { eq: MEMBER } }, node: ${filterChain(7, ["members", "memberOf"])} } } }) { id } }`,
    ],
    [
      "20 aliases of an OR of two 2-level filters",
      `{ ${Array.from(
        { length: 20 },
        (_, i) =>
          `a${i}: people(where: { OR: [${filterChain(2)}, ${filterChain(2, ["worksFor", "staff"])}] }) { id }`,
      ).join(" ")} }`,
    ],
    [
      "a 4-level filter on a nested list",
      `{ bodies(limit: 5) { id members(where: ${filterChain(4)}) { id } } }`,
    ],
  ])("%s: LIMIT_EXCEEDED, no round trip", async (_name, query) => {
    await expectRefused(query);
  });

  it("prices a filter given as a variable by its value", async () => {
    const query = "query ($where: PersonWhere) { people(where: $where) { id } }";
    await expectRefused(query, { where: JSON.parse(filterChain(6).replace(/(\w+):/g, '"$1":')) });
    const data = await expectAnswered(query, { where: { memberOf: { some: { id: { eq: "body:scpb" } } } } });
    expect(data.people!.length).toBeGreaterThan(5);
  });

  it("still answers the filters the viewer, the reports and the README use", async () => {
    // The board's members (ViewerBody, ViewerContacts), a strategy's objectives at two depths
    // (ViewerStrategy), one 2-level filter alone (the aliased one above is refused together),
    // a connection filter on the membership's role, and a filter on a nested list.
    const members = await expectAnswered(
      `{ people(where: { memberOf: { some: { id: { eq: "body:scpb" } } } }) { id } }`,
    );
    expect(members.people!.length).toBeGreaterThan(5);
    await expectAnswered(
      `{ objectives(where: { OR: [{ partOfStrategy: { some: { partnershipId: { eq: "partnership:barnet" } } } }, { partOfObjective: { some: { partOfStrategy: { some: { partnershipId: { eq: "partnership:barnet" } } } } } }] }) { id } }`,
    );
    await expectAnswered(`{ people(where: ${filterChain(2)}) { id } }`);
    const chairs = await expectAnswered(
      `{ people(where: { memberOfConnection: { some: { edge: { role: { eq: CHAIR } }, node: { id: { eq: "body:scpb" } } } } }) { id } }`,
    );
    expect(chairs.people!.length).toBeGreaterThan(0);
    await expectAnswered(
      `{ bodies(limit: 20) { id members(where: { memberOf: { some: { kind: { eq: STATUTORY_BOARD } } } }) { id } } }`,
    );
  });

  it("refuses a filter nested past maxInputDepth before walking it, for admins too", async () => {
    const admin = await tokenFor({ roles: ["admin"] });
    let where = '{ name: { eq: "x" } }';
    for (let level = 0; level < 60; level++) where = `{ NOT: ${where} }`;
    for (const [query, variables] of [
      [`{ people(where: ${where}) { id } }`, {}],
      [
        "query ($w: PersonWhere) { people(where: $w) { id } }",
        { w: JSON.parse(where.replace(/(\w+):/g, '"$1":')) },
      ],
    ] as const) {
      const reply = await postGraphQL<unknown>(`${server.url}/graphql`, { query, variables, token: admin });
      expect(reply.status).toBe(400);
      expect(reply.body?.errors?.[0]?.extensions?.code).toBe("LIMIT_EXCEEDED");
      expect(reply.body?.errors?.[0]?.message).toContain("maxInputDepth");
    }
  });

  it("takes its limit from the server's maxCost option (QUERY_COST_LIMIT)", async () => {
    const query = `{ people(where: ${filterChain(1)}) { id } }`;
    await expectAnswered(query);
    counter.roundTrips = 0;
    await expectRefused(`{ people(where: ${filterChain(2)}) { id } }`, {}, SMALL_LIMIT, small.url);
  });
});

/** A value of the variable's type that validates (ids that match nothing are fine: only the cost is checked). */
function placeholder(type: TypeNode): unknown {
  if (type.kind === Kind.NON_NULL_TYPE) return placeholder(type.type);
  if (type.kind === Kind.LIST_TYPE) return [];
  return { Date: "2017-07-21", Int: 5, Boolean: true }[type.name.value] ?? "placeholder:none";
}

describe("every shipped document is accepted", () => {
  it.each([...shippedDocuments()])("%s, with __typename", async (_name, document) => {
    const operation = document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    )!;
    const variables = Object.fromEntries(
      (operation.variableDefinitions ?? []).map((v) => [v.variable.name.value, placeholder(v.type)]),
    );
    const reply = await post(print(addTypenameToDocument(document)), variables);
    const codes = (reply.body?.errors ?? []).map((e) => e.extensions?.code);
    expect(codes).not.toContain("LIMIT_EXCEEDED");
    expect(reply.status).not.toBe(400);
  });
});

describe("the cost limit prices fan-outs through shared nodes by the graph's own (issue 12)", () => {
  // A shared agency of its own (the registry's are other files' to read while this runs), and a
  // partnership of 300 boards that list it, as every partnership's board lists a national agency.
  let fixture: ReturnType<typeof isolatedPartnership>;
  let AGENCY: string;
  let national: RunningServer | undefined;
  beforeAll(async () => {
    fixture = isolatedPartnership(driver);
    AGENCY = `org:${fixture.slug}-agency`;
    await driver.executeQuery(
      "CREATE (:Organisation {id: $agency, partnershipId: 'shared', name: 'A national agency', kind: 'GOVERNMENT'})",
      { agency: AGENCY },
      { database: DATABASE },
    );
  });
  afterAll(async () => {
    await national?.stop();
    await fixture?.cleanup();
    await driver.executeQuery(
      "MATCH (n:Organisation {id: $agency}) DETACH DELETE n",
      { agency: AGENCY },
      {
        database: DATABASE,
      },
    );
  });

  /** The agency by its id, and `levels` of memberOf/members under it. */
  const fromAgency = (levels: number): string => {
    let selection = "id";
    for (let level = levels; level >= 1; level--)
      selection = `${level % 2 ? "memberOf" : "members"}(limit: 1000) { id ${selection} }`;
    return `{ organisations(where: { id: { eq: "${AGENCY}" } }) { id ${selection} } }`;
  };

  it("refuses a chain under an agency on 300 boards that it accepted when the agency sat on none", async () => {
    // Read by the file's server before the agency existed: priced by the samples' fan-outs, and answered.
    const before = await post(fromAgency(5));
    expect(before.status).toBe(200);
    expect(before.body?.errors).toBeUndefined();

    await driver.executeQuery(
      `MATCH (agency:Organisation {id: $agency})
       UNWIND range(1, 300) AS i
       CREATE (agency)-[:MEMBER_OF]->(:Body {id: $prefix + toString(i), partnershipId: $partnershipId, name: 'Board ' + toString(i), kind: 'STATUTORY_BOARD'})`,
      { agency: AGENCY, prefix: `body:${fixture.slug}-`, partnershipId: fixture.partnershipId },
      { database: DATABASE },
    );
    // A server started now reads the graph before its first request (graph-shape.ts).
    national = await startTestServer(countingDriver(driver, counter));
    await expectRefused(fromAgency(5), {}, REQUEST_LIMITS.maxCost, national.url);
    // Its 300 boards themselves are one list, and answered.
    const boards = await post(fromAgency(1), {}, national.url);
    expect(boards.status).toBe(200);
    const agency = (boards.body?.data as { organisations: { memberOf: unknown[] }[] }).organisations[0]!;
    expect(agency.memberOf.length).toBeGreaterThanOrEqual(300);
  });
});
