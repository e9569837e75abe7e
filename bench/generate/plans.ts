import { cite, idOf, type Paper, type PartnershipContext } from "./context.ts";
import { QUARTERS, type Theme } from "./vocabulary.ts";

const STATUSES = ["PLANNED", "IN_PROGRESS", "ONGOING", "COMPLETE", "CANCELLED"] as const;
const RAGS = ["RED", "AMBER", "GREEN"] as const;
const THIN_STRATEGIES: readonly [string, string][] = [
  ["Annual Report 2021-22", "REPORT"],
  ["Annual Report 2022-23", "REPORT"],
  ["Strategic Assessment 2023", "REPORT"],
  ["Board Terms of Reference", "TERMS_OF_REFERENCE"],
  ["Working Group Terms of Reference", "TERMS_OF_REFERENCE"],
  ["Serious Violence Strategic Needs Assessment", "REPORT"],
  ["Hate Crime Statement", "STRATEGY"],
  ["Night-Time Economy Plan", "ACTION_PLAN"],
  ["Domestic Homicide Review Action Plan", "ACTION_PLAN"],
  ["Prevent Partnership Plan", "ACTION_PLAN"],
];

export interface PlanLandmarks {
  strategyId: string;
  priorityId: string;
  actionId: string;
}

/** Leads an action or objective may have, with the roles the papers use for each kind of leader. */
function lead(context: PartnershipContext, from: string, paper: Paper, group: string | undefined): void {
  const { random, builder, people, organisations } = context;
  const roll = random.next();
  // The manager leads far more than anyone else, as in the papers (and so the overload rule fires).
  if (roll < 0.55)
    builder.link(
      "LED_BY",
      from,
      random.chance(0.25) ? people[1]! : random.pick(people.slice(2)),
      cite(context, paper, "Lead officer"),
      {
        role: "LEAD_OFFICER",
      },
    );
  else if (roll < 0.75 && group)
    builder.link("LED_BY", from, group, cite(context, paper, "Accountable group"), { role: "ACCOUNTABLE" });
  else
    builder.link(
      "LED_BY",
      from,
      random.pick(organisations.all.slice(0, 12)),
      cite(context, paper, "Lead agency"),
      { role: "LEAD_AGENCY" },
    );
}

function action(
  context: PartnershipContext,
  id: string,
  props: {
    ref: string;
    title: string;
    kind: string;
    paper: Paper;
    group?: string;
    forceLead?: boolean;
    year: number;
  },
): string {
  const { random, builder } = context;
  const due = random.chance(0.8)
    ? `${props.year + random.int(0, 1)}-${String(random.int(1, 12)).padStart(2, "0")}-28`
    : undefined;
  builder.node(
    "Action",
    id,
    {
      ref: props.ref,
      title: props.title,
      kind: props.kind,
      dueDate: due,
      dueText: due ? undefined : "on going",
      status: random.chance(0.85) ? random.pick(STATUSES) : undefined,
      desiredOutcome: random.chance(0.4) ? `Fewer victims: ${props.title.toLowerCase()}` : undefined,
    },
    [cite(context, props.paper, `Action ${props.ref}`)],
  );
  if (props.forceLead || random.chance(0.55)) {
    lead(context, id, props.paper, props.group);
    if (random.chance(0.12)) lead(context, id, props.paper, props.group);
  }
  if (props.kind === "ACTION" && random.chance(0.2)) {
    const updates = random.int(1, 3);
    for (let q = 0; q < updates; q++) {
      const where = cite(context, props.paper, `Action ${props.ref}, progress`);
      const update = builder.node(
        "ProgressUpdate",
        `${id.replace(/^action:/, "update:")}:q${q + 1}`,
        {
          period: `${props.year}/${String(props.year + 1).slice(2)} ${QUARTERS[q]}`,
          date: `${props.year}-${String(3 * q + 6).padStart(2, "0")}-30`,
          text: "Progress reported to the working group.",
          rag: random.pick(RAGS),
        },
        [where],
      );
      builder.link("HAS_UPDATE", id, update, where);
    }
  }
  return id;
}

