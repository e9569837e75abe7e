import type {
  ViewerBodyQuery,
  ViewerContactsQuery,
  ViewerHealthQuery,
} from "../../../../generated/documents.ts";
import { h, type Child } from "../dom.ts";
import { kindStyle } from "../model/body-kinds.ts";
import { membersAt } from "../../../traversals/members.ts";
import { isValidAt } from "../../../traversals/validity.ts";
import { naturalCompare } from "../../../text/natural-compare.ts";
import { agendaList } from "./agenda.ts";
import { actionText, linkTo, roleText, severityBadge, type Navigate } from "./navigate.ts";

type Body = ViewerBodyQuery["bodies"][number];
type Finding = ViewerHealthQuery["governanceHealth"][number];

interface Member {
  id: string;
  name: string;
  role: string;
  representing: string | null;
  organisations: string[];
}

/** The body's members at `asOf` by the one rule of src/traversals/members.ts, as the panel lists them. */
function bodyMembers(body: Body, asOf: string): Member[] {
  return membersAt(body.membersConnection.edges, asOf).map(({ node, properties }) => ({
    id: node.id,
    name: node.honorific ? `${node.honorific} ${node.name}` : node.name,
    role: properties.role,
    representing: properties.representing ?? null,
    organisations: node.worksFor.map((o) => o.name),
  }));
}

function section(title: string, ...content: Child[]): HTMLElement {
  return h("section", {}, h("h3", {}, title), ...content);
}

const none = (text: string): HTMLElement => h("p", { class: "none" }, text);

export interface BodyPanelInput {
  body: Body;
  memberActions: Body["memberActions"];
  findings: readonly Finding[];
  asOf: string;
  /** Officers only (sent with a token); null when not asked, an Error when the API refused. */
  contacts: ViewerContactsQuery | Error | null;
}

