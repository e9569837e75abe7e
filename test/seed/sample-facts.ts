import { expect } from "vitest";

/**
 * Facts read off the five papers by hand (not from the seed files), each with where it stands,
 * asked through the GraphQL API as a client would. One line per fact:
 *
 *   fact(paper, what, rootField, id, selection, expected, [document, locator])
 *
 * `expected` is matched against the node (a subset); the node must be EVIDENCED_BY `document`
 * with a locator containing `locator`. Relationship facts also check the relationship's own
 * `source`. The papers: 000 SCPB 30 Jan 2015 (Community Safety Strategy 2015-2020), 001 SCPB
 * 21 Jul 2017 (VAWG Strategy, dashboard), 002 Action planning 2013/14, 003 Action Plan
 * 2022-2023, 004 SCPB 29 Jan 2016 (Gangs Delivery Plan, Prevent).
 */
export interface Fact {
  paper: string;
  what: string;
  root: string;
  id: string;
  select: string;
  expected: Record<string, unknown>;
  source: readonly [document: string, locator: string];
}

const fact = (
  paper: string,
  what: string,
  root: string,
  id: string,
  select: string,
  expected: Record<string, unknown>,
  source: readonly [string, string],
): Fact => ({
  paper,
  what,
  root,
  id,
  select,
  expected,
  source,
});

const P000 = "doc:scpb-2015-01-30";
const P001 = "doc:scpb-2017-07-21";
const P002 = "doc:action-plan-2013-14";
const P003 = "doc:action-plan-2022-23";
const P004 = "doc:scpb-2016-01-29";

const ON_LEADERS = "... on Person { id name } ... on Organisation { id name } ... on Body { id name }";
const LEADS = `leadsConnection { totalCount edges { properties { role source locator } node { ${ON_LEADERS} } } }`;
const EDGE_PROPS = "properties { source locator }";

/** A relationship to `node` (an id, or fields of the target) whose properties include `properties`. */
const to = (node: string | Record<string, unknown>, properties: Record<string, unknown> = {}): unknown =>
  expect.objectContaining({
    node: expect.objectContaining(typeof node === "string" ? { id: node } : node),
    properties: expect.objectContaining(properties),
  });
/** A connection holding (at least) these relationships. */
const edges = (...relationships: unknown[]): unknown =>
  expect.objectContaining({ edges: expect.arrayContaining(relationships) });
/** A connection holding exactly these relationships, in any order. */
const exactly = (...relationships: unknown[]): unknown => ({
  totalCount: relationships.length,
  edges: expect.arrayContaining(relationships),
});
const ids = (...list: string[]): unknown => expect.arrayContaining(list.map((id) => ({ id })));
const text = (fragment: string): unknown => expect.stringContaining(fragment);

