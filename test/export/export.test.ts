import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import jsonld from "jsonld";
import { Parser, Store, DataFactory, type Quad } from "n3";
import type { Driver } from "neo4j-driver";
import { Validator, type Schema } from "jsonschema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/api/index.ts";
import {
  DEFAULT_BASE_IRI,
  exportFiles,
  NAMESPACES,
  type ExportRequest,
  type PopoloExport,
} from "../../src/export/index.ts";
import { buildDomainModel, readTypeDefs, restrictions } from "../../src/schema-model/index.ts";
import {
  ANONYMOUS,
  buildScope,
  createReadQuery,
  graphStats,
  type Viewer,
} from "../../src/traversals/index.ts";
import { startTestServer, tokenFor } from "../support/api.ts";
import { DATABASE, isolatedPartnership, testDriver } from "../support/database.ts";
import { loadFixture } from "../support/seed-fixture.ts";

const BARNET = "partnership:barnet";
const OFFICER: Viewer = { officerOf: [BARNET] };
const model = buildDomainModel(readTypeDefs());
const { namedNode } = DataFactory;
const org = (local: string) => namedNode(`${NAMESPACES.org}${local}`);
const iri = (id: string) => namedNode(`${DEFAULT_BASE_IRI}${id}`);

/**
 * Popolo's JSON schemas (draft 03). POPOLO_SCHEMA_DIR points at the Popolo project's own
 * `schemas/` folder (not on npm, so not shipped); without it, this folder's draft-03 schemas,
 * written here from the Popolo specification and stricter (no property outside the spec).
 */
const SCHEMA_DIR = process.env.POPOLO_SCHEMA_DIR ?? path.join(import.meta.dirname, "popolo-draft03");
const validator = new Validator();
const schemas = new Map<string, Schema>();
for (const file of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith(".json"))) {
  const schema = JSON.parse(readFileSync(path.join(SCHEMA_DIR, file), "utf8")) as Schema;
  validator.addSchema(schema, schema.id);
  schemas.set(file.replace(/\.json$/, ""), schema);
}
const popoloErrors = (popolo: PopoloExport): string[] =>
  (
    [
      ["person", popolo.persons],
      ["organization", popolo.organizations],
      ["membership", popolo.memberships],
      ["post", popolo.posts],
    ] as const
  ).flatMap(([type, items]) =>
    items.flatMap((item) =>
      validator
        .validate(item, schemas.get(type)!)
        .errors.map((e) => `${type} ${String(item.id)}: ${e.stack}`),
    ),
  );

