import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/api/index.ts";
import { isTopKind } from "../../src/traversals/index.ts";
import { graphql, startTestServer } from "../support/api.ts";
import { isolatedPartnership, testDriver } from "../support/database.ts";
import { loadFixture } from "../support/seed-fixture.ts";
import { loadDistrictFixture } from "./district-fixture.ts";

// Barnet (the sample) and a district partnership of another shape, side by side.
let driver: Driver;
let server: RunningServer;
let district: Awaited<ReturnType<typeof loadDistrictFixture>>;
const BARNET = "partnership:barnet";

beforeAll(async () => {
  driver = testDriver();
  server = await startTestServer(driver);
  district = await loadDistrictFixture(driver);
});

afterAll(async () => {
  await district?.cleanup();
  await server?.stop();
  await driver?.close();
});

const ask = <T>(query: string, variables: Record<string, unknown> = {}) =>
  graphql<T>(server.url, query, variables);

describe("scope: which partnership a question is about", () => {
  it("refuses a question without a root that names no partnership, listing the partnerships", async () => {
    for (const query of [
      `{ governanceDiagram { nodes { id } } }`,
      `{ governanceHealth { rule } }`,
      `{ search(text: "board") { node { id } } }`,
      `{ graphStats { nodesWithoutProvenance } }`,
    ]) {
      const { errors } = await ask(query);
      expect(errors?.[0]?.extensions?.code, query).toBe("BAD_USER_INPUT");
      expect(errors?.[0]?.message).toContain(`"${BARNET}"`);
      expect(errors?.[0]?.message).toContain(`"${district.partnershipId}"`);
      expect(errors?.[0]?.message).toContain("DEFAULT_PARTNERSHIP");
    }
  });

  it("refuses a root of another partnership than the one named", async () => {
    const { errors } = await ask(
      `query($p: ID) { bodiesReportingTo(bodyId: "body:scpb", partnershipId: $p) { depth } }`,
      { p: district.partnershipId },
    );
    expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(errors?.[0]?.message).toBe(
      `"body:scpb" belongs to partnership "${BARNET}", not "${district.partnershipId}": ask with partnershipId "${BARNET}", or leave partnershipId out.`,
    );
    for (const query of [
      `query($p: ID) { accountabilityChain(id: "body:scpb", partnershipId: $p) { depth } }`,
      `query($p: ID) { responsibilities(personId: "person:david-longstaff", partnershipId: $p) { role } }`,
      `query($p: ID) { actionsFeeding(objectiveId: "objective:css-2015-20:outcome-4", partnershipId: $p) { depth } }`,
      `query($p: ID) { governanceDiagram(rootBodyId: "body:scpb", partnershipId: $p) { nodes { id } } }`,
      `query($p: ID) { connection(fromId: "body:scpb", toId: "person:david-longstaff", partnershipId: $p) { relationship } }`,
    ]) {
      const { errors } = await ask(query, { p: district.partnershipId });
      expect(errors?.[0]?.extensions?.code, query).toBe("BAD_USER_INPUT");
    }
  });

  it("takes the partnership from the root, and accepts the root's own partnership named", async () => {
    const fromRoot = await ask<{ bodiesReportingTo: { body: { id: string } }[] }>(
      `query($id: ID!) { bodiesReportingTo(bodyId: $id) { body { id } } }`,
      { id: district.id.district },
    );
    expect(fromRoot.errors).toBeUndefined();
    const named = await ask<{ bodiesReportingTo: { body: { id: string } }[] }>(
      `query($id: ID!, $p: ID) { bodiesReportingTo(bodyId: $id, partnershipId: $p) { body { id } } }`,
      { id: district.id.district, p: district.partnershipId },
    );
    expect(named.data).toEqual(fromRoot.data);
    expect(fromRoot.data?.bodiesReportingTo.map((b) => b.body.id)).toContain(district.id.csp);
  });

  it("says NOT_FOUND with a did-you-mean for a partnership that is not loaded", async () => {
    const { errors } = await ask(
      `{ governanceDiagram(partnershipId: "partnership:barnett") { nodes { id } } }`,
    );
    expect(errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const health = await ask(
      `{ search(text: "board", partnershipId: "partnership:barnett") { node { id } } }`,
    );
    expect(health.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(health.errors?.[0]?.message).toContain('Did you mean "partnership:barnet"?');
  });

  it("says so when asOf is not a calendar date", async () => {
    const { errors } = await ask(
      `{ responsibilities(personId: "person:david-longstaff", asOf: "2016-02-30") { role } }`,
    );
    expect(errors?.[0]?.message).toContain("calendar date written YYYY-MM-DD");
  });
});

describe("search within a partnership", () => {
  type Result = { search: { node: { id: string } }[] };
  const query = `query($text: String!, $p: ID) { search(text: $text, partnershipId: $p) { node { id } } }`;

  it("finds each partnership's own chair of the same name, never the other's", async () => {
    const barnet = await ask<Result>(query, { text: "Kiran Vagarwal", p: BARNET });
    const there = await ask<Result>(query, { text: "Kiran Vagarwal", p: district.partnershipId });
    const barnetIds = barnet.data?.search.map((h) => h.node.id) ?? [];
    const thereIds = there.data?.search.map((h) => h.node.id) ?? [];
    expect(barnetIds[0]).toBe("person:kiran-vagarwal");
    expect(barnetIds).not.toContain(district.id.oldChair);
    expect(thereIds[0]).toBe(district.id.oldChair);
    expect(thereIds.every((id) => id.includes(district.slug))).toBe(true);
  });

  it("finds the district's partnership board by Barnet's words, and Barnet's SCPB only in Barnet", async () => {
    const there = await ask<Result>(query, {
      text: "Safer Communities Partnership",
      p: district.partnershipId,
    });
    const ids = there.data?.search.map((h) => h.node.id) ?? [];
    expect(ids).toContain(district.id.csp);
    expect(ids).not.toContain("body:scpb");
    const barnet = await ask<Result>(query, { text: "Safer Communities Partnership Board", p: BARNET });
    expect(barnet.data?.search.map((h) => h.node.id)).toContain("body:scpb");
    expect(barnet.data?.search.map((h) => h.node.id)).not.toContain(district.id.csp);
  });

  it("finds shared entities from any partnership", async () => {
    const { data } = await ask<Result>(query, { text: `County Board ${district.slug}`, p: BARNET });
    expect(data?.search.map((h) => h.node.id)).toContain(district.id.county);
  });
});

describe("a partnership not shaped like Barnet", () => {
  type Diagram = {
    governanceDiagram: {
      partnershipId: string;
      topBodyId: string | null;
      nodes: { id: string; kind: string; partnershipId: string; chair: string | null; routeToTop: boolean }[];
      edges: { from: string; to: string; kind: string }[];
    };
  };
  const diagram = `query($p: ID, $asOf: Date) { governanceDiagram(partnershipId: $p, asOf: $asOf) {
    partnershipId topBodyId nodes { id kind partnershipId chair routeToTop } edges { from to kind } } }`;

  it("draws every body of the partnership, the lines between them and the shared board above, with the district board at the top", async () => {
    const { data, errors } = await ask<Diagram>(diagram, { p: district.partnershipId, asOf: "2023-06-01" });
    expect(errors).toBeUndefined();
    const d = data!.governanceDiagram;
    const { id } = district;
    expect(d.topBodyId).toBe(id.district);
    expect(d.nodes.map((n) => n.id).sort()).toEqual(
      [id.district, id.csp, id.delivery, id.asb, id.youth, id.health, id.panel, id.county].sort(),
    );
    expect(d.nodes.find((n) => n.id === id.county)?.partnershipId).toBe("shared");
    expect(d.edges.map((e) => `${e.from} ${e.kind} ${e.to}`).sort()).toEqual(
      [
        `${id.csp} ACCOUNTABLE_TO ${id.district}`,
        `${id.delivery} ACCOUNTABLE_TO ${id.district}`,
        `${id.health} ACCOUNTABLE_TO ${id.district}`,
        `${id.asb} ACCOUNTABLE_TO ${id.csp}`,
        `${id.asb} PROVIDES_UPDATES_TO ${id.delivery}`,
        `${id.youth} ACCOUNTABLE_TO ${id.csp}`,
        `${id.district} ACCOUNTABLE_TO ${id.county}`,
      ].sort(),
    );
    expect(d.nodes.find((n) => n.id === id.csp)?.chair).toBe(`Morgan Fielding ${district.slug}`);
    // The route-to-board rule: the group on the district board directly has one, the panel none.
    expect(d.nodes.filter((n) => !n.routeToTop).map((n) => n.id)).toEqual([id.panel]);
  });

  it("draws it as it was: no youth forum in 2016, and the chair of the time", async () => {
    const { data } = await ask<Diagram>(diagram, { p: district.partnershipId, asOf: "2016-01-29" });
    const d = data!.governanceDiagram;
    expect(d.nodes.map((n) => n.id)).not.toContain(district.id.youth);
    expect(d.edges.some((e) => e.from === district.id.youth)).toBe(false);
    expect(d.nodes.find((n) => n.id === district.id.csp)?.chair).toBe(`Kiran Vagarwal ${district.slug}`);
  });

  it("draws Barnet's board with no body of the other partnership", async () => {
    const { data } = await ask<Diagram>(diagram, { p: BARNET, asOf: "2023-06-01" });
    const d = data!.governanceDiagram;
    expect(d.topBodyId).toBe("body:scpb");
    expect(d.nodes.map((n) => n.id)).toContain("body:scpb");
    expect(d.nodes.every((n) => n.partnershipId === BARNET || n.partnershipId === "shared")).toBe(true);
  });

  it("accepts a group's line to the district board as its route to the top, and flags only the panel with none", async () => {
    type Health = { governanceHealth: { rule: string; subject: { id: string }; message: string }[] };
    const { data, errors } = await ask<Health>(
      `query($p: ID) { governanceHealth(partnershipId: $p, asOf: "2023-06-01") { rule subject { id } message } }`,
      { p: district.partnershipId },
    );
    expect(errors).toBeUndefined();
    const noRoute = data!.governanceHealth.filter((f) => f.rule === "BODY_WITHOUT_ROUTE_TO_BOARD");
    expect(noRoute.map((f) => f.subject.id)).toEqual([district.id.panel]);
    expect(noRoute[0]?.message).toContain(`the top of the structure (District Board ${district.slug})`);
    expect(data!.governanceHealth.every((f) => f.subject.id.includes(district.slug))).toBe(true);
  });

  it("marks in the diagram exactly the bodies the health check finds with no route, in both partnerships", async () => {
    type Health = { governanceHealth: { rule: string; subject: { id: string } }[] };
    for (const [p, asOf] of [
      [district.partnershipId, "2023-06-01"],
      [BARNET, "2017-07-21"],
      [BARNET, "2023-06-01"],
    ] as const) {
      const drawn = (await ask<Diagram>(diagram, { p, asOf })).data!.governanceDiagram;
      const health = (
        await ask<Health>(
          `query($p: ID, $asOf: Date) { governanceHealth(partnershipId: $p, asOf: $asOf) { rule subject { id } } }`,
          { p, asOf },
        )
      ).data!.governanceHealth;
      const found = health.filter((f) => f.rule === "BODY_WITHOUT_ROUTE_TO_BOARD").map((f) => f.subject.id);
      // Boards and committees with no line up are not gaps (nor are shared bodies the partnership's
      // findings), but the viewer lists them apart too.
      const apart = drawn.nodes.filter((n) => !n.routeToTop);
      expect(apart.length, `${p} at ${asOf}`).toBeGreaterThan(0);
      const ownGaps = apart.filter((n) => n.partnershipId === p && !isTopKind(n.kind));
      expect(ownGaps.map((n) => n.id).sort(), `${p} at ${asOf}`).toEqual(found.sort());
      expect(drawn.nodes.find((n) => n.id === drawn.topBodyId)?.routeToTop).toBe(true);
    }
  });

  it("runs an action's chain through the delivery group to the district board without a gap", async () => {
    type Chain = {
      accountabilityChain: { role: string; subject: { id: string } | null; gap: string | null }[];
    };
    const { data } = await ask<Chain>(
      `query($id: ID!) { accountabilityChain(id: $id, asOf: "2023-06-01") { role subject { id } gap } }`,
      { id: district.id.action2 },
    );
    const steps = data!.accountabilityChain;
    expect(steps).toContainEqual(
      expect.objectContaining({ role: "OVERSIGHT", subject: { id: district.id.delivery } }),
    );
    expect(steps).toContainEqual(
      expect.objectContaining({ role: "ACCOUNTABLE_TO", subject: { id: district.id.district } }),
    );
    expect(steps.filter((s) => s.gap?.includes("no route"))).toEqual([]);
  });

  it("lists the bodies under the district board at a date, the CSP's groups included", async () => {
    type Reporting = { bodiesReportingTo: { depth: number; body: { id: string } }[] };
    const q = `query($id: ID!, $asOf: Date) { bodiesReportingTo(bodyId: $id, asOf: $asOf) { depth body { id } } }`;
    const now = await ask<Reporting>(q, { id: district.id.district, asOf: "2023-06-01" });
    const then = await ask<Reporting>(q, { id: district.id.district, asOf: "2016-01-29" });
    const { id } = district;
    expect(now.data!.bodiesReportingTo.map((b) => b.body.id).sort()).toEqual(
      [id.csp, id.delivery, id.health, id.asb, id.youth].sort(),
    );
    expect(then.data!.bodiesReportingTo.map((b) => b.body.id)).not.toContain(id.youth);
    expect(then.data!.bodiesReportingTo.find((b) => b.body.id === id.asb)?.depth).toBe(2);
  });
});

describe("asOf in every dated traversal", () => {
  it("bodiesReportingTo: the SCPB as at 29 Jan 2016 lists neither the Serious Violence Duty (2023) nor the 2017 update line", async () => {
    type Reporting = { bodiesReportingTo: { relationship: string; body: { id: string } }[] };
    const q = `query($asOf: Date) { bodiesReportingTo(bodyId: "body:scpb", transitive: false, asOf: $asOf) { relationship body { id } } }`;
    const then = (await ask<Reporting>(q, { asOf: "2016-01-29" })).data!.bodiesReportingTo;
    const later = (await ask<Reporting>(q, { asOf: "2023-06-01" })).data!.bodiesReportingTo;
    expect(then.map((r) => r.body.id)).not.toContain("body:serious-violence-duty");
    expect(later.map((r) => r.body.id)).toContain("body:serious-violence-duty");
    // The DV and VAWG group's 2017 line (ACCOUNTABLE_TO from 2017-07-21) is not yet in force; its 2015 one is.
    expect(then.find((r) => r.body.id === "body:dv-vawg-delivery-group")?.relationship).toBe(
      "ACCOUNTABLE_TO",
    );
  });

  it("accountabilityChain: the chair of the district CSP is the one of the date", async () => {
    type Chain = {
      accountabilityChain: { role: string; subject: { id: string } | null; of: { id: string } | null }[];
    };
    const q = `query($id: ID!, $asOf: Date) { accountabilityChain(id: $id, asOf: $asOf) { role subject { id } of { id } } }`;
    const chair = async (asOf: string) =>
      (await ask<Chain>(q, { id: district.id.action1, asOf })).data!.accountabilityChain.find(
        (s) => s.role === "CHAIR" && s.of?.id === district.id.csp,
      )?.subject?.id;
    expect(await chair("2016-01-29")).toBe(district.id.oldChair);
    expect(await chair("2023-06-01")).toBe(district.id.newChair);
  });

  it("accountabilityChain: a lead counts only while it holds (the licensing action lost its lead at the end of 2019)", async () => {
    type Chain = {
      accountabilityChain: { role: string; subject: { id: string } | null; gap: string | null }[];
    };
    const q = `query($id: ID!, $asOf: Date) { accountabilityChain(id: $id, asOf: $asOf) { role subject { id } gap } }`;
    const then = (await ask<Chain>(q, { id: district.id.action2, asOf: "2016-01-29" })).data!
      .accountabilityChain;
    const now = (await ask<Chain>(q, { id: district.id.action2, asOf: "2023-06-01" })).data!
      .accountabilityChain;
    expect(then).toContainEqual(
      expect.objectContaining({ role: "LEAD_OFFICER", subject: { id: district.id.oldChair } }),
    );
    expect(now.find((s) => s.role === "LEAD_OFFICER")?.gap).toContain("has no lead");
  });

  it("the nested Action.accountabilityChain takes asOf too", async () => {
    type Tree = {
      actions: {
        id: string;
        then: { role: string; subject: { id: string } | null }[];
        now: { role: string; subject: { id: string } | null }[];
      }[];
    };
    const { data, errors } = await ask<Tree>(
      `query($id: ID!) { actions(where: { id: { eq: $id } }) { id
         then: accountabilityChain(asOf: "2016-01-29") { role subject { id } }
         now: accountabilityChain(asOf: "2023-06-01") { role subject { id } } } }`,
      { id: district.id.action2 },
    );
    expect(errors).toBeUndefined();
    const action = data!.actions[0]!;
    expect(action.then.find((s) => s.role === "LEAD_OFFICER")?.subject?.id).toBe(district.id.oldChair);
    expect(action.now.find((s) => s.role === "LEAD_OFFICER")?.subject).toBeNull();
  });

  it("governanceHealth: an action is without a lead before its lead's term and after it", async () => {
    type Health = { governanceHealth: { rule: string; subject: { id: string } }[] };
    const q = `query($p: ID, $asOf: Date) { governanceHealth(partnershipId: $p, asOf: $asOf) { rule subject { id } } }`;
    const leadless = async (asOf: string) =>
      (await ask<Health>(q, { p: district.partnershipId, asOf }))
        .data!.governanceHealth.filter((f) => f.rule === "ACTION_WITHOUT_LEAD")
        .map((f) => f.subject.id);
    // The patrols' lead starts in 2020; the licensing checks' lead ended in 2019.
    expect(await leadless("2016-01-29")).toEqual([district.id.action1]);
    expect(await leadless("2023-06-01")).toEqual([district.id.action2]);
  });

  it("responsibilities: a chair's membership ends with its term", async () => {
    type Result = { responsibilities: { role: string; subject: { id: string } }[] };
    const q = `query($id: ID!, $asOf: Date) { responsibilities(personId: $id, asOf: $asOf) { role subject { id } } }`;
    const then = (await ask<Result>(q, { id: district.id.oldChair, asOf: "2019-12-31" })).data!
      .responsibilities;
    const after = (await ask<Result>(q, { id: district.id.oldChair, asOf: "2020-01-01" })).data!
      .responsibilities;
    expect(then).toContainEqual({ role: "CHAIR", subject: { id: district.id.csp } });
    expect(after).toEqual([]);
  });
});

describe("a top the partnership names", () => {
  it("wins over the body at the top of the lines", async () => {
    const named = isolatedPartnership(driver);
    const s = named.slug;
    try {
      await loadFixture(driver, {
        "named-top.yaml": `
partnership: ${named.partnershipId}
document: { id: doc:${s}, title: Terms of reference ${s} }
entries:
  - Partnership: ${named.partnershipId}
    at: para 1
    name: Named-top partnership ${s}
    TOP_BODY: body:${s}-executive
  - Body: body:${s}-executive
    at: para 2
    name: Executive ${s}
    kind: OPERATIONAL_MEETING
  - Body: body:${s}-board
    at: para 3
    name: Board ${s}
    kind: STATUTORY_BOARD
  - Body: body:${s}-group
    at: para 4
    name: Group ${s}
    kind: STRATEGY_DELIVERY_GROUP
    ACCOUNTABLE_TO: body:${s}-board
`,
      });
      const { data, errors } = await ask<{ governanceDiagram: { topBodyId: string } }>(
        `query($p: ID) { governanceDiagram(partnershipId: $p) { topBodyId } }`,
        { p: named.partnershipId },
      );
      expect(errors).toBeUndefined();
      expect(data?.governanceDiagram.topBodyId).toBe(`body:${s}-executive`);
    } finally {
      await named.cleanup();
    }
  });
});
