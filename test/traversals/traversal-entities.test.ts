import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/api/index.js";
import { graphql, startTestServer, tokenFor } from "../support/api.js";
import { isolatedPartnership, testDriver } from "../support/database.js";
import { loadFixture } from "../support/seed-fixture.js";

// actionsFeeding and bodiesReportingTo answer a selection of the entity's own fields from the
// traversal's row (one round trip); anything more (a relationship, a restricted field) goes through
// the generated query, whose nested fields and authorization must still hold for every caller.
// The fixture is a partnership of its own beside the sample's Barnet and Lichfield; the officer
// "of the other partnership" is Barnet's.

let driver: Driver;
let server: RunningServer;
let fixture: ReturnType<typeof isolatedPartnership>;
let callers: { anonymous: undefined; officer: string; otherOfficer: string };
const ids = { objective: "", action: "", board: "", group: "", person: "" };
const note = { action: "", group: "" };

beforeAll(async () => {
  driver = testDriver();
  server = await startTestServer(driver);
  fixture = isolatedPartnership(driver);
  const s = fixture.slug;
  Object.assign(ids, {
    objective: `objective:${s}:1`,
    action: `action:${s}:1`,
    board: `body:${s}-board`,
    group: `body:${s}-group`,
    person: `person:${s}-lead`,
  });
  Object.assign(note, { action: `action note ${s}`, group: `group note ${s}` });
  await loadFixture(driver, {
    "plan.yaml": `
partnership: ${fixture.partnershipId}
document: { id: doc:${s}, title: Plan ${s} }
entries:
  - Partnership: ${fixture.partnershipId}
    at: cover
    name: Partnership ${s}
  - Body: ${ids.board}
    at: p1
    name: Board ${s}
    kind: STATUTORY_BOARD
  - Body: ${ids.group}
    at: p2
    name: Group ${s}
    kind: STRATEGY_DELIVERY_GROUP
    frequency: Monthly
    validFrom: 2015-04-01
    privateNote: ${note.group}
    ACCOUNTABLE_TO: ${ids.board}
  - Person: ${ids.person}
    at: p3
    name: Lead ${s}
  - Objective: ${ids.objective}
    at: p4
    title: Objective ${s}
    kind: PRIORITY
  - Action: ${ids.action}
    at: p5
    ref: "1.1"
    title: Action ${s}
    kind: ACTION
    dueDate: 2016-03-31
    privateNote: ${note.action}
    CONTRIBUTES_TO: ${ids.objective}
    LED_BY: { to: ${ids.person}, role: LEAD_OFFICER }
`,
  });
  callers = {
    anonymous: undefined,
    officer: await tokenFor({ roles: ["officer"], partnerships: [fixture.partnershipId] }),
    otherOfficer: await tokenFor({ roles: ["officer"], partnerships: ["partnership:barnet"] }),
  };
  // The first request of a schema makes one-off calls; round trips are counted in steady state.
  await ask(`{ actionsFeeding(objectiveId: "${ids.objective}") { action { id leads { __typename } } } }`);
});

afterAll(async () => {
  await fixture.cleanup();
  await server.stop();
  await driver.close();
});

type Response = Awaited<ReturnType<typeof graphql<Record<string, unknown>>>>;
const ask = (query: string, token?: string): Promise<Response> => graphql(server.url, query, {}, token);

const feeding = (selection: string) =>
  `{ actionsFeeding(objectiveId: "${ids.objective}") { depth action ${selection} } }`;
const reporting = (selection: string) =>
  `{ bodiesReportingTo(bodyId: "${ids.board}", asOf: "2016-01-29") { depth body ${selection} } }`;
const first = (response: Response, field: string): Record<string, unknown> | undefined =>
  ((response.data?.[field] as { action?: object; body?: object }[] | undefined)?.[0]?.action ??
    (response.data?.[field] as { body?: object }[] | undefined)?.[0]?.body) as
    Record<string, unknown> | undefined;

/** The entity as the generated query gives it, to compare with what the traversal answered. */
async function generated(root: string, id: string, selection: string): Promise<Record<string, unknown>> {
  const response = await ask(`{ ${root}(where: { id: { eq: "${id}" } }) ${selection} }`, callers.officer);
  expect(response.errors).toBeUndefined();
  return (response.data?.[root] as Record<string, unknown>[])[0]!;
}

describe.each(["anonymous", "officer", "otherOfficer"] as const)("for the %s caller", (who) => {
  const token = () => callers[who];

  it("answers actionsFeeding's own action fields (dates, enums, aliases, fragments) in one round trip", async () => {
    const selection = `{ id ref t: title kind dueDate createdAt ...More ... on Action { partnershipId } __typename }`;
    const response = await ask(
      `${feeding(selection)} fragment More on Action { status desiredOutcome }`,
      token(),
    );
    expect(response.errors).toBeUndefined();
    expect(response.extensions?.roundTrips).toBe(1);
    const expected = await generated(
      "actions",
      ids.action,
      `{ id ref t: title kind dueDate createdAt status desiredOutcome partnershipId __typename }`,
    );
    expect(first(response, "actionsFeeding")).toEqual(expected);
    expect(expected).toMatchObject({ ref: "1.1", kind: "ACTION", dueDate: "2016-03-31", status: null });
  });

  it("answers bodiesReportingTo's own body fields in one round trip", async () => {
    const response = await ask(reporting(`{ id name kind frequency validFrom updatedAt }`), token());
    expect(response.errors).toBeUndefined();
    expect(response.extensions?.roundTrips).toBe(1);
    const expected = await generated("bodies", ids.group, `{ id name kind frequency validFrom updatedAt }`);
    expect(first(response, "bodiesReportingTo")).toEqual(expected);
    expect(expected).toMatchObject({ frequency: "Monthly", validFrom: "2015-04-01" });
  });

  it("hydrates nested fields through the generated query (a second round trip)", async () => {
    const action = await ask(feeding(`{ id leads { ... on Person { id name } } }`), token());
    expect(action.errors).toBeUndefined();
    expect(first(action, "actionsFeeding")).toEqual({
      id: ids.action,
      leads: [{ id: ids.person, name: expect.any(String) }],
    });
    expect(action.extensions?.roundTrips).toBe(2);

    const body = await ask(reporting(`{ id accountableTo { id } }`), token());
    expect(body.errors).toBeUndefined();
    expect(first(body, "bodiesReportingTo")).toEqual({ id: ids.group, accountableTo: [{ id: ids.board }] });
    expect(body.extensions?.roundTrips).toBe(2);
  });

  it("shows private notes to the partnership's officer only", async () => {
    for (const [query, field, text] of [
      [feeding(`{ id privateNote }`), "actionsFeeding", note.action],
      [reporting(`{ id ... on Body { privateNote } }`), "bodiesReportingTo", note.group],
    ] as const) {
      const response = await ask(query, token());
      if (who === "officer") {
        expect(response.errors).toBeUndefined();
        expect(first(response, field)?.privateNote).toBe(text);
      } else {
        expect(response.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
        expect(JSON.stringify(response)).not.toContain(text);
      }
    }
  });
});
