import { SEARCH_MARKER_LABELS } from "../schema-model/index.ts";

/**
 * History of every write, recorded in the writing transaction itself by an APOC trigger (phase
 * "before"), so no writer (the API's generated mutations, the seed loader, the spreadsheet import,
 * a hand-written Cypher session) can change the graph without leaving a record, and a rolled-back
 * write leaves none. One (:Change) per entity per transaction holds who (the transaction's
 * metadata: actor, via, source), when, and what: each property before and after, each
 * relationship added or removed. Written here, in one statement, because it is the only place
 * that sees every transaction.
 */

/** A deleted node's label is its domain label, not a search marker (src/graph/search-indexes.ts). */
const MARKERS = `[${SEARCH_MARKER_LABELS.map((label) => `'${label}'`).join(", ")}]`;

export const TRIGGER_NAME = "governance-history";

/** Triggers of earlier versions, whose work the history trigger does now: dropped wherever found. */
export const RETIRED_TRIGGERS = ["governance-search-markers"];

/** Labels the trigger never records: its own records. */
export const HISTORY_LABEL = "Change";

/**
 * A relationship's ends, stamped on it when it is created: a deleted relationship can no longer
 * be asked for its ends, but its removed properties are still known, so the record of its removal
 * can name them.
 */
export const ENDS_PROPERTY = "_historyEnds";

/** An entity's identity in a record: id, domain label, partnership, restricted flag, of the node bound to `n`. */
const entity = (n: string) => `[${n}.id, head(labels(${n})), ${n}.partnershipId, ${n}.restricted]`;

/** Cypher: one record of an entity's facts (a list), by the transaction's metadata `meta`. */
const record = (entityId: string, label: string, partnershipId: string, restricted: string, facts: string) =>
  `CREATE (:${HISTORY_LABEL} {
    id: randomUUID(), at: datetime(), entityId: ${entityId}, entityLabel: ${label},
    entityPartnershipId: ${partnershipId}, restricted: ${restricted},
    actor: meta.actor, via: coalesce(meta.via, 'cypher'), source: meta.source,
    facts: apoc.convert.toJson(${facts})
  })`;

/**
 * Cypher the trigger's statement runs too, before its records (unit subqueries): given the names of
 * two maps in scope, keyed by the element ids of the nodes the transaction created and deleted.
 */
export type AlsoRun = (maps: { created: string; deleted: string }) => string;

/**
 * The trigger's statement: one record per entity the transaction changed, from its changes (APOC's
 * $createdNodes, ...). Written for a seed load's transactions (tens of thousands of entities;
 * BENCHMARKS.md, "Seed load with and without history"), with the same records as a plain
 * "every change a fact, grouped by entity id" would make, entities with distinct ids (as the id
 * prefixes make them):
 *
 * - `replan=skip`: the graph grows fast during a load, and Neo4j would plan this statement again
 *   whenever the statistics diverge; its plan is element-id seeks whatever the size.
 * - A created node's record is written at once, with no grouping: its values read off the node
 *   (every property it has was set by this transaction, before null), its relationships off the
 *   node (each created with it), its identity read once.
 * - The other changes stream as rows (the branches of one UNION ALL) of chunks of facts about one
 *   entity, grouped by entity, rather than as lists flattened by APOC functions, which convert every
 *   element, nodes included, to Java and back.
 * - A created relationship's facts take its properties before the trigger stamps its ends on it,
 *   and only where an end lived before.
 * - What else the database keeps in step with every write (`alsoRun`: the search markers) runs in
 *   this statement, not a trigger of its own: APOC converts the transaction's data for each trigger.
 */
