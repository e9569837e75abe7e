import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/api/index.ts";
import { graphql, startTestServer } from "../support/api.ts";
import { testDriver } from "../support/database.ts";

// The second sample partnership, loaded beside Barnet by test/global-setup.ts. Every expectation
// is read off the Lichfield sources that seeds/lichfield/ transcribes (seeds/README.md, "The
// second partnership"): the page and item are named beside each one.
const LICHFIELD = "partnership:lichfield";
const BARNET = "partnership:barnet";
const BOARD = "body:lichfield-district-board";
const DELIVERY_GROUP = "body:lichfield-csp-delivery-group";
// Partnership groups page: the six groups after the delivery group, for which it states no line.
const UNLINKED_GROUPS = [
  "body:lichfield-partnership-briefings",
  "body:burton-lichfield-tamworth-dsa-forum",
  "body:lichfield-crime-prevention-panel",
  "body:lichfield-youth-services-group",
  "body:lichfield-responsible-bodies-group",
  "body:lichfield-safer-neighbourhood-panel",
];
// The district strategic partnership page: the Board's two other sub-partnerships.
const SUB_PARTNERSHIPS = [
  "body:lichfield-health-and-wellbeing-board",
  "body:lichfield-strategic-housing-partnership",
];

let driver: Driver;
let server: RunningServer;

const ask = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
  const response = await graphql<T>(server.url, query, variables);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
};
const ids = (rows: readonly { id: string }[]): string[] => rows.map((r) => r.id).sort();

beforeAll(async () => {
  driver = testDriver();
  // Whole-partnership questions (health, stats) on a machine shared by several Neo4j instances.
  server = await startTestServer(driver, { timeoutMs: 60_000 });
});
afterAll(async () => {
  await server?.stop();
  await driver?.close();
});

describe("Lichfield beside Barnet: provenance and ownership", () => {
  it("has provenance for every node of the partnership", async () => {
    const data = await ask<{ graphStats: { nodesWithoutProvenance: number; nodes: { label: string }[] } }>(
      `query($p: ID) { graphStats(partnershipId: $p) { nodesWithoutProvenance nodes { label count } } }`,
      { p: LICHFIELD },
    );
    expect(data.graphStats.nodesWithoutProvenance).toBe(0);
    expect(data.graphStats.nodes.map((n) => n.label)).toEqual(
      expect.arrayContaining(["Body", "Objective", "Action", "Indicator", "Measurement", "Risk", "Service"]),
    );
  });

  it("keeps its bodies, strategies and people under its own partnership id, county agencies shared", async () => {
    const { rows } = await driver
      .executeQuery(
        `MATCH (n) WHERE n.id IN $ids RETURN n.id AS id, n.partnershipId AS partnershipId ORDER BY id`,
        {
          ids: [
            BOARD,
            DELIVERY_GROUP,
            "strategy:lichfield-dp-2022-23",
            "person:susan-bamford",
            "org:staffordshire-police",
          ],
        },
        { database: "neo4j" },
      )
      .then((r) => ({ rows: r.records.map((x) => x.toObject()) }));
    expect(rows).toEqual([
      { id: DELIVERY_GROUP, partnershipId: LICHFIELD },
      { id: BOARD, partnershipId: LICHFIELD },
      // A county-wide agency every Staffordshire partnership may reference (seeds/shared).
      { id: "org:staffordshire-police", partnershipId: "shared" },
      { id: "person:susan-bamford", partnershipId: LICHFIELD },
      { id: "strategy:lichfield-dp-2022-23", partnershipId: LICHFIELD },
    ]);
  });
});

