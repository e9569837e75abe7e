import { Kind, parse, print, visit, type DirectiveNode, type FieldDefinitionNode } from "graphql";
import { inheritedRestriction } from "../traversals/index.ts";
import {
  RESTRICTION_DIRECTIVES,
  restrictionsOf,
  type DomainModel,
  type Restrictions,
} from "../schema-model/index.ts";
import { OFFICER_ROLES } from "./viewer.ts";

/**
 * Who may do what, as @neo4j/graphql @authentication/@authorization rules, written once here and
 * derived from the restriction marks of the SDL (schema/restricted.graphql):
 *
 * - Anyone reads the public structure.
 * - Restricted nodes (a Part 2 agenda item; a decision taken at one) are filtered out unless the
 *   caller is an officer (officer, editor or admin) of the node's partnership: they vanish from
 *   lists, nested fields, connections, counts and aggregates alike.
 * - Restricted fields (@restricted: contact details, private notes, audit fields) are validated:
 *   asking for them without being an officer of the node's partnership is an error (see also
 *   restricted-fields.ts, which refuses them, in filters and sorts too, before any database work).
 * - Writes need an authenticated editor of the node's partnership, or an admin.
 */

const ofPartnership = `{ node: { partnershipId: { in: "$jwt.partnerships" } } }`;
const hasRole = (role: string): string => `{ jwt: { roles: { includes: "${role}" } } }`;
const ADMIN = hasRole("admin");
/** The roles below admin that read restricted data of their own partnership (the traversals' viewerOf reads the same list). */
const OFFICER_OF_PARTNERSHIP = `{ OR: [${OFFICER_ROLES.filter((role) => role !== "admin")
  .map(hasRole)
  .join(", ")}] }`;
/** An officer-level caller of the node's own partnership, or an admin. */
export const OFFICER_OF_NODE = `{ OR: [${ADMIN}, { AND: [${OFFICER_OF_PARTNERSHIP}, ${ofPartnership}] }] }`;
const EDITOR_OF_NODE = `{ OR: [${ADMIN}, { AND: [${hasRole("editor")}, ${ofPartnership}] }] }`;
const WRITES = "[CREATE, UPDATE, DELETE, CREATE_RELATIONSHIP, DELETE_RELATIONSHIP]";

/** The @authorization directive every restricted field gets, as an AST node (parsed, never spliced). */
const RESTRICTED_FIELD_RULE: DirectiveNode = (() => {
  const document = parse(`type T { f: String @authorization(validate: [{ where: ${OFFICER_OF_NODE} }]) }`);
  const type = document.definitions[0];
  const directive =
    type?.kind === Kind.OBJECT_TYPE_DEFINITION ? type.fields?.[0]?.directives?.[0] : undefined;
  if (!directive) throw new Error("RESTRICTED_FIELD_RULE did not parse");
  return directive;
})();

const OURS = new Set<string>(RESTRICTION_DIRECTIVES);

const directiveNode = (sdl: string): DirectiveNode => {
  const type = parse(`type T { f: String ${sdl} }`).definitions[0];
  const directive =
    type?.kind === Kind.OBJECT_TYPE_DEFINITION ? type.fields?.[0]?.directives?.[0] : undefined;
  if (!directive) throw new Error(`${sdl} did not parse`);
  return directive;
};

/**
 * What a write may set, for every node type: an id and its partnership only when the node is
 * created (a rename or a move to another partnership is a new node), audit fields never (the
 * library and the token set them).
 */
const SETTABLE: Record<string, DirectiveNode> = {
  id: directiveNode("@settable(onCreate: true, onUpdate: false)"),
  partnershipId: directiveNode("@settable(onCreate: true, onUpdate: false)"),
  createdAt: directiveNode("@settable(onCreate: false, onUpdate: false)"),
  updatedAt: directiveNode("@settable(onCreate: false, onUpdate: false)"),
  updatedBy: directiveNode("@settable(onCreate: false, onUpdate: false)"),
};