/** An indicator with 0-5 quarterly measurements (distinct dates, so "latest" is well defined). */
function indicator(
  context: PartnershipContext,
  id: string,
  name: string,
  paper: Paper,
  measures: string | undefined,
  readings: number,
): void {
  const { random, builder } = context;
  builder.node(
    "Indicator",
    id,
    {
      name,
      unit: random.pick(["count", "%", "rate per 1,000"]),
      betterDirection: random.chance(0.8) ? "DOWN" : "UP",
      dataSource: random.pick(["Police recorded crime", "Council data", "Provider returns"]),
    },
    [cite(context, paper, "Performance dashboard")],
  );
  if (measures) builder.link("MEASURES", id, measures, cite(context, paper, "Performance dashboard"));
  const targeted = random.chance(0.7);
  let value = random.int(40, 4000);
  for (let i = 0; i < readings; i++) {
    const year = 2022 + Math.floor(i / 4);
    const quarter = i % 4;
    const date = `${year}-${String(3 * quarter + 3).padStart(2, "0")}-${quarter === 0 || quarter === 3 ? 31 : 30}`;
    const previous = value;
    value = Math.max(1, Math.round(value * (0.85 + random.next() * 0.3)));
    const change = Math.round(((value - previous) / previous) * 1000) / 10;
    const mId = `${id.replace(/^indicator:/, "measurement:")}:${i}`;
    builder.node(
      "Measurement",
      mId,
      {
        period: `Rolling 12 months to ${date.slice(0, 7)}`,
        date,
        value,
        comparisonPeriod: "Previous rolling 12 months",
        comparisonValue: previous,
        change,
        changeText: `${change}%`,
        target: targeted ? -5 : undefined,
        targetText: targeted ? "-5.0%" : undefined,
        rag: random.pick(RAGS),
        rank: random.chance(0.3) ? random.int(1, 32) : undefined,
      },
      [cite(context, paper, "Performance dashboard")],
    );
    builder.link("HAS_MEASUREMENT", id, mId, cite(context, paper, "Performance dashboard"));
  }
}

