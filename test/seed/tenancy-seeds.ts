/**
 * Seed folders of the tests' own for the ownership rules: two partnerships of different shapes
 * (A: a board with a group; B: a district board above its CSP) and shared entities (an agency
 * and a county forum), every id made unique by `tag` so the files never touch the sample graph or
 * another test. B also refers to the real shared `org:home-office` of seeds/shared/.
 *
 * @example
 *   const files = tenancySeeds("t1a2b3c4");  // { "a/partnership.yaml": "...", "shared/x.yaml": ..., ... }
 */
export interface TenancyIds {
  a: string;
  b: string;
  agency: string;
  forum: string;
  aBoard: string;
  bBoard: string;
  bCsp: string;
  sharedDoc: string;
}

export function tenancyIds(tag: string): TenancyIds {
  return {
    a: `partnership:${tag}-a`,
    b: `partnership:${tag}-b`,
    agency: `org:${tag}-national-agency`,
    forum: `body:${tag}-county-forum`,
    aBoard: `body:${tag}-a-board`,
    bBoard: `body:${tag}-b-district-board`,
    bCsp: `body:${tag}-b-csp`,
    sharedDoc: `doc:${tag}-shared-registry`,
  };
}

/** Options change what a re-issued paper would: B's files say less, or more. */
export function tenancySeeds(
  tag: string,
  options: { bVersion?: 1 | 2; withoutB?: boolean; withoutA?: boolean } = {},
): Record<string, string> {
  const ids = tenancyIds(tag);
  const v2 = options.bVersion === 2;
  const files: Record<string, string> = {
    "shared/registry.yaml": `partnership: shared
document: { id: ${ids.sharedDoc}, title: Shared registry ${tag}, kind: REGISTRY }
entries:
  - Organisation: ${ids.agency}
    at: "partnership A's paper, cover"
    name: National Agency ${tag}
    kind: GOVERNMENT
  - Body: ${ids.forum}
    at: "partnership B's paper, structure chart"
    name: County Forum ${tag}
    kind: EXTERNAL_BOARD
`,
  };
  if (!options.withoutA)
    files["a/partnership.yaml"] = `partnership: ${ids.a}
document: { id: doc:${tag}-a-minutes, title: Minutes of A ${tag}, date: 2020-01-01 }
entries:
  - Partnership: ${ids.a}
    at: Cover
    name: Partnership A ${tag}
  - Body: ${ids.aBoard}
    at: Cover
    name: Board A ${tag}
    kind: STATUTORY_BOARD
    ACCOUNTABLE_TO: ${ids.forum}
  - Body: body:${tag}-a-group
    at: Structure
    name: Group A ${tag}
    kind: STRATEGY_DELIVERY_GROUP
    ACCOUNTABLE_TO: ${ids.aBoard}
  - Person: person:${tag}-a-chair
    at: Attendance
    name: Chair A ${tag}
    MEMBER_OF: { to: ${ids.aBoard}, role: CHAIR }
    WORKS_FOR: ${ids.agency}
  - Organisation: ${ids.agency}
    at: Members
    MEMBER_OF: { to: ${ids.aBoard}, kind: STATUTORY }
`;
  if (!options.withoutB)
    files["b/partnership.yaml"] = `partnership: ${ids.b}
document: { id: doc:${tag}-b-pack, title: Agenda pack of B ${tag}, date: 2021-06-01 }
entries:
  - Partnership: ${ids.b}
    at: Cover
    name: Partnership B ${tag}
  - Body: ${ids.bBoard}
    at: Structure chart
    name: District Board B ${tag}
    kind: LOCAL_STRATEGIC_PARTNERSHIP
    ACCOUNTABLE_TO: ${ids.forum}
  - Body: ${ids.bCsp}
    at: Structure chart
    name: Community Safety Partnership B ${tag}
    kind: STATUTORY_BOARD
    ACCOUNTABLE_TO: ${ids.bBoard}
  - Person: person:${tag}-b-officer
    at: Attendance
    name: Officer B ${tag}
    MEMBER_OF: { to: ${ids.bCsp}, role: MEMBER }
    WORKS_FOR: ${ids.agency}
  - Organisation: ${ids.agency}
    at: Members
    MEMBER_OF: { to: ${ids.bCsp}, kind: STATUTORY }
  - Organisation: org:home-office
    at: Funding
${
  v2
    ? `  - Body: body:${tag}-b-new-group
    at: Structure chart, added
    name: New Group B ${tag}
    kind: STRATEGY_DELIVERY_GROUP
    ACCOUNTABLE_TO: ${ids.bBoard}
`
    : ""
}`;
  return files;
}