// Whole-partnership reads: roomier than the API's per-query timeout on a busy machine.
describe("open-data exports", { timeout: 180_000 }, () => {
  let driver: Driver;
  let server: RunningServer;
  const other = { ...isolatedPartnership(testDriver()) };
  const run = (request: Omit<ExportRequest, "baseIri">) =>
    exportFiles(createReadQuery(driver, DATABASE, 60_000), model, { baseIri: DEFAULT_BASE_IRI, ...request });
  const popoloOf = async (partnershipId: string, viewer: Viewer, asOf: string | null = null) =>
    JSON.parse(
      (await run({ format: "popolo", scope: { partnershipId, asOf, viewer } }))[0]!.body,
    ) as PopoloExport;

  beforeAll(async () => {
    driver = testDriver();
    server = await startTestServer(driver);
    // A second partnership of another shape: a CSP accountable to a district board above it,
    // with one group accountable to that district board directly.
    const s = other.slug;
    await loadFixture(driver, {
      "partnership.yaml": `partnership: ${other.partnershipId}
document: { id: doc:${s}-plan, title: Community safety plan, date: 2023-04-01, kind: PLAN, url: "https://example.org/${s}.pdf" }
entries:
  - { Partnership: ${other.partnershipId}, at: Cover, name: Exportshire Community Safety Partnership }
  - { Body: body:${s}-lsp, at: Structure, name: Exportshire Local Strategic Partnership, kind: LOCAL_STRATEGIC_PARTNERSHIP }
  - Body: body:${s}-csp
    at: Structure
    name: Exportshire CSP Board
    kind: STATUTORY_BOARD
    ACCOUNTABLE_TO: body:${s}-lsp
  - Body: body:${s}-youth
    at: Structure
    name: Exportshire Youth Forum
    kind: COMMUNITY_ENGAGEMENT_GROUP
    ACCOUNTABLE_TO: body:${s}-lsp
  - { Organisation: org:${s}-council, at: Members, name: Exportshire District Council, kind: STATUTORY }
  - Person: person:${s}-chair
    at: Members
    name: Pat Export
    email: pat@example.org
    WORKS_FOR: { to: org:${s}-council, title: Head of Community Safety }
    MEMBER_OF: { to: body:${s}-csp, role: CHAIR, representing: Exportshire District Council, validFrom: 2023-04-01 }
`,
    });
  });
  afterAll(async () => {
    await server?.stop();
    await other.cleanup();
    await driver?.close();
  });

  it("writes Barnet as Popolo that the schemas accept, with bodies, agencies, people, chairs' posts and sources", async () => {
    const popolo = await popoloOf(BARNET, ANONYMOUS);
    expect(popoloErrors(popolo)).toEqual([]);
    const scpb = popolo.organizations.find((o) => o.id === "body:scpb");
    expect(scpb).toMatchObject({
      name: "Safer Communities Partnership Board",
      classification: "statutory board",
    });
    expect((scpb!.sources as { note: string }[]).length).toBeGreaterThan(0);
    // Groups accountable to the board have it as parent.
    expect(popolo.organizations.filter((o) => o.parent_id === "body:scpb").length).toBeGreaterThan(5);
    const chairPost = popolo.posts.find((p) => p.id === "post:scpb:chair");
    expect(chairPost).toMatchObject({ organization_id: "body:scpb", role: "chair" });
    const chairs = popolo.memberships.filter((m) => m.post_id === "post:scpb:chair");
    expect(chairs.length).toBeGreaterThan(0);
    // A member who represents an agency by one of its names points at that organisation.
    const onBehalf = popolo.memberships.filter((m) => m.on_behalf_of_id);
    expect(onBehalf.length).toBeGreaterThan(0);
    const ids = new Set(popolo.organizations.map((o) => o.id));
    for (const m of onBehalf) expect(ids.has(m.on_behalf_of_id)).toBe(true);
    // Every referenced person and organisation is in the export.
    const people = new Set(popolo.persons.map((p) => p.id));
    for (const m of popolo.memberships) {
      if (m.person_id) expect(people.has(m.person_id)).toBe(true);
      expect(ids.has(m.organization_id)).toBe(true);
    }
  });

  it("publishes contact details only to officers of the partnership", async () => {
    const anonymous = JSON.stringify(await popoloOf(BARNET, ANONYMOUS));
    const officer = await popoloOf(BARNET, OFFICER);
    const otherOfficer = JSON.stringify(await popoloOf(BARNET, { officerOf: [other.partnershipId] }));
    const withEmail = officer.persons.filter((p) => p.email);
    expect(withEmail.length).toBeGreaterThan(0);
    for (const person of withEmail) {
      expect(anonymous).not.toContain(String(person.email));
      expect(otherOfficer).not.toContain(String(person.email));
    }
    expect(popoloErrors(officer)).toEqual([]);
  });

  it("as of a date, holds only the bodies and memberships valid that day", async () => {
    const all = await popoloOf(BARNET, ANONYMOUS);
    const then = await popoloOf(BARNET, ANONYMOUS, "2016-01-29");
    const later = all.organizations.filter(
      (o) => typeof o.founding_date === "string" && o.founding_date > "2016-01-29",
    );
    expect(later.length).toBeGreaterThan(0);
    const thenIds = new Set(then.organizations.map((o) => o.id));
    for (const body of later) expect(thenIds.has(body.id)).toBe(false);
    for (const m of then.memberships) {
      if (typeof m.start_date === "string") expect(m.start_date <= "2016-01-29").toBe(true);
      if (typeof m.end_date === "string") expect(m.end_date >= "2016-01-29").toBe(true);
    }
    expect(then.memberships.length).toBeLessThan(all.memberships.length);
  });

  it("keeps each partnership to itself: the other partnership's export names nothing of Barnet's", async () => {
    const popolo = await popoloOf(other.partnershipId, ANONYMOUS);
    expect(popoloErrors(popolo)).toEqual([]);
    const text = JSON.stringify(popolo);
    expect(text).not.toContain("barnet");
    // The group accountable to the district board directly hangs under it, not under the CSP.
    const youth = popolo.organizations.find((o) => o.id === `body:${other.slug}-youth`);
    expect(youth?.parent_id).toBe(`body:${other.slug}-lsp`);
    const chair = popolo.memberships.find((m) => m.person_id === `person:${other.slug}-chair`);
    expect(chair).toMatchObject({ on_behalf_of_id: `org:${other.slug}-council`, start_date: "2023-04-01" });
    const source = (popolo.organizations[0]!.sources as { url: string }[])[0];
    expect(source?.url).toBe(`https://example.org/${other.slug}.pdf`);
  });

  it("writes Lichfield, a CSP under a district board, as valid Popolo, ORG and CSV, naming nothing of Barnet's", async () => {
    const LICHFIELD = "partnership:lichfield";
    const popolo = await popoloOf(LICHFIELD, ANONYMOUS);
    expect(popoloErrors(popolo)).toEqual([]);
    const parent = (id: string) => popolo.organizations.find((o) => o.id === id)?.parent_id;
    // The seeds' lines: the delivery group and the Board's two other sub-partnerships under the Board.
    for (const id of [
      "body:lichfield-csp-delivery-group",
      "body:lichfield-health-and-wellbeing-board",
      "body:lichfield-strategic-housing-partnership",
    ])
      expect(parent(id)).toBe("body:lichfield-district-board");
    expect(parent("body:lichfield-district-board")).toBe(LICHFIELD);
    // The council pages are cited by their addresses.
    const urls = popolo.organizations.flatMap((o) =>
      ((o.sources ?? []) as { url: string }[]).map((l) => l.url),
    );
    expect(urls.some((url) => url.startsWith("https://www.lichfielddc.gov.uk/"))).toBe(true);
    expect(JSON.stringify(popolo)).not.toMatch(/barnet|body:scpb/i);

    const turtle = (
      await run({
        format: "org",
        rdf: "turtle",
        scope: { partnershipId: LICHFIELD, asOf: null, viewer: ANONYMOUS },
      })
    )[0]!.body;
    const store = new Store(new Parser().parse(turtle));
    const subs = store
      .getSubjects(org("subOrganizationOf"), iri("body:lichfield-district-board"), null)
      .map((t) => t.value);
    expect(subs).toContain(`${DEFAULT_BASE_IRI}body:lichfield-csp-delivery-group`);

    const files = await run({
      format: "csv",
      scope: { partnershipId: LICHFIELD, asOf: null, viewer: ANONYMOUS },
    });
    const stats = await graphStats(
      createReadQuery(driver, DATABASE, 60_000),
      buildScope({ partnershipId: LICHFIELD, viewer: ANONYMOUS }),
    );
    for (const { label, count } of stats.nodes)
      expect(
        (parseCsv(files.find((f) => f.name === `${label}.csv`)!.body, { columns: true }) as unknown[]).length,
      ).toBe(count);
    expect(files.map((f) => f.body).join("\n")).not.toMatch(/partnership:barnet/);
  });

  it("writes the W3C ORG graph as Turtle and JSON-LD that parse to the same triples", async () => {
    const scope = { partnershipId: BARNET, asOf: "2016-01-29", viewer: ANONYMOUS };
    const turtle = (await run({ format: "org", rdf: "turtle", scope }))[0]!.body;
    const quads = new Parser().parse(turtle);
    const store = new Store(quads);
    // The SCPB's sub-organisations: every group accountable to it that day, from the graph itself.
    const { records } = await driver.executeQuery(
      `MATCH (b:Body)-[r:ACCOUNTABLE_TO]->(:Body {id: 'body:scpb'})
       WHERE (r.validFrom IS NULL OR r.validFrom <= date('2016-01-29')) AND (r.validTo IS NULL OR r.validTo >= date('2016-01-29'))
         AND (b.validFrom IS NULL OR b.validFrom <= date('2016-01-29')) AND (b.validTo IS NULL OR b.validTo >= date('2016-01-29'))
       RETURN collect(DISTINCT b.id) AS ids`,
      {},
      { database: DATABASE },
    );
    const expected = (records[0]!.get("ids") as string[]).map((id) => `${DEFAULT_BASE_IRI}${id}`).sort();
    expect(expected.length).toBeGreaterThan(3);
    const subs = store.getSubjects(org("subOrganizationOf"), iri("body:scpb"), null).map((t) => t.value);
    expect(subs.sort()).toEqual(expected);
    for (const sub of subs)
      expect(
        store.has(
          DataFactory.quad(namedNode(sub), namedNode(`${NAMESPACES.rdf}type`), org("OrganizationalUnit")),
        ),
      ).toBe(true);

    // The chair's membership: an org:Membership of the SCPB with the chair role and a start date.
    const chairRole = iri("vocab:role:chair");
    const chairMemberships = store
      .getSubjects(org("organization"), iri("body:scpb"), null)
      .filter((m) => store.has(DataFactory.quad(m as Quad["subject"], org("role"), chairRole)));
    expect(chairMemberships.length).toBeGreaterThan(0);
    const chairs = chairMemberships.flatMap((m) =>
      store.getObjects(m, org("member"), null).map((t) => t.value),
    );
    expect(chairs.every((c) => c.startsWith(`${DEFAULT_BASE_IRI}person:`))).toBe(true);
    expect(store.getObjects(chairMemberships[0]!, org("memberDuring"), null).length).toBe(1);

    // Provenance: each body derives from a paper, with the locator on a qualified derivation.
    const papers = store.getObjects(iri("body:scpb"), namedNode(`${NAMESPACES.prov}wasDerivedFrom`), null);
    expect(papers.length).toBeGreaterThan(0);
    expect(store.getObjects(papers[0]!, namedNode(`${NAMESPACES.dcterms}title`), null).length).toBe(1);

    const jsonLd = (await run({ format: "org", rdf: "jsonld", scope }))[0]!.body;
    const nquads = (await jsonld.toRDF(JSON.parse(jsonLd) as object, {
      format: "application/n-quads",
    })) as string;
    const fromJsonLd = new Parser({ format: "N-Quads" }).parse(nquads);
    expect(fromJsonLd.length).toBe(quads.length);
    const fromJsonLdStore = new Store(fromJsonLd);
    expect(fromJsonLdStore.getSubjects(org("subOrganizationOf"), iri("body:scpb"), null).length).toBe(
      subs.length,
    );
  });

  it.each([
    ["anonymous", ANONYMOUS],
    ["an officer", OFFICER],
  ] as const)("writes CSVs that parse back to graphStats' counts for %s", async (_who, viewer) => {
    const files = await run({ format: "csv", scope: { partnershipId: BARNET, asOf: null, viewer } });
    const stats = await graphStats(
      createReadQuery(driver, DATABASE, 60_000),
      buildScope({ partnershipId: BARNET, viewer }),
    );
    const counted = (kind: "node" | "relationship") =>
      Object.fromEntries(
        files
          .filter((f) => (kind === "node" ? /^[A-Z][a-z]/ : /^[A-Z_]+\.csv$/).test(f.name))
          .map((f) => [
            f.name.replace(/\.csv$/, ""),
            (parseCsv(f.body, { columns: true }) as unknown[]).length,
          ]),
      );
    const expected = (rows: { label: string; count: number }[]) =>
      Object.fromEntries(rows.map((r) => [r.label, r.count]));
    expect(counted("node")).toEqual(expected(stats.nodes));
    expect(counted("relationship")).toEqual(expected(stats.relationships));
    const people = parseCsv(files.find((f) => f.name === "Person.csv")!.body, { columns: true }) as Record<
      string,
      string
    >[];
    expect(Object.keys(people[0]!).includes("email")).toBe(viewer !== ANONYMOUS);
    const items = parseCsv(files.find((f) => f.name === "AgendaItem.csv")!.body, { columns: true }) as Record<
      string,
      string
    >[];
    expect(items.some((i) => i.restricted === "true")).toBe(viewer !== ANONYMOUS);
    // Every field the SDL marks restricted is a column only in an officer's tables; no decision taken at a
    // restricted item reaches the public either.
    for (const [label, fields] of restrictions().fields) {
      const table = files.find((f) => f.name === `${label}.csv`);
      if (!table) continue;
      const header = (parseCsv(table.body, { to_line: 1 }) as string[][])[0]!;
      // Audit fields (updatedBy) are not exported at all; the domain's restricted properties are officers' columns.
      for (const field of fields.filter((f) => model.labels.get(label)?.properties.has(f)))
        expect(header.includes(field), `${label}.${field}`).toBe(viewer !== ANONYMOUS);
      expect(header).not.toContain("updatedBy");
    }
    const madeAt = files.find((f) => f.name === "MADE_AT.csv");
    const restrictedIds = new Set(items.filter((i) => i.restricted === "true").map((i) => i.id));
    if (viewer === ANONYMOUS && madeAt)
      for (const row of parseCsv(madeAt.body, { columns: true }) as Record<string, string>[])
        expect(restrictedIds.has(row.to!)).toBe(false);
  });

  it("serves the exports over HTTP under the caller's visibility", async () => {
    const get = (file: string, token?: string) =>
      fetch(
        `${server.url}/export/${BARNET}/${file}`,
        token ? { headers: { authorization: `Bearer ${token}` } } : {},
      );
    const anonymous = await get("popolo.json");
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers.get("content-type")).toContain("application/json");
    const officerToken = await tokenFor({ roles: ["officer"], partnerships: [BARNET] });
    const officerResponse = await get("popolo.json", officerToken);
    // An officer's answer must not sit in a shared cache; the public one may.
    expect(officerResponse.headers.get("cache-control")).toBe("private, no-store");
    expect(anonymous.headers.get("cache-control")).toMatch(/^public/);
    const officer = await officerResponse.text();
    const anonymousText = await anonymous.text();
    expect(officer).toContain("@");
    expect(officer.length).toBeGreaterThan(anonymousText.length);
    expect(anonymousText).not.toMatch(/"email"/);

    const list = (await (await get("csv")).json()) as { files: string[] };
    expect(list.files).toContain("csv/AgendaItem.csv");
    const items = await (await get("csv/AgendaItem.csv")).text();
    const restrictedItems = await (await get("csv/AgendaItem.csv", officerToken)).text();
    expect(parseCsv(restrictedItems).length).toBe(parseCsv(items).length + 1);
    expect((await get("org.ttl")).headers.get("content-type")).toContain("text/turtle");

    expect((await get("popolo.json?asOf=29-01-2016")).status).toBe(400);
    expect((await get("nothing.xml")).status).toBe(404);
    expect((await get("popolo.json", "not-a-token")).status).toBe(401);
    const unknown = await fetch(`${server.url}/export/partnership:barnett/popolo.json`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toContain(
      "partnership:barnett",
    );
  });
});
