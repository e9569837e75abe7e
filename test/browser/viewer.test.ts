/**
 * The viewer in real Chromium (Debian's package, driven by playwright-core) against the real
 * API server and the run's Neo4j with the Barnet sample graph. One server and one browser for
 * the file, the browser launched by the first test that needs it (so without Chromium each such
 * test fails, saying how to install it); each test opens the page afresh and must log no page
 * error of its own. Expected values come from the database or the API,
 * so a change to the seeds moves the expectations with it. Screenshots go to test-artifacts/
 * (git-ignored); docs/viewer.png, the README's picture, is a copy of test-artifacts/viewer-body-panel.png.
 */
import { mkdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import type { Page, Request } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildSchema, createTokenVerifier, startServer, type RunningServer } from "../../src/api/index.ts";
import { today } from "../../src/text/index.ts";
import type { DiagramSnapshot } from "../../src/viewer/app/index.ts";
import { ensureViewerBuilt, isViewerBuildCurrent, viewerRoutes } from "../../src/viewer/index.ts";
import { graphql, tokenFor } from "../support/api.ts";
import { DATABASE, testDriver } from "../support/database.ts";
import { sharedChromium } from "./support/chromium.ts";
import { lineConflicts } from "./support/line-geometry.ts";
import { request as httpRequest } from "node:http";

const PARTNERSHIP = "partnership:barnet";
const ARTIFACTS = path.resolve("test-artifacts");

let driver: Driver;
let server: RunningServer;
const chromium = sharedChromium();
let page: Page;
const problems: string[] = [];
const graphqlRequests: { authorization: string | undefined; operation: string }[] = [];

async function cypher<T>(query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const { records } = await driver.executeQuery(query, params, { database: DATABASE });
  return records.map((r) => r.toObject() as T);
}

/** Opens the viewer (anonymous unless a token was stored in this page's session) and waits for the diagram. */
async function open(query = ""): Promise<void> {
  await page.goto(`${server.url}/?partnership=${PARTNERSHIP}${query}`);
  await page.waitForFunction(() => document.body.dataset.state === "ready", null, { timeout: 45_000 });
}

const snapshot = (): Promise<DiagramSnapshot> => page.evaluate(() => window.governanceViewer!.snapshot());

/** Clicks a body on the canvas where it is drawn, as a person would, and waits for its panel. */
async function clickBody(id: string): Promise<void> {
  const at = await page.evaluate((bodyId) => window.governanceViewer!.pagePosition(bodyId), id);
  expect(at, `${id} is drawn`).not.toBeNull();
  await page.mouse.click(at!.x, at!.y);
  await panelShows(`body:${id}`);
}

async function panelShows(showing: string): Promise<void> {
  await page.waitForFunction(
    (expected) =>
      document.querySelector("#panel")?.getAttribute("data-showing") === expected &&
      !document.querySelector("#panel[aria-busy]"),
    showing,
    { timeout: 30_000 },
  );
}

async function setAsOf(date: string): Promise<void> {
  await page.fill("#as-of", date);
  await page.waitForFunction(
    (d) => document.body.dataset.state === "ready" && window.governanceViewer!.state().asOf === d,
    date,
    { timeout: 45_000 },
  );
}

async function search(text: string): Promise<{ id: string; text: string }[]> {
  // The status says which text the results are for; clear it so old results are never read as new.
  await page.$eval("#search-status", (status) => (status.textContent = ""));
  await page.fill("#search", text);
  await page.waitForFunction(
    (t) => (document.querySelector("#search-status")?.textContent ?? "").includes(`“${t}”`),
    text,
    { timeout: 30_000 },
  );
  return page.$$eval("#search-results li", (items) =>
    items.map((li) => ({ id: li.getAttribute("data-id") ?? "", text: li.textContent ?? "" })),
  );
}

beforeAll(async () => {
  await ensureViewerBuilt({ log: () => {} });
  driver = testDriver();
  server = await startServer({
    schema: await buildSchema({ driver }),
    driver,
    database: DATABASE,
    timeoutMs: 30_000,
    host: "127.0.0.1",
    port: 0,
    production: false,
    verifyToken: createTokenVerifier({}),
    log: () => {},
    mount: viewerRoutes(),
  });
  mkdirSync(ARTIFACTS, { recursive: true });
});

/** The file's one page, opened in the shared Chromium on first use, with its error and request logs. */
async function openPage(): Promise<Page> {
  const opened = await (await chromium.browser()).newPage({ viewport: { width: 1600, height: 1000 } });
  opened.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  opened.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  opened.on("request", (request) => {
    if (request.url().endsWith("/graphql") && request.method() === "POST")
      graphqlRequests.push({
        authorization: request.headers().authorization,
        operation: (JSON.parse(request.postData() ?? "{}") as { operationName?: string }).operationName ?? "",
      });
  });
  return opened;
}

