import type { Driver } from "neo4j-driver";
import { today } from "../../src/text/index.ts";

const PARTNERSHIP = "partnership:barnet";
const AS_OF = "2017-07-21";

/**
 * Variables for every shipped document, with the Barnet sample's ids that have the most to show: a
 * strategy whose objectives and actions are led by people, bodies and agencies (all three Leader
 * members), a led action, the meeting with most items, a chair of the board. Shared by bench:cost
 * and the Apollo Client test (test/clients), so both ask what the tools ask.
 */
export async function shippedVariables(driver: Driver, database: string): Promise<Record<string, object>> {
  const one = async (query: string): Promise<string> => {
    const { records } = await driver.executeQuery(query, { p: PARTNERSHIP }, { database });
    if (!records.length) throw new Error(`The sample seeds have no answer to: ${query}`);
    return String(records[0]!.get(0));
  };
  const strategy = await one(
    `MATCH (s:Strategy {partnershipId: $p})<-[:PART_OF*1..3]-(:Objective)<-[:CONTRIBUTES_TO]-(:Action)-[:LED_BY]->(l)
     WITH s, count(DISTINCT labels(l)[0]) AS kinds, count(l) AS leads ORDER BY kinds DESC, leads DESC, s.id LIMIT 1
     RETURN s.id`,
  );
  const action = await one(
    `MATCH (a:Action {partnershipId: $p})-[:LED_BY]->(:Person) RETURN a.id ORDER BY a.id LIMIT 1`,
  );
  const meeting = await one(
    `MATCH (m:Meeting {partnershipId: $p})-[:HAS_ITEM]->() RETURN m.id, count(*) AS items ORDER BY items DESC, m.id LIMIT 1`,
  );
  const person = await one(
    `MATCH (p:Person)-[:MEMBER_OF {role: 'CHAIR'}]->(:Body {id: 'body:scpb'}) RETURN p.id ORDER BY p.id LIMIT 1`,
  );
  const scope = { asOf: AS_OF, partnershipId: PARTNERSHIP };
  return {
    ViewerAccountability: { id: action },
    ViewerBody: { id: "body:scpb" },
    ViewerContacts: { id: "body:scpb" },
    ViewerDiagram: scope,
    ViewerHealth: scope,
    ViewerHits: { ids: ["body:scpb", meeting, strategy, action, person] },
    ViewerItem: { id: meeting },
    ViewerPartnerships: {},
    ViewerPerson: { id: person, asOf: AS_OF },
    ViewerSearch: { text: "Safer Communities", limit: 15, partnershipId: PARTNERSHIP },
    ViewerSpan: { partnershipId: PARTNERSHIP },
    ViewerStrategy: { id: strategy },
    BodyReport: { bodyId: "body:scpb", ...scope, from: "2016-07-21", to: AS_OF },
    PersonReport: { personId: person, ...scope },
    StrategyReport: { strategyId: strategy, ...scope },
    StrategySubject: { id: strategy, meetingIds: [] },
    BodySubject: { id: "body:scpb", meetingIds: ["meeting:scpb-2016-01-29"] },
    PersonSubject: { id: person, meetingIds: [] },
    // As the body pack asks it (src/report/make-report.ts): up to 1,000 changes; until today, since
    // the sample's history is its load's.
    ReportChanges: {
      partnershipId: PARTNERSHIP,
      since: "2000-01-01",
      until: today(),
      entityIds: ["body:scpb", strategy, action, person],
      limit: 1000,
    },
  };
}