describe("Lichfield: the structure the council's pages describe", () => {
  it("names the Lichfield District Board, a local strategic partnership's board, as its top", async () => {
    // CSP page, paragraph 4: "part of a local strategic partnership called the Lichfield District Board".
    const data = await ask<{
      partnerships: { name: string; topBody: { id: string; kind: string; frequency: string }[] }[];
    }>(`{ partnerships(where: { id: { eq: "${LICHFIELD}" } }) { name topBody { id kind frequency } } }`);
    expect(data.partnerships).toEqual([
      {
        name: "Lichfield District Community Safety Partnership",
        topBody: [{ id: BOARD, kind: "LOCAL_STRATEGIC_PARTNERSHIP", frequency: "Four times a year" }],
      },
    ]);
  });

  it("has a lead agency and nine core member agencies, and no chair on record", async () => {
    // Locality deal fund pages: "Lichfield District Council, as the lead agency"; plan 2021-22 page 1: the core group.
    const data = await ask<{
      partnerships: {
        leadsConnection: { edges: { properties: { role: string }; node: { id: string } }[] };
        memberAgencies: { id: string }[];
        members: { id: string }[];
      }[];
    }>(`{ partnerships(where: { id: { eq: "${LICHFIELD}" } }) {
          leadsConnection { edges { properties { role } node { ... on Organisation { id } } } }
          memberAgencies { id }
          members { id }
        } }`);
    const [p] = data.partnerships;
    expect(p!.leadsConnection.edges).toEqual([
      { properties: { role: "LEAD_AGENCY" }, node: { id: "org:lichfield-district-council" } },
    ]);
    expect(ids(p!.memberAgencies)).toEqual(
      [
        "org:bromford",
        "org:humankind",
        "org:lichfield-district-council",
        "org:pathway",
        "org:staffordshire-county-council",
        "org:staffordshire-fire-and-rescue",
        "org:staffordshire-police",
        "org:staffordshire-probation-service",
        "org:support-staffordshire",
      ].sort(),
    );
    // No source in the store names a chair of the partnership: the gap is kept, not invented.
    expect(p!.members).toEqual([]);
  });

  it("has the delivery group and the Board's two other sub-partnerships reporting to the Board, nothing else", async () => {
    const data = await ask<{
      bodiesReportingTo: { body: { id: string }; depth: number; relationship: string }[];
    }>(`{ bodiesReportingTo(bodyId: "${BOARD}") { body { id } depth relationship } }`);
    expect(data.bodiesReportingTo.map((r) => [r.body.id, r.depth, r.relationship]).sort()).toEqual(
      [
        [DELIVERY_GROUP, 1, "ACCOUNTABLE_TO"],
        ...SUB_PARTNERSHIPS.map((id) => [id, 1, "ACCOUNTABLE_TO"]),
      ].sort(),
    );
  });

  it("takes the delivery group's accountability straight to the Board", async () => {
    const data = await ask<{
      accountabilityChain: { relationship: string; subject: { id: string } | null; gap: string | null }[];
    }>(`{ accountabilityChain(id: "${DELIVERY_GROUP}") { relationship subject { id } gap } }`);
    const lines = data.accountabilityChain.filter((s) => s.relationship === "ACCOUNTABLE_TO");
    expect(lines.map((s) => s.subject?.id)).toEqual([BOARD]);
    // The line reaches the top: no step on the way says a line is missing.
    expect(lines.filter((s) => s.gap)).toEqual([]);
  });

  it("draws every body of the partnership and its three lines, and nothing of Barnet's", async () => {
    const data = await ask<{
      governanceDiagram: {
        nodes: { id: string; kind: string }[];
        edges: { from: string; to: string; kind: string }[];
      };
    }>(`{ governanceDiagram(partnershipId: "${LICHFIELD}") { nodes { id kind } edges { from to kind } } }`);
    expect(ids(data.governanceDiagram.nodes)).toEqual(
      [BOARD, DELIVERY_GROUP, ...SUB_PARTNERSHIPS, ...UNLINKED_GROUPS].sort(),
    );
    expect(data.governanceDiagram.edges.map((e) => `${e.from} ${e.kind} ${e.to}`).sort()).toEqual(
      [DELIVERY_GROUP, ...SUB_PARTNERSHIPS].map((id) => `${id} ACCOUNTABLE_TO ${BOARD}`).sort(),
    );
  });
});

describe("Lichfield: health findings the sources imply", () => {
  type Finding = { rule: string; subject: { id: string } };
  let findings: Finding[];
  beforeAll(async () => {
    const data = await ask<{ governanceHealth: Finding[] }>(
      `query($p: ID) { governanceHealth(partnershipId: $p) { rule subject { id } } }`,
      { p: LICHFIELD },
    );
    findings = data.governanceHealth;
  });
  const subjects = (rule: string): string[] =>
    findings
      .filter((f) => f.rule === rule)
      .map((f) => f.subject.id)
      .sort();

  it("finds no route to the board only for the six groups whose line the page leaves out", () => {
    // The delivery group and the two sub-partnerships are accountable to the Board, the top.
    expect(subjects("BODY_WITHOUT_ROUTE_TO_BOARD")).toEqual([...UNLINKED_GROUPS].sort());
  });

  it("finds objectives no action feeds: five 2021-22 priorities, both places, one approach", () => {
    // The store has the 2021-22 plan's page 3 (priority one) only; nothing is recast into "Public confidence".
    expect(subjects("OBJECTIVE_WITHOUT_ACTION")).toEqual(
      [
        "objective:ldp-2021-22:priority-2",
        "objective:ldp-2021-22:priority-3",
        "objective:ldp-2021-22:priority-4",
        "objective:ldp-2021-22:priority-5",
        "objective:ldp-2021-22:priority-6",
        "objective:ldp-2021-22:place-city-centre",
        "objective:ldp-2021-22:place-chasetown",
        "objective:ldp-2021-22:approach-public-confidence",
      ].sort(),
    );
  });

  it("finds every plan action without a lead (the pages name none), and only Lichfield's", () => {
    // 8 actions in the 2021-22 page 3, 6 + 6 + 4 in the 2022-23 pages 3, 4 and 6.
    expect(subjects("ACTION_WITHOUT_LEAD")).toHaveLength(24);
    const own =
      /^(body|objective|action|indicator|strategy|person|org|service|measurement|risk):(lichfield|ldp-|burton-)/;
    expect(findings.filter((f) => !own.test(f.subject.id)).map((f) => f.subject.id)).toEqual([]);
  });
});