export const FACTS: Fact[] = [
  // --- 002: Action planning 2013/14 for the Safer Communities Strategy 2011-14 -------------------
  fact(
    "002",
    "burglary outcome: MOPAC target -6.0%, current 4670, previous 4760, change -1.90%",
    "measurements",
    "measurement:scs-2011-14:p1:burglary:current",
    "period target targetText value comparisonValue change changeText indicator { name }",
    {
      period: "Current rolling 12 months",
      target: -6,
      targetText: "-6.0%",
      value: 4670,
      comparisonValue: 4760,
      change: -1.9,
      changeText: "-1.90%",
      indicator: [{ name: "Reduction in burglary" }],
    },
    [P002, "Property crime, Section 2 Target outcomes, row 3"],
  ),
  fact(
    "002",
    "robbery outcome: MOPAC target -5.0%, current 996, previous 1124, change -11.40%",
    "measurements",
    "measurement:scs-2011-14:p1:robbery:current",
    "target value comparisonValue change",
    { target: -5, value: 996, comparisonValue: 1124, change: -11.4 },
    [P002, "Property crime, Section 2 Target outcomes, row 2"],
  ),
  fact(
    "002",
    "MARAC repeat victimisation: 72 repeat cases, MOPAC target -8%, previous not available",
    "measurements",
    "measurement:scs-2011-14:p3:marac-repeat-victimisation:current",
    "value valueText target comparisonValue change",
    { value: 72, valueText: "72 repeat cases", target: -8, comparisonValue: null, change: 8 },
    [P002, "Violent crime, Section 2 Target outcomes, row 3"],
  ),
  fact(
    "002",
    "ASB worry: baseline 24%, April 2013 20%",
    "measurements",
    "measurement:scs-2011-14:p2:worried-about-asb:2013-04",
    "period value valueText comparisonValue",
    { period: "April 2013", value: 20, valueText: "20%", comparisonValue: 24 },
    [P002, "Anti social behaviour, Section 2 Target outcomes, row 1"],
  ),
  fact(
    "002",
    "property roadshows: Richard Bell, due 30.3.2014",
    "actions",
    "action:action-plan-2013-14:p1-5",
    `title dueText dueDate ${LEADS}`,
    {
      title: "To complete 4 Property Roadshow in specific Hot spot areas",
      dueText: "30.3.2014",
      dueDate: "2014-03-30",
      leadsConnection: exactly(
        to({ id: "person:richard-bell", name: "Richard Bell" }, { role: "LEAD_OFFICER", source: P002 }),
      ),
    },
    [P002, "Property crime, Section 4 Action plan, row 5"],
  ),
  fact(
    "002",
    "analytical products: DCI Randall, on going, three quarterly updates",
    "actions",
    "action:action-plan-2013-14:p1-1",
    `dueText dueDate ${LEADS} updates { period }`,
    {
      dueText: "on going",
      dueDate: null,
      leadsConnection: exactly(to("person:gary-randall", { role: "LEAD_OFFICER" })),
      updates: expect.arrayContaining([
        { period: "2013/14 Q1" },
        { period: "2013/14 Q2" },
        { period: "2013/14 Q3" },
      ]),
    },
    [P002, "Property crime, Section 4 Action plan, row 1"],
  ),
  fact(
    "002",
    "Q1 progress of the analytical products action names Operation Formidable",
    "progressUpdates",
    "update:action-plan-2013-14:p1-1:q1",
    "period date text action { id }",
    {
      period: "2013/14 Q1",
      date: "2013-06-30",
      text: text(
        'Introduction of "Nano" beats for specific roads. Operation Formidable two April -July 2013',
      ),
      action: [{ id: "action:action-plan-2013-14:p1-1" }],
    },
    [P002, "Property crime, Section 4 Action plan, row 1, Qtr 1"],
  ),
  fact(
    "002",
    "ASB meeting structure review: Steve Murrant and Andy Mariner, due 19.7.2013",
    "actions",
    "action:action-plan-2013-14:p2-1",
    `dueText dueDate ${LEADS}`,
    {
      dueText: "19.7.2013",
      dueDate: "2013-07-19",
      leadsConnection: exactly(
        to("person:steve-murrant", { role: "LEAD_OFFICER" }),
        to("person:andy-mariner", { role: "LEAD_OFFICER" }),
      ),
    },
    [P002, "Anti social behaviour, Section 4 Action plan, row 1"],
  ),
  fact(
    "002",
    "existing DV services: Manju Lukhman (Likhman), DV Coordinator, Sep-13",
    "actions",
    "action:action-plan-2013-14:p3-12",
    `dueText dueDate ${LEADS}`,
    {
      dueText: "Sep-13",
      dueDate: "2013-09-30",
      leadsConnection: exactly(
        to(
          { id: "person:manju-likhman", name: "Manju Likhman" },
          { role: "LEAD_OFFICER", locator: text('"Manju Lukhman - DV Coordinator"') },
        ),
      ),
    },
    [P002, "Violent crime, Section 4 Action plan, row 12"],
  ),
  fact(
    "002",
    "property crime roles: lead agencies, strategic lead D Supt Strugnell, four operational leads",
    "objectives",
    "objective:scs-2011-14:priority-1",
    `ref title ${LEADS}`,
    {
      ref: "Priority 1",
      title: "Property crime with special focus on burglary",
      leadsConnection: exactly(
        to("org:met-police", { role: "LEAD_AGENCY" }),
        to("org:community-safety-team", { role: "LEAD_AGENCY" }),
        to("person:mark-strugnell", { role: "STRATEGIC_LEAD" }),
        to("person:gary-randall", { role: "OPERATIONAL_LEAD" }),
        to("person:andy-mariner", { role: "OPERATIONAL_LEAD" }),
        to("person:simon-causer", { role: "OPERATIONAL_LEAD" }),
        to("person:steve-murrant", { role: "OPERATIONAL_LEAD" }),
      ),
    },
    [P002, "Priority 1"],
  ),
  fact(
    "002",
    "violent crime roles were left as template text: no lead recorded; six governance groups",
    "objectives",
    "objective:scs-2011-14:priority-3",
    `title ${LEADS} governedBy { id }`,
    {
      title: "Violent crime with specific focus on domestic violence",
      leadsConnection: { totalCount: 0, edges: [] },
      governedBy: ids(
        "body:wanted-offender-meeting",
        "body:mappa",
        "body:marac-steering-group",
        "body:dv-marac",
        "body:violent-crime-review",
        "body:dv-strategy-group",
      ),
    },
    [P002, "Priority 3"],
  ),
  fact(
    "002",
    "Burglary Review Group: fortnightly, police led with Community Safety attendance",
    "bodies",
    "body:burglary-review-group",
    "name kind frequency membershipNote purpose",
    {
      name: "Burglary Review Group",
      frequency: "Fortnightly",
      membershipNote: "Police led with Community Safety attendance.",
      purpose: "To review Burglary performance, reduction, victim care, detection and tasking.",
    },
    [P002, "Property crime, Section 2 Governance, group 1"],
  ),
  fact(
    "002",
    "ASB Grip meeting: daily, ASB staff and SLT",
    "bodies",
    "body:asb-grip-meeting",
    "frequency membershipNote purpose",
    {
      frequency: "Daily",
      membershipNote: "ASB staff, and SLT from Barnet",
      purpose: "Monitor repeat calls, frequency of calls to a particular area and ASB hotspots.",
    },
    [P002, "Anti social behaviour, Section 2 Governance, group 1"],
  ),
  fact(
    "002",
    "MARAC: 3 weekly, all partners",
    "bodies",
    "body:dv-marac",
    "frequency membershipNote aliases",
    {
      frequency: "3 weekly",
      membershipNote: "all partners",
      aliases: expect.arrayContaining(["MARAC", "DV MARAC"]),
    },
    [P002, "Violent crime, Section 2 Governance, group 4"],
  ),

  // --- 000: SCPB 30 Jan 2015, Community Safety Strategy 2015-2020 --------------------------------
  fact(
    "000",
    "the partnership's mission",
    "partnerships",
    "partnership:barnet",
    "name mission",
    {
      name: "Barnet Safer Communities Partnership",
      mission: text("Our goal is to ensure Barnet remains one of the safest boroughs in London."),
    },
    [P000, "BSCP's Mission"],
  ),
  fact(
    "000",
    "commitment 1.8: introduce the Community Safety MARAC",
    "actions",
    "action:css-2015-20:1.8",
    "ref kind title contributesTo { id }",
    {
      ref: "1.8",
      kind: "COMMITMENT",
      title: text(
        "We will introduce the Community Safety Multi Agency Risk Assessment Conference (Community Safety MARAC)",
      ),
      contributesTo: [{ id: "objective:css-2015-20:outcome-1" }],
    },
    [P000, "Outcome 1, How We Will Make This Happen, 1.8"],
  ),
  fact(
    "000",
    "commitment 6.11: the Burglary Reduction Group scopes a cold calling pilot",
    "actions",
    "action:css-2015-20:6.11",
    `ref title ${LEADS}`,
    {
      ref: "6.11",
      title: text("scope out a pilot for a cold calling scheme"),
      leadsConnection: exactly(to("body:burglary-reduction-group", { role: "ACCOUNTABLE", source: P000 })),
    },
    [P000, "6.11"],
  ),
  fact(
    "000",
    "youth crime prevention principle 4.7: Mobilising Communities",
    "actions",
    "action:css-2015-20:4.7",
    "ref kind title",
    {
      ref: "4.7",
      kind: "COMMITMENT",
      title: text("Mobilising Communities: We will work in partnership with local communities"),
    },
    [P000, "4.7 (Youth Crime Prevention Strategy principle)"],
  ),
  fact(
    "000",
    "Delivering the plan: progress reported annually to both Safeguarding Boards and the Community Leadership Committee",
    "bodies",
    "body:scpb",
    "providesUpdatesToConnection { edges { properties { frequency source locator } node { id } } }",
    {
      providesUpdatesToConnection: edges(
        to("body:safeguarding-childrens-board", { frequency: "Annually", source: P000 }),
        to("body:safeguarding-adults-board", { frequency: "Annually", source: P000 }),
        to("body:community-leadership-committee", { frequency: "Annually", source: P000 }),
      ),
    },
    [P000, "Delivering the plan"],
  ),
  fact(
    "000",
    "signatories: the London CRC is a statutory member",
    "organisations",
    "org:london-crc",
    "name memberOfConnection { edges { properties { kind validFrom source } node { id } } }",
    {
      name: "London Community Rehabilitation Company",
      memberOfConnection: edges(
        to("body:scpb", { kind: "STATUTORY", validFrom: "2015-01-30", source: P000 }),
      ),
    },
    [P000, "Signatories to the Strategy, Statutory organisations"],
  ),
  fact(
    "000",
    "signatories: CommUNITY Barnet is an invited member",
    "organisations",
    "org:community-barnet",
    "name aliases memberOfConnection { edges { properties { kind source } node { id } } }",
    {
      name: "CommUNITY Barnet",
      aliases: expect.arrayContaining(["Community Barnet", "CommUnity Barnet", "COMMUNITY Barnet"]),
      memberOfConnection: edges(to("body:scpb", { kind: "INVITED", source: P000 })),
    },
    [P000, "Signatories to the Strategy, Invited members"],
  ),
  fact(
    "000",
    "2011-14 achievement: 12.7% reduction in ASB calls",
    "measurements",
    "measurement:scs-2011-14:asb-calls-2014-02-25",
    "period date change changeText",
    {
      period: "Last 12 months (to 25th Feb 2014)",
      date: "2014-02-25",
      change: -12.7,
      changeText: "12.7% reduction in ASB calls",
    },
    [P000, "2011/2014 Achievements table, row 2"],
  ),
  fact(
    "000",
    "strategic objective 1: a victim centred approach",
    "objectives",
    "objective:css-2015-20:objective-1",
    "ref kind title partOfStrategy { id }",
    {
      ref: "1",
      kind: "STRATEGIC_OBJECTIVE",
      title: "To provide a victim centred approach to victims of crime and anti-social behaviour.",
      partOfStrategy: [{ id: "strategy:community-safety-2015-20" }],
    },
    [P000, "2015-2020 Strategic Objectives, Objectives table, 1"],
  ),
  fact(
    "000",
    "the DV and VAWG Strategy 2013-16 is delivered through the DV and VAWG Strategy Delivery Group",
    "strategies",
    "strategy:dv-vawg-2013-16",
    "overseenBy { id name }",
    { overseenBy: [{ id: "body:dv-vawg-delivery-group", name: "DV and VAWG Strategy Delivery Group" }] },
    [P000, "Outcome 3a, How We Will Make This Happen"],
  ),
  fact(
    "000",
    "Victim Support's new victim service: enhanced priority referrals",
    "services",
    "service:victim-support-london-victim-service",
    "name description",
    {
      name: "Victim Support revised victim service for London",
      description: text(
        "Enhanced priority referrals: Violence with Injury; Sexual Offences; Domestic Violence",
      ),
    },
    [P000, "Agenda item 3 slides"],
  ),

  // --- 004: SCPB 29 Jan 2016 -------------------------------------------------------------------
  fact(
    "004",
    "the Part 2 Domestic Homicide Review item is restricted (exempt)",
    "agendaItems",
    "item:scpb-2016-01-29:7",
    "number title restricted exemption meeting { id }",
    {
      number: "7",
      title: "Domestic Homicide Review Update",
      restricted: true,
      exemption: text("paragraph 9 of Part 1 of Schedule 12A of the Local Government Act 1972"),
      meeting: [{ id: "meeting:scpb-2016-01-29" }],
    },
    [P004, "Part 2 (Private), Item 7"],
  ),
  fact(
    "004",
    "item 3 Youth Crime Prevention: presented by Duncan Tessier, asks to agree the refreshed plan",
    "agendaItems",
    "item:scpb-2016-01-29:3",
    "title outcomeRequired presentedBy { id }",
    {
      title: "Youth Crime Prevention",
      outcomeRequired: text("Agree the refreshed action plan"),
      presentedBy: [{ id: "person:duncan-tessier" }],
    },
    [P004, "Agenda item 3 cover sheet"],
  ),
  fact(
    "004",
    "30 Oct 2015 apologies: Jamie Blake, Kiran Vagarwal, Caroline Birkett, Jon Dickinson, Nicola Francis",
    "meetings",
    "meeting:scpb-2015-10-30",
    "date attendeesConnection(where: { edge: { status: { eq: APOLOGIES } } }) { totalCount edges { properties { status source } node { id } } }",
    {
      date: "2015-10-30",
      attendeesConnection: exactly(
        ...["jamie-blake", "kiran-vagarwal", "caroline-birkett", "jon-dickinson", "nicola-francis"].map((p) =>
          to(`person:${p}`, { status: "APOLOGIES", source: P004 }),
        ),
      ),
    },
    [P004, "Minutes of meeting held on 30 October 2015"],
  ),
  fact(
    "004",
    "30 Oct 2015: Peter Clifton substituted for Kiran Vagarwal",
    "meetings",
    "meeting:scpb-2015-10-30",
    "attendeesConnection(where: { edge: { status: { eq: SUBSTITUTE } } }) { totalCount edges { properties { status substituteFor } node { id } } }",
    {
      attendeesConnection: exactly(
        to("person:peter-clifton", { status: "SUBSTITUTE", substituteFor: "person:kiran-vagarwal" }),
      ),
    },
    [P004, "Minutes of meeting held on 30 October 2015"],
  ),
  fact(
    "004",
    "30 Oct 2015 action log: Bradley Few (MOPAC) to list the Pan-London programmes",
    "actions",
    "action:scpb-2015-10-30:1",
    `kind title raisedAt { id } ${LEADS}`,
    {
      kind: "MEETING_ACTION",
      title: text("list of all MOPAC Pan-London programmes"),
      raisedAt: [{ id: "meeting:scpb-2015-10-30" }],
      leadsConnection: exactly(
        to("person:bradley-few", { role: "LEAD_OFFICER" }),
        to("org:mopac", { role: "LEAD_AGENCY" }),
      ),
    },
    [P004, "Action Log 30 Oct 2015, row 1"],
  ),
  fact(
    "004",
    "Gangs Delivery Plan action 1: Keeping Young People Safe, Karen Ali, 30 June 2016, 70% diverted",
    "actions",
    "action:gsyv-2016-18:1",
    `ref dueText dueDate desiredOutcome contributesTo { id } ${LEADS}`,
    {
      ref: "1",
      dueText: "30 June 2016",
      dueDate: "2016-06-30",
      desiredOutcome: text("70% of young people in cohort diverted from gang activity"),
      contributesTo: [{ id: "objective:gsyv-2016-18:prevention" }],
      leadsConnection: edges(to("person:karen-ali", { role: "ACCOUNTABLE", source: P004 })),
    },
    [P004, "Delivery Plan 2016-2018, Prevention, action 1"],
  ),
  fact(
    "004",
    "Gangs Delivery Plan action 23: internal communications plan, Community Safety, 31 January 2016",
    "actions",
    "action:gsyv-2016-18:23",
    `dueText dueDate desiredOutcome ${LEADS}`,
    {
      dueText: "31 January 2016",
      dueDate: "2016-01-31",
      desiredOutcome:
        "Communications plan in place and actions to support are identified with leads and timescales",
      leadsConnection: exactly(to("org:community-safety-team", { role: "ACCOUNTABLE" })),
    },
    [P004, "action 23"],
  ),
  fact(
    "004",
    "the Communications group meets monthly and is accountable to the SCPB",
    "bodies",
    "body:scpb-communications-group",
    "name frequency accountableTo { id }",
    {
      name: "Barnet Safer Communities Partnership Communications group",
      frequency: "monthly",
      accountableTo: [{ id: "body:scpb" }],
    },
    [P004, "Communications group Terms of Reference"],
  ),
  fact(
    "004",
    "the SCPB's quorum is 3",
    "bodies",
    "body:scpb",
    "name quorum kind",
    { name: "Safer Communities Partnership Board", quorum: "3", kind: "STATUTORY_BOARD" },
    [P004, "(Quorum 3)"],
  ),
  fact(
    "004",
    "Third Party reporting sites include Barnet Mencap, GALOP and the Community Security Trust (9 sites)",
    "services",
    "service:third-party-hate-crime-reporting",
    LEADS,
    {
      leadsConnection: {
        totalCount: 9,
        edges: expect.arrayContaining(
          ["org:barnet-mencap", "org:galop", "org:community-security-trust"].map((o) =>
            to(o, { role: "PROVIDER", source: P004 }),
          ),
        ),
      },
    },
    [P004, "Agenda item 4, section 1"],
  ),
  fact(
    "004",
    "Prevent: the CT & Prevent Working Group meets quarterly and updates the SCPB annually",
    "bodies",
    "body:ct-prevent-working-group",
    `frequency providesUpdatesToConnection { edges { properties { frequency } node { id } } }`,
    { frequency: "quarterly", providesUpdatesToConnection: edges(to("body:scpb", { frequency: "Annual" })) },
    [P004, "Agenda item 5, Appendix 1, section 1"],
  ),

  // --- 001: SCPB 21 Jul 2017 -------------------------------------------------------------------
  fact(
    "001",
    "the VAWG Strategy 2017-2020 supersedes the DV and VAWG Strategy 2013-2016",
    "strategies",
    "strategy:vawg-2017-20",
    `status supersedesConnection { totalCount edges { ${EDGE_PROPS} node { id status } } }`,
    {
      status: "AGREED",
      supersedesConnection: exactly(
        to(
          { id: "strategy:dv-vawg-2013-16", status: "SUPERSEDED" },
          { source: P001, locator: text("para 3.1") },
        ),
      ),
    },
    [P001, "VAWG Strategy 2017-2020"],
  ),
  fact(
    "001",
    "the VAWG Strategy is overseen by the VAWG Delivery Group and led by Kiran Vagarwal",
    "strategies",
    "strategy:vawg-2017-20",
    `overseenBy { id } ${LEADS}`,
    {
      overseenBy: ids("body:dv-vawg-delivery-group", "body:scpb"),
      leadsConnection: edges(to("person:kiran-vagarwal", { role: "STRATEGIC_LEAD" })),
    },
    [P001, "VAWG Strategy 2017-2020"],
  ),
  fact(
    "001",
    "partnership objective 1: Preventing Violence against Women and Girls",
    "objectives",
    "objective:vawg-2017-20:1",
    "ref kind title partOfStrategy { id }",
    {
      ref: "Partnership Objective 1",
      kind: "PARTNERSHIP_OBJECTIVE",
      title: "Preventing Violence against Women and Girls",
      partOfStrategy: [{ id: "strategy:vawg-2017-20" }],
    },
    [P001, "Partnership Objective 1"],
  ),
  fact(
    "001",
    "the VAWG Delivery Group is accountable to the SCPB",
    "bodies",
    "body:dv-vawg-delivery-group",
    `accountableToConnection { edges { ${EDGE_PROPS} node { id } } }`,
    { accountableToConnection: edges(to("body:scpb", { source: P001 })) },
    [P001, "Delivering the Strategy, Governance"],
  ),
  fact(
    "001",
    "28 Apr 2017 apologies include Laura Featley (DWP) and Tim Harris (Magistrates Court): 8 in all",
    "meetings",
    "meeting:scpb-2017-04-28",
    "attendeesConnection(where: { edge: { status: { eq: APOLOGIES } } }) { totalCount edges { properties { status source } node { id name } } }",
    {
      attendeesConnection: {
        totalCount: 8,
        edges: expect.arrayContaining([
          to({ id: "person:laura-featley", name: "Laura Featley" }, { source: P001 }),
          to("person:tim-harris"),
          to("person:jamie-keddy"),
          to("person:aveen-gardiner"),
        ]),
      },
    },
    [P001, "Minutes of meeting held on 28 April 2017"],
  ),
  fact(
    "001",
    "28 Apr 2017: Claire Ansdell (National Probation Service) present, 9 members present",
    "meetings",
    "meeting:scpb-2017-04-28",
    "attendeesConnection(where: { edge: { status: { eq: PRESENT } } }) { totalCount edges { properties { status } node { id } } }",
    {
      attendeesConnection: {
        totalCount: 9,
        edges: expect.arrayContaining([
          to("person:claire-ansdell"),
          to("person:david-longstaff"),
          to("person:kiran-vagarwal"),
        ]),
      },
    },
    [P001, "Minutes of meeting held on 28 April 2017"],
  ),
  fact(
    "001",
    "July 2017 dashboard: burglary 3278 in the 12 months to May 2017, -13%",
    "measurements",
    "measurement:scpb-dashboard:burglary:2017-05-12m",
    "period date value change changeText",
    {
      period: "Recent 12 months (to May2017)",
      date: "2017-05-31",
      value: 3278,
      change: -13,
      changeText: "-13%",
    },
    [P001, "Summary dashboard A, row Burglary"],
  ),
  fact(
    "001",
    "July 2017 dashboard: residential burglary ranks 15/15 in its similar group",
    "measurements",
    "measurement:scpb-dashboard:residential-burglary:similar-group-rank",
    "rank rankText",
    { rank: 15, rankText: "15/15" },
    [P001, "Summary dashboard A, row Residential Burglary"],
  ),
  fact(
    "001",
    "ASB Project 2016/17: 118 referrals against a target of 72, RAG green",
    "measurements",
    "measurement:vs-asb:referrals:2016-17",
    "period value target rag",
    { period: "2016/2017", value: 118, target: 72, rag: "GREEN" },
    [P001, "Barnet ASB Project End of Year Report 2016/17"],
  ),
  fact(
    "001",
    "the IDVA service is commissioned by Barnet Council and provided by Solace Women's Aid",
    "services",
    "service:idva",
    `name aliases evidencedBy { id } ${LEADS}`,
    {
      name: "Independent Domestic Violence Abuse Advocacy Service",
      aliases: expect.arrayContaining(["Barnet's Independent Advocacy Service (IDVA)"]),
      evidencedBy: ids(P000, P001, P004),
      leadsConnection: edges(
        to("org:barnet-council", { role: "COMMISSIONER" }),
        to("org:solace-womens-aid", { role: "PROVIDER" }),
      ),
    },
    [P001, "Services Commissioned by Barnet Council"],
  ),
  fact(
    "001",
    "890 referrals to the IDVA service, April to December 2016",
    "measurements",
    "measurement:vawg-2017-20:idva-referrals:2016-04-to-2016-12",
    "period value indicator { name }",
    {
      period: "April 2016 - December 2016",
      value: 890,
      indicator: [{ name: "Referrals to Barnet's IDVA service" }],
    },
    [P001, "Executive Summary"],
  ),
  fact(
    "001",
    "Kiran Vagarwal, also spelled Kiran Vargwarl, sits on the SCPB",
    "people",
    "person:kiran-vagarwal",
    "name aliases memberOf { id }",
    {
      name: "Kiran Vagarwal",
      aliases: expect.arrayContaining(["Kiran Vargwarl"]),
      memberOf: ids("body:scpb"),
    },
    [P001, "Minutes 28 Apr 2017, Board Members Present"],
  ),

  // --- 003: Community Safety Strategy Action Plan 2022-2023 --------------------------------------
  fact(
    "003",
    "Priority 1 of 2022-2027: Tackling and reducing anti-social behaviour",
    "objectives",
    "objective:cs-2022-27:priority-1",
    "ref kind title partOfStrategy { id }",
    {
      ref: "Priority 1",
      kind: "PRIORITY",
      title: "Tackling and reducing anti-social behaviour",
      partOfStrategy: [{ id: "strategy:community-safety-2022-27" }],
    },
    [P003, "Barnet Priorities 2022 - 2027, Priority 1"],
  ),
  fact(
    "003",
    "Priority 1 depends on an effective Community Safety MARAC",
    "risks",
    "risk:cs-2022-27:p1:d2",
    "kind text affects { id }",
    {
      kind: "DEPENDENCY",
      text: "That the partnership has an effective Community Safety MARAC",
      affects: [{ id: "objective:cs-2022-27:priority-1" }],
    },
    [P003, "Priority 1, Dependencies/Risks, D2"],
  ),
  fact(
    "003",
    "CS MARAC meetings held 6 weekly",
    "bodies",
    "body:community-safety-marac",
    "frequency aliases",
    { frequency: "6 weekly", aliases: expect.arrayContaining(["CS MARAC", "Community Safety MARAC"]) },
    [P003, "Priority 1, Actions/Progress/Comments, entry 5"],
  ),
  fact(
    "003",
    "the new Combatting Drugs Partnership Board reports into the SCPB",
    "bodies",
    "body:combatting-drugs-partnership-board",
    `providesUpdatesToConnection { totalCount edges { ${EDGE_PROPS} node { id } } }`,
    {
      providesUpdatesToConnection: exactly(
        to("body:scpb", { source: P003, locator: text("reporting into SCPB") }),
      ),
    },
    [P003, "Priority 3 (second table), Actions/Progress/Comments, entry 3"],
  ),
  fact(
    "003",
    "the Serious Violence Duty commences in early 2023 and will report into the SCPB",
    "bodies",
    "body:serious-violence-duty",
    "providesUpdatesToConnection { totalCount edges { properties { validFrom source } node { id } } }",
    { providesUpdatesToConnection: exactly(to("body:scpb", { validFrom: "2023-01-01", source: P003 })) },
    [P003, "Priority 3 (first table), Actions/Progress/Comments, entry 8"],
  ),
  fact(
    "003",
    "the action plan is scrutinised quarterly by the SCPB working group",
    "bodies",
    "body:scpb-working-group",
    "frequency membershipNote accountableTo { id } oversees { id }",
    {
      frequency: "Quarterly (convened immediately after each public facing SCPB meeting)",
      membershipNote: "The core group members of the Safer Communities Partnership Board.",
      accountableTo: [{ id: "body:scpb" }],
      oversees: ids("strategy:action-plan-2022-23"),
    },
    [P003, "Introduction"],
  ),
  fact(
    "003",
    "hate crime in England and Wales: 155,841 in the year to March 2022, up 26% from 124,104",
    "measurements",
    "measurement:cs-2022-27:p5:hate-crimes-england-wales:2021-22",
    "period value comparisonValue change",
    { period: "year ending March 2022", value: 155841, comparisonValue: 124104, change: 26 },
    [P003, "Priority 5, Actions/Progress/Comments, entry 2"],
  ),
];

