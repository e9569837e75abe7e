import { readFileSync } from "node:fs";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { runSeed } from "../../src/cli/index.ts";
import { loadConfig } from "../../src/config/index.ts";
import { buildDomainModel, readTypeDefs } from "../../src/schema-model/index.ts";
import {
  DEFAULT_SEED_DIR,
  listSeedFiles,
  SeedConflictError,
  SeedValidationError,
} from "../../src/seed/index.ts";
import { DATABASE, testDriver } from "../support/database.ts";
import { writeSeedDir } from "./seed-files.ts";
import { tenancyIds, tenancySeeds } from "./tenancy-seeds.ts";

// One partnership's load or reset never creates, changes, moves or deletes anything of another
// partnership or of the shared entities (docs/tenancy.md), against the real database: each test
// loads two partnerships of its own (A, and B with a district board above its CSP) and shared
// entities of its own, beside the sample graph, and compares fingerprints before and after.

const model = buildDomainModel(readTypeDefs());
let driver: Driver;
const cleanups: (() => Promise<void> | void)[] = [];
let counter = 0;

beforeAll(() => {
  driver = testDriver();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});
afterAll(async () => {
  await driver.close();
});

/** The repository's real shared files, so B can refer to org:home-office as a new partnership would. */
const realShared = (): Record<string, string> =>
  Object.fromEntries(
    listSeedFiles(path.join(DEFAULT_SEED_DIR, "shared")).map((file) => [
      `real-shared/${path.basename(file)}`,
      readFileSync(file, "utf8"),
    ]),
  );

/** A tag of the test's own; everything it loads (its partnerships and its shared ids) is deleted after. */
function tag(): string {
  const value = `tn${process.pid.toString(36)}${(counter++).toString(36)}`;
  const ids = tenancyIds(value);
  cleanups.push(async () => {
    await driver.executeQuery(
      `MATCH (n) WHERE n.partnershipId IN [$a, $b] OR n.id IN [$agency, $forum, $sharedDoc] DETACH DELETE n`,
      { ...ids },
      { database: DATABASE },
    );
    await driver.executeQuery(
      "MATCH ()-[r]->() WHERE r.partnershipId IN [$a, $b] DELETE r",
      { ...ids },
      { database: DATABASE },
    );
  });
  return value;
}

function folder(files: Record<string, string>): string {
  const dir = writeSeedDir({ ...realShared(), ...files });
  cleanups.push(() => dir.remove());
  return dir.path;
}

/** `npm run seed -- --dir <dir> [--partnership ...] [--reset]` against the test database; what it printed. */
async function seed(dir: string, options: { partnership?: string[]; reset?: boolean } = {}): Promise<string> {
  const config = loadConfig({
    NEO4J_URI: inject("neo4jUri"),
    NEO4J_USERNAME: process.env.NEO4J_USERNAME,
    NEO4J_PASSWORD: process.env.NEO4J_PASSWORD,
  });
  const printed: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((line: unknown) => void printed.push(String(line)));
  const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
  try {
    await runSeed(config, { dir, ...options }, model);
  } finally {
    log.mockRestore();
    warn.mockRestore();
  }
  return printed.join("\n");
}

/**
 * Everything the database holds of these owners: every node they own (labels, properties with
 * timestamps, so a needless SET shows), every relationship they own or that touches their nodes
 * (type, ends, properties).
 */
async function fingerprint(
  owners: readonly string[],
): Promise<{ nodes: number; relationships: number; text: string }> {
  const nodes = await driver.executeQuery(
    `MATCH (n) WHERE n.partnershipId IN $owners
     RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY id`,
    { owners },
    { database: DATABASE },
  );
  const relationships = await driver.executeQuery(
    `MATCH (a)-[r]->(b) WHERE r.partnershipId IN $owners OR a.partnershipId IN $owners OR b.partnershipId IN $owners
     RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props
     ORDER BY from, type, to, coalesce(r.key, ''), coalesce(r.locator, ''), coalesce(r.partnershipId, '')`,
    { owners },
    { database: DATABASE },
  );
  return {
    nodes: nodes.records.length,
    relationships: relationships.records.length,
    text: JSON.stringify([
      nodes.records.map((r) => r.toObject()),
      relationships.records.map((r) => r.toObject()),
    ]),
  };
}

