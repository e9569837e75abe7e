import type { ApiContext } from "../../src/api/index.ts";
import {
  ANONYMOUS,
  accountabilityChain,
  actionsFeeding,
  bodiesReportingTo,
  buildScope,
  governanceDiagram,
  inScope,
  luceneQuery,
  matchedSpelling,
  responsibilities,
  scopedLuceneQuery,
  scopeParameters,
  type Scope,
} from "../../src/traversals/index.ts";
import { SEARCH_INDEX } from "../../src/graph/index.ts";
import neo4j from "neo4j-driver";
import { today } from "../../src/text/index.ts";
import { entities, entity, neo4jOrder, pathNodeOf, validAt, type Entity } from "./fetch.ts";
import { naiveHealth } from "./health.ts";

/**
 * The traversal queries written the common way: walk the graph one hop per round trip, then let
 * field resolvers load what each result needs. The raw facts they collect are handed to the
 * project's own traversal functions (as the rows those functions' Cypher would return), so the
 * answers are the same by construction and only the way the data is fetched differs.
 */
type Args = Record<string, unknown>;
const rows = (row: Record<string, unknown> | undefined) => async () => (row ? [row] : []);
/** The scope of a question, as the API builds it (anonymous: the benchmark's questions are public). */
const scopeOf = (args: Args): Scope =>
  buildScope({ partnershipId: args.partnershipId as string | null, asOf: args.asOf, viewer: ANONYMOUS });

async function feeding(context: ApiContext, objectiveId: string, maxDepth: number) {
  const root = await entity(context.read, "Objective", objectiveId);
  const actions = new Map<string, { actionId: string; ref: string | null; depth: number; path: unknown[] }>();
  const seen = new Set([objectiveId]);
  let frontier = root ? [{ id: objectiveId, path: [pathNodeOf(root)] }] : [];
  for (let depth = 1; depth <= maxDepth && frontier.length; depth++) {
    const next: typeof frontier = [];
    for (const objective of frontier)
      for (const x of await entities(
        context.read,
        "MATCH (:Objective {id: $id})<-[:CONTRIBUTES_TO|PART_OF]-(x) WHERE x:Action OR x:Objective",
        {
          id: objective.id,
        },
      )) {
        const path = [pathNodeOf(x), ...objective.path];
        if (x.__typename === "Action" && !actions.has(x.id))
          actions.set(x.id, { actionId: x.id, ref: (x.ref as string) ?? null, depth, path });
        if (x.__typename === "Objective" && !seen.has(x.id)) {
          seen.add(x.id);
          next.push({ id: x.id, path });
        }
      }
    frontier = next;
  }
  return actionsFeeding(
    rows(root ? { rootPartnershipId: root.partnershipId, actions: [...actions.values()] } : undefined),
    scopeOf({}),
    objectiveId,
    maxDepth,
  );
}

async function reporting(context: ApiContext, args: Args) {
  const bodyId = String(args.bodyId);
  const transitive = args.transitive !== false;
  const scope = scopeOf(args);
  const valid = (value: Record<string, unknown>) => validAt(value, scope.asOf);
  const root = await entity(context.read, "Body", bodyId);
  const found = new Map<string, Record<string, unknown>>();
  let frontier = root && valid(root) ? [root] : [];
  for (let depth = 1; depth <= (transitive ? 10 : 1) && frontier.length; depth++) {
    const level = new Map<string, { body: Entity; type: string; frequency: unknown; reportsTo: Entity }>();
    for (const parent of frontier) {
      const edges = await context.read(
        "MATCH (:Body {id: $id})<-[r:ACCOUNTABLE_TO|PROVIDES_UPDATES_TO]-(x:Body) RETURN properties(x) AS n, type(r) AS type, properties(r) AS r",
        { id: parent.id },
      );
      for (const edge of edges) {
        const body = { ...(edge.n as Record<string, unknown>), __typename: "Body" } as Entity;
        if (
          body.id === bodyId ||
          found.has(body.id) ||
          !valid(body) ||
          !valid(edge.r as Record<string, unknown>)
        )
          continue;
        const current = level.get(body.id);
        if (!current || (current.type !== "ACCOUNTABLE_TO" && edge.type === "ACCOUNTABLE_TO"))
          level.set(body.id, {
            body,
            type: String(edge.type),
            frequency: (edge.r as Record<string, unknown>).frequency ?? null,
            reportsTo: parent,
          });
      }
    }
    for (const [id, { body, type, frequency, reportsTo }] of level)
      found.set(id, {
        bodyId: id,
        name: body.name,
        depth,
        relationship: type,
        frequency,
        reportsTo: pathNodeOf(reportsTo),
      });
    frontier = [...level.values()].map((l) => l.body);
  }
  return bodiesReportingTo(
    rows(root ? { rootPartnershipId: root.partnershipId, bodies: [...found.values()] } : undefined),
    scope,
    bodyId,
    transitive,
  );
}