/** Priorities of the main strategy, their objectives, and the actions feeding them. */
function priorities(
  context: PartnershipContext,
  strategy: string,
  scale: number,
): { priorities: string[]; objectives: string[] } {
  const { random, builder, bodies } = context;
  const priorityIds: string[] = [];
  const objectiveIds: string[] = [];
  context.themes.forEach((theme: Theme, p) => {
    const group = bodies.themeGroups[p]!;
    const priority = builder.node(
      "Objective",
      idOf(context, "objective", `css:p${p + 1}`),
      { ref: `Priority ${p + 1}`, title: theme.title, kind: "PRIORITY", category: "priority issue" },
      [cite(context, "strategy", `Priority ${p + 1}`)],
    );
    priorityIds.push(priority);
    builder.link("PART_OF", priority, strategy, cite(context, "strategy", "Priorities"));
    builder.link("OVERSEEN_BY", priority, group, cite(context, "strategy", `Priority ${p + 1}, governance`));
    if (p === 0 || random.chance(0.85))
      builder.link(
        "LED_BY",
        priority,
        random.pick(context.people.slice(2, 20)),
        cite(context, "strategy", `Priority ${p + 1}`),
        { role: "STRATEGIC_LEAD" },
      );
    if (p === 0 || random.chance(0.8))
      builder.link(
        "LED_BY",
        priority,
        random.pick(context.organisations.all.slice(0, 5)),
        cite(context, "strategy", `Priority ${p + 1}`),
        {
          role: "LEAD_AGENCY",
        },
      );
    for (const [i, name] of theme.indicators.slice(0, random.int(2, 4)).entries())
      indicator(
        context,
        idOf(context, "indicator", `${theme.slug}:${i}`),
        name,
        "strategy",
        priority,
        random.int(0, 5),
      );
    if (random.chance(0.7)) {
      const risk = builder.node(
        "Risk",
        idOf(context, "risk", `p${p + 1}`),
        {
          kind: random.pick(["RISK", "DEPENDENCY"]),
          text: `Funding for ${theme.title.toLowerCase()} ends before the strategy does.`,
        },
        [cite(context, "strategy", `Priority ${p + 1}, risks`)],
      );
      builder.link("AFFECTS", risk, priority, cite(context, "strategy", `Priority ${p + 1}, risks`));
    }
    const subCount = random.int(3, 6);
    for (let o = 0; o < subCount; o++) {
      const ref = `${p + 1}.${o + 1}`;
      const objective = builder.node(
        "Objective",
        idOf(context, "objective", `css:p${p + 1}:o${o + 1}`),
        {
          ref: `Objective ${ref}`,
          title: `${theme.actions[o % theme.actions.length]} (${theme.slug})`,
          kind: random.chance(0.6) ? "STRATEGIC_OBJECTIVE" : "OUTCOME",
        },
        [cite(context, "strategy", `Objective ${ref}`)],
      );
      objectiveIds.push(objective);
      builder.link("PART_OF", objective, priority, cite(context, "strategy", `Objective ${ref}`));
      if (random.chance(0.3))
        builder.link(
          "LED_BY",
          objective,
          random.pick(context.people.slice(2)),
          cite(context, "strategy", `Objective ${ref}`),
          { role: "OPERATIONAL_LEAD" },
        );
      if (random.chance(0.25)) {
        const risk = builder.node(
          "Risk",
          idOf(context, "risk", `p${p + 1}:o${o + 1}`),
          { kind: "DEPENDENCY", text: `Depends on data sharing between partners for objective ${ref}.` },
          [cite(context, "strategy", `Objective ${ref}, risks`)],
        );
        builder.link("AFFECTS", risk, objective, cite(context, "strategy", `Objective ${ref}, risks`));
      }
      if (random.chance(0.3))
        indicator(
          context,
          idOf(context, "indicator", `${theme.slug}:o${o + 1}`),
          `${theme.indicators[(o + 2) % theme.indicators.length]} (objective ${ref})`,
          "strategy",
          objective,
          random.int(1, 4),
        );
      // A few objectives have no action at all (the health check finds them).
      const actions =
        p === 0 && o === 0 ? random.int(4, 7) : random.chance(0.1) ? 0 : Math.round(random.int(1, 6) * scale);
      for (let a = 0; a < actions; a++)
        builder.link(
          "CONTRIBUTES_TO",
          action(context, idOf(context, "action", `css:${ref}.${a + 1}`), {
            ref: `${ref}.${a + 1}`,
            title: theme.actions[(a + o) % theme.actions.length]!,
            kind: "COMMITMENT",
            paper: "strategy",
            group,
            year: 2020 + random.int(0, 4),
          }),
          objective,
          cite(context, "strategy", `Objective ${ref}`),
        );
    }
  });
  return { priorities: priorityIds, objectives: objectiveIds };
}