const ownerOf = async (id: string): Promise<string | undefined> =>
  (
    await driver.executeQuery(
      "MATCH (n {id: $id}) RETURN n.partnershipId AS owner",
      { id },
      { database: DATABASE },
    )
  ).records[0]?.get("owner");

/** partnershipId of each relationship from `from` of `type`, by target. */
async function linksFrom(from: string, type: string): Promise<Record<string, string>> {
  const result = await driver.executeQuery(
    `MATCH (a {id: $from})-[r]->(b) WHERE type(r) = $type RETURN b.id AS to, r.partnershipId AS owner`,
    { from, type },
    { database: DATABASE },
  );
  return Object.fromEntries(result.records.map((r) => [r.get("to"), r.get("owner")]));
}

describe("an id another partnership owns", () => {
  it("in the seed files: an error naming both partnerships, the file, the entry and the fix", async () => {
    const t = tag();
    const ids = tenancyIds(t);
    const files = tenancySeeds(t);
    files["b/papers/copy.yaml"] = `partnership: ${ids.b}
document: { id: doc:${t}-b-copy, title: A paper of B }
entries:
  - Body: ${ids.aBoard}
    at: Item 3
`;
    const failed = seed(folder(files));
    await expect(failed).rejects.toThrow(SeedValidationError);
    await expect(failed).rejects.toThrow(
      new RegExp(
        `b/papers/copy\\.yaml:4, entry ${ids.aBoard}: belongs to ${ids.a} \\(listed in .*a/partnership\\.yaml:\\d+\\), but this file is ${ids.b}'s: an id belongs to one partnership\\. Fix: .*shared.*choose another id`,
      ),
    );
    expect(await fingerprint([ids.a, ids.b])).toMatchObject({ nodes: 0, relationships: 0 });
  });

  it("in the database: the load is refused naming both, and nothing of either is written or moved", async () => {
    const t = tag();
    const ids = tenancyIds(t);
    await seed(folder(tenancySeeds(t, { withoutB: true })));
    const before = await fingerprint([ids.a, "shared"]);
    expect(before.nodes).toBeGreaterThan(4);

    // B's own folder (without A's files) defines A's board as its own: valid alone, refused by the database.
    const files = tenancySeeds(t, { withoutA: true });
    files["b/registry/bodies.yaml"] = `partnership: ${ids.b}
entries:
  - Body: ${ids.aBoard}
    source: doc:${t}-b-pack
    at: Structure chart
    name: Board A ${t}, as B calls it
    kind: STATUTORY_BOARD
`;
    const failed = seed(folder(files), { partnership: [ids.b] });
    await expect(failed).rejects.toThrow(SeedConflictError);
    await expect(failed).rejects.toThrow(
      new RegExp(
        `b/registry/bodies\\.yaml:3, entry ${ids.aBoard}: is ${ids.a}'s in the database, but these seeds make it ${ids.b}'s.*Fix: .*shared.*another id`,
      ),
    );
    expect(await ownerOf(ids.aBoard)).toBe(ids.a);
    expect(await fingerprint([ids.a, "shared"])).toEqual(before);
    expect(await fingerprint([ids.b])).toMatchObject({ nodes: 0, relationships: 0 });
  });
});

