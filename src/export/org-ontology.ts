import jsonld from "jsonld";
import { DataFactory, Store, Writer, type Quad, type Quad_Object } from "n3";
import type { Evidence, PartnershipStructure } from "./structure.ts";
import { DEFAULT_BASE_IRI, entityIri, humanise } from "./vocabulary.ts";

const { namedNode, literal, blankNode, quad } = DataFactory;

export const NAMESPACES = {
  org: "http://www.w3.org/ns/org#",
  foaf: "http://xmlns.com/foaf/0.1/",
  skos: "http://www.w3.org/2004/02/skos/core#",
  prov: "http://www.w3.org/ns/prov#",
  dcterms: "http://purl.org/dc/terms/",
  time: "http://www.w3.org/2006/time#",
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  rdfs: "http://www.w3.org/2000/01/rdf-schema#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
  /** This project's few terms where no standard one exists (a strategy's oversight, a locator). */
  gg: "urn:governance-graph:vocab:",
} as const;

type Prefix = keyof typeof NAMESPACES;
const term = (prefix: Prefix, local: string) => namedNode(`${NAMESPACES[prefix]}${local}`);
const a = term("rdf", "type");

export type RdfFormat = "turtle" | "jsonld";

/**
 * The structure as RDF in the W3C Organization Ontology: the partnership an org:FormalOrganization,
 * its bodies org:OrganizationalUnit (org:unitOf the partnership), accountability lines as
 * org:subOrganizationOf (and its inverse), update lines as org:reportsTo, memberships as
 * org:Membership with org:role and org:memberDuring, people as foaf:Person; strategies and
 * objectives as skos-labelled plans; every entity prov:wasDerivedFrom the papers it comes from,
 * with the locator on a qualified derivation.
 */
