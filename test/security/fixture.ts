import type { Driver } from "neo4j-driver";
import { isolatedPartnership } from "../support/database.ts";
import { loadFixture } from "../support/seed-fixture.ts";

/** A partnership of the test's own with one of each kind of restricted data, and markers to look for. */
export async function loadRestrictedFixture(driver: Driver) {
  const partnership = isolatedPartnership(driver);
  const s = partnership.slug;
  const marker = {
    itemId: `item:${s}:exempt`,
    itemTitle: `Serious Case Review ${s}`,
    email: `officer.${s}@example.org`,
    phone: `020 ${s}`,
    note: `private note ${s}`,
    personId: `person:${s}-presenter`,
    meetingId: `meeting:${s}`,
    decisionId: `decision:${s}`,
    decisionText: `Noted the review ${s}`,
    bodyId: `body:${s}-board`,
    actionId: `action:${s}:1`,
    objectiveId: `objective:${s}:1`,
  };
  await loadFixture(driver, {
    "restricted.yaml": `
partnership: ${partnership.partnershipId}
document: { id: doc:${s}, title: Agenda pack ${s} }
entries:
  - Partnership: ${partnership.partnershipId}
    at: cover
    name: Partnership ${s}
  - Body: ${marker.bodyId}
    at: cover
    name: Board ${s}
    kind: STATUTORY_BOARD
    privateNote: ${marker.note}
  - Person: ${marker.personId}
    at: attendance
    name: Presenter ${s}
    email: ${marker.email}
    phone: ${marker.phone}
  - Meeting: ${marker.meetingId}
    at: cover
    title: Board meeting ${s}
    date: 2016-01-29
    privateNote: ${marker.note}
    MEETING_OF: ${marker.bodyId}
    HAS_ITEM: [item:${s}:public, ${marker.itemId}]
  - AgendaItem: item:${s}:public
    at: item 1
    number: "1"
    title: Minutes ${s}
    restricted: false
  - AgendaItem: ${marker.itemId}
    at: item 7
    number: "7"
    title: ${marker.itemTitle}
    restricted: true
    exemption: Paragraph 1 of Schedule 12A
    PRESENTED_BY: ${marker.personId}
  - Decision: ${marker.decisionId}
    at: minutes item 7
    text: ${marker.decisionText}
    MADE_AT: ${marker.itemId}
  - Objective: ${marker.objectiveId}
    at: plan
    title: Objective ${s}
    kind: PRIORITY
  - Action: ${marker.actionId}
    at: plan row 1
    title: Action ${s}
    kind: ACTION
    privateNote: ${marker.note}
    CONTRIBUTES_TO: ${marker.objectiveId}
    LED_BY: { to: ${marker.personId}, role: LEAD_OFFICER }
`,
  });
  return { ...partnership, marker };
}
