import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/api/index.ts";
import { graphql, startTestServer, tokenFor } from "../support/api.ts";
import { DATABASE, isolatedPartnership, testDriver } from "../support/database.ts";
import { today } from "../../src/text/index.ts";
import { loadFixture } from "../support/seed-fixture.ts";

interface Fact {
  kind: string;
  property: string | null;
  relationship: string | null;
  direction: string | null;
  otherId: string | null;
  before: string | null;
  after: string | null;
}
interface Change {
  at: string;
  actor: string | null;
  via: string;
  source: string | null;
  entityId: string;
  partnershipId: string;
  facts: Fact[];
}

const CHANGE =
  "at actor via source entityId partnershipId facts { kind property relationship direction otherId before after }";
const HISTORY = `query ($id: ID!) { history(id: $id) { ${CHANGE} } }`;
const CHANGES = `query ($p: ID!, $since: Date!) { changes(partnershipId: $p, since: $since) { ${CHANGE} } }`;

describe("history of every write", () => {
  let driver: Driver;
  let server: RunningServer;
  const fixture = isolatedPartnership(testDriver());
  const other = isolatedPartnership(testDriver());
  const s = fixture.slug;
  const officer = () => tokenFor({ roles: ["officer"], partnerships: [fixture.partnershipId] });
  const history = async (id: string, token?: string) =>
    (await graphql<{ history: Change[] }>(server.url, HISTORY, { id }, token ?? (await officer()))).data
      ?.history ?? [];

  const fixtureFiles = (): Record<string, string> => ({
    "partnership.yaml": `partnership: ${fixture.partnershipId}
document: { id: doc:${s}, title: Terms of reference, date: 2024-01-01, kind: TERMS }
entries:
  - { Partnership: ${fixture.partnershipId}, at: Cover, name: Historyshire CSP }
  - { Body: body:${s}-board, at: Structure, name: Historyshire Board, kind: STATUTORY_BOARD }
  - Body: body:${s}-group
    at: Structure
    name: Historyshire Group
    kind: STRATEGY_DELIVERY_GROUP
    ACCOUNTABLE_TO: body:${s}-board
  - { AgendaItem: item:${s}-secret, at: Agenda, number: "9", title: Exempt review, restricted: true }
`,
  });

  beforeAll(async () => {
    driver = testDriver();
    server = await startTestServer(driver);
    await loadFixture(driver, fixtureFiles());
    // Each partnership from a folder of its own (a folder holds one partnership's files).
    await loadFixture(driver, {
      "partnership.yaml": `partnership: ${other.partnershipId}
document: { id: doc:${other.slug}, title: Other paper, date: 2024-01-01, kind: TERMS }
entries:
  - { Partnership: ${other.partnershipId}, at: Cover, name: Elsewhere CSP }
`,
    });
  });
  afterAll(async () => {
    await server?.stop();
    await driver.executeQuery("MATCH (c:Change) WHERE c.entityPartnershipId IN $p DETACH DELETE c", {
      p: [fixture.partnershipId, other.partnershipId],
    });
    await fixture.cleanup();
    await other.cleanup();
    await driver?.close();
  });

  it("records a seed load: the entity created with its values and its relationships, by the loader", async () => {
    const [created] = await history(`body:${s}-group`);
    expect(created).toMatchObject({
      via: "seed",
      entityId: `body:${s}-group`,
      partnershipId: fixture.partnershipId,
    });
    const kinds = created!.facts.map((f) => f.kind);
    expect(kinds).toContain("CREATED");
    expect(created!.facts).toContainEqual(
      expect.objectContaining({
        kind: "PROPERTY_SET",
        property: "name",
        before: null,
        after: '"Historyshire Group"',
      }),
    );
    expect(created!.facts).toContainEqual(
      expect.objectContaining({
        kind: "RELATIONSHIP_ADDED",
        relationship: "ACCOUNTABLE_TO",
        direction: "OUT",
        otherId: `body:${s}-board`,
      }),
    );
    // The other end sees the same relationship arriving.
    const [board] = await history(`body:${s}-board`);
    expect(board!.facts).toContainEqual(
      expect.objectContaining({ kind: "RELATIONSHIP_ADDED", direction: "IN", otherId: `body:${s}-group` }),
    );
  });

  it("records an API write with who made it and the value before and after, and keeps the earlier record", async () => {
    const editor = await tokenFor({
      roles: ["editor"],
      partnerships: [fixture.partnershipId],
      sub: "jo.editor",
    });
    const response = await graphql(
      server.url,
      `mutation { updateBodies(where: { id: { eq: "body:${s}-group" } }, update: { name: { set: "Historyshire Delivery Group" }, frequency: { set: "Quarterly" } }) { bodies { id } } }`,
      {},
      editor,
    );
    expect(response.errors).toBeUndefined();
    const changes = await history(`body:${s}-group`);
    expect(changes.length).toBe(2);
    const [latest, first] = changes;
    expect(latest).toMatchObject({ via: "api", actor: "jo.editor" });
    expect(latest!.facts).toContainEqual(
      expect.objectContaining({
        kind: "PROPERTY_SET",
        property: "name",
        before: '"Historyshire Group"',
        after: '"Historyshire Delivery Group"',
      }),
    );
    expect(latest!.facts).toContainEqual(
      expect.objectContaining({ property: "frequency", before: null, after: '"Quarterly"' }),
    );
    expect(first!.via).toBe("seed");
    expect(first!.facts).toContainEqual(
      expect.objectContaining({ property: "name", after: '"Historyshire Group"' }),
    );
  });

  it("records a relationship removed and an entity deleted, with what they held, and loses nothing after", async () => {
    await driver.executeQuery(
      "MATCH (:Body {id: $id})-[r:ACCOUNTABLE_TO]->() DELETE r",
      { id: `body:${s}-group` },
      { database: DATABASE, transactionConfig: { metadata: { actor: "ops", via: "cypher" } } },
    );
    const [unlinked] = await history(`body:${s}-group`);
    expect(unlinked).toMatchObject({ actor: "ops", via: "cypher" });
    expect(unlinked!.facts).toEqual([
      expect.objectContaining({
        kind: "RELATIONSHIP_REMOVED",
        relationship: "ACCOUNTABLE_TO",
        otherId: `body:${s}-board`,
      }),
    ]);
    expect(JSON.parse(unlinked!.facts[0]!.before!)).toMatchObject({ locator: "Structure" });

    await driver.executeQuery(
      "MATCH (b:Body {id: $id}) DETACH DELETE b",
      { id: `body:${s}-group` },
      { database: DATABASE },
    );
    const all = await history(`body:${s}-group`);
    expect(all.map((c) => c.facts[0]!.kind)).toEqual([
      "DELETED",
      "RELATIONSHIP_REMOVED",
      "PROPERTY_SET",
      "CREATED",
    ]);
    expect(JSON.parse(all[0]!.facts[0]!.before!)).toMatchObject({ name: "Historyshire Delivery Group" });
  });

  it("leaves no record of a write that rolled back", async () => {
    const before = (await history(`body:${s}-board`)).length;
    const session = driver.session({ database: DATABASE });
    const tx = session.beginTransaction();
    await tx.run("MATCH (b:Body {id: $id}) SET b.name = 'Never'", { id: `body:${s}-board` });
    await tx.rollback();
    await session.close();
    expect((await history(`body:${s}-board`)).length).toBe(before);
  });

  it("lists a partnership's changes since a date, for its officers only", async () => {
    const listed = await graphql<{ changes: Change[] }>(
      server.url,
      CHANGES,
      { p: fixture.partnershipId, since: "2020-01-01" },
      await officer(),
    );
    expect(listed.errors).toBeUndefined();
    const entities = new Set(listed.data!.changes.map((c) => c.entityId));
    expect(entities).toContain(`body:${s}-group`);
    expect(entities).toContain(`body:${s}-board`);
    expect(listed.data!.changes.every((c) => c.partnershipId === fixture.partnershipId)).toBe(true);
    const future = await graphql<{ changes: Change[] }>(
      server.url,
      CHANGES,
      { p: fixture.partnershipId, since: "2999-01-01" },
      await officer(),
    );
    expect(future.data?.changes).toEqual([]);

    const anonymous = await graphql(server.url, CHANGES, { p: fixture.partnershipId, since: "2020-01-01" });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const elsewhere = await tokenFor({ roles: ["officer"], partnerships: [other.partnershipId] });
    const forbidden = await graphql(
      server.url,
      CHANGES,
      { p: fixture.partnershipId, since: "2020-01-01" },
      elsewhere,
    );
    expect(forbidden.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("lists only the entities asked for, up to the end of a given day", async () => {
    const ask = (variables: Record<string, unknown>, token?: string) =>
      graphql<{ changes: Change[] }>(
        server.url,
        `query ($p: ID!, $since: Date!, $until: Date, $ids: [ID!]) { changes(partnershipId: $p, since: $since, until: $until, entityIds: $ids) { ${CHANGE} } }`,
        { p: fixture.partnershipId, since: "2020-01-01", ...variables },
        token,
      );
    const token = await officer();
    const asked = async (variables: Record<string, unknown>) => (await ask(variables, token)).data!.changes;
    const group = await asked({ ids: [`body:${s}-group`] });
    expect(group.length).toBeGreaterThan(0);
    expect(new Set(group.map((c) => c.entityId))).toEqual(new Set([`body:${s}-group`]));
    // Until the end of a day before every write of this run: nothing; until today: everything.
    expect(await asked({ ids: [`body:${s}-group`], until: "2020-12-31" })).toEqual([]);
    expect((await asked({ until: today() })).length).toBeGreaterThan(group.length);
    expect((await ask({ ids: [`body:${s}-group`] })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("keeps a restricted item's history to the officers of its partnership", async () => {
    const id = `item:${s}-secret`;
    expect((await history(id)).length).toBe(1);
    const elsewhere = await tokenFor({ roles: ["officer"], partnerships: [other.partnershipId] });
    expect(await history(id, elsewhere)).toEqual([]);
    const anonymous = await graphql(server.url, HISTORY, { id });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(JSON.stringify(anonymous)).not.toContain("Exempt review");
  });

  it("keeps every record through a seed reset of the partnership, which is recorded too", async () => {
    const before = await history(`body:${s}-board`);
    await loadFixture(driver, fixtureFiles(), { reset: true });
    const after = await history(`body:${s}-board`);
    expect(after.slice(-before.length)).toEqual(before);
    expect(after.slice(0, after.length - before.length).map((c) => c.via)).toContain("seed");
    expect(after.flatMap((c) => c.facts.map((f) => f.kind))).toContain("DELETED");
  });
});
