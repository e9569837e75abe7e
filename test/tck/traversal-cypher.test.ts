import { describe, expect, it } from "vitest";
import {
  ANONYMOUS,
  accountabilityChain,
  accountabilityChains,
  actionsFeeding,
  bodiesReportingTo,
  buildScope,
  connection,
  governanceDiagram,
  governanceHealth,
  graphStats,
  responsibilities,
  search,
  toPlain,
  type ReadQuery,
} from "../../src/traversals/index.ts";

// Each traversal's Cypher and parameters, without a database: a change to a query shows here
// first, and the checks below catch a scope that would defeat the partnershipId index.

interface Recorded {
  cypher: string;
  parameters: Record<string, unknown>;
}

/** A ReadQuery that records what it is asked and answers with `rows` (enough for the traversal to finish). */
function recorder(rows: Record<string, unknown>[] = []): { read: ReadQuery; calls: Recorded[] } {
  const calls: Recorded[] = [];
  return {
    calls,
    read: async (cypher, parameters = {}) => {
      calls.push({ cypher, parameters: toPlain(parameters) as Record<string, unknown> });
      return rows;
    },
  };
}

/** Cypher with each line trimmed and blank lines dropped, for readable snapshots. */
const tidy = (cypher: string): string =>
  cypher
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .join("\n");

const scope = buildScope({ partnershipId: "partnership:barnet", asOf: "2016-01-29", viewer: ANONYMOUS });
const settled = scope;
const fromRoot = buildScope({ asOf: "2016-01-29", viewer: { officerOf: ["partnership:barnet"] } });
const root = { rootPartnershipId: "partnership:barnet" };

/** Every scoped query must compare partnershipId by equality or IN (index seeks), never with IS NULL OR. */
function expectIndexFriendly(cypher: string): void {
  expect(cypher).not.toMatch(/IS NULL OR [^)]*partnershipId/);
  expect(cypher).not.toMatch(/partnershipId IS NULL/);
}

describe("the parameters every scoped query reads", () => {
  it("are the partnership, asOf as a Date, and the caller's visibility", async () => {
    const { read, calls } = recorder([]);
    await governanceHealth(read, settled).catch(() => undefined);
    expect(calls[0]?.parameters).toMatchInlineSnapshot(`
      {
        "asOf": "2016-01-29",
        "leadThreshold": 8,
        "officerAll": false,
        "officerOf": [],
        "partnershipId": "partnership:barnet",
      }
    `);
  });
});

