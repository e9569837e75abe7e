import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/api/index.ts";
import { reportRequest, runReport } from "../../src/report/index.ts";
import type { BodyReport, ChangeLine, ChangesSection } from "../../src/report/model/index.ts";
import { today } from "../../src/text/index.ts";
import { graphql, startTestServer, tokenFor } from "../support/api.ts";
import { DATABASE, isolatedPartnership, testDriver } from "../support/database.ts";

let driver: Driver;
let server: RunningServer;
let fixture: ReturnType<typeof isolatedPartnership>;
const TODAY = today();
const SECRET = "Named in the exempt review";

/** A board with a member, a meeting in 2024 and a strategy it oversees, with an objective and an action. */
async function createFixture(p: string, slug: string): Promise<void> {
  await driver.executeQuery(
    `CREATE (:Partnership {id: $p, partnershipId: $p, name: 'Changeshire CSP'})
     CREATE (board:Body {id: $slug + ':board', partnershipId: $p, name: 'Changeshire Board', kind: 'STATUTORY_BOARD'})
     CREATE (:Person {id: $slug + ':ada', partnershipId: $p, name: 'Ada Chair'})-[:MEMBER_OF {role: 'CHAIR'}]->(board)
     CREATE (:Meeting {id: $slug + ':meeting', partnershipId: $p, title: 'Changeshire Board', date: date('2024-05-01')})-[:MEETING_OF]->(board)
     CREATE (s:Strategy {id: $slug + ':strategy', partnershipId: $p, title: 'Changeshire Plan', kind: 'STRATEGY', periodStart: date('2024-01-01')})-[:OVERSEEN_BY]->(board)
     CREATE (o:Objective {id: $slug + ':objective', partnershipId: $p, ref: '1', title: 'Fewer burglaries', kind: 'PRIORITY'})-[:PART_OF]->(s)
     CREATE (:Action {id: $slug + ':action', partnershipId: $p, ref: '1.1', title: 'Target hardening', kind: 'ACTION', status: 'PLANNED'})-[:CONTRIBUTES_TO]->(o)`,
    { p, slug: `body:${slug}` },
    { database: DATABASE },
  );
}

const officer = (partnershipId: string) => tokenFor({ roles: ["officer"], partnerships: [partnershipId] });

/** The body pack through the running API, as `npm run report -- body <id> --endpoint URL [--token T]` makes it. */
async function pack(id: string, options: Parameters<typeof reportRequest>[2], token?: string) {
  const request = reportRequest("body", id, {
    ...options,
    endpoint: server.url,
    ...(token ? { token } : {}),
  });
  const { report, output } = await runReport(request, { write: () => {} });
  return { model: report.model as BodyReport, markdown: String(output) };
}

const listed = (changes: ChangesSection): ChangeLine[] => {
  expect(changes.state).toBe("listed");
  return changes.state === "listed" ? changes.lines : [];
};

beforeAll(async () => {
  driver = testDriver();
  fixture = isolatedPartnership(driver);
  await createFixture(fixture.partnershipId, fixture.slug);
  // A report is one large batch request: a database that has just started (or a loaded machine)
  // plans it slowly, so the server allows what an in-process report does (REPORT_TIMEOUT_MS).
  server = await startTestServer(driver, { timeoutMs: 120_000 });
  // After the board's meeting of 1 May 2024: an editor moves the action on and notes something restricted.
  const editor = await tokenFor({
    roles: ["editor"],
    partnerships: [fixture.partnershipId],
    sub: "jo.editor",
  });
  const response = await graphql(
    server.url,
    `
      mutation ($id: ID!, $note: String!) {
        updateActions(
          where: { id: { eq: $id } }
          update: { status: { set: IN_PROGRESS }, privateNote: { set: $note } }
        ) {
          actions {
            id
          }
        }
      }
    `,
    { id: `body:${fixture.slug}:action`, note: SECRET },
    editor,
  );
  expect(response.errors).toBeUndefined();
});
afterAll(async () => {
  await server?.stop();
  await driver?.executeQuery("MATCH (c:Change {entityPartnershipId: $p}) DETACH DELETE c", {
    p: fixture.partnershipId,
  });
  await fixture?.cleanup();
  await driver?.close();
});

