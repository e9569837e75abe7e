export { readTypeDefs } from "./read-type-defs.ts";
export {
  buildDomainModel,
  SYSTEM_FIELDS,
  type DomainModel,
  type LabelModel,
  type PropertyModel,
  type RelationshipModel,
} from "./domain-model.ts";
export { SHARED, PARTNERSHIP_PREFIX, isPartnershipId, mayReference } from "./tenancy.ts";
export { ID_PREFIX, ID_PATTERN, LABELS, idProblem } from "./ids.ts";
export {
  restrictableLabels,
  restrictedFieldNames,
  restrictions,
  restrictionsOf,
  RESTRICTION_DIRECTIVES,
  type InheritedRestriction,
  type Restrictions,
} from "./restrictions.ts";
export { markedSearchLabels, SEARCH_MARKER_LABELS, SEARCH_MARKERS } from "./search-markers.ts";