async function chain(context: ApiContext, id: string) {
  let start: Entity | null = null;
  for (const label of ["Action", "Objective", "Strategy", "Body"])
    if (!start) start = await entity(context.read, label, id);
  if (!start) return accountabilityChain(rows(undefined), scopeOf({}), id);
  const now = today();
  const items = new Map<string, unknown>();
  const overseers = new Set<string>(start.__typename === "Body" ? [start.id] : []);
  let frontier = [start];
  for (let depth = 0; depth <= 10 && frontier.length; depth++) {
    const next: Entity[] = [];
    for (const item of frontier) {
      if (items.has(item.id)) continue;
      const match = `MATCH (n:${item.__typename} {id: $id})`;
      const up = await context.read(
        `${match}-[r:CONTRIBUTES_TO|PART_OF]->(x) WHERE x:Objective OR x:Strategy RETURN properties(x) AS n, head(labels(x)) AS label, type(r) AS relationship`,
        { id: item.id },
      );
      const parents = up.map(
        (row) => ({ ...(row.n as Record<string, unknown>), __typename: String(row.label) }) as Entity,
      );
      const leads = await context.read(
        `${match}-[r:LED_BY]->(x) RETURN r.role AS role, r.validTo AS validTo, properties(x) AS n, head(labels(x)) AS label`,
        {
          id: item.id,
        },
      );
      const bodies = await context.read(`${match}-[:OVERSEEN_BY]->(b:Body) RETURN b.id AS id`, {
        id: item.id,
      });
      bodies.forEach((b) => overseers.add(String(b.id)));
      items.set(item.id, {
        node: pathNodeOf(item),
        kind: item.kind ?? null,
        ref: item.ref ?? null,
        parents: parents.map((parent, i) => ({ id: parent.id, relationship: up[i]!.relationship })),
        leads: leads
          .filter((l) => l.validTo == null || String(l.validTo) >= now)
          .map((l) => ({
            role: l.role,
            lead: pathNodeOf({ ...(l.n as Entity), __typename: String(l.label) }),
          })),
        overseers: bodies.map((b) => b.id),
      });
      next.push(...parents);
    }
    frontier = next;
  }
  const bodies = new Map<string, unknown>();
  let level = [...overseers];
  for (let depth = 0; depth <= 10 && level.length; depth++) {
    const next: string[] = [];
    for (const bodyId of level) {
      if (bodies.has(bodyId)) continue;
      const body = (await entity(context.read, "Body", bodyId))!;
      const chairs = await context.read(
        "MATCH (x:Person)-[m:MEMBER_OF {role: 'CHAIR'}]->(:Body {id: $id}) RETURN properties(x) AS n, properties(m) AS m",
        {
          id: bodyId,
        },
      );
      const current = chairs.filter(
        (c) =>
          (c.m as Record<string, unknown>).validTo == null ||
          String((c.m as Record<string, unknown>).validTo) >= now,
      );
      const since = new Map<string, { person: Entity; since: unknown }>();
      for (const c of current) {
        const person = { ...(c.n as Entity), __typename: "Person" };
        const from = (c.m as Record<string, unknown>).validFrom ?? null;
        const known = since.get(person.id);
        if (!known || (from != null && (known.since == null || String(from) > String(known.since))))
          since.set(person.id, { person, since: from });
      }
      const ups = await context.read(
        "MATCH (:Body {id: $id})-[a:ACCOUNTABLE_TO]->(up:Body) RETURN up.id AS id, a.validTo AS validTo",
        { id: bodyId },
      );
      bodies.set(bodyId, {
        node: pathNodeOf(body),
        kind: body.kind,
        partnershipId: body.partnershipId,
        chairs: neo4jOrder([...since.values()], "since", "DESC").map((c) => pathNodeOf(c.person)),
        accountableTo: ups.filter((u) => u.validTo == null || String(u.validTo) >= now).map((u) => u.id),
      });
      next.push(...ups.map((u) => String(u.id)));
    }
    level = next;
  }
  // The top is left to the kinds of the bodies reached (topId null): the generated structures' tops are boards.
  const row = {
    id,
    rootPartnershipId: start.partnershipId,
    scopeId: start.partnershipId,
    chain: [...items.values()],
    bodies: [...bodies.values()],
    topId: null,
  };
  return accountabilityChain(rows(row), scopeOf({}), id);
}