export function toOrgQuads(structure: PartnershipStructure, baseIri = DEFAULT_BASE_IRI): Quad[] {
  // A store, so a term declared at each use (a role, a kind) is one triple.
  const quads = new Store();
  const iri = (id: string) => namedNode(entityIri(baseIri, id));
  const add = (s: Quad["subject"], p: ReturnType<typeof namedNode>, o: Quad_Object): void =>
    void quads.addQuad(quad(s, p, o));
  const text = (
    s: Quad["subject"],
    p: ReturnType<typeof namedNode>,
    value: string | null | undefined,
  ): void => {
    if (value) add(s, p, literal(value));
  };
  const date = (value: string) => literal(value, term("xsd", "date"));
  const concept = (scheme: string, value: string) => {
    const node = iri(`vocab:${scheme}:${value.toLowerCase()}`);
    add(node, a, term("skos", "Concept"));
    add(node, term("skos", "prefLabel"), literal(humanise(value), "en"));
    add(node, term("skos", "notation"), literal(value));
    return node;
  };
  const names = (s: Quad["subject"], name: string, aliases: readonly string[]): void => {
    add(s, term("skos", "prefLabel"), literal(name, "en"));
    for (const alias of aliases) add(s, term("skos", "altLabel"), literal(alias, "en"));
  };
  const derived = (s: Quad["subject"], evidence: readonly Evidence[]): void => {
    for (const { document, locator } of evidence) {
      add(s, term("prov", "wasDerivedFrom"), iri(document));
      const derivation = blankNode();
      add(s, term("prov", "qualifiedDerivation"), derivation);
      add(derivation, a, term("prov", "Derivation"));
      add(derivation, term("prov", "entity"), iri(document));
      text(derivation, term("gg", "locator"), locator);
    }
  };
  const interval = (s: Quad["subject"], from: string | null, to: string | null): void => {
    if (!from && !to) return;
    const during = blankNode();
    add(s, term("org", "memberDuring"), during);
    add(during, a, term("time", "Interval"));
    for (const [edge, value] of [
      ["hasBeginning", from],
      ["hasEnd", to],
    ] as const) {
      if (!value) continue;
      const instant = blankNode();
      add(during, term("time", edge), instant);
      add(instant, a, term("time", "Instant"));
      add(instant, term("time", "inXSDDate"), date(value));
    }
  };

  const { partnership } = structure;
  const root = iri(partnership.id);
  add(root, a, term("org", "FormalOrganization"));
  names(root, partnership.name, partnership.aliases);
  text(root, term("dcterms", "spatial"), partnership.area);
  derived(root, partnership.evidence);

  for (const body of structure.bodies) {
    const node = iri(body.id);
    add(node, a, body.own ? term("org", "OrganizationalUnit") : term("org", "Organization"));
    if (body.own) add(node, term("org", "unitOf"), root);
    if (body.own) add(root, term("org", "hasUnit"), node);
    names(node, body.name, body.aliases);
    add(node, term("org", "classification"), concept("body-kind", body.kind));
    text(node, term("org", "purpose"), body.purpose);
    text(node, term("gg", "meetingFrequency"), body.frequency);
    text(node, term("skos", "note"), body.privateNote);
    derived(node, body.evidence);
  }
  for (const line of structure.lines) {
    if (line.kind === "ACCOUNTABLE_TO") {
      add(iri(line.from), term("org", "subOrganizationOf"), iri(line.to));
      add(iri(line.to), term("org", "hasSubOrganization"), iri(line.from));
    } else add(iri(line.from), term("org", "reportsTo"), iri(line.to));
  }
  for (const organisation of structure.organisations) {
    const node = iri(organisation.id);
    add(node, a, term("org", "FormalOrganization"));
    names(node, organisation.name, organisation.aliases);
    if (organisation.kind)
      add(node, term("org", "classification"), concept("organisation-kind", organisation.kind));
    derived(node, organisation.evidence);
  }
  for (const person of structure.people) {
    const node = iri(person.id);
    add(node, a, term("foaf", "Person"));
    add(node, term("foaf", "name"), literal(person.name));
    for (const alias of person.aliases) add(node, term("skos", "altLabel"), literal(alias));
    text(node, term("foaf", "title"), person.honorific);
    if (person.email) add(node, term("foaf", "mbox"), namedNode(`mailto:${person.email}`));
    if (person.phone) add(node, term("foaf", "phone"), namedNode(`tel:${person.phone.replace(/\s+/g, "")}`));
    derived(node, person.evidence);
  }
  const roles = new Map<string, ReturnType<typeof namedNode>>();
  const role = (value: string) => {
    let node = roles.get(value);
    if (!node) {
      node = iri(`vocab:role:${value.toLowerCase()}`);
      add(node, a, term("org", "Role"));
      add(node, term("skos", "prefLabel"), literal(humanise(value), "en"));
      add(node, term("skos", "notation"), literal(value));
      roles.set(value, node);
    }
    return node;
  };
  for (const fact of structure.memberships) {
    const membership = blankNode();
    add(membership, a, term("org", "Membership"));
    add(membership, term("org", "member"), iri(fact.member));
    add(membership, term("org", "organization"), iri(fact.body));
    add(membership, term("org", "role"), role(fact.role ?? "MEMBER"));
    text(membership, term("gg", "representing"), fact.representing);
    interval(membership, fact.validFrom, fact.validTo);
    if (fact.source) derived(membership, [{ document: fact.source, locator: fact.locator }]);
  }
  for (const fact of structure.employment) {
    const membership = blankNode();
    add(membership, a, term("org", "Membership"));
    add(membership, term("org", "member"), iri(fact.person));
    add(membership, term("org", "organization"), iri(fact.organisation));
    if (fact.title) {
      const title = blankNode();
      add(membership, term("org", "role"), title);
      add(title, a, term("org", "Role"));
      add(title, term("skos", "prefLabel"), literal(fact.title, "en"));
    }
    interval(membership, fact.validFrom, fact.validTo);
  }
  for (const strategy of structure.strategies) {
    const node = iri(strategy.id);
    add(node, a, term("prov", "Plan"));
    add(node, a, term("gg", "Strategy"));
    add(node, term("dcterms", "title"), literal(strategy.title, "en"));
    for (const alias of strategy.aliases) add(node, term("skos", "altLabel"), literal(alias, "en"));
    add(node, term("dcterms", "type"), concept("strategy-kind", strategy.kind));
    if (strategy.periodStart) add(node, term("gg", "periodStart"), date(strategy.periodStart));
    if (strategy.periodEnd) add(node, term("gg", "periodEnd"), date(strategy.periodEnd));
    for (const body of strategy.overseenBy) add(node, term("gg", "overseenBy"), iri(body));
    for (const older of strategy.supersedes) add(node, term("dcterms", "replaces"), iri(older));
    derived(node, strategy.evidence);
  }
  for (const objective of structure.objectives) {
    const node = iri(objective.id);
    add(node, a, term("gg", "Objective"));
    add(node, term("dcterms", "title"), literal(objective.title, "en"));
    text(node, term("skos", "notation"), objective.ref);
    add(node, term("dcterms", "type"), concept("objective-kind", objective.kind));
    for (const parent of objective.partOf) add(node, term("dcterms", "isPartOf"), iri(parent));
    derived(node, objective.evidence);
  }
  for (const document of structure.documents) {
    const node = iri(document.id);
    add(node, a, term("foaf", "Document"));
    add(node, a, term("prov", "Entity"));
    add(node, term("dcterms", "title"), literal(document.title, "en"));
    if (document.date) add(node, term("dcterms", "date"), date(document.date));
    if (document.url) add(node, term("foaf", "page"), namedNode(document.url));
    text(node, term("gg", "fileName"), document.fileName);
  }
  return quads.getQuads(null, null, null, null);
}

const write = (quads: Quad[], options: ConstructorParameters<typeof Writer>[0]): Promise<string> =>
  new Promise((resolve, reject) => {
    const writer = new Writer(options);
    writer.addQuads(quads);
    writer.end((error, result: string) => (error ? reject(error) : resolve(result)));
  });

/** Turtle with the prefixes above, or JSON-LD compacted against a context of the same prefixes. */
export async function serialiseOrg(quads: Quad[], format: RdfFormat): Promise<string> {
  if (format === "turtle") return write(quads, { prefixes: { ...NAMESPACES } });
  const nquads = await write(quads, { format: "N-Quads" });
  const expanded = await jsonld.fromRDF(nquads, { format: "application/n-quads" });
  const context: Record<string, string> = { ...NAMESPACES };
  const compacted = await jsonld.compact(expanded, context);
  return `${JSON.stringify(compacted, null, 2)}\n`;
}
