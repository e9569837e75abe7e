import type { DomainModel } from "../schema-model/index.js";

/**
 * Who may do what, as @neo4j/graphql @authentication/@authorization rules, written once here and
 * applied to every node type as `extend type` (the SDL has no way to share a rule).
 *
 * - Anyone reads the public structure.
 * - Restricted agenda items (Part 2 exempt business) are filtered out unless the caller is an
 *   officer (officer, editor or admin) of the item's partnership: they vanish from lists,
 *   nested fields, connections, counts and aggregates alike.
 * - Restricted fields (contact details, private notes) are validated: asking for them without
 *   being an officer of the node's partnership is an error (see also restricted-fields-rule.ts,
 *   which refuses them, in filters and sorts too, before any database work).
 * - Writes need an authenticated editor of the node's partnership, or an admin.
 */

export const RESTRICTED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Person: ["email", "phone"],
  Body: ["privateNote"],
  Action: ["privateNote"],
  Meeting: ["privateNote"],
};

const ofPartnership = `{ node: { partnershipId: { in: "$jwt.partnerships" } } }`;
const hasRole = (role: string): string => `{ jwt: { roles: { includes: "${role}" } } }`;
const ADMIN = hasRole("admin");
/** An officer-level caller of the node's own partnership, or an admin. */
export const OFFICER_OF_NODE = `{ OR: [${ADMIN}, { AND: [{ OR: [${hasRole("officer")}, ${hasRole("editor")}] }, ${ofPartnership}] }] }`;
const EDITOR_OF_NODE = `{ OR: [${ADMIN}, { AND: [${hasRole("editor")}, ${ofPartnership}] }] }`;
const WRITES = "[CREATE, UPDATE, DELETE, CREATE_RELATIONSHIP, DELETE_RELATIONSHIP]";

/** `extend type` definitions for every node label of the model. */
export function authorizationTypeDefs(model: DomainModel): string {
  return [...model.labels.keys()]
    .map((label) => {
      // Rules imply authentication unless told otherwise: the public rule must say it is public.
      const filter =
        label === "AgendaItem"
          ? `filter: [{ requireAuthentication: false, where: { node: { restricted: { eq: false } } } }, { where: ${OFFICER_OF_NODE} }], `
          : "";
      return `extend type ${label} @authentication(operations: ${WRITES}) @authorization(${filter}validate: [{ operations: ${WRITES}, when: [BEFORE, AFTER], where: ${EDITOR_OF_NODE} }])`;
    })
    .join("\n");
}