/** A yearly action plan: one theme objective per priority, contributing to it, with 6-14 actions each. */
function actionPlan(
  context: PartnershipContext,
  key: "planA" | "planB",
  year: number,
  mainPriorities: string[],
  scale: number,
  overseer: string,
): { firstAction?: string } {
  const { random, builder, bodies } = context;
  const plan = builder.node(
    "Strategy",
    idOf(context, "strategy", `plan-${year}`),
    {
      title: `Community Safety Action Plan ${year}-${String(year + 1).slice(2)}`,
      kind: "ACTION_PLAN",
      periodStart: `${year}-04-01`,
      periodEnd: `${year + 1}-03-31`,
      status: "AGREED",
    },
    [cite(context, key, "Front page")],
  );
  builder.link("OVERSEEN_BY", plan, overseer, cite(context, key, "Governance"));
  builder.link("LED_BY", plan, context.people[1]!, cite(context, key, "Front page"), {
    role: "LEAD_OFFICER",
  });
  let firstAction: string | undefined;
  context.themes.forEach((theme, p) => {
    const objective = builder.node(
      "Objective",
      idOf(context, "objective", `plan-${year}:t${p + 1}`),
      { ref: `Theme ${p + 1}`, title: `${theme.title} ${year}-${String(year + 1).slice(2)}`, kind: "THEME" },
      [cite(context, key, `Theme ${p + 1}`)],
    );
    builder.link("PART_OF", objective, plan, cite(context, key, `Theme ${p + 1}`));
    builder.link("CONTRIBUTES_TO", objective, mainPriorities[p]!, cite(context, key, `Theme ${p + 1}`));
    const count = Math.round(random.int(6, 14) * scale);
    for (let a = 0; a < count; a++) {
      const ref = `${p + 1}.${a + 1}`;
      const forceLead = year === 2023 && p === 0 && a === 0;
      const id = action(context, idOf(context, "action", `plan-${year}:${ref}`), {
        ref,
        title: `${theme.actions[a % theme.actions.length]} ${year}`,
        kind: "ACTION",
        paper: key,
        group: bodies.themeGroups[p],
        forceLead,
        year,
      });
      if (forceLead) firstAction = id;
      builder.link("CONTRIBUTES_TO", id, objective, cite(context, key, `Action ${ref}`));
    }
  });
  return firstAction ? { firstAction } : {};
}

/** An earlier strategy's tree: objectives and their actions, kept as history (old papers, old dates). */
function legacyPlan(
  context: PartnershipContext,
  strategy: string,
  key: string,
  paper: Paper,
  year: number,
  scale: number,
): void {
  const { random, builder } = context;
  for (let o = 0, oEnd = Math.round(random.int(8, 16) * scale); o < oEnd; o++) {
    const theme = random.pick(context.themes);
    const objective = builder.node(
      "Objective",
      idOf(context, "objective", `${key}:o${o + 1}`),
      {
        ref: `Objective ${o + 1}`,
        title: `${theme.title} (${year})`,
        kind: random.chance(0.3) ? "PRIORITY" : "STRATEGIC_OBJECTIVE",
      },
      [cite(context, paper, `Objective ${o + 1}`)],
    );
    builder.link("PART_OF", objective, strategy, cite(context, paper, `Objective ${o + 1}`));
    for (let a = 0, aEnd = random.int(0, 6); a < aEnd; a++)
      builder.link(
        "CONTRIBUTES_TO",
        action(context, idOf(context, "action", `${key}:${o + 1}.${a + 1}`), {
          ref: `${o + 1}.${a + 1}`,
          title: theme.actions[a % theme.actions.length]!,
          kind: "ACTION",
          paper,
          year,
        }),
        objective,
        cite(context, paper, `Objective ${o + 1}`),
      );
  }
}

