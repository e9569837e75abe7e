import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Driver } from "neo4j-driver";
import { MAX_ANSWER_VALUES, type RunningServer } from "../../src/api/index.ts";
import { startTestServer } from "../support/api.ts";
import { isolatedPartnership, testDriver } from "../support/database.ts";
import { loadFixture } from "../support/seed-fixture.ts";

// A small budget keeps the test to seconds; the deep fan-out below needs far more on any machine.
const QUERY_TIMEOUT_MS = 3_000;
// Room for the database to find a huge answer, so that the cap on its size is what stops it.
const ROOMY_TIMEOUT_MS = 30_000;
// What the deadline may be passed by: one record being decoded when it passes, on a starved 2-core machine.
const LATE_MS = 2_500;
const PEOPLE = 60;
// QUERY_COST_LIMIT for the TIMEOUT case: what it proves is the deadline, not the cost limit.
const UNLIMITED_COST = 100_000_000;

/**
 * The fixture's members, each with its partnership's members, their partnership's members and so
 * on, `levels` lists deep: one row per member. Through the partnership node, not bodies, so that no
 * other test's `people { memberOf { members } }` walks into the fixture while it is loaded. The cost
 * limit (src/api/query-cost.ts) prices these by the sample graph's fan-outs; the fixture's 60
 * members make the answers far bigger than priced, as a partnership bigger than the sample would.
 */
function fanOut(partnershipId: string, levels: number, limit = 1000): string {
  let selection = "id name";
  for (let level = levels; level >= 1; level--)
    selection = `${level % 2 === 1 ? "memberOfPartnership" : "members"}(limit: 1000) { id ${selection} }`;
  return `people(where: { partnershipId: { eq: "${partnershipId}" } }, limit: ${limit}) { id ${selection} }`;
}

interface Timed {
  status: number;
  retryAfter: string | null;
  code: unknown;
  message: string | undefined;
  ms: number;
}

async function timedQuery(url: string, query: string): Promise<Timed> {
  const started = Date.now();
  const reply = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  const body = (await reply.json()) as { errors?: { message: string; extensions?: { code?: unknown } }[] };
  const error = body.errors?.[0];
  return {
    status: reply.status,
    retryAfter: reply.headers.get("retry-after"),
    code: error?.extensions?.code,
    message: error?.message,
    ms: Date.now() - started,
  };
}

/** GET /health once a second until `done` settles: how long each answer took. */
async function healthDuring(url: string, done: Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  let finished = false;
  void done.finally(() => (finished = true));
  while (!finished) {
    const started = Date.now();
    const reply = await fetch(`${url}/health`);
    await reply.text();
    times.push(Date.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return times;
}

describe("one deadline per request: a question too big for a live database (issue 13)", () => {
  let driver: Driver;
  let server: RunningServer;
  let roomy: RunningServer;
  let partnership: ReturnType<typeof isolatedPartnership>;

  beforeAll(async () => {
    driver = testDriver();
    partnership = isolatedPartnership(driver);
    const s = partnership.slug;
    // Everyone a member of the partnership: each members level multiplies the answer by 60.
    const entries = [
      `  - Partnership: ${partnership.partnershipId}\n    at: cover\n    name: Partnership ${s}`,
      ...Array.from(
        { length: PEOPLE },
        (_, p) =>
          `  - Person: person:${s}-${p}\n    at: cover\n    name: Member ${p} ${s}\n    MEMBER_OF: { to: ${partnership.partnershipId}, role: MEMBER }`,
      ),
    ];
    await loadFixture(driver, {
      "fan-out.yaml": `partnership: ${partnership.partnershipId}\ndocument: { id: doc:${s}, title: Members ${s} }\nentries:\n${entries.join("\n")}\n`,
    });
    // The TIMEOUT case below must reach the database: the cost limit, which prices its 8-level
    // filter by the sample's fan-outs (the fixture's 60 members make it far costlier), is raised.
    server = await startTestServer(driver, { timeoutMs: QUERY_TIMEOUT_MS, maxCost: UNLIMITED_COST });
    roomy = await startTestServer(driver, { timeoutMs: ROOMY_TIMEOUT_MS });
  });

  afterAll(async () => {
    await server?.stop();
    await roomy?.stop();
    await partnership?.cleanup();
    await driver?.close();
  });

  it("refuses an answer past MAX_ANSWER_VALUES as LIMIT_EXCEEDED, within the deadline, with /health answering meanwhile", async () => {
    // 60 rows of 60 x 60 members: 11,000 values a row, 650,000 in all.
    const answer = timedQuery(roomy.url, `{ ${fanOut(partnership.partnershipId, 4)} }`);
    const health = await healthDuring(roomy.url, answer);
    const { status, code, message, ms } = await answer;
    expect(code).toBe("LIMIT_EXCEEDED");
    expect(message).toContain(`${MAX_ANSWER_VALUES} values`);
    expect(status).toBe(400);
    expect(ms).toBeLessThan(ROOMY_TIMEOUT_MS);
    expect(health.length).toBeGreaterThan(0);
    expect(Math.max(...health)).toBeLessThan(1_000 + LATE_MS);
  });

  it("counts the aliases of one request together: two fan-outs each under the cap are refused", async () => {
    // 6 rows: 66,000 values.
    const six = fanOut(partnership.partnershipId, 4, 6);
    const one = await timedQuery(roomy.url, `{ ${six} }`);
    expect(one.code).toBeUndefined();
    const two = `{ a: ${six} b: ${six} }`;
    const { code, ms } = await timedQuery(roomy.url, two);
    expect(code).toBe("LIMIT_EXCEEDED");
    expect(ms).toBeLessThan(ROOMY_TIMEOUT_MS);
  });

  it("answers TIMEOUT, not DATABASE_UNAVAILABLE, for a small answer the database takes too long to find", async () => {
    // Whether any member reaches, eight memberships away, a member who does not exist: 60^4 paths
    // from each of the fixture's members (none short-cuts the search), and an empty answer.
    let where = `{ id: { eq: "person:${partnership.slug}-nobody" } }`;
    for (let level = 8; level >= 1; level--)
      where = `{ ${level % 2 === 1 ? "memberOfPartnership" : "members"}: { some: ${where} } }`;
    const { status, retryAfter, code, message, ms } = await timedQuery(
      server.url,
      `{ people(where: ${where}) { id } }`,
    );
    expect(code).toBe("TIMEOUT");
    expect(message).toContain(`${QUERY_TIMEOUT_MS} ms`);
    expect(status).not.toBe(503);
    expect(retryAfter).toBeNull();
    expect(ms).toBeLessThan(QUERY_TIMEOUT_MS + LATE_MS);
    // The server is still serving.
    const after = await timedQuery(server.url, `{ people(limit: 1) { id } }`);
    expect(after.code).toBeUndefined();
  });
});
