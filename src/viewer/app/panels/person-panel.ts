import type { ViewerPersonQuery } from "../../../../generated/documents.ts";
import { h } from "../dom.ts";
import { linkTo, roleText, type Navigate } from "./navigate.ts";

/** A person: where they work, and what they lead, chair and sit on at the date. */
export function personPanel(
  data: ViewerPersonQuery,
  personId: string,
  asOf: string,
  navigate: Navigate,
): HTMLElement {
  const person = data.people[0];
  if (!person)
    return h(
      "article",
      {},
      h("h2", { id: "panel-title", tabindex: "-1" }, "Person not found"),
      h("p", {}, `No person has the id ${personId}.`),
    );
  const groups = new Map<string, ViewerPersonQuery["responsibilities"]>();
  for (const r of data.responsibilities) groups.set(r.role, [...(groups.get(r.role) ?? []), r]);
  return h(
    "article",
    { class: "panel-person", "data-person": person.id },
    h("p", { class: "eyebrow" }, h("span", { class: "kind-badge" }, "Person")),
    h(
      "h2",
      { id: "panel-title", tabindex: "-1" },
      person.honorific ? `${person.honorific} ${person.name}` : person.name,
    ),
    person.worksFor.length ? h("p", {}, "Works for ", person.worksFor.map((o) => o.name).join("; ")) : null,
    h("h3", {}, `Responsibilities at ${asOf} (${data.responsibilities.length})`),
    groups.size
      ? [...groups.entries()].map(([role, items]) =>
          h(
            "section",
            {},
            h("h4", {}, roleText(role)),
            h(
              "ul",
              {},
              items.map((r) =>
                h(
                  "li",
                  {},
                  linkTo(navigate, r.subject),
                  r.representing ? ` (representing ${r.representing})` : "",
                ),
              ),
            ),
          ),
        )
      : h("p", { class: "none" }, "Nothing recorded at this date."),
  );
}