/** The VAWG strategy: outcomes feeding the main strategy's VAWG priority (when it has one), each with objectives and commitments. */
function vawgStrategy(context: PartnershipContext, mainPriorities: string[]): void {
  const { random, builder, bodies } = context;
  const index = context.themes.findIndex((t) => t.slug === "vawg");
  const strategy = builder.node(
    "Strategy",
    idOf(context, "strategy", "vawg-2021-24"),
    {
      title: "Violence Against Women and Girls Strategy 2021-2024",
      aliases: ["VAWG Strategy"],
      kind: "STRATEGY",
      periodStart: "2021-04-01",
      periodEnd: "2024-03-31",
      status: "AGREED",
    },
    [cite(context, "vawg", "Front page")],
  );
  builder.link(
    "OVERSEEN_BY",
    strategy,
    index >= 0 ? bodies.themeGroups[index]! : bodies.board,
    cite(context, "vawg", "Governance"),
  );
  for (let o = 0, oEnd = random.int(3, 4); o < oEnd; o++) {
    const outcome = builder.node(
      "Objective",
      idOf(context, "objective", `vawg:o${o + 1}`),
      {
        ref: `Outcome ${o + 1}`,
        title: [
          "Victims are safe and supported",
          "Perpetrators are held to account",
          "Fewer women experience abuse",
          "Agencies respond early",
        ][o]!,
        kind: "OUTCOME",
      },
      [cite(context, "vawg", `Outcome ${o + 1}`)],
    );
    builder.link("PART_OF", outcome, strategy, cite(context, "vawg", `Outcome ${o + 1}`));
    if (index >= 0)
      builder.link(
        "CONTRIBUTES_TO",
        outcome,
        mainPriorities[index]!,
        cite(context, "vawg", `Outcome ${o + 1}`),
      );
    for (let s = 0, sEnd = random.int(1, 3); s < sEnd; s++) {
      const objective = builder.node(
        "Objective",
        idOf(context, "objective", `vawg:o${o + 1}:s${s + 1}`),
        {
          ref: `${o + 1}.${s + 1}`,
          title: `Strategic objective ${o + 1}.${s + 1}`,
          kind: "STRATEGIC_OBJECTIVE",
        },
        [cite(context, "vawg", `Outcome ${o + 1}`)],
      );
      builder.link("PART_OF", objective, outcome, cite(context, "vawg", `Outcome ${o + 1}`));
      for (let a = 0, aEnd = random.int(1, 5); a < aEnd; a++)
        builder.link(
          "CONTRIBUTES_TO",
          action(context, idOf(context, "action", `vawg:${o + 1}.${s + 1}.${a + 1}`), {
            ref: `${o + 1}.${s + 1}.${a + 1}`,
            title: `VAWG commitment ${o + 1}.${s + 1}.${a + 1}`,
            kind: "COMMITMENT",
            paper: "vawg",
            year: 2021,
          }),
          objective,
          cite(context, "vawg", `Outcome ${o + 1}`),
        );
    }
  }
}

/**
 * Strategies and everything under them: the main strategy (superseding the previous one), the VAWG
 * strategy, two yearly action plans, a communications plan, an old strategy nothing superseded,
 * and thin papers (reports, terms of reference); indicators, a dashboard, risks and services.
 */
