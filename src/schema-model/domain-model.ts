import {
  Kind,
  parse,
  type ConstValueNode,
  type DirectiveNode,
  type FieldDefinitionNode,
  type ObjectTypeDefinitionNode,
  type TypeNode,
} from "graphql";

/** A scalar or enum property of a node or relationship, as declared in the SDL. */
export interface PropertyModel {
  name: string;
  /** GraphQL type name: String, Int, Float, Boolean, ID, Date, DateTime, or an enum's name. */
  type: string;
  list: boolean;
  required: boolean;
  /** Set when `type` is an enum. */
  enumValues?: readonly string[];
}

/** An outgoing relationship field: what a seed entry or a traversal may follow from this label. */
export interface RelationshipModel {
  type: string;
  field: string;
  targets: readonly string[];
  properties: ReadonlyMap<string, PropertyModel>;
}

export interface LabelModel {
  label: string;
  /** Properties a seed or an editor may set (excludes id, partnershipId and audit fields). */
  properties: ReadonlyMap<string, PropertyModel>;
  relationships: ReadonlyMap<string, RelationshipModel>;
  fulltext: readonly { indexName: string; fields: readonly string[] }[];
}

export interface DomainModel {
  labels: ReadonlyMap<string, LabelModel>;
}

/** Fields every node has that the loader or the library sets, never a seed file. */
export const SYSTEM_FIELDS = new Set(["id", "partnershipId", "createdAt", "updatedAt", "updatedBy"]);

const directive = (
  node: { directives?: readonly DirectiveNode[] },
  name: string,
): DirectiveNode | undefined => node.directives?.find((d) => d.name.value === name);

function constValue(node: ConstValueNode): unknown {
  switch (node.kind) {
    case Kind.STRING:
    case Kind.ENUM:
      return node.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.BOOLEAN:
      return node.value;
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return node.values.map(constValue);
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, constValue(f.value)]));
  }
}

const argument = (d: DirectiveNode, name: string): unknown => {
  const arg = d.arguments?.find((a) => a.name.value === name);
  return arg ? constValue(arg.value as ConstValueNode) : undefined;
};

function unwrap(type: TypeNode): { name: string; list: boolean; required: boolean } {
  const required = type.kind === Kind.NON_NULL_TYPE;
  const inner = type.kind === Kind.NON_NULL_TYPE ? type.type : type;
  if (inner.kind === Kind.LIST_TYPE) {
    const element = inner.type.kind === Kind.NON_NULL_TYPE ? inner.type.type : inner.type;
    return { name: element.kind === Kind.NAMED_TYPE ? element.name.value : "?", list: true, required };
  }
  return { name: inner.kind === Kind.NAMED_TYPE ? inner.name.value : "?", list: false, required };
}

/**
 * Reads the domain model (node labels, their properties and outgoing relationships) from the
 * @neo4j/graphql type definitions, so seeds, setup and traversals never restate it.
 */
export function buildDomainModel(typeDefs: string): DomainModel {
  const document = parse(typeDefs);
  const enums = new Map<string, string[]>();
  const unions = new Map<string, string[]>();
  const objects = new Map<string, ObjectTypeDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION)
      enums.set(
        definition.name.value,
        (definition.values ?? []).map((v) => v.name.value),
      );
    if (definition.kind === Kind.UNION_TYPE_DEFINITION)
      unions.set(
        definition.name.value,
        (definition.types ?? []).map((t) => t.name.value),
      );
    if (definition.kind === Kind.OBJECT_TYPE_DEFINITION) objects.set(definition.name.value, definition);
  }

  const propertyOf = (field: FieldDefinitionNode): PropertyModel => {
    const { name, list, required } = unwrap(field.type);
    const enumValues = enums.get(name);
    return { name: field.name.value, type: name, list, required, ...(enumValues ? { enumValues } : {}) };
  };
  const propertiesOfType = (typeName: string): Map<string, PropertyModel> =>
    new Map((objects.get(typeName)?.fields ?? []).map((f) => [f.name.value, propertyOf(f)]));

  const labels = new Map<string, LabelModel>();
  for (const [label, node] of objects) {
    if (!directive(node, "node")) continue;
    const properties = new Map<string, PropertyModel>();
    const relationships = new Map<string, RelationshipModel>();
    for (const field of node.fields ?? []) {
      const relationship = directive(field, "relationship");
      if (relationship) {
        if (argument(relationship, "direction") !== "OUT") continue;
        const type = String(argument(relationship, "type"));
        const target = unwrap(field.type).name;
        const existing = relationships.get(type);
        const targets = [...(existing?.targets ?? []), ...(unions.get(target) ?? [target])];
        const propertiesType = argument(relationship, "properties");
        relationships.set(type, {
          type,
          field: existing ? `${existing.field}|${field.name.value}` : field.name.value,
          targets,
          properties: typeof propertiesType === "string" ? propertiesOfType(propertiesType) : new Map(),
        });
        continue;
      }
      if (
        SYSTEM_FIELDS.has(field.name.value) ||
        directive(field, "cypher") ||
        directive(field, "customResolver")
      )
        continue;
      properties.set(field.name.value, propertyOf(field));
    }
    const fulltextDirective = directive(node, "fulltext");
    const fulltext = fulltextDirective
      ? (argument(fulltextDirective, "indexes") as { indexName: string; fields: string[] }[])
      : [];
    labels.set(label, { label, properties, relationships, fulltext });
  }
  return { labels };
}