export const triggerStatement = (alsoRun: AlsoRun): string => `CYPHER replan=skip
WITH coalesce($metaData, {}) AS meta,
  // Maps by element id, not lists: a load writes thousands of entities in one transaction.
  apoc.map.fromLists([n IN $createdNodes | elementId(n)], [n IN $createdNodes | true]) AS createdNodes,
  apoc.map.fromLists([r IN $createdRelationships | elementId(r)], [r IN $createdRelationships | true]) AS createdRelationships,
  apoc.map.fromLists([n IN $deletedNodes | elementId(n)], [n IN $deletedNodes | true]) AS deletedNodes,
  apoc.map.groupByMulti(apoc.coll.flatten([k IN keys($removedNodeProperties) |
    [x IN $removedNodeProperties[k] | {eid: elementId(x.node), key: x.key, old: x.old}]]), 'eid') AS nodeRemoved,
  apoc.map.groupByMulti(apoc.coll.flatten([k IN keys($removedRelationshipProperties) |
    [x IN $removedRelationshipProperties[k] | {eid: elementId(x.relationship), key: x.key, old: x.old}]]), 'eid') AS relRemoved,
  apoc.map.groupByMulti(apoc.coll.flatten([l IN keys($removedLabels) |
    [x IN $removedLabels[l] | {eid: elementId(x), label: l}]]), 'eid') AS labelsRemoved
${alsoRun({ created: "createdNodes", deleted: "deletedNodes" })}
// A created node's record at once: no other change of the transaction can be about it but its creation,
// the values it was created with and its relationships, every one of them created by this transaction
// too (read before their ends are stamped).
CALL (meta) {
  UNWIND $createdNodes AS n
  WITH meta, n WHERE NOT n:${HISTORY_LABEL} AND n.id IS NOT NULL
  ${record(
    "n.id",
    "head(labels(n))",
    "n.partnershipId",
    "coalesce(n.restricted, false)",
    `[{kind: 'CREATED'}] + [k IN keys(n) | {kind: 'PROPERTY_SET', property: k, before: null, after: n[k]}]
      + [(n)-[r]->(b) | {kind: 'RELATIONSHIP_ADDED', relationship: type(r), direction: 'OUT', other: b.id, after: properties(r)}]
      + [(n)<-[r]-(a) | {kind: 'RELATIONSHIP_ADDED', relationship: type(r), direction: 'IN', other: a.id, after: properties(r)}]`,
  )}
}
// Every other change, as chunks of facts about one entity each, grouped by entity below.
CALL (createdNodes, createdRelationships, deletedNodes, nodeRemoved, relRemoved, labelsRemoved) {
  // Filtered in a list, not as rows: nearly all of a load's entries are its created nodes' values.
  UNWIND keys($assignedNodeProperties) AS key
  UNWIND [x IN $assignedNodeProperties[key] WHERE createdNodes[elementId(x.node)] IS NULL] AS x
  WITH x, x.node AS n WHERE NOT n:${HISTORY_LABEL}
  RETURN {entity: ${entity("n")}, facts: [{kind: 'PROPERTY_SET', property: x.key, before: x.old, after: x.new}]} AS chunk
  UNION ALL
  // Properties removed from nodes that live on: the node is at hand by its element id.
  UNWIND keys(nodeRemoved) AS eid
  WITH eid WHERE deletedNodes[eid] IS NULL
  MATCH (n) WHERE elementId(n) = eid
  RETURN {entity: ${entity("n")},
          facts: [p IN nodeRemoved[eid] | {kind: 'PROPERTY_REMOVED', property: p.key, before: p.old}]} AS chunk
  UNION ALL
  UNWIND keys(deletedNodes) AS eid
  WITH eid WHERE NOT any(l IN labelsRemoved[eid] WHERE l.label = '${HISTORY_LABEL}')
  RETURN {entity: [head([p IN nodeRemoved[eid] WHERE p.key = 'id' | p.old]), head([l IN labelsRemoved[eid] WHERE NOT l.label IN ${MARKERS} | l.label]),
                   head([p IN nodeRemoved[eid] WHERE p.key = 'partnershipId' | p.old]), head([p IN nodeRemoved[eid] WHERE p.key = 'restricted' | p.old])],
          facts: [{kind: 'DELETED', before: apoc.map.fromPairs([p IN nodeRemoved[eid] | [p.key, p.old]])}]} AS chunk
  UNION ALL
  UNWIND $createdRelationships AS r
  WITH r, startNode(r) AS a, endNode(r) AS b
  WITH r, a, b, [a.id, head(labels(a)), a.partnershipId] AS from, [b.id, head(labels(b)), b.partnershipId] AS to,
    createdNodes[elementId(a)] IS NULL AS fromLived, createdNodes[elementId(b)] IS NULL AS toLived
  // Its properties only where an end lived before (a created end's facts are in its own record already):
  // in a load, both ends are nearly always new.
  WITH r, a, b, from, to, fromLived, toLived, CASE WHEN fromLived OR toLived THEN properties(r) END AS after
  SET r.${ENDS_PROPERTY} = from + to
  WITH a, b, from, to, type(r) AS type, after, fromLived, toLived WHERE fromLived OR toLived
  WITH from + [a.restricted] AS from, to + [b.restricted] AS to, type, after, fromLived, toLived
  UNWIND [end IN [
      {lived: fromLived, chunk: {entity: from, facts: [{kind: 'RELATIONSHIP_ADDED', relationship: type, direction: 'OUT', other: to[0], after: after}]}},
      {lived: toLived, chunk: {entity: to, facts: [{kind: 'RELATIONSHIP_ADDED', relationship: type, direction: 'IN', other: from[0], after: after}]}}]
    WHERE end.lived | end.chunk] AS chunk
  RETURN chunk
  UNION ALL
  UNWIND keys($assignedRelationshipProperties) AS key
  UNWIND $assignedRelationshipProperties[key] AS x
  WITH x WHERE createdRelationships[elementId(x.relationship)] IS NULL AND x.key <> '${ENDS_PROPERTY}'
  WITH x, startNode(x.relationship) AS a, endNode(x.relationship) AS b
  RETURN {entity: ${entity("a")},
          facts: [{kind: 'RELATIONSHIP_PROPERTY_SET', relationship: type(x.relationship), direction: 'OUT', other: b.id,
                   property: x.key, before: x.old, after: x.new}]} AS chunk
  UNION ALL
  UNWIND $deletedRelationships AS r
  WITH r, relRemoved[elementId(r)] AS removed
  WITH r, removed, head([p IN removed WHERE p.key = '${ENDS_PROPERTY}' | p.old]) AS ends
  WHERE ends IS NOT NULL
  WITH type(r) AS type, ends, apoc.map.fromPairs([p IN removed WHERE p.key <> '${ENDS_PROPERTY}' | [p.key, p.old]]) AS before
  UNWIND [{entity: [ends[0], ends[1], ends[2], null],
           facts: [{kind: 'RELATIONSHIP_REMOVED', relationship: type, direction: 'OUT', other: ends[3], before: before}]},
          {entity: [ends[3], ends[4], ends[5], null],
           facts: [{kind: 'RELATIONSHIP_REMOVED', relationship: type, direction: 'IN', other: ends[0], before: before}]}] AS chunk
  RETURN chunk
}
WITH meta, chunk WHERE chunk.entity[0] IS NOT NULL
WITH meta, chunk.entity[0] AS entityId, collect(chunk) AS chunks
CALL (chunks) {
  UNWIND chunks AS chunk
  UNWIND chunk.facts AS fact
  RETURN collect(fact) AS facts
}
${record(
  "entityId",
  "head([c IN chunks WHERE c.entity[1] IS NOT NULL | c.entity[1]])",
  "head([c IN chunks WHERE c.entity[2] IS NOT NULL | c.entity[2]])",
  "coalesce(head([c IN chunks WHERE c.entity[3] IS NOT NULL | c.entity[3]]), false)",
  "facts",
)}`;