describe("shared entities", () => {
  it("both partnerships refer to a shared agency; loading B leaves A's links and the shared node intact", async () => {
    const t = tag();
    const ids = tenancyIds(t);
    const dir = folder(tenancySeeds(t));
    await seed(dir);
    expect(await ownerOf(ids.agency)).toBe("shared");
    // Each partnership's relationships from the shared agency are its own.
    expect(await linksFrom(ids.agency, "MEMBER_OF")).toEqual({ [ids.aBoard]: ids.a, [ids.bCsp]: ids.b });
    const before = await fingerprint([ids.a, "shared"]);

    const printed = await seed(folder(tenancySeeds(t, { bVersion: 2 })), { partnership: [`${t}-b`] });
    expect(printed).toMatch(/Written: 1 nodes created, 0 deleted, [1-9]\d* relationships created/);
    expect(printed).toContain(`Loaded: ${ids.b}.`);
    expect(await fingerprint([ids.a, "shared"])).toEqual(before);
    expect(await ownerOf(`body:${t}-b-new-group`)).toBe(ids.b);
  });

  it("a partnership's file that sets a shared entity's property is refused, naming the shared file", async () => {
    const t = tag();
    const ids = tenancyIds(t);
    const files = tenancySeeds(t);
    files["b/partnership.yaml"] = files["b/partnership.yaml"]!.replace(
      `  - Organisation: ${ids.agency}\n    at: Members\n`,
      `  - Organisation: ${ids.agency}\n    at: Members\n    aliases: [The Agency]\n`,
    );
    await expect(seed(folder(files))).rejects.toThrow(
      new RegExp(
        `b/partnership\\.yaml:\\d+, entry ${ids.agency}, field aliases: sets a property of a shared entity \\(defined in .*shared/registry\\.yaml:\\d+\\); ${ids.b}'s files may only mention it`,
      ),
    );
  });

  it("loading one partnership before the shared entities it refers to: refused, saying what to load first", async () => {
    const t = tag();
    const ids = tenancyIds(t);
    const failed = seed(folder(tenancySeeds(t, { withoutA: true })), { partnership: [`${t}-b`] });
    await expect(failed).rejects.toThrow(SeedConflictError);
    await expect(failed).rejects.toThrow(
      new RegExp(`entry ${ids.agency}: is shared's and not in the database yet.*Fix: load shared first`),
    );
    expect(await fingerprint([ids.b])).toMatchObject({ nodes: 0, relationships: 0 });
  });
});

describe("--reset", () => {
  it("of B deletes B's nodes and links and leaves every node and relationship of A, Barnet and shared untouched", async () => {
    const t = tag();
    const ids = tenancyIds(t);
    await seed(folder(tenancySeeds(t, { bVersion: 2 })));
    const others = [ids.a, "partnership:barnet", "shared"];
    const before = await fingerprint(others);
    const bBefore = await fingerprint([ids.b]);
    // B's links to shared nodes (the agency, the county forum, the Home Office) are B's own.
    expect(await linksFrom(ids.bBoard, "ACCOUNTABLE_TO")).toEqual({ [ids.forum]: ids.b });
    const homeOffice = await driver.executeQuery(
      "MATCH (:Organisation {id: 'org:home-office'})-[r:EVIDENCED_BY]->() WHERE r.partnershipId = $b RETURN count(r) AS n",
      { b: ids.b },
      { database: DATABASE },
    );
    expect(homeOffice.records[0]!.get("n").toNumber()).toBe(1);

    const printed = await seed(folder(tenancySeeds(t, { bVersion: 1 })), {
      partnership: [ids.b],
      reset: true,
    });
    expect(printed).toMatch(/Written: 5 nodes created, 6 deleted/);
    const after = await fingerprint(others);
    expect(after.nodes).toBe(before.nodes);
    expect(after.relationships).toBe(before.relationships);
    expect(after.text).toBe(before.text);
    const bAfter = await fingerprint([ids.b]);
    expect(bAfter.nodes).toBe(bBefore.nodes - 1);
    expect(await ownerOf(`body:${t}-b-new-group`)).toBeUndefined();
  });

  it("of shared while a partnership outside the load links to it is refused, and changes nothing", async () => {
    const t = tag();
    const ids = tenancyIds(t);
    const dir = folder(tenancySeeds(t));
    await seed(dir);
    const before = await fingerprint([ids.a, ids.b, "shared"]);
    const failed = seed(dir, { partnership: ["shared", ids.a], reset: true });
    await expect(failed).rejects.toThrow(SeedConflictError);
    await expect(failed).rejects.toThrow(
      new RegExp(
        `entry [a-z]+:[^,]+: is shared's, and ${ids.b} links to it \\(\\d+ relationship\\(s\\) to shared's (Organisation|Body)s\\).*Fix: .*reset ${ids.b} in the same command`,
      ),
    );
    expect(await fingerprint([ids.a, ids.b, "shared"])).toEqual(before);
  });
});