describe("accountabilityChain", () => {
  it("reads the root's partnership and the top in the same query, all dated at $asOf", async () => {
    const { read, calls } = recorder([
      { id: "action:x", ...root, scopeId: "partnership:barnet", chain: [], bodies: [], topId: null },
    ]);
    await accountabilityChain(read, fromRoot, "action:x");
    expect(calls).toHaveLength(1);
    expectIndexFriendly(calls[0]!.cypher);
    expect(calls[0]!.parameters).toMatchInlineSnapshot(`
      {
        "asOf": "2016-01-29",
        "ids": [
          "action:x",
        ],
        "officerAll": false,
        "officerOf": [
          "partnership:barnet",
        ],
        "partnershipId": null,
      }
    `);
    expect(tidy(calls[0]!.cypher)).toMatchInlineSnapshot(`
      "UNWIND $ids AS id
      CALL (id) {
      MATCH (n:Action {id: id}) RETURN n AS x UNION MATCH (n:Objective {id: id}) RETURN n AS x
      UNION MATCH (n:Strategy {id: id}) RETURN n AS x UNION MATCH (n:Body {id: id}) RETURN n AS x
      }
      WITH collect({id: id, x: x, scopeId: CASE x.partnershipId WHEN 'shared' THEN $partnershipId ELSE x.partnershipId END}) AS roots
      CALL (roots) {
      UNWIND roots AS root
      WITH DISTINCT root.scopeId AS scopeId
      OPTIONAL CALL (scopeId) { OPTIONAL MATCH (:Partnership {id: scopeId})-[:TOP_BODY]->(named:Body)
      WITH scopeId, named LIMIT 1
      OPTIONAL CALL (scopeId, named) {
      WITH named WHERE named IS NULL
      MATCH (candidate:Body) WHERE candidate.partnershipId = scopeId AND ((candidate.validFrom IS NULL OR candidate.validFrom <= $asOf) AND (candidate.validTo IS NULL OR $asOf <= candidate.validTo))
      AND NOT EXISTS { MATCH (candidate)-[up:ACCOUNTABLE_TO]->(above:Body)
      WHERE above.partnershipId = scopeId AND ((up.validFrom IS NULL OR up.validFrom <= $asOf) AND (up.validTo IS NULL OR $asOf <= up.validTo)) AND ((above.validFrom IS NULL OR above.validFrom <= $asOf) AND (above.validTo IS NULL OR $asOf <= above.validTo)) }
      CALL (candidate) {
      OPTIONAL MATCH (under:Body) ((:Body)-[line:ACCOUNTABLE_TO]->(:Body) WHERE ((line.validFrom IS NULL OR line.validFrom <= $asOf) AND (line.validTo IS NULL OR $asOf <= line.validTo))){1,10} (candidate)
      RETURN count(DISTINCT under) AS under
      }
      RETURN candidate
      ORDER BY under DESC, CASE WHEN candidate.kind IN ['STATUTORY_BOARD', 'MEMBERS_COMMITTEE', 'EXTERNAL_BOARD', 'LOCAL_STRATEGIC_PARTNERSHIP'] THEN 0 ELSE 1 END, candidate.id
      LIMIT 1
      }
      RETURN coalesce(named, candidate) AS top }
      RETURN collect({scopeId: scopeId, topId: top.id}) AS tops
      }
      UNWIND roots AS root
      WITH root.id AS id, root.x AS x, root.scopeId AS scopeId, tops
      CALL (x, scopeId) {
      MATCH (x)-[:CONTRIBUTES_TO|PART_OF*0..10]->(n) WHERE n = x OR ((n:Objective OR n:Strategy) AND n.partnershipId IN [scopeId, 'shared'])
      WITH DISTINCT n
      CALL (n, scopeId) {
      OPTIONAL MATCH (n)-[r:CONTRIBUTES_TO|PART_OF]->(parent) WHERE (parent:Objective OR parent:Strategy) AND parent.partnershipId IN [scopeId, 'shared']
      RETURN collect(CASE WHEN parent IS NULL THEN null ELSE {id: parent.id, relationship: type(r)} END) AS parents
      }
      CALL (n, scopeId) {
      OPTIONAL MATCH (n)-[r:LED_BY]->(lead) WHERE ((r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR $asOf <= r.validTo)) AND lead.partnershipId IN [scopeId, 'shared']
      RETURN collect(CASE WHEN lead IS NULL THEN null ELSE {role: r.role, lead: {id: lead.id, label: head(labels(lead)), name: coalesce(lead.name, lead.title, lead.ref, lead.period, lead.text, lead.id)}} END) AS leads
      }
      CALL (n, scopeId) {
      OPTIONAL MATCH (n)-[:OVERSEEN_BY]->(b:Body) WHERE ((b.validFrom IS NULL OR b.validFrom <= $asOf) AND (b.validTo IS NULL OR $asOf <= b.validTo)) AND b.partnershipId IN [scopeId, 'shared']
      RETURN collect(b.id) AS overseers
      }
      RETURN collect({node: {id: n.id, label: head(labels(n)), name: coalesce(n.name, n.title, n.ref, n.period, n.text, n.id)}, kind: n.kind, ref: n.ref, parents: parents, leads: leads, overseers: overseers}) AS chain
      }
      CALL (x, scopeId) {
      OPTIONAL MATCH (x)-[:CONTRIBUTES_TO|PART_OF*0..10]->()-[:OVERSEEN_BY]->(b:Body) WHERE ((b.validFrom IS NULL OR b.validFrom <= $asOf) AND (b.validTo IS NULL OR $asOf <= b.validTo)) AND b.partnershipId IN [scopeId, 'shared']
      WITH x, collect(DISTINCT b) AS overseers
      UNWIND overseers + CASE WHEN x:Body THEN [x] ELSE [] END AS start
      MATCH (start) ((:Body)-[line:ACCOUNTABLE_TO]->(above:Body) WHERE ((line.validFrom IS NULL OR line.validFrom <= $asOf) AND (line.validTo IS NULL OR $asOf <= line.validTo)) AND ((above.validFrom IS NULL OR above.validFrom <= $asOf) AND (above.validTo IS NULL OR $asOf <= above.validTo)) AND above.partnershipId IN [scopeId, 'shared']){0,10} (b:Body)
      WITH DISTINCT b
      CALL (b) {
      OPTIONAL MATCH (p:Person)-[m:MEMBER_OF {role: 'CHAIR'}]->(b) WHERE ((m.validFrom IS NULL OR m.validFrom <= $asOf) AND (m.validTo IS NULL OR $asOf <= m.validTo))
      WITH p, max(m.validFrom) AS since ORDER BY since DESC
      RETURN collect(CASE WHEN p IS NULL THEN null ELSE {id: p.id, label: head(labels(p)), name: coalesce(p.name, p.title, p.ref, p.period, p.text, p.id)} END) AS chairs
      }
      CALL (b, scopeId) {
      OPTIONAL MATCH (b)-[a:ACCOUNTABLE_TO]->(up:Body) WHERE ((a.validFrom IS NULL OR a.validFrom <= $asOf) AND (a.validTo IS NULL OR $asOf <= a.validTo)) AND ((up.validFrom IS NULL OR up.validFrom <= $asOf) AND (up.validTo IS NULL OR $asOf <= up.validTo)) AND up.partnershipId IN [scopeId, 'shared']
      RETURN collect(DISTINCT up.id) AS accountableTo
      }
      RETURN collect({node: {id: b.id, label: head(labels(b)), name: coalesce(b.name, b.title, b.ref, b.period, b.text, b.id)}, kind: b.kind, partnershipId: b.partnershipId, chairs: chairs, accountableTo: accountableTo}) AS bodies
      }
      RETURN id, x.partnershipId AS rootPartnershipId, scopeId, chain, bodies,
      head([t IN tops WHERE t.scopeId = scopeId | t.topId]) AS topId"
    `);
  });

  it("batches many ids into the same query (the nested fields' DataLoader)", async () => {
    const { read, calls } = recorder([]);
    await accountabilityChains(read, fromRoot, ["action:a", "objective:b"]);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.parameters.ids).toEqual(["action:a", "objective:b"]);
  });
});

describe("bodiesReportingTo", () => {
  it("walks lines valid at $asOf within the root's partnership", async () => {
    const { read, calls } = recorder([{ ...root, bodies: [] }]);
    await bodiesReportingTo(read, fromRoot, "body:scpb", false);
    expect(calls[0]!.cypher).not.toMatch(/privateNote|updatedBy/);
    expectIndexFriendly(calls[0]!.cypher);
    expect(tidy(calls[0]!.cypher)).toMatchInlineSnapshot(`
      "OPTIONAL MATCH (root:Body {id: $id})
      WITH root, CASE root.partnershipId WHEN 'shared' THEN $partnershipId ELSE root.partnershipId END AS scopeId
      OPTIONAL CALL (root, scopeId) {
      MATCH p = (b:Body)-[:ACCOUNTABLE_TO|PROVIDES_UPDATES_TO*1..1]->(root)
      WHERE b <> root AND all(r IN relationships(p) WHERE ((r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR $asOf <= r.validTo)))
      AND all(n IN nodes(p) WHERE ((n.validFrom IS NULL OR n.validFrom <= $asOf) AND (n.validTo IS NULL OR $asOf <= n.validTo)) AND n.partnershipId IN [scopeId, 'shared'])
      WITH b, p, relationships(p)[0] AS first
      ORDER BY length(p), CASE type(first) WHEN 'ACCOUNTABLE_TO' THEN 0 ELSE 1 END
      WITH b, head(collect({p: p, first: first})) AS best
      WITH b, best.p AS p, best.first AS first
      RETURN collect({bodyId: b.id, name: b.name, body: b {.id, .partnershipId, .createdAt, .updatedAt, .name, .aliases, .kind, .frequency, .purpose, .membershipNote, .quorum, .validFrom, .validTo}, depth: length(p), relationship: type(first), frequency: first.frequency,
      reportsTo: {id: endNode(first).id, label: head(labels(endNode(first))), name: coalesce(endNode(first).name, endNode(first).title, endNode(first).ref, endNode(first).period, endNode(first).text, endNode(first).id)}}) AS bodies
      }
      RETURN root.partnershipId AS rootPartnershipId, coalesce(bodies, []) AS bodies"
    `);
  });
});

