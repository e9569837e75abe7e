import { cite, dateBetween, idOf, type PartnershipContext } from "./context.ts";
import { slugify } from "./graph-builder.ts";
import { nationalAgencyId } from "./shared.ts";
import {
  AGENCIES,
  EXTERNAL_BOARDS,
  FIRST_NAMES,
  HONORIFICS,
  LAST_NAMES,
  NATIONAL_AGENCIES,
  PANELS,
} from "./vocabulary.ts";

const JOB_TITLES = [
  "Community Safety Manager",
  "Head of Service",
  "Borough Commander",
  "Partnership Officer",
  "Service Manager",
  "Director",
  "Coordinator",
  "Analyst",
];
const EXTRA_GROUPS = [
  "Communications Group",
  "Performance and Intelligence Group",
  "Serious Violence Duty Group",
  "Community Engagement Network",
  "Safer Streets Group",
  "Night-Time Economy Group",
];
const ORGANISATION_KINDS = ["Trust", "Foundation", "Project", "Housing Association", "Academy", "Network"];

/** The source papers: a strategy, a VAWG strategy, two action plans and three board packs. */
export function addPapers(context: PartnershipContext): void {
  const { builder, papers } = context;
  const paper = (key: keyof typeof papers, title: string, date: string, kind: string): void =>
    void builder.node("Document", papers[key], { title, date, kind, fileName: `${context.slug}-${key}.pdf` });
  paper("strategy", `${context.area} Community Safety Strategy 2020-2025`, "2020-03-12", "STRATEGY");
  paper("vawg", `${context.area} VAWG Strategy 2021-2024`, "2021-06-10", "STRATEGY");
  paper("planA", "Community Safety Action Plan 2023-24", "2023-04-20", "ACTION_PLAN");
  paper("planB", "Community Safety Action Plan 2024-25", "2024-04-18", "ACTION_PLAN");
  paper("board1", "Partnership Board agenda pack, January 2023", "2023-01-26", "AGENDA_PACK");
  paper("board2", "Partnership Board agenda pack, July 2023", "2023-07-20", "AGENDA_PACK");
  paper("board3", "Partnership Board agenda pack, January 2024", "2024-01-25", "AGENDA_PACK");
}

/** Member agencies and local organisations (about 45). */
export function addOrganisations(context: PartnershipContext, scale: number): void {
  const { builder, random, organisations } = context;
  for (const agency of AGENCIES) {
    const local = agency.kind === "GOVERNMENT" ? agency.name : `${context.area} ${agency.name}`;
    const id = builder.node(
      "Organisation",
      idOf(context, "org", agency.slug),
      { name: local, aliases: [agency.name], kind: agency.kind },
      [cite(context, "strategy", "Partners")],
    );
    organisations.bySlug.set(agency.slug, id);
    organisations.all.push(id);
  }
  // The national agencies are shared: the partnership's papers mention them (its own provenance).
  for (const agency of NATIONAL_AGENCIES) {
    const id = builder.mention("Organisation", nationalAgencyId(agency.slug), [
      cite(context, "strategy", "Partners"),
    ]);
    organisations.bySlug.set(agency.slug, id);
    organisations.all.push(id);
  }
  const extra = Math.round(random.int(18, 30) * scale);
  for (let i = 0; i < extra; i++) {
    const name = `${random.pick(LAST_NAMES)} ${random.pick(ORGANISATION_KINDS)}`;
    const id = builder.node(
      "Organisation",
      idOf(context, "org", `${i}-${slugify(name)}`),
      { name, kind: random.pick(["VOLUNTARY", "PROVIDER", "INVITED"]) },
      [cite(context, random.pick(["planA", "planB", "strategy"]), "Partners and providers")],
    );
    organisations.all.push(id);
  }
}

