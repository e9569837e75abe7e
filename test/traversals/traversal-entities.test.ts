import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/api/index.ts";
import { graphql, startTestServer, tokenFor } from "../support/api.ts";
import { isolatedPartnership, testDriver } from "../support/database.ts";
import { loadFixture } from "../support/seed-fixture.ts";

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

  it("answers one level of relationships, their entities' own fields, in the same round trip", async () => {
    const leads = `{ id leads { __typename ... on Person { id name } ...Lead } }`;
    const action = await ask(`${feeding(leads)} fragment Lead on Body { id kind }`, token());
    expect(action.errors).toBeUndefined();
    expect(action.extensions?.roundTrips).toBe(1);
    const expectedAction = await generated(
      "actions",
      ids.action,
      `{ id leads { __typename ... on Person { id name } ... on Body { id kind } } }`,
    );
    expect(first(action, "actionsFeeding")).toEqual(expectedAction);
    expect(expectedAction).toEqual({
      id: ids.action,
      leads: [{ __typename: "Person", id: ids.person, name: `Lead ${fixture.slug}` }],
    });

    const body = await ask(reporting(`{ id accountableTo { id name kind } }`), token());
    expect(body.errors).toBeUndefined();
    expect(body.extensions?.roundTrips).toBe(1);
    expect(first(body, "bodiesReportingTo")).toEqual(
      await generated("bodies", ids.group, `{ id accountableTo { id name kind } }`),
    );
    expect(first(body, "bodiesReportingTo")).toMatchObject({ accountableTo: [{ id: ids.board }] });
  });

  // [what, the action's selection, fragments of the document, the same asked of the generated query]
  it.each([
    ["a relationship with arguments", `{ id leads(limit: 5) { ... on Person { id name } } }`, "", undefined],
    ["two levels of relationships", `{ id leads { ... on Person { id memberOf { id } } } }`, "", undefined],
    [
      "a fragment on the union",
      `{ id leads { ...L } }`,
      "fragment L on Leader { __typename }",
      `{ id leads { __typename } }`,
    ],
    ["a relationship's connection", `{ id leadsConnection { totalCount } }`, "", undefined],
  ])(
    "hydrates %s through the generated query (a second round trip)",
    async (_what, selection, fragments, same) => {
      const response = await ask(`${feeding(selection)} ${fragments}`, token());
      expect(response.errors).toBeUndefined();
      expect(response.extensions?.roundTrips).toBe(2);
      expect(first(response, "actionsFeeding")).toEqual(
        await generated("actions", ids.action, same ?? selection),
      );
    },
  );

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

describe("the sample's own data", () => {
  // Barnet's 2022-27 priorities 2 and 3 are fed by actions led by bodies and agencies: a union
  // answered from the traversal's row must be what the generated query gives.
  const LEADS = `leads { __typename ... on Person { id name } ... on Body { id name kind } ... on Organisation { id name } }`;
  const sorted = (rows: { action: { id: string; leads: { id?: string }[] } }[]) =>
    rows
      .map(({ action }) => ({
        ...action,
        leads: [...action.leads].sort((a, b) => String(a.id).localeCompare(String(b.id))),
      }))
      .sort((a, b) => a.id.localeCompare(b.id));

  it.each([
    ["objective:cs-2022-27:priority-2", ["Organisation"]],
    ["objective:cs-2022-27:priority-3", ["Body", "Organisation"]],
  ])(
    "answers %s's actions with their leads in one round trip, as the generated query does",
    async (objective, leaderKinds) => {
      const loaded = await ask(`{ actionsFeeding(objectiveId: "${objective}") { action { id ${LEADS} } } }`);
      expect(loaded.errors).toBeUndefined();
      expect(loaded.extensions?.roundTrips).toBe(1);
      const rows = loaded.data?.actionsFeeding as Parameters<typeof sorted>[0];
      const kinds = new Set(
        rows.flatMap(({ action }) => action.leads.map((l) => (l as { __typename: string }).__typename)),
      );
      expect([...kinds].sort()).toEqual(leaderKinds);
      // With an argument the same leads come through the generated query.
      const hydrated = await ask(
        `{ actionsFeeding(objectiveId: "${objective}") { action { id ${LEADS.replace("leads", "leads(limit: 1000)")} } } }`,
      );
      expect(hydrated.extensions?.roundTrips).toBe(2);
      expect(sorted(rows)).toEqual(sorted(hydrated.data?.actionsFeeding as Parameters<typeof sorted>[0]));
    },
  );
});