/** The side panel of one body: what it is, who sits on it, what it oversees, its lines, what its members lead, its health findings. */
export function bodyPanel(input: BodyPanelInput, navigate: Navigate): HTMLElement {
  const { body, asOf } = input;
  const style = kindStyle(body.kind);
  const members = bodyMembers(body, asOf);
  const chairs = members.filter((m) => m.role === "CHAIR");
  const memberNames = new Map(members.map((m) => [m.id, m.name]));
  const contacts =
    input.contacts && !(input.contacts instanceof Error)
      ? new Map((input.contacts.bodies[0]?.contacts ?? []).map((p) => [p.id, p]))
      : null;

  const actions = new Map<string, { action: Body["ledActions"][number]; by: string[] }>();
  for (const action of body.ledActions) actions.set(action.id, { action, by: [body.name] });
  // A member with two lines to the body (a former and a current chair) is listed once per line.
  const people = new Map(input.memberActions.map((person) => [person.id, person]));
  for (const person of people.values())
    for (const action of person.ledActions) {
      const entry = actions.get(action.id) ?? { action, by: [] };
      entry.by.push(memberNames.get(person.id) ?? person.id);
      actions.set(action.id, entry);
    }
  const actionList = [...actions.values()].sort(
    (a, b) => naturalCompare(a.action.ref, b.action.ref) || a.action.title.localeCompare(b.action.title),
  );

  const about = new Set([
    body.id,
    ...members.map((m) => m.id),
    ...body.oversees.map((s) => s.id),
    ...body.governs.map((o) => o.id),
  ]);
  const findings = input.findings.filter((f) => about.has(f.subject.id));

  // Each line once per other body (papers repeat them), valid at the date, with its frequency.
  type Edge = {
    properties: { validFrom?: string | null; validTo?: string | null; frequency?: string | null };
    node: { id: string; name: string };
  };
  const lineGroup = (title: string, edges: readonly Edge[]): HTMLElement | null => {
    const seen = new Map<string, Edge>();
    for (const edge of edges)
      if (isValidAt(edge.properties, asOf) && (!seen.has(edge.node.id) || edge.properties.frequency))
        seen.set(edge.node.id, edge);
    if (!seen.size) return null;
    const sorted = [...seen.values()].sort((a, b) => a.node.name.localeCompare(b.node.name));
    return h(
      "div",
      { class: "line-group" },
      h("h4", {}, title),
      h(
        "ul",
        {},
        sorted.map((e) =>
          h(
            "li",
            {},
            linkTo(navigate, { id: e.node.id, label: "Body", name: e.node.name }),
            e.properties.frequency ? ` (${e.properties.frequency})` : "",
          ),
        ),
      ),
    );
  };
  const lines = [
    lineGroup("Accountable to", body.accountableToConnection.edges),
    lineGroup("Provides updates to", body.providesUpdatesToConnection.edges),
    lineGroup("Accountable to it", body.accountableBodiesConnection.edges),
    lineGroup("Provide updates to it", body.updatingBodiesConnection.edges),
  ].filter((group): group is HTMLElement => group !== null);

  const facts: [string, Child][] = [
    [
      "Chair",
      chairs.length
        ? chairs.map((c, i) => [i ? ", " : "", linkTo(navigate, { id: c.id, label: "Person", name: c.name })])
        : "none recorded at this date",
    ],
    ["Meets", body.frequency ?? "frequency not recorded"],
    ["Quorum", body.quorum],
    [
      "In place",
      body.validFrom || body.validTo ? `${body.validFrom ?? "…"} to ${body.validTo ?? "today"}` : null,
    ],
    ["Also known as", body.aliases?.length ? body.aliases.join("; ") : null],
  ];

  return h(
    "article",
    { class: "panel-body", "data-body": body.id },
    h("p", { class: "eyebrow" }, h("span", { class: "kind-badge", "data-kind": body.kind }, style.label)),
    h("h2", { id: "panel-title", tabindex: "-1" }, body.name),
    h(
      "dl",
      { class: "facts" },
      facts
        .filter(([, v]) => v !== null && v !== undefined && v !== "")
        .map(([k, v]) => [h("dt", {}, k), h("dd", { "data-fact": k.toLowerCase() }, v)]),
    ),
    body.purpose ? section("Purpose", h("p", {}, body.purpose)) : null,
    body.membershipNote ? h("p", { class: "note" }, body.membershipNote) : null,
    section("Lines", lines.length ? lines : none("No recorded line to or from another body at this date.")),
    section(
      `Members at ${asOf} (${members.length})`,
      members.length
        ? h(
            "table",
            { class: "members" },
            h(
              "thead",
              {},
              h(
                "tr",
                {},
                h("th", { scope: "col" }, "Name"),
                h("th", { scope: "col" }, "Role"),
                h("th", { scope: "col" }, "Organisation"),
              ),
            ),
            h(
              "tbody",
              {},
              members.map((m) => {
                const contact = contacts?.get(m.id);
                const organisation = [m.representing, ...m.organisations.filter((o) => o !== m.representing)]
                  .filter(Boolean)
                  .join("; ");
                return h(
                  "tr",
                  {},
                  h(
                    "td",
                    {},
                    linkTo(navigate, { id: m.id, label: "Person", name: m.name }),
                    contact?.email || contact?.phone
                      ? h(
                          "div",
                          { class: "contact" },
                          [contact.email, contact.phone].filter(Boolean).join(" · "),
                        )
                      : null,
                  ),
                  h("td", {}, roleText(m.role)),
                  h("td", {}, organisation || "—"),
                );
              }),
            ),
          )
        : none("No members recorded at this date."),
      body.memberAgenciesConnection.edges.length
        ? h(
            "p",
            {},
            "Member agencies: ",
            body.memberAgenciesConnection.edges
              .map((e) => `${e.node.name}${e.properties.kind ? ` (${e.properties.kind.toLowerCase()})` : ""}`)
              .join("; "),
          )
        : null,
      input.contacts instanceof Error
        ? h(
            "p",
            { class: "none" },
            `Contact details are not available to this sign-in: ${input.contacts.message}`,
          )
        : null,
    ),
    section(
      "Oversees",
      body.oversees.length || body.governs.length
        ? h(
            "ul",
            {},
            body.oversees.map((s) =>
              h(
                "li",
                {},
                linkTo(navigate, { id: s.id, label: "Strategy", name: s.title }),
                ` (${[s.kind.toLowerCase().replace(/_/g, " "), s.status?.toLowerCase(), s.periodStart && s.periodEnd ? `${s.periodStart.slice(0, 4)}–${s.periodEnd.slice(0, 4)}` : null].filter(Boolean).join(", ")})`,
              ),
            ),
            body.governs.map((o) =>
              h(
                "li",
                {},
                `${o.ref ? `${o.ref}: ` : ""}`,
                linkTo(navigate, { id: o.id, label: "Objective", name: o.title }),
              ),
            ),
          )
        : none("No strategy or objective names this body as its governance group."),
    ),
    section(
      `Actions led by the body and its members (${actionList.length})`,
      actionList.length
        ? h(
            "ul",
            { class: "actions" },
            actionList.map(({ action, by }) =>
              h(
                "li",
                {},
                linkTo(navigate, { id: action.id, label: "Action", name: actionText(action) }),
                h("span", { class: "by" }, ` led by ${by.join(", ")}`),
              ),
            ),
          )
        : none("No actions led by this body or its members."),
    ),
    section(
      `Meetings (${body.meetings.length}${body.meetings.length === 12 ? ", latest" : ""})`,
      body.meetings.length
        ? h(
            "ul",
            { class: "meetings" },
            body.meetings.map((m) =>
              h(
                "li",
                {},
                h(
                  "details",
                  {},
                  h("summary", {}, `${m.date}: ${m.title} (${m.items.length} items)`),
                  agendaList(m.items, navigate.item),
                  linkTo(navigate, { id: m.id, label: "Meeting", name: "Open the meeting" }),
                ),
              ),
            ),
          )
        : none("No meetings recorded."),
    ),
    section(
      `Health findings (${findings.length})`,
      findings.length
        ? h(
            "ul",
            { class: "findings" },
            findings.map((f) => h("li", {}, severityBadge(f.severity), " ", f.message)),
          )
        : none("No findings about this body, its members or what it oversees."),
    ),
    contacts && input.contacts && !(input.contacts instanceof Error) && input.contacts.bodies[0]?.privateNote
      ? section("Private note", h("p", {}, input.contacts.bodies[0].privateNote))
      : null,
  );
}
