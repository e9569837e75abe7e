import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/api/index.ts";
import { graphql, startTestServer, tokenFor } from "../support/api.ts";
import { DATABASE, isolatedPartnership, testDriver } from "../support/database.ts";
import { loadFixture } from "../support/seed-fixture.ts";

// Expected answers are read off the papers in the sample (seeds/README.md names them).
let driver: Driver;
let server: RunningServer;
let fixture: ReturnType<typeof isolatedPartnership>;

beforeAll(async () => {
  driver = testDriver();
  server = await startTestServer(driver);
  // The first request of a schema makes one-off calls; round-trip assertions measure steady state.
  await graphql(
    server.url,
    `
      {
        actionsFeeding(objectiveId: "objective:css-2015-20:outcome-4") {
          action {
            id
          }
        }
      }
    `,
  );
  fixture = isolatedPartnership(driver);
  const s = fixture.slug;
  // A structure with a cycle of accountability and a group with no route to any board. Its board's
  // id sorts before every sample id, so a default that picked "the first board" would pick it.
  await loadFixture(driver, {
    "cycle.yaml": `
partnership: ${fixture.partnershipId}
document: { id: doc:${s}, title: Test paper }
entries:
  - Partnership: ${fixture.partnershipId}
    at: cover
    name: Test partnership ${s}
  - Body: body:0-${s}-board
    at: p1
    name: Board ${s}
    kind: STATUTORY_BOARD
  - Body: body:${s}-a
    at: p2
    name: Group A ${s}
    kind: STRATEGY_DELIVERY_GROUP
    ACCOUNTABLE_TO: body:${s}-b
  - Body: body:${s}-b
    at: p3
    name: Group B ${s}
    kind: STRATEGY_DELIVERY_GROUP
    ACCOUNTABLE_TO: body:${s}-a
`,
  });
});

afterAll(async () => {
  await fixture.cleanup();
  await server.stop();
  await driver.close();
});

const ask = <T>(query: string, variables: Record<string, unknown> = {}) =>
  graphql<T>(server.url, query, variables);