async function personResponsibilities(context: ApiContext, personId: string, asOf: string) {
  const person = await entity(context.read, "Person", personId);
  const facts = [
    ...(await context.read(
      "MATCH (x)-[r:LED_BY]->(:Person {id: $id}) RETURN x.id AS id, head(labels(x)) AS label, properties(r) AS r, 'LED_BY' AS relationship",
      { id: personId },
    )),
    ...(await context.read(
      "MATCH (:Person {id: $id})-[r:MEMBER_OF]->(x:Body) RETURN x.id AS id, 'Body' AS label, properties(r) AS r, 'MEMBER_OF' AS relationship",
      { id: personId },
    )),
    ...(await context.read(
      "MATCH (:Person {id: $id})-[r:WORKS_FOR]->(x:Organisation) RETURN x.id AS id, 'Organisation' AS label, properties(r) AS r, 'WORKS_FOR' AS relationship",
      { id: personId },
    )),
  ];
  const latest = new Map<string, Record<string, unknown>>();
  for (const fact of neo4jOrder(
    facts.map((f): Record<string, unknown> => ({
      ...f,
      validFrom: (f.r as Record<string, unknown>).validFrom ?? null,
    })),
    "validFrom",
    "DESC",
  )) {
    const r = fact.r as Record<string, unknown>;
    if (!validAt(r, asOf)) continue;
    // One round trip per subject: the field resolver of Responsibility.subject.
    const subject = (await entity(context.read, String(fact.label), String(fact.id)))!;
    if (fact.relationship === "MEMBER_OF" && !validAt(subject, asOf)) continue;
    const role = fact.relationship === "WORKS_FOR" ? ((r.title as string) ?? "STAFF") : r.role;
    const key = `${role}|${fact.relationship}|${subject.id}`;
    if (!latest.has(key))
      latest.set(key, {
        role,
        relationship: fact.relationship,
        subject: pathNodeOf(subject),
        validFrom: r.validFrom ?? null,
        validTo: r.validTo ?? null,
        representing: fact.relationship === "MEMBER_OF" ? (r.representing ?? null) : null,
      });
  }
  return responsibilities(
    rows(person ? { rootPartnershipId: person.partnershipId, items: [...latest.values()] } : undefined),
    scopeOf({ asOf }),
    personId,
  );
}