describe("responsibilities", () => {
  it("keeps every fact valid at $asOf, in the person's partnership", async () => {
    const { read, calls } = recorder([{ ...root, items: [] }]);
    await responsibilities(read, fromRoot, "person:david-longstaff");
    expectIndexFriendly(calls[0]!.cypher);
    expect(tidy(calls[0]!.cypher)).toMatchInlineSnapshot(`
      "OPTIONAL MATCH (p:Person {id: $id})
      WITH p, CASE p.partnershipId WHEN 'shared' THEN $partnershipId ELSE p.partnershipId END AS scopeId
      OPTIONAL CALL (p, scopeId) {
      MATCH (x)-[r:LED_BY]->(p) WHERE ((r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR $asOf <= r.validTo)) AND x.partnershipId IN [scopeId, 'shared'] AND (NOT ((x:AgendaItem AND coalesce(x.restricted, false)) OR (x:Decision AND (EXISTS { MATCH (x)-[:MADE_AT]->(t:AgendaItem) WHERE coalesce(t.restricted, false) }))) OR ($officerAll OR x.partnershipId IN $officerOf))
      RETURN r.role AS role, 'LED_BY' AS relationship, x AS subject, r.validFrom AS validFrom, r.validTo AS validTo, null AS representing
      UNION
      MATCH (p)-[r:MEMBER_OF]->(x) WHERE (x:Body OR x:Partnership) AND ((r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR $asOf <= r.validTo)) AND ((x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR $asOf <= x.validTo)) AND x.partnershipId IN [scopeId, 'shared']
      RETURN r.role AS role, 'MEMBER_OF' AS relationship, x AS subject, r.validFrom AS validFrom, r.validTo AS validTo, r.representing AS representing
      UNION
      MATCH (p)-[r:WORKS_FOR]->(x:Organisation) WHERE ((r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR $asOf <= r.validTo)) AND x.partnershipId IN [scopeId, 'shared']
      RETURN coalesce(r.title, 'STAFF') AS role, 'WORKS_FOR' AS relationship, x AS subject, r.validFrom AS validFrom, r.validTo AS validTo, null AS representing
      }
      WITH p, role, relationship, subject, validFrom, validTo, representing
      ORDER BY validFrom DESC
      WITH p, role, relationship, subject, head(collect({validFrom: validFrom, validTo: validTo, representing: representing})) AS latest
      RETURN p.partnershipId AS rootPartnershipId,
      collect(CASE WHEN subject IS NULL THEN null ELSE {role: role, relationship: relationship, subject: {id: subject.id, label: head(labels(subject)), name: coalesce(subject.name, subject.title, subject.ref, subject.period, subject.text, subject.id)},
      validFrom: latest.validFrom, validTo: latest.validTo, representing: latest.representing} END) AS items"
    `);
  });
});

describe("actionsFeeding", () => {
  it("stays in the objective's partnership", async () => {
    const { read, calls } = recorder([{ ...root, actions: [] }]);
    await actionsFeeding(read, fromRoot, "objective:x", 3);
    // The action's own fields ride along, never its restricted ones (those need the generated rules).
    expect(calls[0]!.cypher).not.toMatch(/privateNote|updatedBy/);
    expect(tidy(calls[0]!.cypher)).toMatchInlineSnapshot(`
      "OPTIONAL MATCH (o:Objective {id: $id})
      WITH o, CASE o.partnershipId WHEN 'shared' THEN $partnershipId ELSE o.partnershipId END AS scopeId
      OPTIONAL CALL (o, scopeId) {
      MATCH p = (a:Action)-[:CONTRIBUTES_TO|PART_OF*1..3]->(o)
      WHERE all(n IN nodes(p)[1..] WHERE n:Objective) AND all(n IN nodes(p) WHERE n.partnershipId IN [scopeId, 'shared'])
      WITH a, p ORDER BY length(p)
      WITH a, head(collect(p)) AS p
      RETURN collect({actionId: a.id, ref: a.ref, action: a {.id, .partnershipId, .createdAt, .updatedAt, .ref, .title, .kind, .position, .dueDate, .dueText, .status, .desiredOutcome}, depth: length(p), path: [n IN nodes(p) | {id: n.id, label: head(labels(n)), name: coalesce(n.name, n.title, n.ref, n.period, n.text, n.id)}]}) AS actions
      }
      RETURN o.partnershipId AS rootPartnershipId, coalesce(actions, []) AS actions"
    `);
  });
});

describe("a traversal's entities, as the caller's selection asks them", () => {
  it("projects only the properties asked, and never a restricted one even when asked", async () => {
    const { read, calls } = recorder([{ ...root, actions: [] }]);
    await actionsFeeding(read, fromRoot, "objective:x", 3, {
      properties: ["id", "title", "privateNote", "updatedBy", "nonsense"],
      related: { leads: ["id", "name", "email", "__typename"] },
    });
    const projection = /action: (a \{.*? END\]\})/.exec(calls[0]!.cypher)?.[1];
    expect(projection).toBe(
      "a {.id, .title, leads: [(a)-[:LED_BY]->(a_leads) WHERE a_leads:Person OR a_leads:Body OR a_leads:Organisation | " +
        "CASE WHEN a_leads:Person THEN a_leads {__resolveType: 'Person', .id, .name} " +
        "WHEN a_leads:Body THEN a_leads {__resolveType: 'Body', .id, .name} " +
        "WHEN a_leads:Organisation THEN a_leads {__resolveType: 'Organisation', .id, .name} END]}",
    );
    expect(calls[0]!.cypher).not.toMatch(/privateNote|updatedBy|email|nonsense/);
  });
});

