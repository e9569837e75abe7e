/**
 * A partnership's published structure, as read from the graph for one audience: the plain shape
 * every open-data format (Popolo, W3C ORG) is written from, so each format is a pure function.
 */

/** Where a fact comes from: a paper and the place in it. */
export interface Evidence {
  document: string;
  locator: string | null;
}

interface Entity {
  id: string;
  /** The owner: a partnership id, or `shared`. */
  partnershipId: string;
  evidence: Evidence[];
}

export interface PartnershipEntity extends Entity {
  name: string;
  aliases: string[];
  area: string | null;
}

export interface BodyEntity extends Entity {
  name: string;
  aliases: string[];
  kind: string;
  frequency: string | null;
  purpose: string | null;
  validFrom: string | null;
  validTo: string | null;
  /** Only for callers who may see it. */
  privateNote: string | null;
  /** False for a body of another partnership (or shared) that one of this partnership's bodies reports to. */
  own: boolean;
}

export interface OrganisationEntity extends Entity {
  name: string;
  aliases: string[];
  kind: string | null;
}

export interface PersonEntity extends Entity {
  name: string;
  aliases: string[];
  honorific: string | null;
  /** Contact details: only for officers of the person's partnership. */
  email: string | null;
  phone: string | null;
}

export interface MembershipFact {
  /** A person or an organisation. */
  member: string;
  memberLabel: "Person" | "Organisation";
  /** A body of the partnership, or the partnership itself (its own chair and member agencies). */
  body: string;
  /** MemberRole for people (CHAIR, MEMBER...), AgencyMembershipKind for organisations (STATUTORY...). */
  role: string | null;
  /** The organisation or interest represented, as written. */
  representing: string | null;
  validFrom: string | null;
  validTo: string | null;
  source: string | null;
  locator: string | null;
}

export interface EmploymentFact {
  person: string;
  organisation: string;
  title: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export interface LineFact {
  from: string;
  to: string;
  kind: "ACCOUNTABLE_TO" | "PROVIDES_UPDATES_TO";
  frequency: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export interface StrategyEntity extends Entity {
  title: string;
  aliases: string[];
  kind: string;
  status: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  overseenBy: string[];
  supersedes: string[];
}

export interface ObjectiveEntity extends Entity {
  ref: string | null;
  title: string;
  kind: string;
  /** Strategies or objectives this one is part of. */
  partOf: string[];
}

export interface DocumentEntity {
  id: string;
  title: string;
  date: string | null;
  kind: string | null;
  fileName: string | null;
  url: string | null;
}

export interface PartnershipStructure {
  partnership: PartnershipEntity;
  /** The date the structure is as at; null for everything on record with its dates. */
  asOf: string | null;
  bodies: BodyEntity[];
  organisations: OrganisationEntity[];
  people: PersonEntity[];
  memberships: MembershipFact[];
  employment: EmploymentFact[];
  lines: LineFact[];
  strategies: StrategyEntity[];
  objectives: ObjectiveEntity[];
  documents: DocumentEntity[];
}