/** People (about 80), each working for an organisation; some with an earlier job. */
export function addPeople(context: PartnershipContext, scale: number): void {
  const { builder, random, organisations } = context;
  const count = Math.round(random.int(62, 84) * scale);
  for (let i = 0; i < count; i++) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const honorific = i === 0 ? "Cllr" : random.chance(0.3) ? random.pick(HONORIFICS) : undefined;
    const id = builder.node(
      "Person",
      idOf(context, "person", `${i}-${slugify(`${first} ${last}`)}`),
      { name: `${first} ${last}`, honorific },
      [
        cite(context, random.pick(["board1", "board2", "board3"]), "Attendance and membership"),
        ...(random.chance(0.2) ? [cite(context, "strategy", "Signatories")] : []),
      ],
    );
    context.people.push(id);
    const employer =
      i === 0
        ? organisations.bySlug.get("council")!
        : i === 1
          ? organisations.bySlug.get("council")!
          : random.pick(organisations.all);
    const title = i === 1 ? "Community Safety Manager" : random.pick(JOB_TITLES);
    builder.link("WORKS_FOR", id, employer, cite(context, "board1", "Membership list"), {
      title,
      validFrom: dateBetween(random, 2016, 2022),
    });
    if (random.chance(0.12))
      builder.link(
        "WORKS_FOR",
        id,
        random.pick(organisations.all),
        cite(context, "strategy", "Signatories"),
        {
          title: random.pick(JOB_TITLES),
          validFrom: "2014-04-01",
          validTo: "2015-12-31",
        },
      );
  }
}

/**
 * Bodies: the statutory board (accountable to nobody), the members' committee and external boards
 * it updates, one delivery group per theme plus a few others accountable to the board, panels and
 * operational meetings under them, one body that ended, and a couple with no line to the board.
 */
export function addBodies(context: PartnershipContext, scale: number): void {
  const { builder, random, bodies } = context;
  const evidence = () => [cite(context, random.pick(["board1", "board2", "board3"]), "Governance structure")];
  const body = (slug: string, properties: Record<string, unknown>): string => {
    const id = builder.node("Body", idOf(context, "body", slug), properties, evidence());
    bodies.all.push(id);
    return id;
  };
  const accountable = (from: string, to: string, extra: Record<string, unknown> = {}): void =>
    builder.link("ACCOUNTABLE_TO", from, to, cite(context, "strategy", "Delivering the plan"), extra);
  const updates = (from: string, to: string, frequency: string): void =>
    builder.link("PROVIDES_UPDATES_TO", from, to, cite(context, "strategy", "Delivering the plan"), {
      frequency,
    });

  bodies.board = body("board", {
    name: `${context.area} Community Safety Partnership Board`,
    aliases: [`${context.area} CSPB`],
    kind: "STATUTORY_BOARD",
    frequency: "Quarterly",
    purpose: "Statutory partnership under the Crime and Disorder Act 1998.",
    quorum: "Five responsible authorities",
  });
  bodies.committee = body("committee", {
    name: "Community Leadership Committee",
    kind: "MEMBERS_COMMITTEE",
    frequency: "Quarterly",
  });
  updates(bodies.board, bodies.committee, "Annually");
  if (context.shape === "district") {
    // A district's local strategic partnership above the CSP, with a group of its own on it.
    bodies.district = body("district-board", {
      name: `${context.area} Local Strategic Partnership Board`,
      kind: "LOCAL_STRATEGIC_PARTNERSHIP",
      frequency: "Quarterly",
    });
    accountable(bodies.board, bodies.district);
    accountable(
      body("health-and-wellbeing-group", {
        name: `${context.area} Health and Wellbeing Delivery Group`,
        kind: "STRATEGY_DELIVERY_GROUP",
        frequency: "Quarterly",
      }),
      bodies.district,
    );
  }
  for (const [i, name] of random.sample(EXTERNAL_BOARDS, random.int(3, 5)).entries()) {
    const id = body(slugify(name), { name, kind: "EXTERNAL_BOARD" });
    if (i < 2) updates(bodies.board, id, "Annually");
  }
  bodies.workingGroup = body("working-group", {
    name: "Partnership Board Working Group",
    kind: "STRATEGY_DELIVERY_GROUP",
    frequency: "Quarterly",
  });
  accountable(bodies.workingGroup, bodies.board);

  const groups: string[] = [];
  for (const theme of context.themes) {
    const id = body(theme.slug, {
      name: theme.group,
      kind: "STRATEGY_DELIVERY_GROUP",
      frequency: random.pick(["Monthly", "Bi-monthly", "Quarterly"]),
    });
    bodies.themeGroups.push(id);
    groups.push(id);
    accountable(id, bodies.board);
    if (random.chance(0.5)) updates(id, bodies.board, random.pick(["Quarterly", "Annually"]));
  }
  for (const name of random.sample(EXTRA_GROUPS, Math.round(random.int(2, 5) * scale))) {
    const id = body(slugify(name), { name, kind: "STRATEGY_DELIVERY_GROUP", frequency: "Quarterly" });
    groups.push(id);
    if (random.chance(0.7)) accountable(id, bodies.board);
    else updates(id, bodies.board, "As requested");
  }
  // Panels and operational meetings: two levels under the groups, as in the papers' diagrams.
  const panels: string[] = [];
  const panelCount = Math.round(random.int(16, 24) * scale);
  for (let i = 0; i < panelCount; i++) {
    const panel = PANELS[i % PANELS.length]!;
    const parent = random.pick(groups);
    const name =
      i < PANELS.length
        ? panel.name
        : `${panel.name} (${random.pick(context.themes).title.split(" ").slice(-1)[0]})`;
    const id = body(`${i}-${slugify(panel.name)}`, { name, kind: panel.kind, frequency: panel.frequency });
    if (panel.kind === "OPERATIONAL_MEETING" && panels.length && random.chance(0.4))
      accountable(id, random.pick(panels));
    else if (panel.kind === "COMMUNITY_ENGAGEMENT_GROUP")
      updates(id, random.chance(0.5) ? bodies.board : parent, "Quarterly");
    else accountable(id, parent);
    if (panel.kind === "CASE_PANEL") panels.push(id);
  }
  // Gaps are facts: a project board that has ended, and groups with no line to the board.
  const ended = body("safer-streets-project-board", {
    name: "Safer Streets Project Board",
    kind: "STRATEGY_DELIVERY_GROUP",
    validFrom: "2019-01-01",
    validTo: "2021-03-31",
  });
  accountable(ended, bodies.board, { validFrom: "2019-01-01", validTo: "2021-03-31" });
  for (let i = 0, iEnd = random.int(1, 3); i < iEnd; i++)
    body(`orphan-${i}`, {
      name: `${random.pick(["Town Centre", "Estates", "Licensing", "Schools"])} Forum ${i + 1}`,
      kind: "OPERATIONAL_MEETING",
    });
}