describe("connection", () => {
  it("keeps both ends and every node on the path in the partnership of fromId", async () => {
    const { read, calls } = recorder([{ ...root, toFound: true, steps: [] }]);
    await connection(read, fromRoot, "person:a", "body:b", 4);
    expect(tidy(calls[0]!.cypher)).toMatchInlineSnapshot(`
      "OPTIONAL CALL () { MATCH (n:Partnership {id: $fromId}) RETURN n AS a UNION MATCH (n:Organisation {id: $fromId}) RETURN n AS a UNION MATCH (n:Person {id: $fromId}) RETURN n AS a UNION MATCH (n:Body {id: $fromId}) RETURN n AS a UNION MATCH (n:Service {id: $fromId}) RETURN n AS a UNION MATCH (n:Document {id: $fromId}) RETURN n AS a UNION MATCH (n:Strategy {id: $fromId}) RETURN n AS a UNION MATCH (n:Objective {id: $fromId}) RETURN n AS a UNION MATCH (n:Action {id: $fromId}) RETURN n AS a UNION MATCH (n:ProgressUpdate {id: $fromId}) RETURN n AS a UNION MATCH (n:Indicator {id: $fromId}) RETURN n AS a UNION MATCH (n:Measurement {id: $fromId}) RETURN n AS a UNION MATCH (n:Risk {id: $fromId}) RETURN n AS a UNION MATCH (n:Meeting {id: $fromId}) RETURN n AS a UNION MATCH (n:AgendaItem {id: $fromId}) RETURN n AS a UNION MATCH (n:Decision {id: $fromId}) RETURN n AS a }
      WITH a, CASE a.partnershipId WHEN 'shared' THEN $partnershipId ELSE a.partnershipId END AS scopeId
      OPTIONAL CALL (scopeId) { MATCH (n:Partnership {id: $toId}) RETURN n AS b UNION MATCH (n:Organisation {id: $toId}) RETURN n AS b UNION MATCH (n:Person {id: $toId}) RETURN n AS b UNION MATCH (n:Body {id: $toId}) RETURN n AS b UNION MATCH (n:Service {id: $toId}) RETURN n AS b UNION MATCH (n:Document {id: $toId}) RETURN n AS b UNION MATCH (n:Strategy {id: $toId}) RETURN n AS b UNION MATCH (n:Objective {id: $toId}) RETURN n AS b UNION MATCH (n:Action {id: $toId}) RETURN n AS b UNION MATCH (n:ProgressUpdate {id: $toId}) RETURN n AS b UNION MATCH (n:Indicator {id: $toId}) RETURN n AS b UNION MATCH (n:Measurement {id: $toId}) RETURN n AS b UNION MATCH (n:Risk {id: $toId}) RETURN n AS b UNION MATCH (n:Meeting {id: $toId}) RETURN n AS b UNION MATCH (n:AgendaItem {id: $toId}) RETURN n AS b UNION MATCH (n:Decision {id: $toId}) RETURN n AS b }
      WITH a, scopeId, CASE WHEN b IS NOT NULL AND b.partnershipId IN [scopeId, 'shared'] AND (NOT ((b:AgendaItem AND coalesce(b.restricted, false)) OR (b:Decision AND (EXISTS { MATCH (b)-[:MADE_AT]->(t:AgendaItem) WHERE coalesce(t.restricted, false) }))) OR ($officerAll OR b.partnershipId IN $officerOf)) THEN b END AS b
      OPTIONAL CALL (a, b, scopeId) {
      MATCH p = shortestPath((a)-[*..4]-(b))
      WHERE a <> b AND none(r IN relationships(p) WHERE type(r) = 'EVIDENCED_BY')
      AND all(n IN nodes(p) WHERE (NOT ((n:AgendaItem AND coalesce(n.restricted, false)) OR (n:Decision AND (EXISTS { MATCH (n)-[:MADE_AT]->(t:AgendaItem) WHERE coalesce(t.restricted, false) }))) OR ($officerAll OR n.partnershipId IN $officerOf)) AND n.partnershipId IN [scopeId, 'shared'])
      RETURN [i IN range(0, length(p) - 1) | {
      from: {id: nodes(p)[i].id, label: head(labels(nodes(p)[i])), name: coalesce(nodes(p)[i].name, nodes(p)[i].title, nodes(p)[i].ref, nodes(p)[i].period, nodes(p)[i].text, nodes(p)[i].id)}, to: {id: nodes(p)[i + 1].id, label: head(labels(nodes(p)[i + 1])), name: coalesce(nodes(p)[i + 1].name, nodes(p)[i + 1].title, nodes(p)[i + 1].ref, nodes(p)[i + 1].period, nodes(p)[i + 1].text, nodes(p)[i + 1].id)},
      relationship: type(relationships(p)[i]), reversed: startNode(relationships(p)[i]) <> nodes(p)[i]}] AS steps
      }
      RETURN CASE WHEN (NOT ((a:AgendaItem AND coalesce(a.restricted, false)) OR (a:Decision AND (EXISTS { MATCH (a)-[:MADE_AT]->(t:AgendaItem) WHERE coalesce(t.restricted, false) }))) OR ($officerAll OR a.partnershipId IN $officerOf)) THEN a.partnershipId END AS rootPartnershipId, b IS NOT NULL AS toFound,
      coalesce(steps, []) AS steps"
    `);
  });
});

