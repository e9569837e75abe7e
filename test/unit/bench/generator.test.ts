import { parse, validate } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSchema } from "../../../src/api/index.ts";
import { buildDomainModel, readTypeDefs, type DomainModel } from "../../../src/schema-model/index.ts";
import {
  areaName,
  checkShape,
  countShape,
  createRandom,
  generatePartnership,
  generateShared,
  mergeGraphs,
  mulberry32,
  nationalAgencyId,
  partnershipSlug,
} from "../../../bench/generate/index.ts";
import { buildNaiveSchema } from "../../../bench/naive/index.ts";
import { SCENARIOS } from "../../../bench/scenarios/index.ts";

const fingerprint = (index: number): string => {
  const { graph, landmarks } = generatePartnership(index);
  return JSON.stringify({ nodes: [...graph.nodes.values()], relationships: graph.relationships, landmarks });
};

describe("the seeded PRNG", () => {
  it("gives the same numbers on every machine (mulberry32 of 42)", () => {
    const next = mulberry32(42);
    expect([next(), next(), next()]).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
  });

  it("draws integers within bounds, both ends included", () => {
    const random = createRandom(7);
    const drawn = new Set(Array.from({ length: 500 }, () => random.int(1, 3)));
    expect([...drawn].sort()).toEqual([1, 2, 3]);
  });
});

describe("the synthetic partnership generator", () => {
  let model: DomainModel;
  beforeAll(() => {
    model = buildDomainModel(readTypeDefs());
  });

  it("is deterministic: the same partnership twice is byte-identical", () => {
    expect(fingerprint(3)).toBe(fingerprint(3));
  });

  it("makes partnership k the same whatever was generated before it (so 1 and 300 share partnership 0)", () => {
    const alone = fingerprint(0);
    generatePartnership(1);
    generatePartnership(2);
    expect(fingerprint(0)).toBe(alone);
    expect(fingerprint(1)).not.toBe(alone);
  });

  it("makes graphs the seed validator would accept: labels, properties, values, relationships and evidence from the schema", () => {
    // With the shared entities they refer to, as a seed folder holds seeds/shared/ beside them.
    for (const index of [0, 1, 2, 57, 299])
      expect(checkShape(mergeGraphs([generateShared(), generatePartnership(index).graph]), model)).toEqual(
        [],
      );
  });

  it("is shaped like the Barnet graph: about 1,300 nodes and 3,100 relationships, every label, provenance on every node but papers", () => {
    const graphs = [0, 1, 2, 3, 4, 5, 6, 7].map((index) => generatePartnership(index).graph);
    const nodes = graphs.reduce((total, g) => total + g.nodes.size, 0) / graphs.length;
    const shapes = graphs.map(countShape);
    const relationships =
      shapes.reduce((total, s) => total + Object.values(s.relationships).reduce((a, b) => a + b, 0), 0) /
      graphs.length;
    expect(nodes).toBeGreaterThan(1000);
    expect(nodes).toBeLessThan(1700);
    expect(relationships).toBeGreaterThan(2400);
    expect(relationships).toBeLessThan(4000);
    const labels = new Set(shapes.flatMap((s) => Object.keys(s.nodes)));
    expect([...labels].sort()).toEqual([...model.labels.keys()].sort());
    graphs.forEach((graph, index) => {
      for (const node of graph.nodes.values()) {
        if (node.label !== "Document") expect(node.evidence.length, node.id).toBeGreaterThan(0);
        // Its own nodes, and mentions of the shared national agencies (with its own provenance, no properties).
        if (node.partnershipId === "shared") {
          expect(node.id).toMatch(/^org:bench-national-/);
          expect(node.properties).toEqual({});
          expect(
            node.evidence.every((e) => e.partnershipId === `partnership:${partnershipSlug(index)}`),
          ).toBe(true);
        } else expect(node.partnershipId).toBe(`partnership:${partnershipSlug(index)}`);
      }
    });
  });

  it("keeps partnerships apart: ids carry the partnership's slug, areas are distinct for 300 partnerships", () => {
    const { graph } = generatePartnership(42);
    for (const [id, node] of graph.nodes)
      if (node.partnershipId !== "shared") expect(id).toMatch(/^[a-z]+:p042(:|$)/);
    expect(new Set(Array.from({ length: 300 }, (_, i) => areaName(i))).size).toBe(300);
  });

  it("names landmarks that exist, with the labels the scenarios expect", () => {
    const { graph, landmarks } = generatePartnership(0);
    const label = (id: string) => graph.nodes.get(id)?.label;
    expect([
      label(landmarks.partnershipId),
      label(landmarks.boardId),
      label(landmarks.strategyId),
      label(landmarks.priorityId),
      label(landmarks.actionId),
      label(landmarks.personId),
    ]).toEqual(["Partnership", "Body", "Strategy", "Objective", "Action", "Person"]);
    expect(graph.relationships.some((r) => r.type === "LED_BY" && r.from === landmarks.actionId)).toBe(true);
  });
});

describe("the shapes the generator varies", () => {
  it("every partnership refers to every shared national agency, through relationships of its own", () => {
    const shared = generateShared();
    const agencies = [...shared.nodes.values()].filter((n) => n.label === "Organisation").map((n) => n.id);
    expect(agencies).toEqual([
      nationalAgencyId("home-office"),
      nationalAgencyId("ministry-of-justice"),
      nationalAgencyId("dwp"),
    ]);
    for (const index of [0, 1, 2, 3]) {
      const { graph, landmarks } = generatePartnership(index);
      for (const agency of agencies)
        expect(
          graph.relationships.some(
            (r) =>
              r.to === landmarks.boardId && r.from === agency && r.partnershipId === landmarks.partnershipId,
          ),
          `${landmarks.partnershipId} MEMBER_OF from ${agency}`,
        ).toBe(true);
    }
  });

  it("one partnership in three has a district board above its CSP, with a group of its own on it", () => {
    const shapes = [0, 1, 2, 3, 4, 5].map((index) => {
      const { graph, landmarks } = generatePartnership(index);
      const lines = graph.relationships.filter((r) => r.type === "ACCOUNTABLE_TO");
      const top = graph.nodes.get(landmarks.topId)!;
      if (landmarks.topId !== landmarks.boardId) {
        expect(top.properties.kind).toBe("LOCAL_STRATEGIC_PARTNERSHIP");
        expect(lines.some((r) => r.from === landmarks.boardId && r.to === landmarks.topId)).toBe(true);
        expect(lines.filter((r) => r.to === landmarks.topId && r.from !== landmarks.boardId)).toHaveLength(1);
      }
      // The top has no line up.
      expect(lines.some((r) => r.from === landmarks.topId)).toBe(false);
      return landmarks.topId === landmarks.boardId ? "board" : "district";
    });
    expect(shapes).toEqual(["board", "district", "board", "board", "district", "board"]);
  });
});

describe("the scenarios' queries", () => {
  it("are valid against both the real API's schema and the naive one (same documents, same shapes)", async () => {
    const real = await buildSchema();
    const naive = buildNaiveSchema();
    for (const scenario of SCENARIOS) {
      const document = parse(scenario.query);
      expect(
        validate(real, document).map((e) => e.message),
        `${scenario.name} against the API`,
      ).toEqual([]);
      expect(
        validate(naive, document).map((e) => e.message),
        `${scenario.name} against the naive schema`,
      ).toEqual([]);
    }
  });
});
