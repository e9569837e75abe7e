import type { PersonReportQuery } from "../../../generated/documents.ts";
import { actionRow, byPlanOrder, type ActionRow } from "./actions.ts";
import { isValidAt } from "../../traversals/validity.ts";
import { naturalCompare } from "../../text/index.ts";
import { FindingIndex, type Finding, type Flag } from "./findings.ts";
import { leadersAt, personName } from "./leaders.ts";
import type { ReportContext } from "./report-context.ts";
import { notFound } from "./subject.ts";

/** One line of the responsibilities traversal: a role held on something, valid on the report date. */
export interface Responsibility {
  role: string;
  relationship: string;
  subject: { id: string; label: string; name: string };
  representing: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export interface LedAction extends ActionRow {
  role: string;
  /** True when no one else leads it: it is left without a lead if this person goes. */
  soleLead: boolean;
  /** The objectives it feeds, with their strategy: "Priority 3 (Safer Communities Strategy 2011-14)". */
  feeds: string[];
}

export interface LedObjective {
  id: string;
  ref: string | null;
  title: string;
  kind: string;
  role: string;
  strategy: string | null;
  soleLead: boolean;
  flags: Flag[];
}

export interface PersonReport {
  type: "person";
  context: ReportContext;
  person: {
    id: string;
    name: string;
    aliases: string[];
    worksFor: { name: string; title: string | null }[];
    flags: Flag[];
  };
  /** Bodies chaired or vice-chaired. */
  chairs: Responsibility[];
  /** Other memberships: member, adviser, secretariat. */
  memberships: Responsibility[];
  /** Everything led, as the responsibilities traversal lists it. */
  leads: Responsibility[];
  objectives: LedObjective[];
  actions: LedAction[];
  findings: Finding[];
}

type Employment = PersonReportQuery["people"][number]["worksForConnection"]["edges"][number];

/** One line per organisation: the title recorded last on or before the report date (papers repeat a post). */
function latestPerOrganisation(edges: readonly Employment[]): { name: string; title: string | null }[] {
  const latest = new Map<string, Employment>();
  for (const edge of edges) {
    const known = latest.get(edge.node.id);
    if (!known || (edge.properties.validFrom ?? "") > (known.properties.validFrom ?? ""))
      latest.set(edge.node.id, edge);
  }
  return [...latest.values()].map((e) => ({ name: e.node.name, title: e.properties.title }));
}

/**
 * The person report's model from the PersonReport query's response: pure, no I/O.
 * @example const report = buildPersonReport(data, context, "person:manju-likhman");
 */
export function buildPersonReport(
  data: PersonReportQuery,
  context: ReportContext,
  personId: string,
): PersonReport {
  const person = data.people[0];
  if (!person) throw notFound("person", personId);
  const asOf = context.asOf;
  const findings = new FindingIndex(data.governanceHealth);
  const responsibilities: Responsibility[] = data.responsibilities.map((r) => ({
    role: r.role,
    relationship: r.relationship,
    subject: r.subject,
    representing: r.representing ?? null,
    validFrom: r.validFrom ?? null,
    validTo: r.validTo ?? null,
  }));
  const isChair = (r: Responsibility): boolean =>
    r.relationship === "MEMBER_OF" && (r.role === "CHAIR" || r.role === "VICE_CHAIR");

  const actions: LedAction[] = person.ledActionsConnection.edges
    .filter((edge) => isValidAt(edge.properties, asOf))
    .map(({ properties, node }) => ({
      ...actionRow(node, asOf, findings),
      role: properties.role,
      soleLead: leadersAt(node.leadsConnection, asOf).every((leader) => leader.id === person.id),
      feeds: node.contributesTo.map((o) => {
        const strategy = o.partOfStrategy[0]?.title ?? o.partOfObjective[0]?.title;
        return `${o.ref ?? o.title}${strategy ? ` (${strategy})` : ""}`;
      }),
    }))
    .sort((a, b) => naturalCompare(a.feeds[0], b.feeds[0]) || byPlanOrder(a, b));

  const objectives: LedObjective[] = person.ledObjectivesConnection.edges
    .filter((edge) => isValidAt(edge.properties, asOf))
    .map(({ properties, node }) => ({
      id: node.id,
      ref: node.ref,
      title: node.title,
      kind: node.kind,
      role: properties.role,
      strategy: node.partOfStrategy[0]?.title ?? null,
      soleLead: leadersAt(node.leadsConnection, asOf)
        .filter((l) => l.role === properties.role)
        .every((l) => l.id === person.id),
      flags: findings.flags(node.id),
    }))
    .sort(
      (a, b) =>
        naturalCompare(a.strategy, b.strategy) ||
        naturalCompare(a.ref, b.ref) ||
        a.role.localeCompare(b.role),
    );

  return {
    type: "person",
    context,
    person: {
      id: person.id,
      name: personName(person),
      aliases: [...(person.aliases ?? [])],
      worksFor: latestPerOrganisation(
        person.worksForConnection.edges.filter((e) => isValidAt(e.properties, asOf)),
      ),
      flags: findings.flags(person.id),
    },
    chairs: responsibilities.filter(isChair),
    memberships: responsibilities.filter((r) => r.relationship === "MEMBER_OF" && !isChair(r)),
    leads: responsibilities.filter((r) => r.relationship === "LED_BY"),
    objectives,
    actions,
    findings: findings.about([person.id, ...actions.map((a) => a.id), ...objectives.map((o) => o.id)]),
  };
}
