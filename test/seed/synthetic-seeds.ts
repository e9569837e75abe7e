/**
 * A small seed set of the test's own, laid out like seeds/ (partnership, a registry, a paper),
 * with every id and the partnership made unique by `slug` so it never touches the sample graph or
 * another test. It uses every kind of value the loader converts: dates, whole numbers, decimals,
 * booleans, lists, relationship properties.
 *
 * Version 2 changes what a re-issued paper would change: a property, an alias, a figure, plus a
 * new action and a new relationship.
 *
 * @example
 *   const files = syntheticSeeds("test-1a2b3c4d");           // { "partnership.yaml": "...", ... }
 *   const changed = syntheticSeeds("test-1a2b3c4d", 2);
 */
export function syntheticSeeds(slug: string, version: 1 | 2 = 1): Record<string, string> {
  const p = `partnership:${slug}`;
  const id = (prefix: string, name: string): string => `${prefix}:${slug}:${name}`;
  const doc = id("doc", "minutes");
  const v2 = version === 2;
  return {
    "partnership.yaml": `partnership: ${p}
entries:
  - Partnership: ${p}
    source: ${doc}
    at: Cover page
    name: Test Safer Communities Partnership
`,
    "registry/people.yaml": `partnership: ${p}
entries:
  - Person: ${id("person", "ann")}
    source: ${doc}
    at: Members
    name: Ann Example
    aliases: [Anne Example${v2 ? ", Ann Exampel" : ""}]
    honorific: Cllr

  - Body: ${id("body", "board")}
    source: ${doc}
    at: Cover page
    name: Test Partnership Board
    kind: STATUTORY_BOARD
    frequency: ${v2 ? "Monthly" : "Quarterly"}
    quorum: "3"
    validFrom: 2016-01-29
`,
    "papers/minutes.yaml": `partnership: ${p}
document:
  id: ${doc}
  title: Minutes of the test board
  date: 2016-01-29
  kind: MINUTES
  fileName: minutes.txt
entries:
  - Person: ${id("person", "ann")}
    at: Board Members Present
    MEMBER_OF: { to: ${id("body", "board")}, role: CHAIR, validFrom: 2016-01-29 }
    ATTENDED: { to: ${id("meeting", "m1")}, status: PRESENT }

  - Meeting: ${id("meeting", "m1")}
    at: Minutes heading
    title: Test Partnership Board
    date: 2016-01-29
    MEETING_OF: ${id("body", "board")}
    HAS_ITEM: ${id("item", "m1-7")}

  - AgendaItem: ${id("item", "m1-7")}
    at: Item 7 (Part 2)
    number: "7"
    title: Domestic Homicide Review Update
    restricted: true

  - Strategy: ${id("strategy", "plan")}
    at: Item 3
    title: Test Delivery Plan
    kind: DELIVERY_PLAN
    periodStart: 2016-01-01
    periodEnd: 2018-01-31
    OVERSEEN_BY: ${id("body", "board")}

  - Objective: ${id("objective", "theme-1")}
    at: Item 3, theme 1
    title: Prevention
    kind: THEME
    PART_OF: ${id("strategy", "plan")}

  - Action: ${id("action", "1")}
    at: Item 3, action 1
    ref: "1"
    title: Work with 50 young people
    kind: ACTION
    dueText: 30 June 2016
    dueDate: 2016-06-30
    CONTRIBUTES_TO: ${id("objective", "theme-1")}
    LED_BY: { to: ${id("person", "ann")}, role: ACCOUNTABLE }
${
  v2
    ? `
  - Action: ${id("action", "2")}
    at: Item 3, action 2
    ref: "2"
    title: Share the screening tool
    kind: ACTION
    dueText: Ongoing
    CONTRIBUTES_TO: ${id("objective", "theme-1")}
    LED_BY: { to: ${id("body", "board")}, role: ACCOUNTABLE }
`
    : ""
}
  - Indicator: ${id("indicator", "burglary")}
    at: Target outcomes, row 3
    name: Reduction in burglary
    betterDirection: DOWN
    MEASURES: ${id("objective", "theme-1")}
    HAS_MEASUREMENT: ${id("measurement", "burglary-current")}

  - Measurement: ${id("measurement", "burglary-current")}
    at: Target outcomes, row 3
    period: Current rolling 12 months
    value: ${v2 ? 4671 : 4670}
    comparisonValue: 4760
    change: -1.9
    target: -6.0
    rank: 15
`,
  };
}
