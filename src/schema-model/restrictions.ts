import { Kind, parse, type DirectiveNode, type FieldDefinitionNode, type TypeNode } from "graphql";
import { readTypeDefs } from "./read-type-defs.ts";

/** The directives of schema/restricted.graphql. */
export const RESTRICTION_DIRECTIVES = ["restricted", "restrictsNode", "inheritsRestriction"] as const;

/** A relationship through which a node inherits the restriction of the nodes it leads to. */
export interface InheritedRestriction {
  /** The GraphQL field, e.g. Decision.madeAt. */
  field: string;
  /** The relationship type and direction, e.g. MADE_AT, OUT. */
  type: string;
  direction: "IN" | "OUT";
  /** The label it leads to, which must restrict its own nodes (`@restrictsNode`). */
  target: string;
}

export interface Restrictions {
  /** Restricted fields by label: Person -> [email, phone, updatedBy]. */
  fields: ReadonlyMap<string, readonly string[]>;
  /** Labels whose nodes restrict themselves, and the Boolean field that says so: AgendaItem -> restricted. */
  flags: ReadonlyMap<string, string>;
  /** Labels whose nodes inherit the restriction of the nodes they lead to: Decision -> madeAt. */
  inherited: ReadonlyMap<string, readonly InheritedRestriction[]>;
}

const has = (field: FieldDefinitionNode, name: string): boolean =>
  field.directives?.some((d) => d.name.value === name) ?? false;

const namedType = (type: TypeNode): string =>
  type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);

function stringArgument(directive: DirectiveNode | undefined, name: string): string | undefined {
  const value = directive?.arguments?.find((a) => a.name.value === name)?.value;
  return value?.kind === Kind.STRING || value?.kind === Kind.ENUM ? value.value : undefined;
}

/**
 * Reads the restriction marks of the SDL. A mark that cannot work is an error naming the type and
 * field (a flag that is not Boolean, an inherited restriction towards a label that restricts nothing).
 * @example restrictionsOf(readTypeDefs()).fields.get("Person") // ["email", "phone", "updatedBy"]
 */
export function restrictionsOf(typeDefs: string): Restrictions {
  const fields = new Map<string, string[]>();
  const flags = new Map<string, string>();
  const inherited = new Map<string, InheritedRestriction[]>();
  const document = parse(typeDefs);
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const label = definition.name.value;
    for (const field of definition.fields ?? []) {
      const where = `${label}.${field.name.value}`;
      if (has(field, "restricted")) fields.set(label, [...(fields.get(label) ?? []), field.name.value]);
      if (has(field, "restrictsNode")) {
        if (namedType(field.type) !== "Boolean")
          throw new Error(`${where}: @restrictsNode needs a Boolean field, found ${namedType(field.type)}.`);
        flags.set(label, field.name.value);
      }
      if (has(field, "inheritsRestriction")) {
        const relationship = field.directives?.find((d) => d.name.value === "relationship");
        const type = stringArgument(relationship, "type");
        const direction = stringArgument(relationship, "direction");
        if (!type || (direction !== "IN" && direction !== "OUT"))
          throw new Error(`${where}: @inheritsRestriction needs a @relationship field.`);
        const entry = { field: field.name.value, type, direction, target: namedType(field.type) } as const;
        inherited.set(label, [...(inherited.get(label) ?? []), entry]);
      }
    }
  }
  for (const [label, entries] of inherited)
    for (const entry of entries)
      if (!flags.has(entry.target))
        throw new Error(
          `${label}.${entry.field}: @inheritsRestriction leads to ${entry.target}, which has no @restrictsNode field; mark one, or remove the mark.`,
        );
  return { fields, flags, inherited };
}

let cached: Restrictions | undefined;

/** The restrictions of schema/*.graphql, read once. */
export function restrictions(): Restrictions {
  cached ??= restrictionsOf(readTypeDefs());
  return cached;
}

/** Every restricted field name, on any label (a request check cannot always tell the type). */
export function restrictedFieldNames(model: Restrictions = restrictions()): Set<string> {
  return new Set([...model.fields.values()].flat());
}

/** Labels whose nodes may be restricted, by their own flag or by inheritance. */
export function restrictableLabels(model: Restrictions = restrictions()): Set<string> {
  return new Set([...model.flags.keys(), ...model.inherited.keys()]);
}
