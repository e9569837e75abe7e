import type { Driver } from "neo4j-driver";
import { DATABASE, isolatedPartnership } from "../support/database.ts";
import { loadFixture } from "../support/seed-fixture.ts";

/**
 * A partnership shaped unlike Barnet, loaded beside it through the real loader (until the second
 * sample partnership ships in seeds/): its CSP is accountable to a district board above it (the
 * local strategic partnership, the top), one delivery group is accountable to that district board
 * directly, a sibling sub-partnership sits under the district board too, the district board
 * reports to a shared county board outside the partnership, a youth forum was set up in 2022, and
 * a panel has no line at all. People and bodies have names that overlap Barnet's words on purpose.
 */
export async function loadDistrictFixture(driver: Driver) {
  const partnership = isolatedPartnership(driver);
  const s = partnership.slug;
  const id = {
    district: `body:${s}-district-board`,
    csp: `body:${s}-csp`,
    delivery: `body:${s}-delivery-group`,
    asb: `body:${s}-asb-group`,
    youth: `body:${s}-youth-forum`,
    health: `body:${s}-health-board`,
    panel: `body:${s}-panel`,
    county: `body:${s}-county-board`,
    oldChair: `person:${s}-old-chair`,
    newChair: `person:${s}-new-chair`,
    strategy: `strategy:${s}:plan`,
    priority1: `objective:${s}:priority-1`,
    priority2: `objective:${s}:priority-2`,
    action1: `action:${s}:1`,
    action2: `action:${s}:2`,
  };
  await loadFixture(driver, {
    "district.yaml": `
partnership: ${partnership.partnershipId}
document: { id: doc:${s}, title: District partnership pages ${s}, date: 2023-06-01 }
entries:
  - Partnership: ${partnership.partnershipId}
    at: page 1
    name: District Community Safety Partnership ${s}
  - Body: ${id.district}
    at: page 1
    name: District Board ${s}
    kind: LOCAL_STRATEGIC_PARTNERSHIP
  - Body: ${id.csp}
    at: page 2
    name: Safer Communities Partnership ${s}
    kind: STATUTORY_BOARD
    frequency: Quarterly
    ACCOUNTABLE_TO: ${id.district}
  - Body: ${id.delivery}
    at: page 2
    name: Partnership Delivery Group ${s}
    kind: STRATEGY_DELIVERY_GROUP
    ACCOUNTABLE_TO: ${id.district}
  - Body: ${id.asb}
    at: page 3
    name: ASB Group ${s}
    kind: OPERATIONAL_MEETING
    ACCOUNTABLE_TO: ${id.csp}
    PROVIDES_UPDATES_TO: { to: ${id.delivery}, frequency: Monthly }
  - Body: ${id.youth}
    at: page 3
    name: Youth Forum ${s}
    kind: COMMUNITY_ENGAGEMENT_GROUP
    validFrom: 2022-04-01
    ACCOUNTABLE_TO: { to: ${id.csp}, validFrom: 2022-04-01 }
  - Body: ${id.health}
    at: page 1
    name: Health and Wellbeing Board ${s}
    kind: EXTERNAL_BOARD
    ACCOUNTABLE_TO: ${id.district}
  - Body: ${id.panel}
    at: page 4
    name: Problem Solving Panel ${s}
    kind: CASE_PANEL
  - Person: ${id.oldChair}
    at: page 2
    name: Kiran Vagarwal ${s}
    MEMBER_OF: { to: ${id.csp}, role: CHAIR, validFrom: 2015-04-01, validTo: 2019-12-31 }
  - Person: ${id.newChair}
    at: page 2
    name: Morgan Fielding ${s}
    MEMBER_OF: { to: ${id.csp}, role: CHAIR, validFrom: 2020-01-01 }
  - Strategy: ${id.strategy}
    at: page 5
    title: Community Safety Plan ${s}
    kind: DELIVERY_PLAN
    OVERSEEN_BY: ${id.csp}
  - Objective: ${id.priority1}
    at: page 5, priority 1
    ref: Priority 1
    title: Safer streets ${s}
    kind: PRIORITY
    PART_OF: ${id.strategy}
  - Objective: ${id.priority2}
    at: page 5, priority 2
    ref: Priority 2
    title: Licensing and enforcement ${s}
    kind: PRIORITY
    PART_OF: ${id.strategy}
    OVERSEEN_BY: ${id.delivery}
  - Action: ${id.action1}
    at: page 6, row 1
    ref: "1"
    title: Street patrols ${s}
    kind: ACTION
    CONTRIBUTES_TO: ${id.priority1}
    LED_BY: { to: ${id.newChair}, role: LEAD_OFFICER, validFrom: 2020-01-01 }
  - Action: ${id.action2}
    at: page 6, row 2
    ref: "2"
    title: Licensing checks ${s}
    kind: ACTION
    CONTRIBUTES_TO: ${id.priority2}
    LED_BY: { to: ${id.oldChair}, role: LEAD_OFFICER, validFrom: 2015-04-01, validTo: 2019-12-31 }
`,
  });
  // A county board several partnerships sit under: shared, so outside this partnership. Written
  // directly (shared seed files are the seed loader's, not this test's, concern).
  await driver.executeQuery(
    `MATCH (d:Body {id: $district})
     CREATE (d)-[:ACCOUNTABLE_TO {partnershipId: $partnershipId}]->(:Body {id: $county, partnershipId: 'shared', name: $name, kind: 'EXTERNAL_BOARD'})`,
    {
      district: id.district,
      county: id.county,
      partnershipId: partnership.partnershipId,
      name: `County Board ${s}`,
    },
    { database: DATABASE },
  );
  return {
    ...partnership,
    id,
    async cleanup() {
      await driver.executeQuery(
        "MATCH (n:Body {id: $county}) DETACH DELETE n",
        { county: id.county },
        { database: DATABASE },
      );
      await partnership.cleanup();
    },
  };
}