/** Counts the issue names for each paper ("8 priorities", "26 actions"...), through generated queries. */
export interface CountFact {
  paper: string;
  what: string;
  query: string;
  /** Path in `data` to the number. */
  path: readonly (string | number)[];
  count: number;
}

// Top-level connections filtered through relationships: no `where: { node: ... }` filters, which
// the API refuses to callers below admin (they could reach into restricted agenda items).
const strategyObjectives = (strategy: string, kind: string): string =>
  `{ objectivesConnection(where: { kind: { eq: ${kind} }, partOfStrategy: { some: { id: { eq: "${strategy}" } } } }) { totalCount } }`;
const count = (
  paper: string,
  what: string,
  query: string,
  number: number,
  path: readonly (string | number)[] = ["objectivesConnection", "totalCount"],
): CountFact => ({
  paper,
  what,
  query,
  path,
  count: number,
});

export const COUNTS: CountFact[] = [
  count(
    "002",
    "8 priorities of the Safer Communities Strategy 2011-14",
    strategyObjectives("strategy:safer-communities-2011-14", "PRIORITY"),
    8,
  ),
  count(
    "002",
    "3 of them priority issues",
    `{ objectivesConnection(where: { kind: { eq: PRIORITY }, category: { eq: "priority issue" }, partOfStrategy: { some: { id: { eq: "strategy:safer-communities-2011-14" } } } }) { totalCount } }`,
    3,
  ),
  count(
    "000",
    "3 strategic objectives of the 2015-2020 strategy",
    strategyObjectives("strategy:community-safety-2015-20", "STRATEGIC_OBJECTIVE"),
    3,
  ),
  count(
    "000",
    "6 outcomes of the 2015-2020 strategy",
    strategyObjectives("strategy:community-safety-2015-20", "OUTCOME"),
    6,
  ),
  count(
    "000",
    "61 numbered commitments, 1.1 to 6.11",
    `{ actionsConnection(where: { partnershipId: { eq: "partnership:barnet" }, kind: { eq: COMMITMENT }, id: { startsWith: "action:css-2015-20:" } }) { totalCount } }`,
    61,
    ["actionsConnection", "totalCount"],
  ),
  count(
    "000",
    "the seven youth crime prevention principles 4.1-4.7 feed Outcome 4",
    `{ actionsConnection(where: { ref: { in: ["4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7"] }, contributesTo: { some: { id: { eq: "objective:css-2015-20:outcome-4" } } } }) { totalCount } }`,
    7,
    ["actionsConnection", "totalCount"],
  ),
  count(
    "004",
    "26 actions of the Gangs and Serious Youth Violence Delivery Plan",
    `{ actionsConnection(where: { contributesTo: { some: { partOfStrategy: { some: { id: { eq: "strategy:gsyv-2016-18" } } } } } }) { totalCount } }`,
    26,
    ["actionsConnection", "totalCount"],
  ),
  count(
    "004",
    "5 themes of the Gangs Delivery Plan",
    strategyObjectives("strategy:gsyv-2016-18", "THEME"),
    5,
  ),
  count(
    "001",
    "4 partnership objectives of the VAWG Strategy 2017-2020",
    strategyObjectives("strategy:vawg-2017-20", "PARTNERSHIP_OBJECTIVE"),
    4,
  ),
  count(
    "003",
    "5 priorities of the Community Safety Strategy 2022-2027",
    strategyObjectives("strategy:community-safety-2022-27", "PRIORITY"),
    5,
  ),
];