describe("Lichfield: the delivery plans' own levels and order", () => {
  type Objective = { id: string; kind: string; position: number | null; title: string; ref: string | null };
  const objectivesOf = async (strategyId: string): Promise<Objective[]> => {
    const data = await ask<{ strategies: { objectives: Objective[] }[] }>(
      `query($id: ID!) { strategies(where: { id: { eq: $id } }) {
         objectives(sort: [{ position: ASC }]) { id kind position title ref } } }`,
      { id: strategyId },
    );
    return data.strategies[0]!.objectives;
  };

  it("keeps the 2021-22 plan's six priorities, two places and four approaches in page order", async () => {
    const objectives = await objectivesOf("strategy:lichfield-dp-2021-22");
    expect(objectives.map((o) => [o.position, o.kind, o.title])).toEqual([
      [1, "PRIORITY", "Anti-social behaviour (ASB)"],
      [2, "PRIORITY", "Domestic abuse"],
      [3, "PRIORITY", "Car key burglary and car theft"],
      [4, "PRIORITY", "County lines"],
      [5, "PRIORITY", "Fraud"],
      [6, "PRIORITY", "Vulnerable persons – alcohol, mental health, contextual safeguarding – complex cases"],
      [7, "PLACE", "Lichfield city centre"],
      [8, "PLACE", "Chasetown"],
      [9, "CROSS_CUTTING_APPROACH", "Early intervention and prevention"],
      [10, "CROSS_CUTTING_APPROACH", "Supporting victims and witness"],
      [11, "CROSS_CUTTING_APPROACH", "Managing offenders"],
      [12, "CROSS_CUTTING_APPROACH", "Public confidence"],
    ]);
  });

  it("numbers the 2022-23 priorities as the plan does, not as the fund page lists them", async () => {
    const objectives = await objectivesOf("strategy:lichfield-dp-2022-23");
    expect(objectives.map((o) => [o.ref, o.title])).toEqual([
      ["Priority one", "Domestic abuse"],
      ["Priority two", "Anti-social behaviour"],
      ["Priority three", "County lines"],
      ["Priority four", "Violence against women and girls"],
    ]);
  });

  it("feeds the early intervention theme from five actions, each serving all six of its wants", async () => {
    const data = await ask<{
      actionsFeeding: {
        action: { id: string; position: number; contributesTo: { id: string }[] };
        depth: number;
      }[];
    }>(`{ actionsFeeding(objectiveId: "objective:ldp-2021-22:priority-1:early-intervention") {
          action { id position contributesTo { id } } depth } }`);
    expect(data.actionsFeeding.map((f) => f.action.position).sort()).toEqual([1, 2, 3, 4, 5]);
    for (const { action, depth } of data.actionsFeeding) {
      expect(depth).toBe(2);
      expect(action.contributesTo).toHaveLength(6);
    }
  });

  it("feeds the OPFCC approach the theme recasts, and each action of priority one once", async () => {
    const approach = await ask<{ actionsFeeding: { action: { id: string } }[] }>(
      `{ actionsFeeding(objectiveId: "objective:ldp-2021-22:approach-early-intervention") { action { id } } }`,
    );
    expect(ids(approach.actionsFeeding.map((f) => f.action))).toEqual(
      [1, 2, 3, 4, 5].map((n) => `action:ldp-2021-22:asb-${n}`).sort(),
    );
    const priority = await ask<{ actionsFeeding: { action: { id: string } }[] }>(
      `{ actionsFeeding(objectiveId: "objective:ldp-2021-22:priority-1") { action { id } } }`,
    );
    const fed = priority.actionsFeeding.map((f) => f.action.id);
    expect(fed).toHaveLength(8);
    expect(new Set(fed).size).toBe(8);
  });

  it("records the plan-wide commitment under all four 2022-23 priorities, and the 2021-22 risk on the plan", async () => {
    const data = await ask<{
      actions: { contributesTo: { id: string }[] }[];
      strategies: { risks: { kind: string; affects: { id: string }[] }[]; actions: { id: string }[] }[];
    }>(`{
      actions(where: { id: { eq: "action:ldp-2022-23:vulnerability-commitment" } }) { contributesTo { id } }
      strategies(where: { id: { eq: "strategy:lichfield-dp-2021-22" } }) { risks { kind affects { id } } actions { id } }
    }`);
    expect(ids(data.actions[0]!.contributesTo)).toEqual(
      [1, 2, 3, 4].map((n) => `objective:ldp-2022-23:priority-${n}`),
    );
    expect(data.strategies[0]!.risks).toEqual([
      { kind: "RISK", affects: [{ id: "objective:ldp-2021-22:priority-1" }] },
    ]);
    expect(data.strategies[0]!.actions).toEqual([{ id: "action:ldp-2021-22:baseline-data" }]);
  });

  it("measures ASB in Lichfield against the force-wide rate, and domestic abuse by ward", async () => {
    const data = await ask<{
      indicators: {
        id: string;
        measurements: {
          area: string;
          value: number;
          benchmark: string | null;
          benchmarkValue: number | null;
        }[];
      }[];
    }>(`{ indicators(where: { id: { in: ["indicator:ldp-2022-23:asb-rate", "indicator:ldp-2022-23:da-rate"] } }) {
          id measurements(sort: [{ value: DESC }]) { area value benchmark benchmarkValue } } }`);
    const byId = new Map(data.indicators.map((i) => [i.id, i.measurements]));
    expect(byId.get("indicator:ldp-2022-23:asb-rate")).toEqual([
      { area: "Lichfield", value: 32.8, benchmark: "force-wide rate", benchmarkValue: 41 },
    ]);
    expect(byId.get("indicator:ldp-2022-23:da-rate")!.map((m) => [m.area, m.value])).toEqual([
      ["Curborough", 26.1],
      ["Chasetown", 22.8],
      ["Chadsmead", 17.9],
      ["Lichfield", 11.7],
    ]);
  });

  it("keeps the superseding plan and each paper's address", async () => {
    const data = await ask<{
      strategies: { supersedes: { id: string }[]; evidencedBy: { id: string; url: string | null }[] }[];
    }>(
      `{ strategies(where: { id: { eq: "strategy:lichfield-dp-2022-23" } }) { supersedes { id } evidencedBy { id url } } }`,
    );
    const [plan] = data.strategies;
    expect(plan!.supersedes).toEqual([{ id: "strategy:lichfield-dp-2021-22" }]);
    expect(plan!.evidencedBy.every((d) => d.url?.startsWith("https://"))).toBe(true);
  });
});

