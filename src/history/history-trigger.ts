import { SEARCH_MARKER_LABELS } from "../schema-model/index.js";

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

/** Labels the trigger never records: its own records. */
export const HISTORY_LABEL = "Change";

/**
 * A relationship's ends, stamped on it when it is created: a deleted relationship can no longer
 * be asked for its ends, but its removed properties are still known, so the record of its removal
 * can name them.
 */
export const ENDS_PROPERTY = "_historyEnds";

/** The trigger's statement: the transaction's changes (APOC's $createdNodes, ...) grouped by entity. */
export const TRIGGER_STATEMENT = `
WITH coalesce($metaData, {}) AS meta,
  // Maps by element id, not lists: a load writes thousands of entities in one transaction.
  apoc.map.fromLists([n IN $deletedNodes | elementId(n)], [n IN $deletedNodes | true]) AS deletedNodes,
  apoc.map.groupByMulti(apoc.coll.flatten([k IN keys($removedNodeProperties) |
    [x IN $removedNodeProperties[k] | {eid: elementId(x.node), key: x.key, old: x.old}]]), 'eid') AS nodeRemoved,
  apoc.map.groupByMulti(apoc.coll.flatten([k IN keys($removedRelationshipProperties) |
    [x IN $removedRelationshipProperties[k] | {eid: elementId(x.relationship), key: x.key, old: x.old}]]), 'eid') AS relRemoved,
  apoc.map.groupByMulti(apoc.coll.flatten([l IN keys($removedLabels) |
    [x IN $removedLabels[l] | {eid: elementId(x), label: l}]]), 'eid') AS labelsRemoved
WITH meta, deletedNodes, nodeRemoved, relRemoved, labelsRemoved,
  apoc.coll.flatten([k IN keys($assignedNodeProperties) | $assignedNodeProperties[k]]) AS nodeAssigned,
  apoc.coll.flatten([k IN keys($assignedRelationshipProperties) | $assignedRelationshipProperties[k]]) AS relAssigned
WITH meta, relRemoved, nodeAssigned, relAssigned,
  [n IN $createdNodes WHERE NOT n:${HISTORY_LABEL} | {entity: [n.id, head(labels(n)), n.partnershipId, n.restricted], fact: {kind: 'CREATED'}}]
  + [x IN nodeAssigned WHERE NOT x.node:${HISTORY_LABEL} | {entity: [x.node.id, head(labels(x.node)), x.node.partnershipId, x.node.restricted],
      fact: {kind: 'PROPERTY_SET', property: x.key, before: x.old, after: x.new}}]
  + [eid IN keys(nodeRemoved) WHERE deletedNodes[eid] IS NULL | {entity: null, eid: eid, removed: nodeRemoved[eid]}]
  + [eid IN keys(deletedNodes) WHERE NOT any(l IN labelsRemoved[eid] WHERE l.label = '${HISTORY_LABEL}') |
      {entity: [head([p IN nodeRemoved[eid] WHERE p.key = 'id' | p.old]), head([l IN labelsRemoved[eid] WHERE NOT l.label IN ${MARKERS} | l.label]),
                head([p IN nodeRemoved[eid] WHERE p.key = 'partnershipId' | p.old]), head([p IN nodeRemoved[eid] WHERE p.key = 'restricted' | p.old])],
       fact: {kind: 'DELETED', before: apoc.map.fromPairs([p IN nodeRemoved[eid] | [p.key, p.old]])}}] AS nodeFacts
// Properties removed from nodes that live on: the node is at hand by its element id.
CALL (nodeFacts) {
  UNWIND [f IN nodeFacts WHERE f.entity IS NULL] AS f
  MATCH (n) WHERE elementId(n) = f.eid
  UNWIND f.removed AS p
  RETURN collect({entity: [n.id, head(labels(n)), n.partnershipId, n.restricted],
                  fact: {kind: 'PROPERTY_REMOVED', property: p.key, before: p.old}}) AS removedFacts
}
WITH meta, relRemoved, relAssigned, [f IN nodeFacts WHERE f.entity IS NOT NULL] + removedFacts AS nodeFacts
CALL () {
  UNWIND $createdRelationships AS r
  WITH r, startNode(r) AS a, endNode(r) AS b
  SET r.${ENDS_PROPERTY} = [a.id, head(labels(a)), a.partnershipId, b.id, head(labels(b)), b.partnershipId]
  RETURN collect(r) AS created
}
WITH meta, nodeFacts, created, relAssigned, relRemoved,
  apoc.map.fromLists([r IN created | elementId(r)], [r IN created | true]) AS createdIds
WITH meta, nodeFacts, relAssigned, relRemoved, createdIds,
  apoc.coll.flatten([r IN created | [
    {entity: [startNode(r).id, head(labels(startNode(r))), startNode(r).partnershipId, startNode(r).restricted],
     fact: {kind: 'RELATIONSHIP_ADDED', relationship: type(r), direction: 'OUT', other: endNode(r).id, after: apoc.map.removeKey(properties(r), '${ENDS_PROPERTY}')}},
    {entity: [endNode(r).id, head(labels(endNode(r))), endNode(r).partnershipId, endNode(r).restricted],
     fact: {kind: 'RELATIONSHIP_ADDED', relationship: type(r), direction: 'IN', other: startNode(r).id, after: apoc.map.removeKey(properties(r), '${ENDS_PROPERTY}')}}]])
  + [x IN relAssigned WHERE createdIds[elementId(x.relationship)] IS NULL AND x.key <> '${ENDS_PROPERTY}' |
     {entity: [startNode(x.relationship).id, head(labels(startNode(x.relationship))), startNode(x.relationship).partnershipId, startNode(x.relationship).restricted],
      fact: {kind: 'RELATIONSHIP_PROPERTY_SET', relationship: type(x.relationship), direction: 'OUT', other: endNode(x.relationship).id,
             property: x.key, before: x.old, after: x.new}}]
  + apoc.coll.flatten([r IN $deletedRelationships |
      CASE WHEN head([p IN relRemoved[elementId(r)] WHERE p.key = '${ENDS_PROPERTY}' | p.old]) IS NULL THEN [] ELSE
        [ends IN [head([p IN relRemoved[elementId(r)] WHERE p.key = '${ENDS_PROPERTY}' | p.old])] |
          {entity: [ends[0], ends[1], ends[2], null],
           fact: {kind: 'RELATIONSHIP_REMOVED', relationship: type(r), direction: 'OUT', other: ends[3],
                  before: apoc.map.fromPairs([p IN relRemoved[elementId(r)] WHERE p.key <> '${ENDS_PROPERTY}' | [p.key, p.old]])}}]
        + [ends IN [head([p IN relRemoved[elementId(r)] WHERE p.key = '${ENDS_PROPERTY}' | p.old])] |
          {entity: [ends[3], ends[4], ends[5], null],
           fact: {kind: 'RELATIONSHIP_REMOVED', relationship: type(r), direction: 'IN', other: ends[0],
                  before: apoc.map.fromPairs([p IN relRemoved[elementId(r)] WHERE p.key <> '${ENDS_PROPERTY}' | [p.key, p.old]])}}] END]) AS relFacts
UNWIND nodeFacts + relFacts AS f
WITH meta, f WHERE f.entity[0] IS NOT NULL
WITH meta, f.entity[0] AS entityId, collect(f) AS facts
CREATE (:${HISTORY_LABEL} {
  id: randomUUID(), at: datetime(), entityId: entityId,
  entityLabel: head([f IN facts WHERE f.entity[1] IS NOT NULL | f.entity[1]]),
  entityPartnershipId: head([f IN facts WHERE f.entity[2] IS NOT NULL | f.entity[2]]),
  restricted: coalesce(head([f IN facts WHERE f.entity[3] IS NOT NULL | f.entity[3]]), false),
  actor: meta.actor, via: coalesce(meta.via, 'cypher'), source: meta.source,
  facts: apoc.convert.toJson([f IN facts | f.fact])
})`;