/** Memberships: a chair (and a former chair) on most bodies, members, secretariat, member agencies of the board. */
export function addMemberships(context: PartnershipContext): void {
  const { builder, random, bodies, people, organisations } = context;
  const member = (person: string, body: string, role: string, extra: Record<string, unknown> = {}): void =>
    builder.link(
      "MEMBER_OF",
      person,
      body,
      cite(context, random.pick(["board1", "board2", "board3"]), "Membership"),
      { role, ...extra },
    );
  // The board: chair since 2019 (a former chair until then), vice chair, the manager as secretariat, 12-20 members.
  member(people[0]!, bodies.board, "CHAIR", { validFrom: "2019-05-20", representing: "Council" });
  member(people[2]!, bodies.board, "CHAIR", { validFrom: "2015-05-01", validTo: "2019-05-19" });
  member(people[3]!, bodies.board, "VICE_CHAIR", { validFrom: "2019-05-20", representing: "Police" });
  member(people[1]!, bodies.board, "SECRETARIAT", { validFrom: "2018-09-01" });
  for (const person of random.sample(people.slice(4), random.int(10, 16)))
    member(person, bodies.board, "MEMBER", {
      validFrom: dateBetween(random, 2017, 2023),
      representing: "Partner agency",
    });
  for (const agency of NATIONAL_AGENCIES)
    builder.link(
      "MEMBER_OF",
      organisations.bySlug.get(agency.slug)!,
      bodies.board,
      cite(context, "strategy", "Partners"),
      { kind: "INVITED" },
    );
  for (const agency of AGENCIES.filter((a) => a.kind !== "GOVERNMENT"))
    builder.link(
      "MEMBER_OF",
      organisations.bySlug.get(agency.slug)!,
      bodies.board,
      cite(context, "strategy", "Partners"),
      {
        kind: agency.kind === "STATUTORY" ? "STATUTORY" : "INVITED",
      },
    );
  // The manager chairs the working group; every other body has a chair 90% of the time.
  member(people[1]!, bodies.workingGroup, "CHAIR", { validFrom: "2019-06-01" });
  for (const body of bodies.all) {
    if (body === bodies.board || body === bodies.committee) continue;
    if (body !== bodies.workingGroup && random.chance(0.9))
      member(random.pick(people.slice(2)), body, "CHAIR", { validFrom: dateBetween(random, 2018, 2023) });
    for (const person of random.sample(people.slice(4), random.int(0, 3)))
      member(person, body, random.chance(0.15) ? "SECRETARIAT" : "MEMBER", {
        validFrom: dateBetween(random, 2017, 2023),
      });
    if (random.chance(0.3))
      member(people[1]!, body, "MEMBER", { validFrom: dateBetween(random, 2018, 2022) });
  }
}
