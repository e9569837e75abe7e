export { readTypeDefs } from "./read-type-defs.js";
export {
  buildDomainModel,
  SYSTEM_FIELDS,
  type DomainModel,
  type LabelModel,
  type PropertyModel,
  type RelationshipModel,
} from "./domain-model.js";
export { SHARED, PARTNERSHIP_PREFIX, isPartnershipId, mayReference } from "./tenancy.js";
export { ID_PREFIX, ID_PATTERN, LABELS, idProblem } from "./ids.js";
export {
  restrictableLabels,
  restrictedFieldNames,
  restrictions,
  restrictionsOf,
  RESTRICTION_DIRECTIVES,
  type InheritedRestriction,
  type Restrictions,
} from "./restrictions.js";
export { markedSearchLabels, SEARCH_MARKER_LABELS, SEARCH_MARKERS } from "./search-markers.js";
