import { notFound } from "../errors/index.ts";
import { dateParameter, isOfficerOf, validAt, type ReadQuery, type Viewer } from "../traversals/index.ts";
import type { PartnershipStructure } from "./structure.ts";

export interface ExportScope {
  partnershipId: string;
  /** YYYY-MM-DD: only what was valid that day; null: everything on record, with its dates. */
  asOf: string | null;
  viewer: Viewer;
}

const evidence = (v: string): string =>
  `[(${v})-[e:EVIDENCED_BY]->(d:Document) | {document: d.id, locator: e.locator}]`;

/**
 * The structure in one round trip. The partnership's own bodies, people and plans by an index
 * seek on partnershipId; the organisations and outside bodies they name are followed from there.
 * With asOf, bodies, lines and memberships are those valid that day (the one rule, validAt).
 */
export async function readStructure(read: ReadQuery, scope: ExportScope): Promise<PartnershipStructure> {
  const valid = (v: string): string => (scope.asOf ? validAt(v) : "true");
  const cypher = `
    OPTIONAL MATCH (p:Partnership {id: $partnershipId})
    CALL (p) {
      MATCH (b:Body {partnershipId: $partnershipId}) WHERE p IS NOT NULL AND ${valid("b")}
      RETURN collect(b) AS own
    }
    CALL (own) {
      UNWIND own AS b
      MATCH (b)-[r:ACCOUNTABLE_TO|PROVIDES_UPDATES_TO]->(up:Body)
      WHERE ${valid("r")} AND ${valid("up")} AND (up IN own OR up.partnershipId <> $partnershipId)
      RETURN collect(DISTINCT up) AS targets,
             collect({from: b.id, to: up.id, kind: type(r), frequency: r.frequency,
                      validFrom: r.validFrom, validTo: r.validTo}) AS lines
    }
    WITH p, own, lines, [t IN targets WHERE NOT t IN own] AS outside
    CALL (p, own) {
      // The partnership's own chair and member agencies too, where it has no separate board for them.
      UNWIND [p] + own AS b
      MATCH (m)-[r:MEMBER_OF]->(b) WHERE (m:Person OR m:Organisation) AND ${valid("r")}
      RETURN collect({member: m.id, memberLabel: head(labels(m)), body: b.id, role: coalesce(r.role, r.kind),
                      representing: r.representing, validFrom: r.validFrom, validTo: r.validTo,
                      source: r.source, locator: r.locator}) AS memberships,
             collect(DISTINCT CASE WHEN m:Person THEN m END) AS members,
             collect(DISTINCT CASE WHEN m:Organisation THEN m END) AS agencies
    }
    CALL (members) {
      MATCH (person:Person {partnershipId: $partnershipId})
      WITH collect(person) AS ownPeople
      RETURN ownPeople + [m IN members WHERE m.partnershipId <> $partnershipId] AS people
    }
    CALL (people) {
      UNWIND people AS person
      MATCH (person)-[w:WORKS_FOR]->(o:Organisation) WHERE ${valid("w")}
      RETURN collect({person: person.id, organisation: o.id, title: w.title,
                      validFrom: w.validFrom, validTo: w.validTo}) AS employment,
             collect(DISTINCT o) AS employers
    }
    CALL (agencies, employers) {
      OPTIONAL MATCH (o:Organisation {partnershipId: $partnershipId})
      WITH collect(o) AS ownAgencies
      UNWIND ownAgencies + agencies + employers AS o
      RETURN collect(DISTINCT o) AS organisations
    }
    CALL () {
      MATCH (s:Strategy {partnershipId: $partnershipId})
      RETURN collect(s {.id, .partnershipId, .title, .aliases, .kind, .status, .periodStart, .periodEnd,
        overseenBy: [(s)-[:OVERSEEN_BY]->(b:Body) | b.id], supersedes: [(s)-[:SUPERSEDES]->(o:Strategy) | o.id],
        evidence: ${evidence("s")}}) AS strategies
    }
    CALL () {
      MATCH (o:Objective {partnershipId: $partnershipId})
      RETURN collect(o {.id, .partnershipId, .ref, .title, .kind,
        partOf: [(o)-[:PART_OF]->(up) WHERE up:Objective OR up:Strategy | up.id], evidence: ${evidence("o")}}) AS objectives
    }
    WITH p {.id, .partnershipId, .name, .aliases, .area, evidence: ${evidence("p")}} AS partnership,
      [b IN own | b {.id, .partnershipId, .name, .aliases, .kind, .frequency, .purpose, .validFrom, .validTo,
        privateNote: CASE WHEN $restricted THEN b.privateNote END, own: true, evidence: ${evidence("b")}}]
      + [b IN outside | b {.id, .partnershipId, .name, .aliases, .kind, .frequency, .purpose, .validFrom, .validTo,
        privateNote: null, own: false, evidence: ${evidence("b")}}] AS bodies,
      [o IN organisations | o {.id, .partnershipId, .name, .aliases, .kind, evidence: ${evidence("o")}}] AS organisations,
      [x IN people | x {.id, .partnershipId, .name, .aliases, .honorific,
        email: CASE WHEN $restricted AND x.partnershipId = $partnershipId THEN x.email END,
        phone: CASE WHEN $restricted AND x.partnershipId = $partnershipId THEN x.phone END,
        evidence: ${evidence("x")}}] AS people,
      memberships, employment, lines, strategies, objectives, p IS NOT NULL AS found
    WITH *, [x IN [partnership] + bodies + organisations + people + strategies + objectives | x.evidence] AS cited
    CALL (cited) {
      UNWIND cited AS evidence
      UNWIND evidence AS e
      WITH DISTINCT e.document AS id
      MATCH (d:Document {id: id})
      RETURN collect(d {.id, .title, .date, .kind, .fileName, .url}) AS documents
    }
    RETURN found, partnership, bodies, organisations, people,
      memberships, employment, lines, strategies, objectives, documents`;
  const [row] = await read(cypher, {
    partnershipId: scope.partnershipId,
    asOf: scope.asOf ? dateParameter(scope.asOf) : null,
    restricted: isOfficerOf(scope.viewer, scope.partnershipId),
  });
  if (!row?.found) throw notFound(scope.partnershipId, "partnership");
  const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);
  const withLists = <T extends { aliases?: unknown }>(items: T[]): T[] =>
    items.map((item) => ({ ...item, aliases: list<string>(item.aliases) }));
  return {
    partnership: withLists([row.partnership as PartnershipStructure["partnership"]])[0]!,
    asOf: scope.asOf,
    bodies: withLists(list(row.bodies)),
    organisations: withLists(list(row.organisations)),
    people: withLists(list(row.people)),
    memberships: list(row.memberships),
    employment: list(row.employment),
    lines: list(row.lines),
    strategies: withLists(list(row.strategies)),
    objectives: list(row.objectives),
    documents: list(row.documents),
  };
}
