import type { Evidence, MembershipFact, PartnershipStructure } from "./structure.ts";
import { DEFAULT_BASE_IRI, documentLink, humanise } from "./vocabulary.ts";

/** Popolo JSON (https://www.popoloproject.com/specs/): the four collections a governance export uses. */
export interface PopoloExport {
  persons: Record<string, unknown>[];
  organizations: Record<string, unknown>[];
  memberships: Record<string, unknown>[];
  posts: Record<string, unknown>[];
}

/** Roles held as a post: one seat that exists whoever sits in it (a member's seat is not one). */
const POST_ROLES = new Set(["CHAIR", "VICE_CHAIR", "SECRETARIAT"]);

const otherNames = (aliases: readonly string[]): { other_names?: { name: string }[] } =>
  aliases.length ? { other_names: aliases.map((name) => ({ name })) } : {};

/** Omits null and undefined values: Popolo readers treat an absent key and null alike, and absent is smaller. */
const compact = (value: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined));

const postId = (body: string, role: string): string =>
  `post:${body.replace(/^body:/, "")}:${role.toLowerCase()}`;

/**
 * The structure as Popolo: persons; organizations for the partnership, its bodies (classified by
 * kind, `parent_id` along the line each is accountable to) and the agencies in them; memberships
 * with role, dates and `on_behalf_of_id` for the organisation a member represents; posts for the
 * chairs and secretariats. Every item's `sources` name the papers it comes from.
 */
export function toPopolo(structure: PartnershipStructure, baseIri = DEFAULT_BASE_IRI): PopoloExport {
  const documents = new Map(structure.documents.map((d) => [d.id, d]));
  const sources = (evidence: readonly Evidence[]): { sources?: Record<string, unknown>[] } => {
    const links = [...new Set(evidence.map((e) => e.document))].flatMap((id) => {
      const document = documents.get(id);
      return document
        ? [
            documentLink(
              baseIri,
              document,
              evidence.filter((e) => e.document === id),
            ),
          ]
        : [];
    });
    return links.length ? { sources: links } : {};
  };
  const parentOf = new Map<string, string>();
  for (const line of structure.lines)
    if (line.kind === "ACCOUNTABLE_TO" && !parentOf.has(line.from)) parentOf.set(line.from, line.to);

  const { partnership } = structure;
  const organizations: Record<string, unknown>[] = [
    compact({
      id: partnership.id,
      name: partnership.name,
      ...otherNames(partnership.aliases),
      classification: "partnership",
      description: partnership.area ? `Community safety partnership for ${partnership.area}` : null,
      ...sources(partnership.evidence),
    }),
    ...structure.bodies.map((body) =>
      compact({
        id: body.id,
        name: body.name,
        ...otherNames(body.aliases),
        classification: humanise(body.kind),
        // A body with no line up belongs to the partnership itself.
        parent_id: parentOf.get(body.id) ?? (body.own ? partnership.id : null),
        description: body.purpose,
        founding_date: body.validFrom,
        dissolution_date: body.validTo,
        ...sources(body.evidence),
      }),
    ),
    ...structure.organisations.map((organisation) =>
      compact({
        id: organisation.id,
        name: organisation.name,
        ...otherNames(organisation.aliases),
        classification: organisation.kind ? humanise(organisation.kind) : "organisation",
        ...sources(organisation.evidence),
      }),
    ),
  ];

  const organisations = structure.organisations;
  const representedBy = (fact: MembershipFact): string | undefined => {
    if (!fact.representing) return undefined;
    const wanted = fact.representing.trim().toLowerCase();
    return organisations.find((o) => [o.name, ...o.aliases].some((name) => name.toLowerCase() === wanted))
      ?.id;
  };
  const bodies = new Map(structure.bodies.map((b) => [b.id, b]));
  const posts = new Map<string, Record<string, unknown>>();
  const ids = new Map<string, number>();
  // Stable across exports (readers diff them); a repeat of the same facts gets a counter.
  const stableId = (...parts: (string | null)[]): string => {
    const id = parts.filter(Boolean).join(":");
    const seen = ids.get(id) ?? 0;
    ids.set(id, seen + 1);
    return seen ? `${id}:${seen + 1}` : id;
  };
  const memberships = structure.memberships.map((fact) => {
    const person = fact.memberLabel === "Person";
    const role = fact.role ?? "MEMBER";
    let post: string | undefined;
    if (person && POST_ROLES.has(role)) {
      post = postId(fact.body, role);
      if (!posts.has(post))
        posts.set(
          post,
          compact({
            id: post,
            label: `${humanise(role)}, ${bodies.get(fact.body)?.name ?? fact.body}`,
            role: humanise(role),
            organization_id: fact.body,
          }),
        );
    }
    const onBehalfOf = person ? representedBy(fact) : undefined;
    return compact({
      id: stableId("membership", fact.member, fact.body, role.toLowerCase(), fact.validFrom),
      label: fact.representing ? `Representing ${fact.representing}` : null,
      role: humanise(role),
      ...(person ? { person_id: fact.member } : { member: { "@type": "Organization", id: fact.member } }),
      organization_id: fact.body,
      post_id: post,
      on_behalf_of_id: onBehalfOf,
      start_date: fact.validFrom,
      end_date: fact.validTo,
      ...sources(fact.source ? [{ document: fact.source, locator: fact.locator }] : []),
    });
  });
  const employment = structure.employment.map((fact) =>
    compact({
      id: stableId("employment", fact.person, fact.organisation, fact.validFrom),
      role: fact.title,
      person_id: fact.person,
      organization_id: fact.organisation,
      start_date: fact.validFrom,
      end_date: fact.validTo,
    }),
  );

  const persons = structure.people.map((person) =>
    compact({
      id: person.id,
      name: person.name,
      ...otherNames(person.aliases),
      honorific_prefix: person.honorific,
      email: person.email,
      contact_details: [
        ...(person.email ? [{ type: "email", value: person.email }] : []),
        ...(person.phone ? [{ type: "voice", value: person.phone }] : []),
      ],
      ...sources(person.evidence),
    }),
  );
  // contact_details: [] says nothing; leave the key out rather than publish an empty list.
  for (const person of persons)
    if ((person.contact_details as unknown[]).length === 0) delete person.contact_details;

  return { persons, organizations, memberships: [...memberships, ...employment], posts: [...posts.values()] };
}
