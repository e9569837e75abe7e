import { createReadQuery } from "../../src/traversals/index.ts";
import { LEADER, leaderProjection, type Scenario } from "./scenario.ts";

/**
 * The report generator's question as one GraphQL query, generated for `levels` levels of
 * objectives: each with its leads, indicators and latest measurement, and the actions feeding it
 * directly with their leads. Sorted where the order is meaningful (refs, names, dates).
 */
export function strategyTreeQuery(levels: number): string {
  const objective = (level: number): string => `{
    id ref title kind
    leads ${LEADER}
    indicators(sort: [{ name: ASC }]) { id name unit measurements(sort: [{ date: DESC }], limit: 1) { period date value target rag } }
    actions(sort: [{ ref: ASC }]) { id ref title status dueDate leads ${LEADER} }
    ${level > 1 ? `subObjectives(sort: [{ ref: ASC }]) ${objective(level - 1)}` : ""}
  }`;
  return `query StrategyTree($id: ID!) {
  strategies(where: { id: { eq: $id } }) {
    id title kind status periodStart periodEnd
    leads ${LEADER}
    objectives(sort: [{ ref: ASC }]) ${objective(levels)}
  }
}`;
}

/** The same tree as one Cypher query (COLLECT subqueries), in the shape of strategyTreeQuery's data. */
export function strategyTreeCypher(levels: number): string {
  const leads = (v: string): string =>
    `COLLECT { MATCH (${v})-[:LED_BY]->(l) WHERE l:Person OR l:Body OR l:Organisation RETURN ${leaderProjection("l")} }`;
  const objective = (v: string, level: number): string => `${v} {.id, .ref, .title, .kind,
    leads: ${leads(v)},
    indicators: COLLECT { MATCH (${v})<-[:MEASURES]-(i${level}:Indicator) WITH i${level} ORDER BY i${level}.name
      RETURN i${level} {.id, .name, .unit, measurements: COLLECT { MATCH (i${level})-[:HAS_MEASUREMENT]->(m:Measurement) WITH m ORDER BY m.date DESC LIMIT 1 RETURN m {.period, .date, .value, .target, .rag} }} },
    actions: COLLECT { MATCH (${v})<-[:CONTRIBUTES_TO]-(a${level}:Action) WITH a${level} ORDER BY a${level}.ref RETURN a${level} {.id, .ref, .title, .status, .dueDate, leads: ${leads(`a${level}`)}} }
    ${level > 1 ? `, subObjectives: COLLECT { MATCH (${v})<-[:PART_OF]-(o${level - 1}:Objective) WITH o${level - 1} ORDER BY o${level - 1}.ref RETURN ${objective(`o${level - 1}`, level - 1)} }` : ""}
  }`;
  return `MATCH (s:Strategy {id: $id})
RETURN s {.id, .title, .kind, .status, .periodStart, .periodEnd, leads: ${leads("s")},
  objectives: COLLECT { MATCH (s)<-[:PART_OF]-(o${levels}:Objective) WITH o${levels} ORDER BY o${levels}.ref RETURN ${objective(`o${levels}`, levels)} }
} AS strategy`;
}

const LEVELS = 2;

export const strategyTree: Scenario = {
  name: "strategyTree",
  description: "report: whole strategy tree (priorities, objectives, actions, leads, latest measurements)",
  query: strategyTreeQuery(LEVELS),
  variables: (landmarks) => ({ id: landmarks.strategyId }),
  async floor({ driver, database }, variables) {
    const rows = await createReadQuery(driver, database, 60_000)(strategyTreeCypher(LEVELS), variables);
    return { strategies: rows.map((row) => row.strategy) };
  },
};