/**
 * The field each label with @inheritsRestriction gets: whether a node it leads to is restricted,
 * computed in Cypher by the traversals' own rule (inheritedRestriction). The node filter reads it:
 * @neo4j/graphql 7.6 translates `none` in a rule's relationship filter as if it were `some`
 * (`madeAt: { none: { restricted: { eq: true } } }` showed exactly the decisions it should hide).
 */
export const INHERITED_FIELD = "inheritedRestriction";

function inheritedField(label: string): FieldDefinitionNode {
  const sdl = `type T {
    "True when this ${label} is restricted through a node it leads to (a decision taken at a restricted item)."
    ${INHERITED_FIELD}: Boolean! @cypher(statement: ${JSON.stringify(`RETURN ${inheritedRestriction("this", label)} AS restricted`)}, columnName: "restricted")
  }`;
  const type = parse(sdl).definitions[0];
  const field = type?.kind === Kind.OBJECT_TYPE_DEFINITION ? type.fields?.[0] : undefined;
  if (!field) throw new Error("inheritedField did not parse");
  return field;
}

/** The `where` of the public half of a node filter: the node's own flag is false, and no node it inherits from is restricted. */
function publicNodeWhere(label: string, restrictions: Restrictions): string | undefined {
  const conditions: string[] = [];
  const flag = restrictions.flags.get(label);
  if (flag) conditions.push(`{ ${flag}: { eq: false } }`);
  if (restrictions.inherited.has(label)) conditions.push(`{ ${INHERITED_FIELD}: { eq: false } }`);
  return conditions.length ? `{ node: { AND: [${conditions.join(", ")}] } }` : undefined;
}

/** `extend type` definitions for every node label of the model. */
export function authorizationTypeDefs(model: DomainModel, restrictions: Restrictions): string {
  return [...model.labels.keys()]
    .map((label) => {
      const publicWhere = publicNodeWhere(label, restrictions);
      // Rules imply authentication unless told otherwise: the public rule must say it is public.
      const filter = publicWhere
        ? `filter: [{ requireAuthentication: false, where: ${publicWhere} }, { where: ${OFFICER_OF_NODE} }], `
        : "";
      return `extend type ${label} @authentication(operations: ${WRITES}) @authorization(${filter}validate: [{ operations: ${WRITES}, when: [BEFORE, AFTER], where: ${EDITOR_OF_NODE} }])`;
    })
    .join("\n");
}

/**
 * The type definitions @neo4j/graphql receives: each @restricted field carries the officer rule,
 * our own marks and their definitions are removed (the library knows none of them), and every
 * label gets its rules from authorizationTypeDefs.
 */
export function authorizedTypeDefs(typeDefs: string, model: DomainModel): string {
  const restrictions = restrictionsOf(typeDefs);
  const marked = visit(parse(typeDefs), {
    ObjectTypeDefinition: {
      leave: (node) => {
        if (!node.directives?.some((d) => d.name.value === "node")) return undefined;
        const fields = (node.fields ?? []).map((field) => {
          const rule = SETTABLE[field.name.value];
          return rule ? { ...field, directives: [...(field.directives ?? []), rule] } : field;
        });
        if (restrictions.inherited.has(node.name.value)) fields.push(inheritedField(node.name.value));
        return { ...node, fields };
      },
    },
    DirectiveDefinition: (node) => (OURS.has(node.name.value) ? null : undefined),
    FieldDefinition: (node) => {
      const names = new Set(node.directives?.map((d) => d.name.value));
      if (![...OURS].some((name) => names.has(name))) return undefined;
      const kept = (node.directives ?? []).filter((d) => !OURS.has(d.name.value));
      return { ...node, directives: names.has("restricted") ? [...kept, RESTRICTED_FIELD_RULE] : kept };
    },
  });
  return `${print(marked)}\n${authorizationTypeDefs(model, restrictions)}`;
}
