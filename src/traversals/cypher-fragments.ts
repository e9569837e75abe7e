import {
  buildDomainModel,
  LABELS,
  readTypeDefs,
  restrictableLabels,
  restrictions,
  SYSTEM_FIELDS,
  type DomainModel,
  type RelationshipModel,
} from "../schema-model/index.ts";

/**
 * Small Cypher pieces every traversal shares, so a rule (what a name is, what is restricted,
 * what is valid at a date) is written once.
 */

/** A UNION body (for `CALL () { ... }`) binding `variable` to the node with id `$param`, using each label's index (no scan). */
export const lookupUnion = (param: string, variable: string): string =>
  LABELS.map((label) => `MATCH (n:${label} {id: $${param}}) RETURN n AS ${variable}`).join(" UNION ");

let model: DomainModel | undefined;

/**
 * The stored properties of a label that anyone may read: its id, partnership, properties and
 * audit fields, less its @restricted ones (those stay behind the API's authorization rules).
 */
export function readableProperties(label: string): readonly string[] {
  model ??= buildDomainModel(readTypeDefs());
  const properties = model.labels.get(label)?.properties;
  if (!properties) throw new Error(`readableProperties: ${label} is not a node label of the schema.`);
  const restricted = new Set(restrictions().fields.get(label));
  return [...SYSTEM_FIELDS, ...properties.keys()].filter((name) => !restricted.has(name));
}

/**
 * What of an entity a traversal returns: of its readable properties, `properties` (all when
 * absent; names that are not readable are dropped, so a restricted one never rides along), and
 * the entities of the relationship fields in `related`, each with the given properties of theirs
 * (all when absent). The API passes what the caller's selection asks (src/api/hydrate.ts), so the
 * database sends and the driver decodes no more than the answer needs.
 */
export interface EntitySelection {
  properties?: readonly string[];
  related?: Readonly<Record<string, readonly string[] | undefined>>;
}

/** The entries of a map projection of a node's readable properties (`.id, .name, ...`), of those asked when `asked` is given. */
const readableEntries = (label: string, asked?: readonly string[]): string[] =>
  readableProperties(label)
    .filter((name) => !asked || asked.includes(name))
    .map((name) => `.${name}`);

/**
 * A node as a map of its readable properties (every key present, null when unset), so a traversal
 * can answer a selection of an entity's own fields without a second round trip; with a selection,
 * only the properties and the entities of the relationship fields it names (relatedEntities).
 */
export const entityProperties = (v: string, label: string, selection: EntitySelection = {}): string =>
  `${v} {${[
    ...readableEntries(label, selection.properties),
    ...Object.entries(selection.related ?? {}).map(
      ([field, properties]) => `${field}: ${relatedEntities(v, label, field, properties)}`,
    ),
  ].join(", ")}}`;

// Asked by the API on every traversal request that selects a relationship: read from the SDL once.
const loadableByLabel = new Map<string, Map<string, RelationshipModel>>();

/**
 * The relationship fields of a label whose entities a traversal may load with it: outgoing, the
 * only field of their relationship type (PART_OF leads to strategies and objectives by two fields,
 * which one relationship type cannot tell apart), and leading to no label whose nodes may be
 * restricted (those keep the generated query's node filters).
 */
export function loadableRelationships(label: string): ReadonlyMap<string, RelationshipModel> {
  let loadable = loadableByLabel.get(label);
  if (!loadable) {
    model ??= buildDomainModel(readTypeDefs());
    const restrictable = restrictableLabels();
    loadable = new Map();
    for (const relationship of model.labels.get(label)?.relationships.values() ?? [])
      if (!relationship.field.includes("|") && !relationship.targets.some((t) => restrictable.has(t)))
        loadable.set(relationship.field, relationship);
    loadableByLabel.set(label, loadable);
  }
  return loadable;
}

/**
 * The entities the relationship field `field` of `v` leads to, each as its label's entityProperties
 * with `__resolveType` (how @neo4j/graphql tells a union's members apart), of `properties` when
 * given: what the generated query answers for the field asked with no arguments (unordered, as there).
 */
export function relatedEntities(
  v: string,
  label: string,
  field: string,
  properties?: readonly string[],
): string {
  const relationship = loadableRelationships(label).get(field);
  if (!relationship)
    throw new Error(`relatedEntities: ${label}.${field} is not a relationship a traversal may load.`);
  const { targets } = relationship;
  const x = `${v}_${field}`;
  const entity = (target: string) =>
    `${x} {${[`__resolveType: '${target}'`, ...readableEntries(target, properties)].join(", ")}}`;
  const projection =
    targets.length === 1
      ? entity(targets[0]!)
      : `CASE ${targets.map((t) => `WHEN ${x}:${t} THEN ${entity(t)}`).join(" ")} END`;
  return `[(${v})-[:${relationship.type}]->(${x}) WHERE ${targets.map((t) => `${x}:${t}`).join(" OR ")} | ${projection}]`;
}

/** A node as a PathNode map. */
export const pathNode = (v: string): string =>
  `{id: ${v}.id, label: head(labels(${v})), name: coalesce(${v}.name, ${v}.title, ${v}.ref, ${v}.period, ${v}.text, ${v}.id)}`;

/** True when the node of `label` is restricted through a node it leads to (its @inheritsRestriction marks). */
export function inheritedRestriction(v: string, label: string): string {
  const { flags, inherited } = restrictions();
  const conditions = (inherited.get(label) ?? []).map(({ type, direction, target }) => {
    const [left, right] = direction === "OUT" ? ["-", "->"] : ["<-", "-"];
    return `EXISTS { MATCH (${v})${left}[:${type}]${right}(t:${target}) WHERE coalesce(t.${flags.get(target)}, false) }`;
  });
  return conditions.length ? `(${conditions.join(" OR ")})` : "false";
}

/**
 * True when the node is restricted, by the marks of the SDL (schema/restricted.graphql): its own
 * flag (an agenda item's `restricted`) or a node it inherits from (a decision's item).
 */
export function restrictedNode(v: string): string {
  const { flags, inherited } = restrictions();
  const conditions = [
    ...[...flags].map(([label, flag]) => `(${v}:${label} AND coalesce(${v}.${flag}, false))`),
    ...[...inherited.keys()].map((label) => `(${v}:${label} AND ${inheritedRestriction(v, label)})`),
  ];
  return conditions.length ? `(${conditions.join(" OR ")})` : "false";
}

/** True when the caller is an officer of the partnership `partnershipId` (a Cypher expression), or an admin. */
export const officerOfPartnership = (partnershipId: string): string =>
  `($officerAll OR ${partnershipId} IN $officerOf)`;

/** True when the caller may see the node: restricted nodes only for officers of its partnership (see viewerParameters). */
export const visible = (v: string): string =>
  `(NOT ${restrictedNode(v)} OR ${officerOfPartnership(`${v}.partnershipId`)})`;
