/**
 * The `partnershipId` of an entity several partnerships reference (national agencies, county-wide
 * boards and forums), instead of the id of the one partnership that owns it (docs/tenancy.md).
 */
export const SHARED = "shared";

export const PARTNERSHIP_PREFIX = "partnership:";

export const isPartnershipId = (value: unknown): value is string =>
  typeof value === "string" &&
  value.startsWith(PARTNERSHIP_PREFIX) &&
  value.length > PARTNERSHIP_PREFIX.length;

/** A node of `owner` may be referenced from a fact of `partnershipId`: its own, or a shared one. */
export const mayReference = (partnershipId: string, owner: string): boolean =>
  owner === partnershipId || owner === SHARED;
