import { Kind, parse, type ConstValueNode, type DirectiveNode, type TypeNode } from "graphql";
import measured from "./fan-outs.json" with { type: "json" };

/** A relationship field of a node type, as the SDL declares it. */
export interface RelationshipField {
  /** `Person.memberOf`. */
  field: string;
  type: string;
  direction: "IN" | "OUT";
  /** The node labels at the other end (a union's members). */
  targets: readonly string[];
}

/** A node type's `@limit`: rows of a list of it without `limit`, and at most. */
interface RowLimit {
  default: number;
  max: number;
}

/**
 * What a request costs is priced from: every relationship field's fan-out (the rows one parent
 * row has under it, measured from the graph by `npm run bench:cost`, committed in fan-outs.json),
 * and every node type's `@limit`.
 */
export interface CostModel {
  relationships: ReadonlyMap<string, RelationshipField>;
  fanOuts: ReadonlyMap<string, number>;
  /** `Objective.partOfStrategy` -> `Strategy.objectives`: the same relationship from the other end. */
  reverse: ReadonlyMap<string, string>;
  /** By node type name. */
  rowLimits: ReadonlyMap<string, RowLimit>;
  /** By node type name: the nodes one partnership's scope holds (FanOutTable.candidates). */
  candidates: ReadonlyMap<string, number>;
  /**
   * By node type name: the nodes of the whole graph, read from the database as it grows
   * (node-counts.ts); what a root list's filter naming no partnership is checked against.
   * Absent when a document is priced without a database (tests, bench:cost).
   */
  nodesInGraph?: ReadonlyMap<string, number>;
  /**
   * By node type name: its shared nodes (graph-shape.ts), whose relationships are priced one by
   * one (`rowsUnder`). Absent when a document is priced without a database.
   */
  hubs?: ReadonlyMap<string, readonly Hub[]>;
}

/**
 * A shared node (a national agency, a county-wide body), read from the graph: at 300
 * partnerships a national agency sits on 300 boards, where the measured fan-outs (per row, from
 * the sample partnerships) say 2.5. Keys: a relationship's type and which end the hub is,
 * `MEMBER_OF>` (the hub's outgoing ones), `<LED_BY` (its incoming ones).
 */
export interface Hub {
  id: string;
  /** Its relationships of each key. */
  degrees: ReadonlyMap<string, number>;
  /** The most of them into any one partnership's nodes. */
  intoOnePartnership: ReadonlyMap<string, number>;
}

/** A relationship field's key in a hub's degrees, from its own end. */
export const hubKey = (relationship: RelationshipField): string =>
  relationship.direction === "OUT" ? `${relationship.type}>` : `<${relationship.type}`;

/** The same relationship's key from its other end: how a hub reached by it is linked back. */
const backKey = (relationship: RelationshipField): string =>
  relationship.direction === "OUT" ? `<${relationship.type}` : `${relationship.type}>`;

/**
 * Where a document's rows stand, for pricing what is asked under them: `count` rows of the type,
 * reached by a relationship asked under `above` rows; `scoped`: all of one partnership (and the
 * shared nodes it references), as under a root list that names one partnership, until a hub's
 * fan-out leads out of it.
 */
export interface Rows {
  count: number;
  above: number;
  scoped: boolean;
}

/**
 * Rows of the relationship list `field` under each of `at.count` rows of its type reached by `via`,
 * at most `wanted` under one: the measured fan-out (`fanOut`), and for every hub of the type
 * that may be among those rows its own degree in place of it. A hub is among them at most once
 * per row above that links to it by `via` (a root list, or a list that is no relationship, holds
 * it once), and under rows of one partnership at most as often as it links into one
 * partnership. `hubs`: whether any hub added rows (then they lead out of the partnership).
 */
export function rowsUnder(
  model: CostModel,
  field: string,
  via: string | undefined,
  wanted: number,
  at: Rows,
): { rows: number; hubs: boolean } {
  const base = Math.min(wanted, fanOut(model, field, via));
  const relationship = model.relationships.get(field);
  const hubs = relationship && model.hubs?.get(field.split(".")[0]!);
  if (!relationship || !hubs?.length) return { rows: base, hubs: false };
  const key = hubKey(relationship);
  const reached = via === undefined ? undefined : model.relationships.get(via);
  const back = reached && backKey(reached);
  // The hubs with most to add first: the rows are at most `at.count` hubs in all.
  const adds: { more: number; times: number }[] = [];
  for (const hub of hubs) {
    const more = Math.min(wanted, hub.degrees.get(key) ?? 0) - base;
    if (more <= 0) continue;
    const links =
      back === undefined ? 1 : ((at.scoped ? hub.intoOnePartnership : hub.degrees).get(back) ?? 0);
    adds.push({ more, times: back === undefined ? 1 : Math.min(at.above, links) });
  }
  adds.sort((a, b) => b.more - a.more);
  let extra = 0;
  let left = at.count;
  for (const { more, times } of adds) {
    if (left <= 0) break;
    const taken = Math.min(left, times);
    extra += more * taken;
    left -= taken;
  }
  return { rows: base + extra / Math.max(1, at.count), hubs: extra > 0 };
}

