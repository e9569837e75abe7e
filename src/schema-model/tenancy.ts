/**
 * The `partnershipId` of an entity several partnerships reference (national agencies, county-wide
 * boards and forums), instead of the id of the one partnership that owns it (docs/tenancy.md).
 */
export const SHARED = "shared";