afterAll(async () => {
  await chromium.close();
  await server?.stop();
  await driver?.close();
});

// What the server sends, read over HTTP: no browser needed.
describe("the viewer's server", () => {
  it("serves the page at / with its security headers, from a build of the current sources", async () => {
    expect(isViewerBuildCurrent()).toBe(true);
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(await response.text()).toContain('<div id="diagram"');
  });

  it("compresses the API's answers and the viewer's assets", async () => {
    const get = (
      url: string,
      init: { method?: string; body?: string } = {},
    ): Promise<{ encoding: string; bytes: number }> =>
      new Promise((resolve, reject) => {
        const req = httpRequest(
          url,
          {
            method: init.method ?? "GET",
            headers: { "accept-encoding": "br, gzip", "content-type": "application/json" },
          },
          (res) => {
            let bytes = 0;
            res.on("data", (chunk: Buffer) => (bytes += chunk.length));
            res.on("end", () => resolve({ encoding: String(res.headers["content-encoding"] ?? ""), bytes }));
          },
        );
        req.on("error", reject);
        req.end(init.body);
      });
    const html = await (await fetch(`${server.url}/`)).text();
    const scripts = [...html.matchAll(/<script[^>]+src="\.?\/?([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const asset = await get(`${server.url}/${script}`);
      expect(asset.encoding, script).toMatch(/^(br|gzip)$/);
    }
    const api = await get(`${server.url}/graphql`, {
      method: "POST",
      body: JSON.stringify({
        query: `{ governanceDiagram(partnershipId: "${PARTNERSHIP}") { nodes { id name kind } } }`,
      }),
    });
    expect(api.encoding).toMatch(/^(br|gzip)$/);
  });
});

describe("the governance-diagram viewer", () => {
  beforeEach(async () => {
    page ??= await openPage();
  });
  afterEach(() => {
    // Each test answers for the errors logged while it ran, whatever ran before it.
    expect(problems.splice(0), "page errors, console errors or CSP violations during this test").toEqual([]);
  });

  it("draws the SCPB structure: the bodies governanceDiagram routes to the top, boards on top, solid accountable and dashed update lines, nothing overlapping", async () => {
    const api = await graphql<{
      governanceDiagram: {
        nodes: { id: string; routeToTop: boolean }[];
        edges: { from: string; to: string; kind: string }[];
      };
    }>(
      server.url,
      "query($p: ID) { governanceDiagram(partnershipId: $p) { nodes { id routeToTop } edges { from to kind } } }",
      { p: PARTNERSHIP },
    );
    const expected = api.data!.governanceDiagram;
    const routed = expected.nodes.filter((n) => n.routeToTop).map((n) => n.id);
    expect(routed).toContain("body:scpb");
    await open();
    const drawn = await snapshot();
    const linked = drawn.bodies.filter((b) => routed.includes(b.id));
    // On the canvas: the bodies with a route to the top and the lines among them (the others are listed apart).
    expect(drawn.bodies.map((b) => b.id).sort()).toEqual(routed.sort());
    expect(drawn.lines.map((l) => `${l.from}>${l.kind}>${l.to}`).sort()).toEqual(
      [
        ...new Set(
          expected.edges
            .filter((e) => routed.includes(e.from) && routed.includes(e.to))
            .map((e) => `${e.from}>${e.kind}>${e.to}`),
        ),
      ].sort(),
    );

    // Groups under the board, in their kind's colours; solid ACCOUNTABLE_TO, dashed PROVIDES_UPDATES_TO.
    const groups = drawn.bodies.filter((b) => b.kind === "STRATEGY_DELIVERY_GROUP" && linked.includes(b));
    expect(groups.length).toBeGreaterThanOrEqual(5);
    const board = drawn.bodies.find((b) => b.id === "body:scpb")!;
    for (const group of groups) expect(group.y1, `${group.id} is below the board`).toBeGreaterThan(board.y2);
    const committee = drawn.bodies.find((b) => b.kind === "MEMBERS_COMMITTEE" && linked.includes(b));
    expect(committee!.y2).toBeLessThan(board.y1);
    const kinds = new Set(drawn.lines.map((l) => l.kind));
    expect(kinds).toEqual(new Set(["ACCOUNTABLE_TO", "PROVIDES_UPDATES_TO"]));
    for (const line of drawn.lines)
      expect(line.lineStyle, line.id).toBe(line.kind === "PROVIDES_UPDATES_TO" ? "dashed" : "solid");
    expect(drawn.labels.map((l) => l.text)).toContain("Annually");

    // No two boxes (bodies or frequency labels) overlap.
    const boxes = [...drawn.bodies, ...drawn.labels];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const overlap = a.x1 < b.x2 - 1 && b.x1 < a.x2 - 1 && a.y1 < b.y2 - 1 && b.y1 < a.y2 - 1;
        expect(overlap, `${"id" in a ? a.id : ""} overlaps ${"id" in b ? b.id : ""}`).toBe(false);
      }

    // The legend names every kind drawn.
    const legend = await page.textContent("#legend");
    for (const words of [
      "Statutory partnership board",
      "Strategy delivery groups",
      "Accountable to",
      "Provides updates to",
    ])
      expect(legend).toContain(words);

    await page.screenshot({ path: path.join(ARTIFACTS, "viewer.png") });
    expect(statSync(path.join(ARTIFACTS, "viewer.png")).size).toBeGreaterThan(20_000);
  });

  it("shows a body's chair, meeting frequency, members and lines when it is clicked", async () => {
    const [scpb] = await cypher<{ chair: string; frequency: string | null }>(
      `MATCH (b:Body {id: 'body:scpb'}) OPTIONAL MATCH (p:Person)-[m:MEMBER_OF {role: 'CHAIR'}]->(b) WHERE m.validTo IS NULL
       RETURN b.frequency AS frequency, head(collect(p.name)) AS chair`,
    );
    expect(scpb!.chair).toBe("David Longstaff");
    await open();
    await clickBody("body:scpb");
    expect(await page.textContent("#panel h2")).toBe("Safer Communities Partnership Board");
    expect(await page.textContent('#panel dd[data-fact="chair"]')).toContain("David Longstaff");
    expect(await page.textContent('#panel dd[data-fact="meets"]')).toBe(
      scpb!.frequency ?? "frequency not recorded",
    );
    const panel = (await page.textContent("#panel"))!;
    expect(panel).toContain("Accountable to it");
    expect(panel).toMatch(/Members at \d{4}-\d{2}-\d{2} \(\d+\)/);
    expect((await snapshot()).bodies.find((b) => b.id === "body:scpb")!.selected).toBe(true);

    // A group with a recorded frequency: the panel shows the seeds' words.
    const [group] = await cypher<{ id: string; frequency: string }>(
      `MATCH (b:Body {partnershipId: $p})-[:ACCOUNTABLE_TO]->(:Body {id: 'body:scpb'}) WHERE b.frequency IS NOT NULL AND b.validFrom IS NULL RETURN b.id AS id, b.frequency AS frequency ORDER BY b.id LIMIT 1`,
      { p: PARTNERSHIP },
    );
    await clickBody(group!.id);
    expect(await page.textContent('#panel dd[data-fact="meets"]')).toBe(group!.frequency);
    // Links move to neighbouring bodies.
    await page.click('#panel button.link[data-id="body:scpb"]');
    await panelShows("body:body:scpb");
    await page.screenshot({ path: path.join(ARTIFACTS, "viewer-body-panel.png") });
  });

  it("jumps to the body, person or strategy chosen in the search box", async () => {
    await open();
    const hits = await search("IOM Delivery Group");
    expect(hits.slice(0, 3).map((h) => h.id)).toContain("body:iom-delivery-group");
    await page.click('#search-results li[data-id="body:iom-delivery-group"]');
    await panelShows("body:body:iom-delivery-group");
    expect(await page.textContent("#panel h2")).toBe("IOM Delivery Group");
    expect((await snapshot()).bodies.find((b) => b.selected)?.id).toBe("body:iom-delivery-group");

    // Keyboard: type, arrow to a result, Enter.
    const people = await search("Longstaff");
    const index = people.findIndex((h) => h.id === "person:david-longstaff");
    expect(index).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < index; i++) await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await panelShows("person:person:david-longstaff");
    expect(await page.textContent("#panel")).toContain("Safer Communities Partnership Board");
    // The bodies he chairs or sits on are highlighted in the diagram.
    expect((await snapshot()).bodies.filter((b) => b.highlighted).map((b) => b.id)).toContain("body:scpb");
  });

  it("shows a strategy's tree and highlights who is accountable for a chosen action", async () => {
    const [strategy] = await cypher<{ id: string; title: string }>(
      `MATCH (s:Strategy {partnershipId: $p})<-[:PART_OF]-(:Objective)<-[:CONTRIBUTES_TO]-(a:Action)-[:LED_BY]->()
       WHERE EXISTS { (s)-[:OVERSEEN_BY]->(:Body) } RETURN s.id AS id, s.title AS title, count(DISTINCT a) AS actions ORDER BY actions DESC, id LIMIT 1`,
      { p: PARTNERSHIP },
    );
    await open();
    const hits = await search(strategy!.title);
    expect(hits.map((h) => h.id)).toContain(strategy!.id);
    await page.click(`#search-results li[data-id="${strategy!.id}"]`);
    await panelShows(`strategy:${strategy!.id}`);
    expect(await page.textContent("#panel h2")).toBe(strategy!.title);
    expect(
      await page.$$eval("#panel .strategy-tree li[data-objective]", (items) => items.length),
    ).toBeGreaterThan(0);

    const actionId = await page.$eval("#panel li[data-action]", (li) => li.getAttribute("data-action")!);
    await page.click(`#panel li[data-action="${actionId}"] > button`);
    await panelShows(`chain:${actionId}`);
    expect(
      await page.$$eval(`#panel li[data-action="${actionId}"] .chain li`, (items) => items.length),
    ).toBeGreaterThan(0);

    const chain = await graphql<{
      accountabilityChain: {
        subject: { id: string; label: string } | null;
        of: { id: string; label: string } | null;
      }[];
    }>(
      server.url,
      "query($id: ID!) { accountabilityChain(id: $id) { subject { id label } of { id label } } }",
      { id: actionId },
    );
    const bodies = new Set(
      chain
        .data!.accountabilityChain.flatMap((s) => [s.subject, s.of])
        .filter((n) => n?.label === "Body")
        .map((n) => n!.id),
    );
    const drawn = await snapshot();
    expect(bodies.size).toBeGreaterThan(0);
    expect(new Set(drawn.bodies.filter((b) => b.highlighted).map((b) => b.id))).toEqual(
      new Set([...bodies].filter((id) => drawn.bodies.some((b) => b.id === id))),
    );
    await page.screenshot({ path: path.join(ARTIFACTS, "viewer-accountability.png") });
  });

  it("redraws the structure as it stood on the date chosen", async () => {
    const [late] = await cypher<{ id: string; from: string }>(
      `MATCH (b:Body {partnershipId: $p})-[:ACCOUNTABLE_TO|PROVIDES_UPDATES_TO]->(:Body) WHERE b.validFrom IS NOT NULL
       RETURN DISTINCT b.id AS id, toString(b.validFrom) AS from ORDER BY from DESC LIMIT 1`,
      { p: PARTNERSHIP },
    );
    expect(
      late,
      "the seeds date at least one body on the diagram (e.g. the Serious Violence Duty group, 2023)",
    ).toBeDefined();
    const dayBefore = today(new Date(Date.parse(late!.from) - 86_400_000));
    await open();
    await setAsOf(dayBefore);
    expect((await snapshot()).bodies.map((b) => b.id)).not.toContain(late!.id);
    expect(await page.textContent("#title")).toContain(dayBefore);
    // A date other than the default survives a reload (it is in the address).
    expect(page.url()).toContain(`asOf=${dayBefore}`);
    await setAsOf(late!.from);
    expect((await snapshot()).bodies.map((b) => b.id)).toContain(late!.id);
  });

  it("never shows restricted items to an anonymous viewer; an officer's token shows them, sent on every request", async () => {
    const [restricted] = await cypher<{ id: string; title: string; body: string }>(
      `MATCH (i:AgendaItem {partnershipId: $p, restricted: true})<-[:HAS_ITEM]-(:Meeting)-[:MEETING_OF]->(b:Body) RETURN i.id AS id, i.title AS title, b.id AS body ORDER BY i.id LIMIT 1`,
      { p: PARTNERSHIP },
    );
    expect(restricted, "the seeds hold a restricted (Part 2) agenda item").toBeDefined();
    const [contact] = await cypher<{ email: string }>(
      `MATCH (p:Person)-[:MEMBER_OF]->(:Body {id: $body}) WHERE p.email IS NOT NULL RETURN p.email AS email ORDER BY email LIMIT 1`,
      { body: restricted!.body },
    );

    graphqlRequests.length = 0;
    await open();
    expect((await search(restricted!.title)).map((h) => h.id)).not.toContain(restricted!.id);
    await clickBody(restricted!.body);
    await page.$$eval("#panel details", (all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    // (The search box's status repeats what was typed, so the check is on what the API returned.)
    const anonymousText = `${await page.textContent("#panel")} ${await page.textContent("#search-results")} ${await page.textContent("#list")}`;
    expect(anonymousText).not.toContain(restricted!.title);
    if (contact) expect(anonymousText).not.toContain(contact.email);
    expect(await page.$("#panel .badge.restricted")).toBeNull();
    expect(graphqlRequests.length).toBeGreaterThan(0);
    expect(graphqlRequests.every((r) => r.authorization === undefined)).toBe(true);

    // Sign in by pasting a token.
    const token = await tokenFor({
      roles: ["officer"],
      partnerships: [PARTNERSHIP],
      sub: "viewer-test-officer",
    });
    await page.click("#sign-in-summary");
    await page.fill("#token", token);
    graphqlRequests.length = 0;
    await page.click('#sign-in-form button[type="submit"]');
    await page.waitForFunction(
      () => document.body.dataset.state === "ready" && window.governanceViewer!.state().signedIn,
      null,
      { timeout: 45_000 },
    );
    await panelShows(`body:${restricted!.body}`);
    expect(await page.textContent("#sign-in-status")).toContain("viewer-test-officer");
    await page.$$eval("#panel details", (all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    const officerPanel = (await page.textContent("#panel"))!;
    expect(officerPanel).toContain(restricted!.title);
    if (contact) expect(officerPanel).toContain(contact.email);
    expect(await page.$(`#panel li[data-item="${restricted!.id}"] .badge.restricted`)).not.toBeNull();
    expect((await search(restricted!.title)).map((h) => h.id)).toContain(restricted!.id);
    expect(graphqlRequests.length).toBeGreaterThan(0);
    expect(
      graphqlRequests.every((r) => r.authorization === `Bearer ${token}`),
      JSON.stringify(graphqlRequests),
    ).toBe(true);

    // Signing out goes back to the public view.
    await page.click("#sign-in-summary");
    await page.click("#sign-out");
    await page.waitForFunction(
      () => document.body.dataset.state === "ready" && !window.governanceViewer!.state().signedIn,
      null,
      { timeout: 45_000 },
    );
    await panelShows(`body:${restricted!.body}`);
    await page.$$eval("#panel details", (all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    expect(await page.textContent("#panel")).not.toContain(restricted!.title);
  });

  it("exports the current view as a non-empty SVG and PNG", async () => {
    await open();
    const [svgDownload] = await Promise.all([page.waitForEvent("download"), page.click("#export-svg")]);
    expect(svgDownload.suggestedFilename()).toMatch(/^governance-barnet-\d{4}-\d{2}-\d{2}\.svg$/);
    const svg = readFileSync((await svgDownload.path())!, "utf8");
    expect(svg.length).toBeGreaterThan(5_000);
    expect(svg).toMatch(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain("Safer Communities");
    expect(svg).toContain('data-id="body:scpb"');
    expect(svg).toContain('stroke-dasharray="7 5"');

    const [pngDownload] = await Promise.all([page.waitForEvent("download"), page.click("#export-png")]);
    const png = readFileSync((await pngDownload.path())!);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.length).toBeGreaterThan(20_000);
  });

  it("is usable from the keyboard, with visible focus, and has a list view of the same structure", async () => {
    await open();
    // Tab from the top of the page to the search box; the focused control shows a focus ring.
    for (let i = 0; i < 8 && (await page.evaluate(() => document.activeElement?.id)) !== "search"; i++)
      await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("search");
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe(
      "none",
    );

    for (let i = 0; i < 12 && (await page.evaluate(() => document.activeElement?.id)) !== "view-list"; i++)
      await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("view-list");
    await page.keyboard.press("Enter");
    expect(await page.isVisible("#list")).toBe(true);
    expect(await page.getAttribute("#view-list", "aria-pressed")).toBe("true");

    // The list holds every body of the diagram, nested under the body it reports to.
    const drawn = await snapshot();
    const listed = await page.$$eval("#list button[data-body]", (buttons) =>
      buttons.map((b) => b.getAttribute("data-body")!),
    );
    for (const body of drawn.bodies) expect(listed, body.id).toContain(body.id);
    expect(await page.textContent("#list")).toMatch(
      /accountable to it: .*Safer Communities|Safer Communities Partnership Board/s,
    );
    const nested = await page.$eval(
      '#list li:has(> button[data-body="body:scpb"]) ul button[data-body]',
      (b) => b.getAttribute("data-body"),
    );
    expect(nested).not.toBeNull();

    // Enter on a body in the list opens its panel, and focus moves to the panel's heading.
    await page.focus('#list button[data-body="body:scpb"]');
    await page.keyboard.press("Enter");
    await panelShows("body:body:scpb");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("panel-title");
  });

  it("fetches at most 400 KB of compressed JavaScript until the diagram is drawn (ELK's worker aside), and the first paint waits for 2 KB of it", async () => {
    const fresh = await (await chromium.browser()).newPage({ viewport: { width: 1350, height: 940 } });
    try {
      const scripts: { url: string; request: Request }[] = [];
      fresh.on("request", (request) => {
        if (request.resourceType() === "script") scripts.push({ url: request.url(), request });
      });
      await fresh.goto(`${server.url}/?partnership=${PARTNERSHIP}`);
      await fresh.waitForFunction(() => document.body.dataset.state === "ready", null, { timeout: 45_000 });
      const sizes = await Promise.all(
        scripts
          .filter((s) => !/elk-worker/.test(s.url))
          .map(async (s) => ({ url: s.url, bytes: (await s.request.sizes()).responseBodySize })),
      );
      const total = sizes.reduce((sum, s) => sum + s.bytes, 0);
      expect(sizes.length, "the entry, the app and Cytoscape at least").toBeGreaterThanOrEqual(3);
      expect(
        sizes.every((s) => s.bytes > 0),
        "every script's compressed size is known",
      ).toBe(true);
      expect(total, `JavaScript until drawn: ${JSON.stringify(sizes)}`).toBeLessThanOrEqual(400 * 1024);
      // What index.html itself loads (the entry and its preloads) is all that stands before the first paint.
      const html = await (await fetch(`${server.url}/`)).text();
      const first = [
        ...html.matchAll(/<(?:script|link rel="modulepreload")[^>]+(?:src|href)="\.?\/?([^"]+\.js)"/g),
      ].map((m) => m[1]!);
      const firstBytes = sizes
        .filter((s) => first.some((f) => s.url.endsWith(f)))
        .reduce((a, s) => a + s.bytes, 0);
      expect(first.length).toBeGreaterThan(0);
      expect(firstBytes, `before the first paint: ${first.join(", ")}`).toBeLessThanOrEqual(2 * 1024);
    } finally {
      await fresh.close();
    }
  });

  it("holds still while it loads: nothing moves when the data and the drawing arrive, on a desktop or a phone", async () => {
    for (const viewport of [
      { width: 1350, height: 940 },
      { width: 412, height: 823 },
    ]) {
      const fresh = await (await chromium.browser()).newPage({ viewport });
      try {
        await fresh.goto(`${server.url}/?partnership=${PARTNERSHIP}`);
        await fresh.waitForFunction(() => document.body.dataset.state === "ready", null, { timeout: 45_000 });
        // Every layout shift since the page opened (buffered), each with the elements that moved.
        const shifts = await fresh.evaluate(
          () =>
            new Promise<{ value: number; moved: string[] }[]>((resolve) => {
              const found: { value: number; moved: string[] }[] = [];
              new PerformanceObserver((list) => {
                for (const entry of list.getEntries() as (PerformanceEntry & {
                  value: number;
                  sources: { node?: Node | null }[];
                })[])
                  found.push({
                    value: entry.value,
                    moved: entry.sources.map((s) => {
                      const node = s.node as HTMLElement | null | undefined;
                      return `${node?.nodeName ?? "?"}#${node?.id ?? ""}.${node?.className ?? ""}`;
                    }),
                  });
              }).observe({ type: "layout-shift", buffered: true });
              setTimeout(() => resolve(found), 500);
            }),
        );
        const total = shifts.reduce((sum, s) => sum + s.value, 0);
        // Lighthouse counts 0.1 as good; the page reserves room for everything it fills in, so far less.
        expect(total, `layout shift at ${viewport.width} px: ${JSON.stringify(shifts)}`).toBeLessThan(0.01);
      } finally {
        await fresh.close();
      }
    }
  });

  it("opens at the latest date of the partnership's data when that is before today, and shows the span", async () => {
    const [latest] = await cypher<{ last: string; first: string }>(
      `MATCH (n {partnershipId: $p}) WHERE n:Document OR n:Meeting
       WITH collect(toString(n.date)) AS dates
       OPTIONAL MATCH (b:Body {partnershipId: $p})
       WITH dates + collect(toString(b.validFrom)) + collect(toString(b.validTo)) AS all, dates
       UNWIND all AS d WITH d, dates WHERE d IS NOT NULL
       RETURN max(d) AS last, reduce(m = null, x IN dates | CASE WHEN m IS NULL OR x < m THEN x ELSE m END) AS first`,
      { p: PARTNERSHIP },
    );
    expect(latest!.last < today(), "the sample's data ends before today").toBe(true);
    await page.goto(`${server.url}/?partnership=${PARTNERSHIP}`);
    await page.waitForFunction(() => document.body.dataset.state === "ready", null, { timeout: 45_000 });
    expect((await page.evaluate(() => window.governanceViewer!.state())).asOf).toBe(latest!.last);
    expect(await page.inputValue("#as-of")).toBe(latest!.last);
    expect(await page.textContent("#data-span")).toBe(`Data from ${latest!.first} to ${latest!.last}`);
    expect(page.url()).not.toContain("asOf=");
  });

  it("draws text of at least 12 px at the opening view and, zoomed out, a short-name overview instead of smaller text", async () => {
    for (const viewport of [
      { width: 1600, height: 1000 },
      { width: 390, height: 844 },
    ]) {
      await page.setViewportSize(viewport);
      await open();
      const opening = await snapshot();
      expect(opening.overview, `${viewport.width}px: not the overview at first`).toBe(false);
      for (const body of opening.bodies)
        expect(body.fontPx, `${viewport.width}px: ${body.id}`).toBeGreaterThanOrEqual(12);
      for (const label of opening.labels.filter((l) => l.visible))
        expect(label.fontPx, `${viewport.width}px: ${label.id}`).toBeGreaterThanOrEqual(12);
      // Every line of every label fits inside its shape (the widest word included).
      const fits = await page.evaluate(() => {
        const context = document.createElement("canvas").getContext("2d")!;
        context.font = `13px "Liberation Sans", Arial, Helvetica, sans-serif`;
        return window
          .governanceViewer!.snapshot()
          .bodies.flatMap((b) =>
            b.label
              .split("\n")
              .map((line) => ({ id: b.id, line, width: context.measureText(line).width, box: b.x2 - b.x1 })),
          )
          .filter((l) => l.width > l.box - 12);
      });
      expect(fits).toEqual([]);

      await page.click("#fit");
      await page.waitForFunction(() => window.governanceViewer!.snapshot().zoom > 0, null);
      await page.waitForTimeout(100);
      const fitted = await snapshot();
      for (const body of fitted.bodies)
        expect(body.fontPx, `${viewport.width}px after Fit all: ${body.id}`).toBeGreaterThanOrEqual(12);
      if (fitted.overview) {
        expect(fitted.labels.filter((l) => l.visible)).toEqual([]);
        for (const body of fitted.bodies) {
          expect(body.shown, body.id).not.toContain("\n");
          expect(body.shown.length, body.id).toBeLessThanOrEqual(body.label.length);
        }
      }
      await page.screenshot({ path: path.join(ARTIFACTS, `viewer-fit-${viewport.width}.png`) });
    }
    await page.setViewportSize({ width: 1600, height: 1000 });
  });

  it("keeps each line's kind and target readable: no run shared across kinds or targets, bundles kept apart", async () => {
    for (const date of ["2014-06-30", "2017-07-21", ""]) {
      await open(date ? `&asOf=${date}` : "");
      const drawn = await snapshot();
      expect(drawn.lines.length).toBeGreaterThan(5);
      for (const line of drawn.lines) expect(line.points.length, line.id).toBeGreaterThanOrEqual(2);
      const conflicts = lineConflicts(drawn.lines);
      expect(conflicts.overlaps, `${date}: lines sharing a run`).toEqual([]);
      expect(conflicts.crossings, `${date}: same-kind lines crossing`).toEqual([]);
      // Two groups in one row that each have both kinds of line to the board force one crossing
      // of a solid and a dashed bundle in a single channel (they cross at right angles); never more.
      expect(
        conflicts.kindCrossings.length,
        `${date}: ${JSON.stringify(conflicts.kindCrossings)}`,
      ).toBeLessThanOrEqual(1);
    }
  });

  it("lists the bodies with no line in a labelled, visible section, readable and clickable", async () => {
    await open();
    const [{ count }] = (await page.evaluate(() => [
      { count: document.querySelectorAll("#unlinked button[data-body]").length },
    ])) as [{ count: number }];
    expect(count).toBeGreaterThan(10);
    expect(await page.isVisible("#unlinked")).toBe(true);
    expect(await page.textContent("#unlinked h2")).toMatch(/No recorded line .* \(\d+\)/);
    const box = await page.$eval("#unlinked", (el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: r.height };
    });
    expect(box.top).toBeLessThan(1000);
    expect(box.height).toBeGreaterThan(80);
    const sizes = await page.$$eval("#unlinked button[data-body]", (buttons) =>
      buttons.map((b) => parseFloat(getComputedStyle(b).fontSize)),
    );
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
    // None of them is also drawn as a box on the canvas, and every body of the partnership at the date is somewhere.
    const listed = await page.$$eval("#unlinked button[data-body]", (buttons) =>
      buttons.map((b) => b.getAttribute("data-body")!),
    );
    const drawnIds = (await snapshot()).bodies.map((b) => b.id);
    expect(listed.filter((id) => drawnIds.includes(id))).toEqual([]);
    const id = listed[0]!;
    await page.click(`#unlinked button[data-body="${id}"]`);
    await panelShows(`body:${id}`);
  });

  it("brings the chain's bodies into view and names each item of the chain once", async () => {
    const [far] = await cypher<{ action: string }>(
      `MATCH (a:Action {partnershipId: $p})-[:CONTRIBUTES_TO]->(:Objective)-[:PART_OF*0..3]->()-[:PART_OF]->(s:Strategy)-[:OVERSEEN_BY]->(b:Body)
       RETURN a.id AS action ORDER BY size(a.title) DESC, a.id LIMIT 1`,
      { p: PARTNERSHIP },
    );
    await open();
    // Opened from its address: the view starts at the board, so the chain has to bring its bodies in.
    await page.goto(
      `${server.url}/?partnership=${PARTNERSHIP}&open=${encodeURIComponent(far!.action)}&openKind=chain`,
    );
    await page.waitForFunction(() => document.body.dataset.state === "ready", null, { timeout: 45_000 });
    await panelShows(`chain:${far!.action}`);
    const drawn = await snapshot();
    const highlighted = drawn.bodies.filter((b) => b.highlighted);
    expect(highlighted.length).toBeGreaterThan(0);
    for (const body of highlighted) {
      expect(body.x1, body.id).toBeGreaterThanOrEqual(drawn.extent.x1 - 1);
      expect(body.x2, body.id).toBeLessThanOrEqual(drawn.extent.x2 + 1);
      expect(body.y1, body.id).toBeGreaterThanOrEqual(drawn.extent.y1 - 1);
      expect(body.y2, body.id).toBeLessThanOrEqual(drawn.extent.y2 + 1);
    }
    // Each item on the way up (the action, its objectives, the strategy, the bodies) is named once.
    const named = await page.$$eval("#panel .chain > li > button.link[data-id]", (links) =>
      links.map((l) => l.getAttribute("data-id")!),
    );
    expect(named.length).toBeGreaterThan(2);
    expect(new Set(named).size).toBe(named.length);
    const objectiveNames = await page.$$eval(
      '#panel .chain > li > button.link[data-label="Objective"]',
      (links) => links.map((l) => l.textContent!),
    );
    const text = (await page.textContent("#panel .chain"))!;
    for (const name of objectiveNames) expect(text.split(name).length - 1, name).toBe(1);
  });

  it("lists search results with kind, date and partnership, each once", async () => {
    await open();
    const hits = await search("Safer Communities Partnership Board");
    expect(hits.length).toBeGreaterThan(3);
    expect(new Set(hits.map((h) => h.text)).size).toBe(hits.length);
    expect(new Set(hits.map((h) => h.id)).size).toBe(hits.length);
    const meetings = await page.$$eval('#search-results li[data-id^="meeting:"]', (items) =>
      items.map((li) => ({
        kind: li.querySelector(".hit-label")?.textContent,
        date: li.querySelector(".hit-date")?.textContent,
        partnership: li.querySelector(".hit-partnership")?.textContent,
      })),
    );
    expect(meetings.length).toBeGreaterThan(1);
    for (const m of meetings) {
      expect(m.kind).toBe("Meeting");
      expect(m.date).toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(m.partnership).toBe("Barnet Safer Communities Partnership");
    }
  });

  it("searches the partnership shown: another partnership's body is found only in its own viewer", async () => {
    const [other] = await cypher<{ id: string; name: string; partnershipId: string }>(
      `MATCH (b:Body) WHERE b.partnershipId <> $p AND b.partnershipId <> 'shared'
       RETURN b.id AS id, b.name AS name, b.partnershipId AS partnershipId ORDER BY b.id LIMIT 1`,
      { p: PARTNERSHIP },
    );
    expect(other, "a second partnership's body is loaded").toBeDefined();
    await open();
    expect((await search(other!.name)).map((h) => h.id)).not.toContain(other!.id);
    await page.goto(`${server.url}/?partnership=${other!.partnershipId}`);
    await page.waitForFunction(() => document.body.dataset.state === "ready", null, { timeout: 45_000 });
    expect((await search(other!.name)).map((h) => h.id)).toContain(other!.id);
  });

  it("works on a phone: results inside the screen, details as a full-height sheet that closes", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await open();
      await search("Safer Communities");
      const results = await page.$eval("#search-results", (el) => {
        const r = el.getBoundingClientRect();
        return { left: r.left, right: r.right };
      });
      expect(results.left).toBeGreaterThanOrEqual(0);
      expect(results.right).toBeLessThanOrEqual(390);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.click('#search-results li[data-id="body:scpb"]');
      await panelShows("body:body:scpb");
      const sheet = await page.$eval("#panel", (el) => {
        const r = el.getBoundingClientRect();
        return { top: r.top, height: r.height, width: r.width, scrolls: el.scrollHeight > el.clientHeight };
      });
      expect(sheet.height).toBeGreaterThanOrEqual(844 * 0.9);
      expect(sheet.width).toBeGreaterThanOrEqual(380);
      expect(sheet.scrolls).toBe(true);
      await page.screenshot({ path: path.join(ARTIFACTS, "viewer-phone-panel.png") });
      await page.click("#panel .panel-close");
      await page.waitForFunction(() => document.body.dataset.panel === "closed");
      expect(await page.isVisible("#diagram")).toBe(true);
    } finally {
      await page.setViewportSize({ width: 1600, height: 1000 });
    }
  });

  it("has no axe-core violations", async () => {
    await open();
    // Evaluated through the DevTools protocol: the page's CSP (rightly) refuses injected script tags.
    await page.evaluate(readFileSync(path.resolve("node_modules/axe-core/axe.min.js"), "utf8"));
    const violations = await page.evaluate(async () => {
      const result = await (
        window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }
      ).axe.run();
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
  });

  it("logs no page errors, console errors or CSP violations while a body, a search and the list are used", async () => {
    problems.length = 0;
    await open();
    await clickBody("body:scpb");
    await search("Safer Communities");
    // The results drop down over the toolbar's second row (two partnerships: the picker shows and the
    // toolbar wraps); a user closes them first, as here, with Escape.
    await page.press("#search", "Escape");
    expect(await page.isHidden("#search-results")).toBe(true);
    await page.click("#view-list");
    expect(await page.isVisible("#list")).toBe(true);
    expect(problems).toEqual([]);
  });
});
