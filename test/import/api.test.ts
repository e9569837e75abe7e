import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/api/index.ts";
import { graphql, startTestServer, tokenFor } from "../support/api.ts";
import { DATABASE, testDriver } from "../support/database.ts";
import { footprint, loadImportFixture } from "./fixture.ts";
import { xlsx } from "./sample-plans.ts";

let driver: Driver;
let server: RunningServer;
let fixture: Awaited<ReturnType<typeof loadImportFixture>>;
let content: string;

const MUTATION = `mutation ($partnershipId: ID!, $strategyId: ID!, $fileName: String!, $contentBase64: String!, $mapping: String, $dryRun: Boolean) {
  importSpreadsheet(partnershipId: $partnershipId, strategyId: $strategyId, fileName: $fileName, contentBase64: $contentBase64, mapping: $mapping, dryRun: $dryRun) {
    written dryRun documentId documentCreated
    totals { created changed unchanged byLabel { label created changed unchanged } }
    rows { sheet row outcome subject { id label name } changes { kind label id field before after } }
    errors { sheet row column header found expected fix }
    ignoredColumns
  }
}`;

interface Report {
  written: boolean;
  dryRun: boolean;
  documentId: string;
  totals: { created: number; changed: number; unchanged: number };
  rows: {
    row: number;
    outcome: string;
    subject: { id: string };
    changes: { kind: string; field: string | null }[];
  }[];
  errors: { row: number; column: string; expected: string }[];
  ignoredColumns: string[];
}

const call = (variables: Record<string, unknown>, token?: string) =>
  graphql<{ importSpreadsheet: Report }>(
    server.url,
    MUTATION,
    {
      partnershipId: fixture.a.partnershipId,
      strategyId: fixture.ids.a.strategy,
      fileName: "api-plan.xlsx",
      contentBase64: content,
      ...variables,
    },
    token,
  );

beforeAll(async () => {
  driver = testDriver();
  fixture = await loadImportFixture(driver);
  server = await startTestServer(driver);
  const sheet = await xlsx([
    {
      name: "Action plan",
      header: ["Priority", "Ref", "Action", "Lead officer", "Due date", "2013/14 Q1", "Notes"],
      rows: [
        [
          "Priority 1",
          "A.1",
          "Analytical products to identify hot spots",
          "DCI Gary Randall",
          "on going",
          "Predictive analysis",
          "x",
        ],
        ["Priority 2", "A.2", "Victim Care Plus", "Richard Bell", "30.3.2014", null, null],
      ],
    },
  ]);
  content = sheet.toString("base64");
});

afterAll(async () => {
  await server?.stop();
  await fixture?.cleanup();
  await driver?.close();
});

describe("importSpreadsheet: the same import for editors through the API", () => {
  it("refuses anonymous callers (UNAUTHENTICATED) and anyone but an editor of the partnership or an admin (FORBIDDEN)", async () => {
    const before = await footprint(driver, fixture.a.partnershipId);
    const anonymous = await call({});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const cases: [string, string[], string[]][] = [
      ["an officer of A", ["officer"], [fixture.a.partnershipId]],
      ["an editor of B", ["editor"], [fixture.b.partnershipId]],
      ["an officer and editor of B", ["officer", "editor"], [fixture.b.partnershipId]],
    ];
    for (const [who, roles, partnerships] of cases) {
      const response = await call({}, await tokenFor({ roles, partnerships }));
      expect(response.errors?.[0]?.extensions?.code, who).toBe("FORBIDDEN");
      expect(response.data?.importSpreadsheet ?? null, who).toBeNull();
    }
    // An editor of A naming B's strategy: the strategy's owner decides.
    const foreign = await call(
      { strategyId: fixture.ids.b.strategy },
      await tokenFor({ roles: ["editor"], partnerships: [fixture.a.partnershipId] }),
    );
    expect(foreign.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(foreign.errors?.[0]?.message).toContain(`${fixture.b.partnershipId}'s`);
    expect(await footprint(driver, fixture.a.partnershipId)).toEqual(before);
  });

  it("an editor's dry run reports row by row and writes nothing; the import then writes, recording the token's subject", async () => {
    const editor = await tokenFor({
      roles: ["editor"],
      partnerships: [fixture.a.partnershipId],
      sub: "ana.editor",
    });
    const before = await footprint(driver, fixture.a.partnershipId);
    const dry = await call({ dryRun: true }, editor);
    expect(dry.errors).toBeUndefined();
    expect(dry.data!.importSpreadsheet).toMatchObject({
      written: false,
      dryRun: true,
      totals: { created: 3, changed: 0, unchanged: 2 },
    });
    expect(dry.data!.importSpreadsheet.rows.map((r) => [r.row, r.outcome])).toEqual([
      [2, "created"],
      [3, "created"],
    ]);
    expect(dry.data!.importSpreadsheet.ignoredColumns).toEqual(["Action plan G (Notes)"]);
    expect(await footprint(driver, fixture.a.partnershipId)).toEqual(before);

    const done = await call({}, editor);
    expect(done.errors).toBeUndefined();
    expect(done.data!.importSpreadsheet).toMatchObject({
      written: true,
      documentId: `doc:import:${fixture.a.slug}:api-plan.xlsx`,
    });
    const { records } = await driver.executeQuery(
      "MATCH (a:Action {id: $id})-[:LED_BY]->(p) RETURN a.updatedBy AS by, p.id AS lead",
      { id: `action:${fixture.a.slug}-scs:a.1` },
      { database: DATABASE },
    );
    expect(records[0]!.toObject()).toEqual({ by: "ana.editor", lead: fixture.ids.a.person("gary-randall") });
    const again = await call({}, await tokenFor({ roles: ["admin"], partnerships: [] }));
    expect(again.data!.importSpreadsheet.totals).toMatchObject({ created: 0, changed: 0 });
  });

  it("bad cells come back as errors with the cell, and nothing is written; bad base64 and unknown strategies are BAD_USER_INPUT and NOT_FOUND", async () => {
    const editor = await tokenFor({ roles: ["editor"], partnerships: [fixture.a.partnershipId] });
    const bad = await xlsx([
      { name: "Action plan", header: ["Ref", "Action", "Status"], rows: [["B.1", "An action", "Sort of"]] },
    ]);
    const before = await footprint(driver, fixture.a.partnershipId);
    const response = await call({ fileName: "bad.xlsx", contentBase64: bad.toString("base64") }, editor);
    expect(response.data!.importSpreadsheet.written).toBe(false);
    expect(response.data!.importSpreadsheet.errors).toEqual([
      expect.objectContaining({ row: 2, column: "C", expected: expect.stringContaining("status") }),
    ]);
    expect(await footprint(driver, fixture.a.partnershipId)).toEqual(before);
    const garbled = await call({ contentBase64: "not base64!" }, editor);
    expect(garbled.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const unknown = await call({ strategyId: "strategy:nowhere" }, editor);
    expect(unknown.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const mapping = await call({ mapping: "actions: [1, 2]" }, editor);
    expect(mapping.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(mapping.errors?.[0]?.message).toContain("mapping: actions");
  });

  it("a request over the 1 MB JSON body limit is refused with 413 before any import runs", async () => {
    const editor = await tokenFor({ roles: ["editor"], partnerships: [fixture.a.partnershipId] });
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${editor}` },
      body: JSON.stringify({
        query: MUTATION,
        variables: {
          partnershipId: fixture.a.partnershipId,
          strategyId: fixture.ids.a.strategy,
          fileName: "big.xlsx",
          contentBase64: "A".repeat(1_100_000),
        },
      }),
    });
    expect(response.status).toBe(413);
  });
});
