import { cite, idOf, type Paper, type PartnershipContext } from "./context.ts";

const ITEM_TITLES = [
  "Minutes of the last meeting and matters arising",
  "Performance dashboard",
  "Action plan progress",
  "Domestic Homicide Review",
  "Serious violence duty update",
  "Prevent annual assurance",
  "Budget and commissioning",
  "Community trigger annual report",
  "Hate crime update",
  "Any other business",
];

/**
 * Board meetings (quarterly, 2022-2024) and a few group meetings, with agenda items (some Part 2
 * restricted), presenters, decisions, attendance for meetings with minutes, and actions raised.
 */
export function addMeetings(context: PartnershipContext): void {
  const { random, builder, bodies, people } = context;
  const papers: Paper[] = ["board1", "board2", "board3"];
  const boardMembers = people.slice(0, 24);
  const meetings: { body: string; date: string }[] = [];
  for (const year of [2022, 2023, 2024])
    for (const month of ["01", "04", "07", "10"])
      meetings.push({ body: bodies.board, date: `${year}-${month}-2${random.int(0, 8)}` });
  for (let i = 0, end = random.int(4, 8); i < end; i++)
    meetings.push({
      body: random.pick(bodies.themeGroups),
      date: `2023-${String(random.int(1, 12)).padStart(2, "0")}-1${random.int(0, 9)}`,
    });
  meetings.forEach((meeting, m) => {
    const paper = papers[m % papers.length]!;
    const id = builder.node(
      "Meeting",
      idOf(context, "meeting", `${m}-${meeting.date}`),
      {
        title:
          meeting.body === bodies.board ? "Community Safety Partnership Board" : "Delivery group meeting",
        date: meeting.date,
        venue: random.chance(0.7) ? "Town Hall, Committee Room 1" : "Online",
      },
      [cite(context, paper, "Front sheet")],
    );
    builder.link("MEETING_OF", id, meeting.body, cite(context, paper, "Front sheet"));
    const items = random.chance(0.3) ? 0 : random.int(3, 9);
    for (let i = 0; i < items; i++) {
      const restricted = random.chance(0.08);
      const item = builder.node(
        "AgendaItem",
        idOf(context, "item", `${m}-${i + 1}`),
        {
          number: String(i + 1),
          title: ITEM_TITLES[(i + m) % ITEM_TITLES.length]!,
          outcomeRequired: random.chance(0.5) ? "To note" : "To agree",
          restricted,
          exemption: restricted ? "Paragraph 1, Schedule 12A" : undefined,
        },
        [cite(context, paper, `Item ${i + 1}`)],
      );
      builder.link("HAS_ITEM", id, item, cite(context, paper, `Item ${i + 1}`));
      if (random.chance(0.6))
        builder.link("PRESENTED_BY", item, random.pick(boardMembers), cite(context, paper, `Item ${i + 1}`));
      if (random.chance(0.25)) {
        const decision = builder.node(
          "Decision",
          idOf(context, "decision", `${m}-${i + 1}`),
          { text: "The board agreed the recommendations." },
          [cite(context, paper, `Item ${i + 1}, decision`)],
        );
        builder.link("MADE_AT", decision, item, cite(context, paper, `Item ${i + 1}, decision`));
      }
    }
    // Minutes record who came, and the actions the meeting raised.
    if (random.chance(0.3)) {
      for (const person of random.sample(boardMembers, random.int(10, 18))) {
        const status = random.pick([
          "PRESENT",
          "PRESENT",
          "PRESENT",
          "APOLOGIES",
          "IN_ATTENDANCE",
          "SUBSTITUTE",
        ]);
        builder.link("ATTENDED", person, id, cite(context, paper, "Minutes, attendance"), {
          status,
          substituteFor: status === "SUBSTITUTE" ? random.pick(boardMembers) : undefined,
        });
      }
      for (let a = 0, end = random.int(0, 3); a < end; a++) {
        const action = builder.node(
          "Action",
          idOf(context, "action", `meeting-${m}:${a + 1}`),
          {
            ref: `${m}/${a + 1}`,
            title: `Report back on ${ITEM_TITLES[(a + m) % ITEM_TITLES.length]!.toLowerCase()}`,
            kind: "MEETING_ACTION",
            status: random.pick(["COMPLETE", "IN_PROGRESS"]),
          },
          [cite(context, paper, "Action log")],
        );
        builder.link("RAISED_AT", action, id, cite(context, paper, "Action log"));
        builder.link("LED_BY", action, random.pick(boardMembers), cite(context, paper, "Action log"), {
          role: "LEAD_OFFICER",
        });
      }
    }
  });
}