describe("governanceDiagram", () => {
  it("for a partnership: every body by an index seek, the top, and the shared bodies above", async () => {
    const { read, calls } = recorder([{ found: true, topBodyId: "body:scpb", nodes: [], edges: [] }]);
    await governanceDiagram(read, scope);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.cypher).toContain("b.partnershipId = $partnershipId");
    expectIndexFriendly(calls[0]!.cypher);
    expect(tidy(calls[0]!.cypher)).toMatchInlineSnapshot(`
      "OPTIONAL MATCH (partnership:Partnership {id: $partnershipId})
      OPTIONAL CALL () { OPTIONAL MATCH (:Partnership {id: $partnershipId})-[:TOP_BODY]->(named:Body)
      WITH named LIMIT 1
      OPTIONAL CALL (named) {
      WITH named WHERE named IS NULL
      MATCH (candidate:Body) WHERE candidate.partnershipId = $partnershipId AND ((candidate.validFrom IS NULL OR candidate.validFrom <= $asOf) AND (candidate.validTo IS NULL OR $asOf <= candidate.validTo))
      AND NOT EXISTS { MATCH (candidate)-[up:ACCOUNTABLE_TO]->(above:Body)
      WHERE above.partnershipId = $partnershipId AND ((up.validFrom IS NULL OR up.validFrom <= $asOf) AND (up.validTo IS NULL OR $asOf <= up.validTo)) AND ((above.validFrom IS NULL OR above.validFrom <= $asOf) AND (above.validTo IS NULL OR $asOf <= above.validTo)) }
      CALL (candidate) {
      OPTIONAL MATCH (under:Body) ((:Body)-[line:ACCOUNTABLE_TO]->(:Body) WHERE ((line.validFrom IS NULL OR line.validFrom <= $asOf) AND (line.validTo IS NULL OR $asOf <= line.validTo))){1,10} (candidate)
      RETURN count(DISTINCT under) AS under
      }
      RETURN candidate
      ORDER BY under DESC, CASE WHEN candidate.kind IN ['STATUTORY_BOARD', 'MEMBERS_COMMITTEE', 'EXTERNAL_BOARD', 'LOCAL_STRATEGIC_PARTNERSHIP'] THEN 0 ELSE 1 END, candidate.id
      LIMIT 1
      }
      RETURN coalesce(named, candidate) AS top }
      CALL () {
      MATCH (b:Body) WHERE b.partnershipId = $partnershipId AND ((b.validFrom IS NULL OR b.validFrom <= $asOf) AND (b.validTo IS NULL OR $asOf <= b.validTo))
      RETURN collect(b) AS own
      }
      CALL (own) {
      UNWIND own AS b
      MATCH (b) ((:Body)-[line:ACCOUNTABLE_TO|PROVIDES_UPDATES_TO]->(up:Body) WHERE ((line.validFrom IS NULL OR line.validFrom <= $asOf) AND (line.validTo IS NULL OR $asOf <= line.validTo)) AND ((up.validFrom IS NULL OR up.validFrom <= $asOf) AND (up.validTo IS NULL OR $asOf <= up.validTo)) AND up.partnershipId IN [$partnershipId, 'shared']){1,10} (outside:Body)
      WHERE NOT outside.partnershipId = $partnershipId
      RETURN collect(DISTINCT outside) AS outside
      }
      WITH partnership, top, own + outside AS bodies, CASE WHEN top IS NULL THEN [] ELSE [top] + COLLECT { MATCH (top) ((:Body)-[line:ACCOUNTABLE_TO|PROVIDES_UPDATES_TO]->(:Body) WHERE ((line.validFrom IS NULL OR line.validFrom <= $asOf) AND (line.validTo IS NULL OR $asOf <= line.validTo))){1,10} (above:Body) RETURN DISTINCT above } END AS heads
      CALL (bodies, heads) {
      UNWIND bodies AS b
      CALL (b) {
      OPTIONAL MATCH (p:Person)-[m:MEMBER_OF {role: 'CHAIR'}]->(b) WHERE ((m.validFrom IS NULL OR m.validFrom <= $asOf) AND (m.validTo IS NULL OR $asOf <= m.validTo))
      WITH p, m ORDER BY m.validFrom DESC
      RETURN head(collect(p.name)) AS chair
      }
      RETURN collect({id: b.id, name: b.name, kind: b.kind, partnershipId: b.partnershipId, chair: chair, frequency: b.frequency,
      routeToTop: heads IS NULL OR NOT (NOT b IN heads AND NOT EXISTS { MATCH (b) ((:Body)-[line:ACCOUNTABLE_TO|PROVIDES_UPDATES_TO]->(:Body) WHERE ((line.validFrom IS NULL OR line.validFrom <= $asOf) AND (line.validTo IS NULL OR $asOf <= line.validTo))){1,10} (head:Body) WHERE head IN heads })}) AS nodes
      }
      CALL (bodies) {
      UNWIND bodies AS a
      MATCH (a)-[r:ACCOUNTABLE_TO|PROVIDES_UPDATES_TO]->(c:Body) WHERE c IN bodies AND ((r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR $asOf <= r.validTo))
      RETURN collect({from: a.id, to: c.id, kind: type(r), frequency: r.frequency}) AS edges
      }
      RETURN partnership IS NOT NULL AS found, top.id AS topBodyId, nodes, edges"
    `);
  });

  it("for a root body: its structure, in the root's partnership", async () => {
    const { read, calls } = recorder([{ ...root, nodes: [], edges: [] }]);
    await governanceDiagram(read, fromRoot, "body:scpb");
    expect(calls[0]!.cypher).not.toContain("replace");
    expect(tidy(calls[0]!.cypher)).toMatchInlineSnapshot(`
      "OPTIONAL MATCH (root:Body {id: $rootId})
      WITH root, CASE root.partnershipId WHEN 'shared' THEN $partnershipId ELSE root.partnershipId END AS scopeId
      OPTIONAL CALL (root, scopeId) {
      CALL apoc.path.subgraphNodes(root, {relationshipFilter: "<ACCOUNTABLE_TO|<PROVIDES_UPDATES_TO", labelFilter: "+Body", maxLevel: 25}) YIELD node
      WITH collect(node) AS under
      OPTIONAL MATCH (root)-[:ACCOUNTABLE_TO|PROVIDES_UPDATES_TO]->(above:Body)
      WITH under, collect(above) AS above
      WITH under + above AS candidates
      UNWIND candidates AS b
      WITH DISTINCT b WHERE ((b.validFrom IS NULL OR b.validFrom <= $asOf) AND (b.validTo IS NULL OR $asOf <= b.validTo)) AND b.partnershipId IN [scopeId, 'shared']
      WITH collect(b) AS bodies, null AS heads
      CALL (bodies, heads) {
      UNWIND bodies AS b
      CALL (b) {
      OPTIONAL MATCH (p:Person)-[m:MEMBER_OF {role: 'CHAIR'}]->(b) WHERE ((m.validFrom IS NULL OR m.validFrom <= $asOf) AND (m.validTo IS NULL OR $asOf <= m.validTo))
      WITH p, m ORDER BY m.validFrom DESC
      RETURN head(collect(p.name)) AS chair
      }
      RETURN collect({id: b.id, name: b.name, kind: b.kind, partnershipId: b.partnershipId, chair: chair, frequency: b.frequency,
      routeToTop: heads IS NULL OR NOT (NOT b IN heads AND NOT EXISTS { MATCH (b) ((:Body)-[line:ACCOUNTABLE_TO|PROVIDES_UPDATES_TO]->(:Body) WHERE ((line.validFrom IS NULL OR line.validFrom <= $asOf) AND (line.validTo IS NULL OR $asOf <= line.validTo))){1,10} (head:Body) WHERE head IN heads })}) AS nodes
      }
      CALL (bodies) {
      UNWIND bodies AS a
      MATCH (a)-[r:ACCOUNTABLE_TO|PROVIDES_UPDATES_TO]->(c:Body) WHERE c IN bodies AND ((r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR $asOf <= r.validTo))
      RETURN collect({from: a.id, to: c.id, kind: type(r), frequency: r.frequency}) AS edges
      }
      RETURN nodes, edges
      }
      RETURN root.partnershipId AS rootPartnershipId, nodes, edges"
    `);
  });

  it("asks for the list of partnerships only when the question names none", async () => {
    const { read, calls } = recorder([{ id: "partnership:barnet" }, { id: "partnership:lichfield" }]);
    await expect(governanceDiagram(read, fromRoot)).rejects.toThrow(
      'governanceDiagram without rootBodyId names no partnership and 2 are loaded: pass partnershipId, one of "partnership:barnet", "partnership:lichfield"',
    );
    expect(tidy(calls[0]!.cypher)).toMatchInlineSnapshot(
      `"MATCH (p:Partnership) WHERE p.id <> 'shared' RETURN p.id AS id ORDER BY id"`,
    );
  });
});