export function addPlans(context: PartnershipContext, scale: number): PlanLandmarks {
  const { random, builder, bodies } = context;
  const previous = builder.node(
    "Strategy",
    idOf(context, "strategy", "css-2015-20"),
    {
      title: "Community Safety Strategy 2015-2020",
      kind: "STRATEGY",
      periodStart: "2015-04-01",
      periodEnd: "2020-03-31",
      status: "SUPERSEDED",
    },
    [cite(context, "strategy", "Introduction")],
  );
  const main = builder.node(
    "Strategy",
    idOf(context, "strategy", "css-2020-25"),
    {
      title: `${context.area} Community Safety Strategy 2020-2025`,
      aliases: ["Community Safety Strategy"],
      kind: "STRATEGY",
      periodStart: "2020-04-01",
      periodEnd: "2025-03-31",
      status: "AGREED",
      summary: "Our plan to keep the borough safe.",
    },
    [cite(context, "strategy", "Front page")],
  );
  builder.link("SUPERSEDES", main, previous, cite(context, "strategy", "Introduction"));
  builder.link("OVERSEEN_BY", main, bodies.board, cite(context, "strategy", "Delivering the plan"));
  builder.link("OVERSEEN_BY", previous, bodies.board, cite(context, "strategy", "Introduction"));
  builder.link("LED_BY", main, context.people[1]!, cite(context, "strategy", "Front page"), {
    role: "ACCOUNTABLE",
  });
  builder.link(
    "LED_BY",
    main,
    context.organisations.bySlug.get("council")!,
    cite(context, "strategy", "Front page"),
    { role: "LEAD_AGENCY" },
  );
  const old = builder.node(
    "Strategy",
    idOf(context, "strategy", "scs-2011-14"),
    {
      title: "Safer Communities Strategy 2011-14",
      kind: "STRATEGY",
      periodStart: "2011-04-01",
      periodEnd: "2014-03-31",
      status: "AGREED",
    },
    [cite(context, "strategy", "Introduction")],
  );
  builder.link("OVERSEEN_BY", old, bodies.board, cite(context, "strategy", "Introduction"));

  legacyPlan(context, previous, "css-2015-20", "strategy", 2016, scale);
  legacyPlan(context, old, "scs-2011-14", "strategy", 2013, scale);
  const { priorities: mainPriorities, objectives } = priorities(context, main, scale);
  vawgStrategy(context, mainPriorities);
  actionPlan(context, "planA", 2022, mainPriorities, scale, bodies.workingGroup);
  const planA = actionPlan(context, "planA", 2023, mainPriorities, scale, bodies.workingGroup);
  actionPlan(context, "planB", 2024, mainPriorities, scale, bodies.workingGroup);

  const comms = builder.node(
    "Strategy",
    idOf(context, "strategy", "comms-2023"),
    {
      title: "Communications Plan 2023-24",
      kind: "COMMUNICATIONS_PLAN",
      periodStart: "2023-04-01",
      periodEnd: "2024-03-31",
      status: "AGREED",
    },
    [cite(context, "planA", "Communications plan")],
  );
  builder.link("OVERSEEN_BY", comms, bodies.workingGroup, cite(context, "planA", "Communications plan"));
  for (let c = 0, cEnd = Math.round(random.int(15, 30) * scale); c < cEnd; c++)
    builder.link(
      "CONTRIBUTES_TO",
      action(context, idOf(context, "action", `comms:${c + 1}`), {
        ref: `C${c + 1}`,
        title: `Campaign: ${random.pick(context.themes).title.toLowerCase()}`,
        kind: "COMMUNICATION",
        paper: "planA",
        year: 2023,
      }),
      random.pick(mainPriorities),
      cite(context, "planA", "Communications plan"),
    );
  for (const [i, [title, kind]] of random.sample(THIN_STRATEGIES, random.int(6, 10)).entries())
    builder.link(
      "OVERSEEN_BY",
      builder.node(
        "Strategy",
        idOf(context, "strategy", `paper-${i}`),
        { title, kind, status: random.chance(0.5) ? "AGREED" : "DRAFT" },
        [cite(context, random.pick(["board1", "board2", "board3"]), "Agenda")],
      ),
      bodies.board,
      cite(context, "board1", "Agenda"),
    );

  // The performance dashboard: many indicators measure nothing in particular.
  for (const theme of context.themes)
    for (let i = 0, iEnd = Math.round(random.int(14, 22) * scale); i < iEnd; i++)
      indicator(
        context,
        idOf(context, "indicator", `dashboard:${theme.slug}:${i}`),
        `${theme.indicators[i % theme.indicators.length]} (dashboard line ${i + 1})`,
        random.pick(["board1", "board2", "board3"]),
        undefined,
        random.int(0, 3),
      );
  // Services commissioned against the priorities.
  for (let s = 0, sEnd = Math.round(random.int(35, 55) * scale); s < sEnd; s++) {
    const theme = random.pick(context.themes);
    const service = builder.node(
      "Service",
      idOf(context, "service", `${s}`),
      {
        name: `${theme.actions[s % theme.actions.length]} service`,
        description: `Commissioned for ${theme.title.toLowerCase()}.`,
      },
      [cite(context, random.pick(["planA", "planB", "strategy"]), "Services")],
    );
    builder.link(
      "LED_BY",
      service,
      random.pick(context.organisations.all),
      cite(context, "planA", "Services"),
      {
        role: random.chance(0.6) ? "PROVIDER" : "COMMISSIONER",
      },
    );
    builder.link(
      "CONTRIBUTES_TO",
      service,
      random.chance(0.5) ? random.pick(mainPriorities) : random.pick(objectives),
      cite(context, "planA", "Services"),
    );
  }
  return { strategyId: main, priorityId: mainPriorities[0]!, actionId: planA.firstAction! };
}
