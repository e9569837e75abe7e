import type { ViewerAgendaRowFragment } from "../../../../generated/documents.ts";
import { naturalCompare } from "../../../text/natural-compare.ts";
import { h } from "../dom.ts";

/** A restricted (Part 2) item is marked in words, not by colour alone. */
export function restrictedBadge(): HTMLElement {
  return h(
    "span",
    { class: "badge restricted", title: "Exempt business: officers of the partnership only" },
    "Restricted",
  );
}

/** An agenda in item-number order; the API has already left out what this caller may not see. */
export function agendaList(
  items: readonly ViewerAgendaRowFragment[],
  open: (id: string) => void,
): HTMLElement {
  const sorted = [...items].sort((a, b) => naturalCompare(a.number, b.number));
  return h(
    "ol",
    { class: "agenda" },
    sorted.map((item) =>
      h(
        "li",
        { "data-item": item.id, "data-restricted": String(item.restricted) },
        h("span", { class: "item-number" }, item.number ? `${item.number}. ` : ""),
        h("button", { type: "button", class: "link", onclick: () => open(item.id) }, item.title),
        item.restricted ? [" ", restrictedBadge()] : null,
      ),
    ),
  );
}