describe("governanceHealth", () => {
  it("seeks each rule's subjects by partnershipId equality, with leads and lines valid at $asOf", async () => {
    const { read, calls } = recorder([
      {
        rule: "ACTION_WITHOUT_LEAD",
        severity: "ERROR",
        subject: { id: "a", label: "Action", name: "a" },
        message: "",
      },
    ]);
    await governanceHealth(read, settled, 8);
    expect(calls).toHaveLength(1);
    const cypher = calls[0]!.cypher;
    expectIndexFriendly(cypher);
    // One equality per rule branch: every branch starts from the partnershipId index.
    expect(cypher.match(/s\.partnershipId = \$partnershipId/g)).toHaveLength(13);
    expect(tidy(cypher)).toMatchInlineSnapshot(`
      "MATCH (s:Objective) WHERE s.partnershipId = $partnershipId AND NOT EXISTS { MATCH (:Action)-[:CONTRIBUTES_TO|PART_OF*1..10]->(s) }
      WITH s, 'Objective ' + coalesce(s.ref + ' ', '') + '"' + coalesce(s.title, s.name) + '"' + ' has no action feeding it.' AS message
      RETURN 'OBJECTIVE_WITHOUT_ACTION' AS rule, 'WARNING' AS severity, {id: s.id, label: head(labels(s)), name: coalesce(s.name, s.title, s.ref, s.period, s.text, s.id)} AS subject, message
      UNION ALL
      MATCH (s:Action) WHERE s.partnershipId = $partnershipId AND s.kind IN ['ACTION', 'MEETING_ACTION'] AND NOT EXISTS { MATCH (s)-[lead:LED_BY]->() WHERE ((lead.validFrom IS NULL OR lead.validFrom <= $asOf) AND (lead.validTo IS NULL OR $asOf <= lead.validTo)) }
      WITH s, 'Action ' + coalesce(s.ref + ' ', '') + '"' + coalesce(s.title, s.name) + '"' + ' has no lead.' AS message
      RETURN 'ACTION_WITHOUT_LEAD' AS rule, 'ERROR' AS severity, {id: s.id, label: head(labels(s)), name: coalesce(s.name, s.title, s.ref, s.period, s.text, s.id)} AS subject, message
      UNION ALL
      MATCH (s:Action) WHERE s.partnershipId = $partnershipId AND s.kind IN ['COMMITMENT', 'COMMUNICATION'] AND NOT EXISTS { MATCH (s)-[lead:LED_BY]->() WHERE ((lead.validFrom IS NULL OR lead.validFrom <= $asOf) AND (lead.validTo IS NULL OR $asOf <= lead.validTo)) }
      WITH s, 'Commitment ' + coalesce(s.ref + ' ', '') + '"' + coalesce(s.title, s.name) + '"' + ' names no lead.' AS message
      RETURN 'COMMITMENT_WITHOUT_LEAD' AS rule, 'INFO' AS severity, {id: s.id, label: head(labels(s)), name: coalesce(s.name, s.title, s.ref, s.period, s.text, s.id)} AS subject, message
      UNION ALL
      MATCH (s:Objective {kind: 'PRIORITY'}) WHERE s.partnershipId = $partnershipId
      AND (EXISTS { MATCH (:Action)-[:CONTRIBUTES_TO]->(s) } OR EXISTS { MATCH (:Indicator)-[:MEASURES]->(s) })
      AND NOT EXISTS { MATCH (s)-[lead:LED_BY {role: 'STRATEGIC_LEAD'}]->() WHERE ((lead.validFrom IS NULL OR lead.validFrom <= $asOf) AND (lead.validTo IS NULL OR $asOf <= lead.validTo)) }
      WITH s, coalesce(s.ref, 'Priority') + ' "' + s.title + '" has no strategic lead.' AS message
      RETURN 'PRIORITY_WITHOUT_STRATEGIC_LEAD' AS rule, 'ERROR' AS severity, {id: s.id, label: head(labels(s)), name: coalesce(s.name, s.title, s.ref, s.period, s.text, s.id)} AS subject, message
      UNION ALL
      MATCH (s:Objective {kind: 'PRIORITY'}) WHERE s.partnershipId = $partnershipId
      AND (EXISTS { MATCH (:Action)-[:CONTRIBUTES_TO]->(s) } OR EXISTS { MATCH (:Indicator)-[:MEASURES]->(s) })
      AND NOT EXISTS { MATCH (s)-[lead:LED_BY {role: 'LEAD_AGENCY'}]->() WHERE ((lead.validFrom IS NULL OR lead.validFrom <= $asOf) AND (lead.validTo IS NULL OR $asOf <= lead.validTo)) }
      WITH s, coalesce(s.ref, 'Priority') + ' "' + s.title + '" has no lead agency.' AS message
      RETURN 'PRIORITY_WITHOUT_LEAD_AGENCY' AS rule, 'ERROR' AS severity, {id: s.id, label: head(labels(s)), name: coalesce(s.name, s.title, s.ref, s.period, s.text, s.id)} AS subject, message
      UNION ALL
      MATCH (s:Action) WHERE s.partnershipId = $partnershipId AND s.dueDate < $asOf AND NOT coalesce(s.status, '') IN ['COMPLETE', 'CANCELLED']
      WITH s, 'Action ' + coalesce(s.ref + ' ', '') + '"' + coalesce(s.title, s.name) + '"' + ' was due ' + toString(s.dueDate) + coalesce(' ("' + s.dueText + '")', '') + ' and is not recorded as complete.' AS message
      RETURN 'ACTION_OVERDUE' AS rule, 'WARNING' AS severity, {id: s.id, label: head(labels(s)), name: coalesce(s.name, s.title, s.ref, s.period, s.text, s.id)} AS subject, message
      UNION ALL
      MATCH (s:Action {kind: 'ACTION'}) WHERE s.partnershipId = $partnershipId AND NOT EXISTS { MATCH (s)-[:HAS_UPDATE]->() }
      WITH s, 'Action ' + coalesce(s.ref + ' ', '') + '"' + coalesce(s.title, s.name) + '"' + ' has no progress update.' AS message
      RETURN 'ACTION_WITHOUT_PROGRESS' AS rule, 'INFO' AS severity, {id: s.id, label: head(labels(s)), name: coalesce(s.name, s.title, s.ref, s.period, s.text, s.id)} AS subject, message
      UNION ALL
      MATCH (s:Indicator) WHERE s.partnershipId = $partnershipId AND EXISTS { MATCH (s)-[:HAS_MEASUREMENT]->() }
      AND NOT EXISTS { MATCH (s)-[:HAS_MEASUREMENT]->(m) WHERE m.target IS NOT NULL OR m.targetText IS NOT NULL }
      WITH s, 'Indicator "' + s.name + '" has no target.' AS message
      RETURN 'INDICATOR_WITHOUT_TARGET' AS rule, 'WARNING' AS severity, {id: s.id, label: head(labels(s)), name: coalesce(s.name, s.title, s.ref, s.period, s.text, s.id)} AS subject, message
      UNION ALL
      MATCH (s:Indicator) WHERE s.partnershipId = $partnershipId AND NOT EXISTS { MATCH (s)-[:HAS_MEASUREMENT]->() }
      WITH s, 'Indicator "' + s.name + '" has no measurement.' AS message
      RETURN 'INDICATOR_WITHOUT_MEASUREMENT' AS rule, 'WARNING' AS severity, {id: s.id, label: head(labels(s)), name: coalesce(s.name, s.title, s.ref, s.period, s.text, s.id)} AS subject, message
      UNION ALL
      OPTIONAL CALL () { OPTIONAL MATCH (:Partnership {id: $partnershipId})-[:TOP_BODY]->(named:Body)
      WITH named LIMIT 1
      OPTIONAL CALL (named) {
      WITH named WHERE named IS NULL
      MATCH (candidate:Body) WHERE candidate.partnershipId = $partnershipId AND ((candidate.validFrom IS NULL OR candidate.validFrom <= $asOf) AND (candidate.validTo IS NULL OR $asOf <= candidate.validTo))
      AND NOT EXISTS { MATCH (candidate)-[up:ACCOUNTABLE_TO]->(above:Body)
      WHERE above.partnershipId = $partnershipId AND ((up.validFrom IS NULL OR up.validFrom <= $asOf) AND (up.validTo IS NULL OR $asOf <= up.validTo)) AND ((above.validFrom IS NULL OR above.validFrom <= $asOf) AND (above.validTo IS NULL OR $asOf <= above.validTo)) }
      CALL (candidate) {
      OPTIONAL MATCH (under:Body) ((:Body)-[line:ACCOUNTABLE_TO]->(:Body) WHERE ((line.validFrom IS NULL OR line.validFrom <= $asOf) AND (line.validTo IS NULL OR $asOf <= line.validTo))){1,10} (candidate)
      RETURN count(DISTINCT under) AS under
      }
      RETURN candidate
      ORDER BY under DESC, CASE WHEN candidate.kind IN ['STATUTORY_BOARD', 'MEMBERS_COMMITTEE', 'EXTERNAL_BOARD', 'LOCAL_STRATEGIC_PARTNERSHIP'] THEN 0 ELSE 1 END, candidate.id
      LIMIT 1
      }
      RETURN coalesce(named, candidate) AS top }
      WITH top, CASE WHEN top IS NULL THEN [] ELSE [top] + COLLECT { MATCH (top) ((:Body)-[line:ACCOUNTABLE_TO|PROVIDES_UPDATES_TO]->(:Body) WHERE ((line.validFrom IS NULL OR line.validFrom <= $asOf) AND (line.validTo IS NULL OR $asOf <= line.validTo))){1,10} (above:Body) RETURN DISTINCT above } END AS heads
      MATCH (s:Body) WHERE s.partnershipId = $partnershipId AND ((s.validFrom IS NULL OR s.validFrom <= $asOf) AND (s.validTo IS NULL OR $asOf <= s.validTo)) AND NOT s.kind IN ['STATUTORY_BOARD', 'MEMBERS_COMMITTEE', 'EXTERNAL_BOARD', 'LOCAL_STRATEGIC_PARTNERSHIP'] AND NOT s IN heads AND NOT EXISTS { MATCH (s) ((:Body)-[line:ACCOUNTABLE_TO|PROVIDES_UPDATES_TO]->(:Body) WHERE ((line.validFrom IS NULL OR line.validFrom <= $asOf) AND (line.validTo IS NULL OR $asOf <= line.validTo))){1,10} (head:Body) WHERE head IN heads }
      WITH s, s.name + ' has no route to ' + coalesce('the top of the structure (' + top.name + ')', 'a top body') + ' (no ACCOUNTABLE_TO or PROVIDES_UPDATES_TO line valid at ' + toString($asOf) + ').' AS message
      RETURN 'BODY_WITHOUT_ROUTE_TO_BOARD' AS rule, 'ERROR' AS severity, {id: s.id, label: head(labels(s)), name: coalesce(s.name, s.title, s.ref, s.period, s.text, s.id)} AS subject, message
      UNION ALL
      MATCH (s:Body) WHERE s.partnershipId = $partnershipId AND EXISTS { MATCH (s) ((:Body)-[line:ACCOUNTABLE_TO]->(:Body) WHERE ((line.validFrom IS NULL OR line.validFrom <= $asOf) AND (line.validTo IS NULL OR $asOf <= line.validTo))){1,10} (s) }
      WITH s, s.name + ' is on a cycle of accountability.' AS message
      RETURN 'ACCOUNTABILITY_CYCLE' AS rule, 'ERROR' AS severity, {id: s.id, label: head(labels(s)), name: coalesce(s.name, s.title, s.ref, s.period, s.text, s.id)} AS subject, message
      UNION ALL
      MATCH (s:Person) WHERE s.partnershipId = $partnershipId
      WITH s, COUNT { MATCH (:Action)-[lead:LED_BY]->(s) WHERE ((lead.validFrom IS NULL OR lead.validFrom <= $asOf) AND (lead.validTo IS NULL OR $asOf <= lead.validTo)) } AS led WHERE led > $leadThreshold
      WITH s, s.name + ' leads ' + toString(led) + ' actions (threshold ' + toString($leadThreshold) + ').' AS message
      RETURN 'PERSON_OVERLOADED' AS rule, 'WARNING' AS severity, {id: s.id, label: head(labels(s)), name: coalesce(s.name, s.title, s.ref, s.period, s.text, s.id)} AS subject, message
      UNION ALL
      MATCH (s:Strategy) WHERE s.partnershipId = $partnershipId AND s.periodEnd < $asOf AND NOT EXISTS { MATCH (:Strategy)-[:SUPERSEDES]->(s) }
      WITH s, 'Strategy "' + s.title + '" ended ' + toString(s.periodEnd) + ' and nothing supersedes it.' AS message
      RETURN 'STRATEGY_EXPIRED_WITHOUT_SUCCESSOR' AS rule, 'WARNING' AS severity, {id: s.id, label: head(labels(s)), name: coalesce(s.name, s.title, s.ref, s.period, s.text, s.id)} AS subject, message"
    `);
  });
});