async function diagram(context: ApiContext, args: Args) {
  const scope = scopeOf(args);
  const asOf = scope.asOf;
  // Every body of the partnership (one round trip), then up each line, one round trip per body.
  const own = (
    await entities(context.read, "MATCH (x:Body {partnershipId: $partnershipId})", {
      partnershipId: scope.partnershipId,
    })
  ).filter((b) => validAt(b, asOf));
  const bodies = new Map<string, Entity>(own.map((b) => [b.id, b]));
  const edges = [];
  const visited = new Set<string>();
  let frontier = [...own];
  while (frontier.length) {
    const next: Entity[] = [];
    for (const body of frontier) {
      if (visited.has(body.id)) continue;
      visited.add(body.id);
      for (const edge of await context.read(
        "MATCH (:Body {id: $id})-[r:ACCOUNTABLE_TO|PROVIDES_UPDATES_TO]->(c:Body) RETURN properties(c) AS c, type(r) AS kind, properties(r) AS r",
        { id: body.id },
      )) {
        const to = { ...(edge.c as Record<string, unknown>), __typename: "Body" } as Entity;
        const r = edge.r as Record<string, unknown>;
        if (!validAt(r, asOf) || !validAt(to, asOf)) continue;
        if (!bodies.has(to.id)) {
          if (to.partnershipId !== "shared") continue;
          bodies.set(to.id, to);
          next.push(to);
        }
        edges.push({ from: body.id, to: to.id, kind: edge.kind, frequency: r.frequency ?? null });
      }
    }
    frontier = next;
  }
  // The chair is left to DiagramNode.chair: one round trip per node.
  const nodes = [...bodies.values()].map((b) => ({
    id: b.id,
    name: b.name,
    kind: b.kind,
    partnershipId: b.partnershipId,
    chair: null,
    frequency: b.frequency ?? null,
    asOf,
  }));
  return governanceDiagram(rows({ found: true, topBodyId: null, nodes, edges }), scope);
}

async function chairOf(node: { id: string; asOf: string }, context: ApiContext) {
  const chairs = await context.read(
    "MATCH (p:Person)-[m:MEMBER_OF {role: 'CHAIR'}]->(:Body {id: $id}) RETURN p.name AS name, properties(m) AS m",
    {
      id: node.id,
    },
  );
  const valid = chairs
    .filter((c) => validAt(c.m as Record<string, unknown>, node.asOf))
    .map((c) => ({ name: c.name, validFrom: (c.m as Record<string, unknown>).validFrom ?? null }));
  return neo4jOrder(valid, "validFrom", "DESC")[0]?.name ?? null;
}

async function naiveSearch(context: ApiContext, text: string, limit: number, partnershipId: string) {
  const words = luceneQuery(text);
  if (!words) return [];
  const hits = await context.read(
    `CALL db.index.fulltext.queryNodes($index, $query, {limit: $candidates}) YIELD node, score WHERE ${inScope("node")}
     RETURN node.id AS id, head(labels(node)) AS label, score`,
    {
      index: SEARCH_INDEX,
      query: scopedLuceneQuery(words, partnershipId),
      candidates: neo4j.int(limit * 3),
      ...scopeParameters(scopeOf({ partnershipId })),
    },
  );
  const out = [];
  for (const hit of hits) {
    if (out.length >= limit) break;
    const node = (await entity(context.read, String(hit.label), String(hit.id)))!;
    if (node.restricted === true) continue;
    const spellings = [node.name, node.title, ...((node.aliases as string[] | undefined) ?? [])].filter(
      (s): s is string => typeof s === "string",
    );
    out.push({ score: hit.score, node: pathNodeOf(node), matched: matchedSpelling(text, spellings) });
  }
  return out;
}

export const traversalResolvers = {
  Query: {
    actionsFeeding: (_: unknown, args: Args, context: ApiContext) =>
      feeding(context, String(args.objectiveId), Number(args.maxDepth ?? 10)),
    bodiesReportingTo: (_: unknown, args: Args, context: ApiContext) => reporting(context, args),
    accountabilityChain: (_: unknown, args: Args, context: ApiContext) => chain(context, String(args.id)),
    responsibilities: (_: unknown, args: Args, context: ApiContext) =>
      personResponsibilities(context, String(args.personId), (args.asOf as string | undefined) ?? today()),
    governanceDiagram: (_: unknown, args: Args, context: ApiContext) => diagram(context, args),
    governanceHealth: (_: unknown, args: Args, context: ApiContext) => naiveHealth(context, args),
    search: (_: unknown, args: Args, context: ApiContext) =>
      naiveSearch(context, String(args.text), Number(args.limit ?? 20), String(args.partnershipId)),
  },
  FeedingAction: {
    action: (row: { actionId: string }, _: Args, context: ApiContext) =>
      entity(context.read, "Action", row.actionId),
  },
  ReportingBody: {
    body: (row: { bodyId: string }, _: Args, context: ApiContext) => entity(context.read, "Body", row.bodyId),
  },
  DiagramNode: {
    chair: (node: { id: string; asOf: string }, _: Args, context: ApiContext) => chairOf(node, context),
  },
};