describe("Lichfield: search within its own partnership", () => {
  const query = `query($text: String!, $p: ID) { search(text: $text, limit: 10, partnershipId: $p) { node { id label } matched } }`;

  it("finds its contact, misspelt, in Lichfield and not from Barnet", async () => {
    const own = await ask<{ search: { node: { id: string } }[] }>(query, {
      text: "Susan Bamferd",
      p: LICHFIELD,
    });
    expect(own.search.map((h) => h.node.id)).toContain("person:susan-bamford");
    const other = await ask<{ search: { node: { id: string } }[] }>(query, {
      text: "Susan Bamford",
      p: BARNET,
    });
    expect(other.search.map((h) => h.node.id)).not.toContain("person:susan-bamford");
  });

  it("finds a 2021-22 priority by the spelling the CSP page uses", async () => {
    const data = await ask<{ search: { node: { id: string }; matched: string }[] }>(query, {
      text: "Car key burglary and vehicle theft",
      p: LICHFIELD,
    });
    expect(data.search[0]).toEqual({
      node: { id: "objective:ldp-2021-22:priority-3", label: "Objective" },
      matched: "Car key burglary and vehicle theft",
    });
  });

  it("returns only Lichfield's nodes for a Lichfield search", async () => {
    const data = await ask<{ search: { node: { id: string } }[] }>(query, {
      text: "anti-social behaviour",
      p: LICHFIELD,
    });
    expect(data.search.length).toBeGreaterThan(0);
    const { records } = await driver.executeQuery(
      "MATCH (n) WHERE n.id IN $ids RETURN DISTINCT n.partnershipId AS p",
      { ids: data.search.map((h) => h.node.id) },
      { database: "neo4j" },
    );
    expect(records.map((r) => r.get("p")).filter((p) => p !== LICHFIELD && p !== "shared")).toEqual([]);
  });
});

describe("Lichfield: what a person answers for", () => {
  it("lists the partnership contact's post at the district council", async () => {
    const data = await ask<{
      responsibilities: { role: string; relationship: string; subject: { id: string } }[];
    }>(`{ responsibilities(personId: "person:susan-bamford") { role relationship subject { id } } }`);
    // Staffordshire County Council's outside-body record, contact information.
    expect(data.responsibilities).toEqual([
      {
        role: "Partnerships, Community Safety & Licensing Manager",
        relationship: "WORKS_FOR",
        subject: { id: "org:lichfield-district-council" },
      },
    ]);
  });
});