describe("search", () => {
  it("puts the partnership in the Lucene query and checks it exactly after", async () => {
    const { read, calls } = recorder([
      { score: 1, node: { id: "body:scpb", label: "Body", name: "SCPB" }, spellings: ["SCPB"] },
    ]);
    await search(read, settled, "Safer Communities", 5);
    expect(calls[0]!.parameters.query).toMatchInlineSnapshot(
      `"+(name:((safer^3 OR safer* OR safer~1) (communities^3 OR communities* OR communities~1)) OR title:((safer^3 OR safer* OR safer~1) (communities^3 OR communities* OR communities~1)) OR aliases:((safer^3 OR safer* OR safer~1) (communities^3 OR communities* OR communities~1))) +partnershipId:("partnership:barnet" OR "shared")^0"`,
    );
    expect(tidy(calls[0]!.cypher)).toMatchInlineSnapshot(`
      "OPTIONAL MATCH (partnership:Partnership {id: $partnershipId})
      WITH partnership IS NOT NULL AS known
      CALL (known) {
      WITH known WHERE known
      CALL db.index.fulltext.queryNodes($index, $query, {limit: $candidates}) YIELD node
      RETURN node
      UNION
      // Only for officers of the partnership: nobody else's question ever reads the restricted index.
      WITH known WHERE known AND ($officerAll OR $partnershipId IN $officerOf)
      CALL db.index.fulltext.queryNodes($restrictedIndex, $query, {limit: $candidates}) YIELD node
      RETURN node
      }
      WITH node WHERE node.partnershipId IN [$partnershipId, 'shared'] AND (NOT ((node:AgendaItem AND coalesce(node.restricted, false)) OR (node:Decision AND (EXISTS { MATCH (node)-[:MADE_AT]->(t:AgendaItem) WHERE coalesce(t.restricted, false) }))) OR ($officerAll OR node.partnershipId IN $officerOf))
      RETURN {id: node.id, label: head(labels(node)), name: coalesce(node.name, node.title, node.ref, node.period, node.text, node.id)} AS node, [s IN [node.name, node.title] + coalesce(node.aliases, []) WHERE s IS NOT NULL] AS spellings"
    `);
  });
});

