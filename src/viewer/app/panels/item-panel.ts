import type { ViewerItemQuery } from "../../../../generated/documents.ts";
import { h } from "../dom.ts";
import { agendaList, restrictedBadge } from "./agenda.ts";
import { linkTo, type Navigate } from "./navigate.ts";

/** An agenda item or a meeting (from search or a body's meetings). */
export function itemPanel(data: ViewerItemQuery, id: string, navigate: Navigate): HTMLElement {
  const item = data.agendaItems[0];
  const meeting = item?.meeting[0] ?? data.meetings[0];
  const bodies = (meeting?.meetingOf ?? []).map((b, i) => [
    i ? ", " : "",
    linkTo(navigate, { id: b.id, label: "Body", name: b.name }),
  ]);
  if (item)
    return h(
      "article",
      { class: "panel-item", "data-item": item.id },
      h(
        "p",
        { class: "eyebrow" },
        h("span", { class: "kind-badge" }, "Agenda item"),
        item.restricted ? [" ", restrictedBadge()] : null,
      ),
      h("h2", { id: "panel-title", tabindex: "-1" }, `${item.number ? `${item.number}. ` : ""}${item.title}`),
      meeting
        ? h("p", {}, `${meeting.title}, ${meeting.date}`, bodies.length ? [" (", bodies, ")"] : null)
        : null,
      item.exemption ? h("p", {}, `Exempt: ${item.exemption}`) : null,
      item.outcomeRequired ? h("p", {}, h("strong", {}, "Outcome required: "), item.outcomeRequired) : null,
      item.summary ? h("p", {}, item.summary) : null,
    );
  const found = data.meetings[0];
  if (found)
    return h(
      "article",
      { class: "panel-item", "data-item": found.id },
      h("p", { class: "eyebrow" }, h("span", { class: "kind-badge" }, "Meeting")),
      h("h2", { id: "panel-title", tabindex: "-1" }, `${found.title}, ${found.date}`),
      bodies.length ? h("p", {}, "Meeting of ", bodies) : null,
      found.venue ? h("p", {}, `Venue: ${found.venue}`) : null,
      h("h3", {}, "Agenda"),
      agendaList(found.items, navigate.item),
    );
  return h(
    "article",
    {},
    h("h2", { id: "panel-title", tabindex: "-1" }, "Not found"),
    h("p", {}, `Nothing with the id ${id} is visible to you. Restricted items need an officer's sign-in.`),
  );
}
