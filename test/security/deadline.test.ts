import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Driver } from "neo4j-driver";
import { MAX_ANSWER_VALUES, type RunningServer } from "../../src/api/index.js";
import { startTestServer } from "../support/api.js";
import { isolatedPartnership, testDriver } from "../support/database.js";
import { loadFixture } from "../support/seed-fixture.js";

// A small budget keeps the test to seconds; the deep fan-out below needs far more on any machine.
const QUERY_TIMEOUT_MS = 3_000;
// Room for the database to find a huge answer, so that the cap on its size is what stops it.
const ROOMY_TIMEOUT_MS = 30_000;
// What the deadline may be passed by: one record being decoded when it passes, on a starved 2-core machine.
const LATE_MS = 2_500;
const PEOPLE = 40;
const BODIES = 3;

/** people { memberOf { members { memberOf { members ... } } } }, `levels` relationships deep. */
function fanOut(levels: number, leaf = "id name"): string {
  let selection = leaf;
  for (let level = levels; level >= 1; level--)
    selection = `${level % 2 === 1 ? "memberOf" : "members"}(limit: 1000) { id name ${selection} }`;
  return `people(limit: 1000) { id ${selection} }`;
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
    const bodies = Array.from({ length: BODIES }, (_, b) => `body:${s}-${b}`);
    // Everyone a member of every body: each level of the fan-out multiplies the answer by 40 or 3.
    const entries = [
      `  - Partnership: ${partnership.partnershipId}\n    at: cover\n    name: Partnership ${s}`,
      ...bodies.map(
        (id) => `  - Body: ${id}\n    at: cover\n    name: Board ${id}\n    kind: STATUTORY_BOARD`,
      ),
      ...Array.from(
        { length: PEOPLE },
        (_, p) =>
          `  - Person: person:${s}-${p}\n    at: cover\n    name: Member ${p} ${s}\n    MEMBER_OF: [${bodies
            .map((to) => `{ to: ${to}, role: MEMBER }`)
            .join(", ")}]`,
      ),
    ];
    await loadFixture(driver, {
      "fan-out.yaml": `partnership: ${partnership.partnershipId}\ndocument: { id: doc:${s}, title: Members ${s} }\nentries:\n${entries.join("\n")}\n`,
    });
    server = await startTestServer(driver, { timeoutMs: QUERY_TIMEOUT_MS });
    roomy = await startTestServer(driver, { timeoutMs: ROOMY_TIMEOUT_MS });
  });

  afterAll(async () => {
    await server?.stop();
    await roomy?.stop();
    await partnership?.cleanup();
    await driver?.close();
  });

  it("refuses an answer past MAX_ANSWER_VALUES as LIMIT_EXCEEDED, within the deadline, with /health answering meanwhile", async () => {
    // 4 levels: about 45,000 values for each of the 40 members, 1.8 million in all.
    const answer = timedQuery(roomy.url, `{ ${fanOut(4)} }`);
    const health = await healthDuring(roomy.url, answer);
    const { status, code, message, ms } = await answer;
    expect(code).toBe("LIMIT_EXCEEDED");
    expect(message).toContain(`${MAX_ANSWER_VALUES} values`);
    expect(status).toBe(400);
    expect(ms).toBeLessThan(ROOMY_TIMEOUT_MS);
    expect(health.length).toBeGreaterThan(0);
    expect(Math.max(...health)).toBeLessThan(1_000 + LATE_MS);
  });

  it("counts the aliases of one request together: 20 copies of a fan-out each under the cap are refused", async () => {
    const one = await timedQuery(roomy.url, `{ ${fanOut(3)} }`);
    expect(one.code).toBeUndefined();
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: ${fanOut(3)}`).join("\n");
    const { code, ms } = await timedQuery(roomy.url, `{ ${aliases} }`);
    expect(code).toBe("LIMIT_EXCEEDED");
    expect(ms).toBeLessThan(ROOMY_TIMEOUT_MS);
  });

  it("answers TIMEOUT, not DATABASE_UNAVAILABLE, for a small answer the database takes too long to find", async () => {
    // Whether any member reaches, six memberships away, a member who does not exist: millions of
    // paths for the database to walk (none of them short-cuts the search), and an empty answer.
    let where = `{ id: { eq: "person:${partnership.slug}-nobody" } }`;
    for (let level = 6; level >= 1; level--)
      where = `{ ${level % 2 === 1 ? "memberOf" : "members"}: { some: ${where} } }`;
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