describe("graphStats", () => {
  it("counts the partnership's own nodes, each label by an index seek", async () => {
    const { read, calls } = recorder([{ kind: "node", name: "Body", count: 1 }]);
    await graphStats(read, settled);
    const cypher = calls[0]!.cypher;
    expectIndexFriendly(cypher);
    expect(
      cypher
        .split("\n")
        .every((branch) => branch === "UNION ALL" || branch.includes("n.partnershipId = $partnershipId")),
    ).toBe(true);
    expect(tidy(cypher).split("\n").slice(0, 3)).toMatchInlineSnapshot(`
      [
        "MATCH (n:Partnership) WHERE n.partnershipId = $partnershipId AND (NOT ((n:AgendaItem AND coalesce(n.restricted, false)) OR (n:Decision AND (EXISTS { MATCH (n)-[:MADE_AT]->(t:AgendaItem) WHERE coalesce(t.restricted, false) }))) OR ($officerAll OR n.partnershipId IN $officerOf)) RETURN 'node' AS kind, 'Partnership' AS name, count(n) AS count",
        "UNION ALL",
        "MATCH (n:Partnership)-[r]->(m) WHERE n.partnershipId = $partnershipId AND (NOT ((n:AgendaItem AND coalesce(n.restricted, false)) OR (n:Decision AND (EXISTS { MATCH (n)-[:MADE_AT]->(t:AgendaItem) WHERE coalesce(t.restricted, false) }))) OR ($officerAll OR n.partnershipId IN $officerOf)) AND (NOT ((m:AgendaItem AND coalesce(m.restricted, false)) OR (m:Decision AND (EXISTS { MATCH (m)-[:MADE_AT]->(t:AgendaItem) WHERE coalesce(t.restricted, false) }))) OR ($officerAll OR m.partnershipId IN $officerOf)) RETURN 'relationship' AS kind, type(r) AS name, count(r) AS count",
      ]
    `);
  });
});
