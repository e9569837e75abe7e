import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/api/index.ts";
import { buildDomainModel, readTypeDefs } from "../../src/schema-model/index.ts";
import { countGraph, DEFAULT_SEED_DIR, validateSeedDirectory } from "../../src/seed/index.ts";
import { graphql, startTestServer, tokenFor } from "../support/api.ts";
import { testDriver } from "../support/database.ts";
import { COUNTS, FACTS } from "./sample-facts.ts";

// The Barnet sample graph as loaded by the global setup, asked through the GraphQL API the way a
// governance officer of the partnership would (an officer sees Part 2 items too): facts of the
// five papers with their sources, the spelling variants resolved to one node each, and the
// graph's own statistics.

let driver: Driver;
let server: RunningServer;
let officer: string;

beforeAll(async () => {
  driver = testDriver();
  server = await startTestServer(driver);
  officer = await tokenFor({ roles: ["officer"], partnerships: ["partnership:barnet"] });
});
afterAll(async () => {
  await server.stop();
  await driver.close();
});

/** Asks as the partnership's officer, or anonymously with `token: null`. */
async function ask<T = Record<string, unknown>>(query: string, token: string | null = officer): Promise<T> {
  const response = await graphql<T>(server.url, query, {}, token ?? undefined);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
}

const at = (data: unknown, path: readonly (string | number)[]): unknown =>
  path.reduce<unknown>((value, key) => (value as Record<string | number, unknown> | undefined)?.[key], data);

describe("facts of the five papers, each with its source", () => {
  it.each(FACTS)("$paper: $what", async ({ root, id, select, expected, source: [document, locator] }) => {
    const data = await ask<Record<string, Record<string, unknown>[]>>(
      `{ ${root}(where: { id: { eq: "${id}" } }) { id ${select} evidencedByConnection { edges { properties { locator } node { id } } } } }`,
    );
    expect(data[root], `${id} is in the graph`).toHaveLength(1);
    const node = data[root]![0]!;
    expect(node).toMatchObject(expected);
    expect((node.evidencedByConnection as { edges: unknown[] }).edges).toContainEqual({
      node: { id: document },
      properties: { locator: expect.stringContaining(locator) },
    });
  });

  it.each(COUNTS)("$paper: $what", async ({ query, path, count }) => {
    expect(at(await ask(query), path)).toBe(count);
  });

  it("004: the Part 2 Domestic Homicide Review item is hidden from anonymous callers", async () => {
    const query = `{ meetings(where: { id: { eq: "meeting:scpb-2016-01-29" } }) { items { number title } } }`;
    const asOfficer = await ask<{ meetings: { items: { number: string | null; title: string }[] }[] }>(query);
    const asAnyone = await ask<{ meetings: { items: { number: string | null; title: string }[] }[] }>(
      query,
      null,
    );
    expect(asOfficer.meetings[0]!.items).toContainEqual({
      number: "7",
      title: "Domestic Homicide Review Update",
    });
    expect(asAnyone.meetings[0]!.items).toHaveLength(asOfficer.meetings[0]!.items.length - 1);
    expect(asAnyone.meetings[0]!.items).not.toContainEqual(expect.objectContaining({ number: "7" }));
  });
});

describe("one real person, organisation or body is one node with its spellings as aliases", () => {
  type Hit = { node: { id: string; label: string; name: string }; matched: string };
  it.each([
    ["Vargwarl", "person:kiran-vagarwal", "Kiran Vagarwal", "Kiran Vargwarl"],
    ["Manju Lukhman", "person:manju-likhman", "Manju Likhman", "Manju Lukhman"],
    ["Clare Ansdell", "person:claire-ansdell", "Claire Ansdell", "Clare Ansdell"],
    ["Laure Featley", "person:laura-featley", "Laura Featley", "Laure Featley"],
    ["Boroughwatch", "org:barnet-borough-watch", "Barnet Borough Watch", "Barnet Boroughwatch"],
    [
      "Acquisative",
      "body:acquisitive-crime-sub-group",
      "Acquisitive Crime Sub Group",
      "Acquisative Crime Sub Group",
    ],
  ])("search %j finds %s (%s) through the spelling %j", async (text, id, name, matched) => {
    const { search } = await ask<{ search: Hit[] }>(
      `{ search(text: ${JSON.stringify(text)}, limit: 5, partnershipId: "partnership:barnet") { node { id label name } matched } }`,
    );
    expect(search).toContainEqual({ node: { id, label: expect.any(String), name }, matched });
  });

  it.each([
    ["people", "Kiran Vargwarl", "person:kiran-vagarwal"],
    ["people", "Manju Lukhman", "person:manju-likhman"],
    ["people", "Clare Ansdell", "person:claire-ansdell"],
    ["people", "Laure Featley", "person:laura-featley"],
    ["organisations", "CommUnity Barnet", "org:community-barnet"],
  ])("%s with the alias %j: exactly %s", async (root, alias, id) => {
    const data = await ask<Record<string, { id: string }[]>>(
      // Scoped: another test may load a copy of the sample, same aliases, under its own partnership.
      `{ ${root}(where: { partnershipId: { eq: "partnership:barnet" }, aliases: { includes: ${JSON.stringify(alias)} } }) { id } }`,
    );
    expect(data[root]).toEqual([{ id }]);
  });
});

describe("graphStats of the sample", () => {
  it("counts exactly what the seed files hold, and every node has its source", async () => {
    const { graphStats } = await ask<{
      graphStats: {
        nodes: { label: string; count: number }[];
        relationships: { label: string; count: number }[];
        nodesWithoutProvenance: number;
      };
    }>(
      `{ graphStats(partnershipId: "partnership:barnet") { nodes { label count } relationships { label count } nodesWithoutProvenance } }`,
    );
    // graphStats counts the partnership's own nodes and the relationships that start at them.
    const { graph } = validateSeedDirectory(DEFAULT_SEED_DIR, buildDomainModel(readTypeDefs()));
    const barnet = "partnership:barnet";
    const expected = countGraph({
      nodes: new Map([...graph.nodes].filter(([, node]) => node.partnershipId === barnet)),
      relationships: graph.relationships.filter((r) => graph.nodes.get(r.from)?.partnershipId === barnet),
    });
    expect(graphStats.nodesWithoutProvenance).toBe(0);
    expect(Object.fromEntries(graphStats.nodes.map((n) => [n.label, n.count]))).toEqual(expected.nodes);
    expect(Object.fromEntries(graphStats.relationships.map((r) => [r.label, r.count]))).toEqual(
      expected.relationships,
    );
  });
});