describe("actionsFeeding", () => {
  type Result = {
    actionsFeeding: {
      depth: number;
      action: { id: string; ref: string | null; title: string };
      path: { id: string }[];
    }[];
  };
  const query = `query($id: ID!, $depth: Int) { actionsFeeding(objectiveId: $id, maxDepth: $depth) { depth action { id ref title } path { id } } }`;

  it("lists the seven youth crime prevention principles 4.1-4.7 under Outcome 4 of the 2015-2020 strategy, in ref order", async () => {
    const { data, errors, extensions } = await ask<Result>(query, { id: "objective:css-2015-20:outcome-4" });
    expect(errors).toBeUndefined();
    expect(data?.actionsFeeding.map((f) => f.action.ref)).toEqual([
      "4.1",
      "4.2",
      "4.3",
      "4.4",
      "4.5",
      "4.6",
      "4.7",
    ]);
    expect(data?.actionsFeeding.every((f) => f.depth === 1)).toBe(true);
    expect(data?.actionsFeeding[0]?.path.map((p) => p.id)).toEqual([
      data?.actionsFeeding[0]?.action.id,
      "objective:css-2015-20:outcome-4",
    ]);
    // The traversal returns the actions' own fields: no hydration (test/traversals/traversal-entities.test.ts).
    expect(extensions?.roundTrips).toBe(1);
  });

  it("gives the commitments 6.1 to 6.11 under Outcome 6, sorted naturally (6.10 after 6.9)", async () => {
    const { data } = await ask<Result>(query, { id: "objective:css-2015-20:outcome-6" });
    const refs = data?.actionsFeeding.map((f) => f.action.ref);
    expect(refs?.slice(-3)).toEqual(["6.9", "6.10", "6.11"]);
    expect(refs).toHaveLength(11);
  });

  it("finds the seven 2013/14 property crime actions under Priority 1 (and the 2011-14 achievements that fed it)", async () => {
    const { data } = await ask<Result>(query, { id: "objective:scs-2011-14:priority-1", depth: 1 });
    const actions = data?.actionsFeeding.map((f) => f.action) ?? [];
    const plan = actions.filter((a) => a.id.startsWith("action:action-plan-2013-14:p1-"));
    expect(plan).toHaveLength(7);
    expect(plan.map((a) => a.title)).toContain("To complete 4 Property Roadshow in specific Hot spot areas");
    expect(actions.filter((a) => a.id.startsWith("action:scs-2011-14:achievement-1"))).toHaveLength(3);
  });

  it("reaches actions through sub-objectives, each action once with its shortest path", async () => {
    const id = "objective:scs-2011-14:priority-1";
    const { data } = await ask<Result>(query, { id, depth: 3 });
    const feeding = data?.actionsFeeding ?? [];
    // Read off the graph, not the traversal: actions one objective away that do not feed Priority 1
    // directly (the 2011-14 cross-cutting priorities, such as Priority 4 IOM, contribute to it).
    const { records } = await driver.executeQuery(
      `MATCH (a:Action)-[:CONTRIBUTES_TO|PART_OF]->(:Objective)-[:CONTRIBUTES_TO|PART_OF]->(o:Objective {id: $id})
       WHERE NOT (a)-[:CONTRIBUTES_TO|PART_OF]->(o)
       RETURN DISTINCT a.id AS id`,
      { id },
      { database: DATABASE },
    );
    const twoAway = records.map((r) => r.get("id") as string).sort();
    expect(
      twoAway.length,
      "the sample has actions that reach Priority 1 only through another objective",
    ).toBeGreaterThan(0);
    expect(
      feeding
        .filter((f) => f.depth === 2)
        .map((f) => f.action.id)
        .sort(),
    ).toEqual(twoAway);
    for (const f of feeding.filter((f) => f.depth > 1)) {
      expect(f.path).toHaveLength(f.depth + 1);
      expect(f.path[0]?.id).toBe(f.action.id);
      expect(f.path.at(-1)?.id).toBe(id);
    }
    const ids = feeding.map((f) => f.action.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("says NOT_FOUND naming an unknown objective, and LIMIT_EXCEEDED past the depth cap", async () => {
    const missing = await ask(query, { id: "objective:nope" });
    expect(missing.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(missing.errors?.[0]?.message).toContain('"objective:nope"');
    const deep = await ask(query, { id: "objective:css-2015-20:outcome-4", depth: 500 });
    expect(deep.errors?.[0]?.extensions?.code).toBe("LIMIT_EXCEEDED");
    expect(deep.errors?.[0]?.message).toContain("between 1 and 20");
  });
});

describe("accountabilityChain", () => {
  type Result = {
    accountabilityChain: {
      depth: number;
      role: string;
      relationship: string;
      subject: { id: string; name: string } | null;
      gap: string | null;
      of: { id: string } | null;
    }[];
  };
  const query = `query($id: ID!) { accountabilityChain(id: $id) { depth role relationship subject { id name } gap of { id } } }`;

  it("records the 2013/14 violent-crime priority's missing strategic lead and lead agency as gaps", async () => {
    const { data, extensions } = await ask<Result>(query, { id: "objective:scs-2011-14:priority-3" });
    const gaps = data?.accountabilityChain.map((s) => s.gap).filter(Boolean);
    expect(gaps).toContain("Priority 3 has no strategic lead.");
    expect(gaps).toContain("Priority 3 has no lead agency.");
    expect(extensions?.roundTrips).toBe(1);
  });

  it("runs from a Gangs plan action to its accountable officer, its theme, the plan and up to the SCPB and its chair", async () => {
    const { data } = await ask<Result>(query, { id: "action:gsyv-2016-18:6" });
    const steps = data?.accountabilityChain ?? [];
    expect(steps).toContainEqual(
      expect.objectContaining({
        depth: 0,
        role: "ACCOUNTABLE",
        relationship: "LED_BY",
        subject: expect.objectContaining({ id: "person:kiran-vagarwal" }),
      }),
    );
    expect(steps.some((s) => s.role === "THEME" && s.relationship === "CONTRIBUTES_TO")).toBe(true);
    expect(steps.some((s) => s.role === "STRATEGY" && s.subject?.id === "strategy:gsyv-2016-18")).toBe(true);
    const depths = steps.map((s) => s.depth);
    expect([...depths].sort((a, b) => a - b)).toEqual(depths);
  });

  it("goes from a delivery group to the SCPB and names each chair", async () => {
    const { data } = await ask<Result>(query, { id: "body:dv-vawg-delivery-group" });
    const steps = data?.accountabilityChain ?? [];
    expect(steps).toContainEqual(
      expect.objectContaining({
        role: "ACCOUNTABLE_TO",
        subject: expect.objectContaining({ id: "body:scpb" }),
      }),
    );
    expect(steps).toContainEqual(
      expect.objectContaining({
        role: "CHAIR",
        subject: expect.objectContaining({ id: "person:david-longstaff" }),
        of: { id: "body:scpb" },
      }),
    );
    expect(steps.filter((s) => s.gap?.includes("no route"))).toEqual([]);
  });

  it("reports a cycle of accountability as a gap instead of looping", async () => {
    const { data } = await ask<Result>(query, { id: `body:${fixture.slug}-a` });
    expect(data?.accountabilityChain.some((s) => s.gap?.startsWith("Accountability cycle"))).toBe(true);
  });

  it("is also a field of Action, so one request can nest it in a strategy tree", async () => {
    const { data, errors } = await ask<{ actions: { accountabilityChain: { role: string }[] }[] }>(
      `{ actions(where: { id: { eq: "action:gsyv-2016-18:6" } }) { accountabilityChain { role } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data?.actions[0]?.accountabilityChain[0]?.role).toBe("ACCOUNTABLE");
  });

  it("batches the nested field across a whole tree: the chains of all seven 4.x commitments cost one round trip", async () => {
    const { data, errors, extensions } = await ask<{
      objectives: { feedingActions: { ref: string; accountabilityChain: { role: string }[] }[] }[];
    }>(
      `{ objectives(where: { id: { eq: "objective:css-2015-20:outcome-4" } }) { feedingActions { ref accountabilityChain { role } } } }`,
    );
    expect(errors).toBeUndefined();
    const actions = data?.objectives[0]?.feedingActions ?? [];
    expect(actions).toHaveLength(7);
    for (const action of actions)
      expect(action.accountabilityChain.some((s) => s.role === "OUTCOME")).toBe(true);
    // The generated query (with the @cypher field) and one batch for every chain.
    expect(extensions?.roundTrips).toBe(2);
  });

  it("says NOT_FOUND for an id that is not an action, objective, strategy or body", async () => {
    const { errors } = await ask(query, { id: "person:kiran-vagarwal" });
    expect(errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});

describe("bodiesReportingTo", () => {
  type Result = {
    bodiesReportingTo: {
      depth: number;
      relationship: string;
      frequency: string | null;
      body: { id: string; name: string };
    }[];
  };
  const query = `query($id: ID!, $transitive: Boolean) { bodiesReportingTo(bodyId: $id, transitive: $transitive) { depth relationship frequency body { id name } } }`;

  it("has the SCPB providing annual updates to the Community Leadership Committee, and its groups one level further down", async () => {
    const { data } = await ask<Result>(query, { id: "body:community-leadership-committee" });
    const rows = data?.bodiesReportingTo ?? [];
    expect(rows[0]).toMatchObject({
      depth: 1,
      relationship: "PROVIDES_UPDATES_TO",
      frequency: "Annually",
      body: { id: "body:scpb" },
    });
    expect(rows.find((r) => r.body.id === "body:dv-vawg-delivery-group")).toMatchObject({
      depth: 2,
      relationship: "ACCOUNTABLE_TO",
    });
  });

  it("lists direct reports only when transitive is false, with the dashed 2022 boards among them", async () => {
    const { data } = await ask<Result>(query, { id: "body:scpb", transitive: false });
    const rows = data?.bodiesReportingTo ?? [];
    expect(rows.every((r) => r.depth === 1)).toBe(true);
    expect(rows).toContainEqual(
      expect.objectContaining({
        relationship: "PROVIDES_UPDATES_TO",
        body: expect.objectContaining({ id: "body:combatting-drugs-partnership-board" }),
      }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({
        relationship: "ACCOUNTABLE_TO",
        body: expect.objectContaining({ id: "body:dv-vawg-delivery-group" }),
      }),
    );
  });
});

describe("responsibilities", () => {
  type Result = {
    responsibilities: {
      role: string;
      relationship: string;
      subject: { id: string };
      validFrom: string | null;
    }[];
  };
  const query = `query($id: ID!, $asOf: Date) { responsibilities(personId: $id, asOf: $asOf) { role relationship subject { id } validFrom } }`;

  it("shows Cllr Longstaff chairing the SCPB and the Community Leadership Committee (2017 papers)", async () => {
    const { data } = await ask<Result>(query, { id: "person:david-longstaff" });
    const chairs = data?.responsibilities.filter((r) => r.role === "CHAIR").map((r) => r.subject.id);
    expect(chairs).toEqual(expect.arrayContaining(["body:scpb", "body:community-leadership-committee"]));
  });

  it("answers for a past date with the latest record by then (chair since the 2015 strategy, again in Jan 2016)", async () => {
    const mid2016 = await ask<Result>(query, { id: "person:david-longstaff", asOf: "2016-06-01" });
    const memberships = mid2016.data?.responsibilities.filter((r) => r.relationship === "MEMBER_OF") ?? [];
    expect(memberships).toContainEqual(
      expect.objectContaining({ role: "CHAIR", subject: { id: "body:scpb" }, validFrom: "2016-01-29" }),
    );
    expect(memberships).toContainEqual(
      expect.objectContaining({
        role: "CHAIR",
        subject: { id: "body:community-leadership-committee" },
        validFrom: "2015-01-30",
      }),
    );
    const before = await ask<Result>(query, { id: "person:david-longstaff", asOf: "2014-06-01" });
    expect(before.data?.responsibilities.filter((r) => r.relationship === "MEMBER_OF")).toEqual([]);
  });

  it("lists what Kiran Vagarwal leads, including Gangs plan actions", async () => {
    const { data } = await ask<Result>(query, { id: "person:kiran-vagarwal" });
    expect(data?.responsibilities).toContainEqual(
      expect.objectContaining({
        role: "ACCOUNTABLE",
        relationship: "LED_BY",
        subject: { id: "action:gsyv-2016-18:6" },
      }),
    );
  });
});

describe("governanceDiagram", () => {
  type Result = {
    governanceDiagram: {
      nodes: { id: string; kind: string; chair: string | null; frequency: string | null }[];
      edges: { from: string; to: string; kind: string; frequency: string | null }[];
    };
  };
  const query = `query($asOf: Date, $root: ID, $p: ID = "partnership:barnet") { governanceDiagram(asOf: $asOf, rootBodyId: $root, partnershipId: $p) { nodes { id kind chair frequency } edges { from to kind frequency } } }`;

  it("draws Barnet's SCPB, with the Community Leadership Committee above it and both edge kinds", async () => {
    const { data } = await ask<Result>(query, { asOf: "2023-06-01" });
    const diagram = data!.governanceDiagram;
    const scpb = diagram.nodes.find((n) => n.id === "body:scpb");
    expect(scpb).toMatchObject({ kind: "STATUTORY_BOARD" });
    expect(diagram.edges).toContainEqual({
      from: "body:scpb",
      to: "body:community-leadership-committee",
      kind: "PROVIDES_UPDATES_TO",
      frequency: "Annually",
    });
    expect(diagram.edges.some((e) => e.kind === "ACCOUNTABLE_TO" && e.to === "body:scpb")).toBe(true);
    for (const edge of diagram.edges) {
      expect(diagram.nodes.some((n) => n.id === edge.from)).toBe(true);
      expect(diagram.nodes.some((n) => n.id === edge.to)).toBe(true);
    }
  });

  it("leaves out the Serious Violence Duty arrangement before it started in 2023", async () => {
    const before = await ask<Result>(query, { asOf: "2022-06-01", p: "partnership:barnet" });
    const after = await ask<Result>(query, { asOf: "2023-06-01", p: "partnership:barnet" });
    expect(before.data?.governanceDiagram.nodes.map((n) => n.id)).not.toContain("body:serious-violence-duty");
    expect(after.data?.governanceDiagram.nodes.map((n) => n.id)).toContain("body:serious-violence-duty");
  });

  it("names the chair valid at the date", async () => {
    const { data } = await ask<Result>(query, { asOf: "2017-08-01", p: "partnership:barnet" });
    expect(data?.governanceDiagram.nodes.find((n) => n.id === "body:scpb")?.chair).toBe("David Longstaff");
  });

  it("draws a body's own structure from rootBodyId: the groups under the SCPB and the committee above, nothing unconnected", async () => {
    const { data, errors } = await ask<Result>(query, { asOf: "2023-06-01", root: "body:scpb", p: null });
    expect(errors).toBeUndefined();
    const ids = data!.governanceDiagram.nodes.map((n) => n.id);
    expect(ids).toEqual(
      expect.arrayContaining(["body:scpb", "body:community-leadership-committee", "body:iom-delivery-group"]),
    );
    expect(ids).not.toContain("body:carers-partnership-board");
  });
});

describe("governanceHealth", () => {
  type Result = {
    governanceHealth: { rule: string; severity: string; subject: { id: string }; message: string }[];
  };
  const query = `query($p: ID, $asOf: Date, $t: Int) { governanceHealth(partnershipId: $p, asOf: $asOf, leadThreshold: $t) { rule severity subject { id } message } }`;

  it("finds the violent-crime priority without strategic lead or lead agency", async () => {
    const { data, extensions } = await ask<Result>(query, { p: "partnership:barnet" });
    const findings = data?.governanceHealth ?? [];
    expect(findings).toContainEqual(
      expect.objectContaining({
        rule: "PRIORITY_WITHOUT_STRATEGIC_LEAD",
        severity: "ERROR",
        subject: { id: "objective:scs-2011-14:priority-3" },
      }),
    );
    expect(findings).toContainEqual(
      expect.objectContaining({
        rule: "PRIORITY_WITHOUT_LEAD_AGENCY",
        subject: { id: "objective:scs-2011-14:priority-3" },
      }),
    );
    expect(
      findings.some(
        (f) => f.subject.id === "objective:scs-2011-14:priority-1" && f.rule.startsWith("PRIORITY_WITHOUT"),
      ),
    ).toBe(false);
    expect(extensions?.roundTrips).toBe(1);
  });

  it("counts an action overdue only after its due date (property roadshows, due 30.3.2014)", async () => {
    const roadshow = (findings: Result["governanceHealth"]) =>
      findings.find((f) => f.rule === "ACTION_OVERDUE" && f.message.includes("Property Roadshow"));
    const before = await ask<Result>(query, { p: "partnership:barnet", asOf: "2014-03-01" });
    const after = await ask<Result>(query, { p: "partnership:barnet", asOf: "2014-04-01" });
    expect(roadshow(before.data!.governanceHealth)).toBeUndefined();
    expect(roadshow(after.data!.governanceHealth)?.message).toContain('("30.3.2014")');
  });

  it("flags an expired strategy with no successor, but not one the VAWG strategy supersedes", async () => {
    const { data } = await ask<Result>(query, { p: "partnership:barnet", asOf: "2020-01-01" });
    const expired = data!.governanceHealth
      .filter((f) => f.rule === "STRATEGY_EXPIRED_WITHOUT_SUCCESSOR")
      .map((f) => f.subject.id);
    expect(expired).toContain("strategy:safer-communities-2011-14");
    expect(expired).not.toContain("strategy:dv-vawg-2013-16");
  });

  it("finds a cycle of accountability and groups with no route to a board, within one partnership only", async () => {
    const { data } = await ask<Result>(query, { p: fixture.partnershipId });
    const rules = data!.governanceHealth.map((f) => `${f.rule} ${f.subject.id}`);
    expect(rules).toContain(`ACCOUNTABILITY_CYCLE body:${fixture.slug}-a`);
    expect(rules).toContain(`BODY_WITHOUT_ROUTE_TO_BOARD body:${fixture.slug}-b`);
    expect(data!.governanceHealth.every((f) => f.subject.id.includes(fixture.slug))).toBe(true);
  });

  it("uses the lead threshold: 0 flags everyone who leads an action", async () => {
    const low = await ask<Result>(query, { p: "partnership:barnet", t: 0 });
    const high = await ask<Result>(query, { p: "partnership:barnet", t: 1000 });
    expect(low.data!.governanceHealth.filter((f) => f.rule === "PERSON_OVERLOADED").length).toBeGreaterThan(
      10,
    );
    expect(high.data!.governanceHealth.filter((f) => f.rule === "PERSON_OVERLOADED")).toEqual([]);
  });
});

describe("search", () => {
  type Result = { search: { score: number; node: { id: string; label: string }; matched: string }[] };
  const query = `query($text: String!, $limit: Int) { search(text: $text, limit: $limit, partnershipId: "partnership:barnet") { score node { id label } matched } }`;

  it("finds Kiran Vagarwal by the misspelling Vargwarl and says which spelling matched", async () => {
    const { data } = await ask<Result>(query, { text: "Kiran Vargwarl" });
    expect(data?.search[0]).toMatchObject({ node: { id: "person:kiran-vagarwal", label: "Person" } });
    expect(data?.search[0]?.matched).toBe("Kiran Vargwarl");
  });

  it("ranks a person whose alias is the text above an action whose title mentions it", async () => {
    const { data } = await ask<Result>(query, { text: "Vargwarl" });
    expect(data?.search[0]?.node.id).toBe("person:kiran-vagarwal");
  });

  it("finds the SCPB by its name", async () => {
    const { data } = await ask<Result>(query, { text: "Safer Communities Partnership Board", limit: 5 });
    expect(data?.search.map((h) => h.node.id)).toContain("body:scpb");
    expect(data?.search.length).toBeLessThanOrEqual(5);
  });

  it("never returns a restricted (Part 2) agenda item to an anonymous caller", async () => {
    const text = "Domestic Homicide Review";
    // There is something to hide: a restricted item with this text, which an officer's search finds.
    const restricted = (
      await driver.executeQuery(
        "MATCH (i:AgendaItem {restricted: true}) WHERE toLower(i.title) CONTAINS toLower($text) RETURN i.id AS id",
        { text },
        { database: DATABASE },
      )
    ).records.map((r) => r.get("id") as string);
    expect(restricted.length, `the sample holds a restricted agenda item titled "${text}"`).toBeGreaterThan(
      0,
    );
    const officer = await graphql<Result>(
      server.url,
      query,
      { text, limit: 50 },
      await tokenFor({ roles: ["officer"] }),
    );
    expect(officer.data?.search.some((h) => restricted.includes(h.node.id))).toBe(true);

    const { data } = await ask<Result>(query, { text, limit: 50 });
    const items = data?.search.filter((h) => h.node.label === "AgendaItem") ?? [];
    const { records } = await driver.executeQuery(
      "MATCH (i:AgendaItem) WHERE i.id IN $ids AND i.restricted RETURN count(i) AS n",
      { ids: items.map((i) => i.node.id) },
      { database: DATABASE },
    );
    expect(records[0]?.get("n").toNumber()).toBe(0);
  });
});

describe("connection", () => {
  type Result = {
    connection: { from: { id: string }; relationship: string; to: { id: string }; reversed: boolean }[];
  };
  const query = `query($from: ID!, $to: ID!, $hops: Int) { connection(fromId: $from, toId: $to, maxHops: $hops) { from { id } relationship to { id } reversed } }`;

  it("explains how Kiran Vagarwal reaches the Community Leadership Committee in two steps", async () => {
    const { data } = await ask<Result>(query, {
      from: "person:kiran-vagarwal",
      to: "body:community-leadership-committee",
    });
    expect(data?.connection).toHaveLength(2);
    expect(data?.connection[0]?.from.id).toBe("person:kiran-vagarwal");
    expect(data?.connection.at(-1)?.to.id).toBe("body:community-leadership-committee");
  });

  it("returns no steps when nothing connects within maxHops, and errors for unknown ids and too many hops", async () => {
    const none = await ask<Result>(query, {
      from: "person:kiran-vagarwal",
      to: "body:carers-partnership-board",
      hops: 1,
    });
    expect(none.errors).toBeUndefined();
    expect(none.data?.connection).toEqual([]);
    // Another partnership's entity is not reachable from Barnet: not found from here.
    const elsewhere = await ask<Result>(query, {
      from: "person:kiran-vagarwal",
      to: `body:${fixture.slug}-a`,
    });
    expect(elsewhere.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const unknown = await ask(query, { from: "person:nobody", to: "body:scpb" });
    expect(unknown.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const far = await ask(query, { from: "person:kiran-vagarwal", to: "body:scpb", hops: 99 });
    expect(far.errors?.[0]?.extensions?.code).toBe("LIMIT_EXCEEDED");
  });
});

describe("graphStats", () => {
  it("counts nodes by label and relationships by type for one partnership", async () => {
    const { data } = await ask<{
      graphStats: {
        nodes: { label: string; count: number }[];
        relationships: { label: string; count: number }[];
        nodesWithoutProvenance: number;
      };
    }>(
      `query($p: ID) { graphStats(partnershipId: $p) { nodes { label count } relationships { label count } nodesWithoutProvenance } }`,
      {
        p: fixture.partnershipId,
      },
    );
    expect(data?.graphStats.nodes).toEqual([
      { label: "Body", count: 3 },
      { label: "Document", count: 1 },
      { label: "Partnership", count: 1 },
    ]);
    expect(data?.graphStats.relationships).toEqual([
      { label: "ACCOUNTABLE_TO", count: 2 },
      { label: "EVIDENCED_BY", count: 4 },
    ]);
    expect(data?.graphStats.nodesWithoutProvenance).toBe(0);
  });
});