describe("report body: changes since the last meeting", () => {
  it("lists an officer what changed since the board last met: when, who, which record, before and after", async () => {
    const { model, markdown } = await pack(
      `body:${fixture.slug}:board`,
      { asOf: TODAY, partnership: fixture.partnershipId },
      await officer(fixture.partnershipId),
    );
    expect(model.changes).toMatchObject({
      window: { since: "2024-05-01", until: TODAY, meeting: { id: `body:${fixture.slug}:meeting` } },
    });
    const lines = listed(model.changes);
    expect(lines).toContainEqual(
      expect.objectContaining({
        date: TODAY,
        actor: "jo.editor",
        via: "api",
        entity: { id: `body:${fixture.slug}:action`, name: "1.1 Target hardening", kind: "Action" },
        what: "status",
        before: "PLANNED",
        after: "IN_PROGRESS",
      }),
    );
    // A restricted field's change, for an officer of the partnership.
    expect(lines).toContainEqual(
      expect.objectContaining({ what: "privateNote", before: null, after: SECRET }),
    );
    // The fixture's own making (a Cypher session) is a change too: the board and its lines, once each.
    expect(lines).toContainEqual(
      expect.objectContaining({
        entity: expect.objectContaining({ name: "Changeshire Board" }),
        what: "Created",
      }),
    );
    expect(lines.filter((l) => l.what === "Updatedat" || l.what === "updatedAt")).toEqual([]);
    expect(markdown).toContain("Changes since the last meeting");
    expect(markdown).toMatch(
      /\| jo\.editor<br>api \| 1\.1 Target hardening<br>Action \| status \| PLANNED \| IN\\_PROGRESS \|/,
    );
  });

  it("stops at the report date: a pack as at yesterday lists nothing made today", async () => {
    const yesterday = today(new Date(Date.now() - 86_400_000));
    const { model } = await pack(
      `body:${fixture.slug}:board`,
      { asOf: yesterday, partnership: fixture.partnershipId },
      await officer(fixture.partnershipId),
    );
    expect(listed(model.changes)).toEqual([]);
  });

  it("gives an anonymous pack no history, so no restricted item's change, and says why", async () => {
    const { model, markdown } = await pack(`body:${fixture.slug}:board`, {
      asOf: TODAY,
      partnership: fixture.partnershipId,
    });
    expect(model.changes).toMatchObject({ state: "withheld", code: "UNAUTHENTICATED" });
    expect(markdown).toContain("The history of changes is for officers of Changeshire CSP");
    expect(markdown).not.toContain(SECRET);
    expect(markdown).not.toContain("IN_PROGRESS");
    // An officer of another partnership is refused too.
    const elsewhere = await pack(
      `body:${fixture.slug}:board`,
      { asOf: TODAY, partnership: fixture.partnershipId },
      await officer("partnership:barnet"),
    );
    expect(elsewhere.model.changes).toMatchObject({ state: "withheld", code: "FORBIDDEN" });
    expect(elsewhere.markdown).not.toContain(SECRET);
  });

  it("can start from a given day, or be left out", async () => {
    const token = await officer(fixture.partnershipId);
    const { model } = await pack(
      `body:${fixture.slug}:board`,
      { asOf: TODAY, partnership: fixture.partnershipId, changesSince: TODAY },
      token,
    );
    expect(model.changes).toMatchObject({ window: { since: TODAY, meeting: null } });
    expect(listed(model.changes).map((l) => l.what)).toContain("status");
    const off = await pack(
      `body:${fixture.slug}:board`,
      { asOf: TODAY, partnership: fixture.partnershipId, changes: false },
      token,
    );
    expect(off.model.changes).toEqual({ state: "off" });
    expect(off.markdown).not.toContain("Changes since the last meeting");
  });

  it("works for both sample partnerships: Barnet's board since its last meeting, Lichfield's from a given day", async () => {
    const barnet = await pack(
      "body:scpb",
      { asOf: TODAY, partnership: "partnership:barnet" },
      await officer("partnership:barnet"),
    );
    expect(barnet.model.changes).toMatchObject({
      window: { meeting: { id: expect.stringMatching(/^meeting:scpb-/) }, until: TODAY },
    });
    // The samples were loaded for this run: the board's record is among the changes, by the seed loader.
    expect(listed(barnet.model.changes)).toContainEqual(
      expect.objectContaining({ entity: expect.objectContaining({ id: "body:scpb" }), via: "seed" }),
    );

    const lichfield = await pack(
      "body:lichfield-district-board",
      { asOf: TODAY, partnership: "partnership:lichfield" },
      await officer("partnership:lichfield"),
    );
    // No meeting of the Lichfield board is recorded: the section says to give a day.
    expect(lichfield.model.changes).toEqual({ state: "no-meeting", until: TODAY });
    expect(lichfield.markdown).toContain("give --changes-since");
    const since = await pack(
      "body:lichfield-district-board",
      { asOf: TODAY, partnership: "partnership:lichfield", changesSince: "2020-01-01" },
      await officer("partnership:lichfield"),
    );
    const lines = listed(since.model.changes);
    expect(lines.map((l) => l.entity.kind)).toContain("Strategy");
    expect(lines.every((l) => !l.entity.id.startsWith("body:scpb"))).toBe(true);
  });
});