/** The fan-outs a cost model uses, as `npm run bench:cost` measured and wrote them. */
export interface FanOutTable {
  measuredAt: string;
  graph: string;
  /**
   * `Person.memberOf`: rows under one row (the size-biased mean degree);
   * `Body.members>Person.memberOf`: rows under one row that `Body.members` reached;
   * `Query.bodiesReportingTo`, `Objective.feedingActions` (lists that are no relationship): the
   * longest such list in the answers to the shipped documents.
   */
  fanOuts: Record<string, number>;
  /**
   * `Person`: the most nodes of the type one partnership holds, plus the shared ones (one
   * partnership's scope): the candidate rows the database checks a root list's `where` filter
   * against (query-cost.ts). Types without nodes count one.
   */
  candidates: Record<string, number>;
}

/** Joins the field a row was reached by and the field asked of it, in fan-out keys. */
export const FAN_OUT_AFTER = ">";

/**
 * Rows of the relationship list `field` under one row reached through `via` (a relationship
 * field, or none at the root): the pair's measured figure, else the field's own, else one row.
 */
export function fanOut(model: CostModel, field: string, via: string | undefined): number {
  return (
    (via === undefined ? undefined : model.fanOuts.get(`${via}${FAN_OUT_AFTER}${field}`)) ??
    model.fanOuts.get(field) ??
    1
  );
}

const directive = (node: { directives?: readonly DirectiveNode[] }, name: string) =>
  node.directives?.find((d) => d.name.value === name);

const argument = (node: DirectiveNode, name: string): ConstValueNode | undefined =>
  node.arguments?.find((a) => a.name.value === name)?.value as ConstValueNode | undefined;

const intArgument = (node: DirectiveNode, name: string): number | undefined => {
  const value = argument(node, name);
  return value?.kind === Kind.INT ? Number(value.value) : undefined;
};

const namedType = (type: TypeNode): string =>
  type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);

/** Every relationship field of every node type (both directions, unlike the domain model's outgoing ones). */
export function relationshipFields(typeDefs: string): RelationshipField[] {
  const document = parse(typeDefs);
  const unions = new Map<string, string[]>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.UNION_TYPE_DEFINITION)
      unions.set(
        definition.name.value,
        (definition.types ?? []).map((t) => t.name.value),
      );
  const fields: RelationshipField[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION || !directive(definition, "node")) continue;
    for (const field of definition.fields ?? []) {
      const relationship = directive(field, "relationship");
      if (!relationship) continue;
      const type = argument(relationship, "type");
      const direction = argument(relationship, "direction");
      const target = namedType(field.type);
      fields.push({
        field: `${definition.name.value}.${field.name.value}`,
        type: type?.kind === Kind.STRING ? type.value : "?",
        direction: direction?.kind === Kind.ENUM && direction.value === "IN" ? "IN" : "OUT",
        targets: unions.get(target) ?? [target],
      });
    }
  }
  return fields;
}

function rowLimits(typeDefs: string): Map<string, RowLimit> {
  const limits = new Map<string, RowLimit>();
  for (const definition of parse(typeDefs).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION || !directive(definition, "node")) continue;
    const limit = directive(definition, "limit");
    const max = (limit && intArgument(limit, "max")) ?? LIST_ROWS.max;
    limits.set(definition.name.value, { default: (limit && intArgument(limit, "default")) ?? max, max });
  }
  return limits;
}

/**
 * Lists that are no node type's relationship and that bench:cost did not measure: priced at their
 * `limit` argument, else at `default` rows (the @limit default of the node types).
 */
export const LIST_ROWS: RowLimit = { default: 100, max: 1000 };

/**
 * Lists the database reads as one stored value: a change's facts are one JSON property of its
 * node (src/history/read-history.ts parses it), however many they are.
 */
export const STORED_LISTS: ReadonlySet<string> = new Set(["Change.facts"]);

export function buildCostModel(typeDefs: string, table: FanOutTable = measured): CostModel {
  const fields = relationshipFields(typeDefs);
  const reverse = new Map<string, string>();
  for (const field of fields) {
    const owner = field.field.split(".")[0]!;
    const back = fields.find(
      (other) =>
        other.type === field.type &&
        other.direction !== field.direction &&
        field.targets.includes(other.field.split(".")[0]!) &&
        other.targets.includes(owner),
    );
    if (back) reverse.set(field.field, back.field);
  }
  return {
    relationships: new Map(fields.map((r) => [r.field, r])),
    reverse,
    fanOuts: new Map(Object.entries(table.fanOuts)),
    rowLimits: rowLimits(typeDefs),
    candidates: new Map(Object.entries(table.candidates)),
  };
}
