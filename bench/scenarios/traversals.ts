import {
  ANONYMOUS,
  buildScope,
  accountabilityChain as chain,
  createReadQuery,
  dateParameter,
  governanceDiagram as diagram,
  governanceHealth as health,
  responsibilities as personResponsibilities,
  search as searchTraversal,
  pathNode,
  validAt,
} from "../../src/traversals/index.ts";
import { LEADER, leaderProjection, PATH_NODE, type FloorContext, type Scenario } from "./scenario.ts";

const read = ({ driver, database }: FloorContext) => createReadQuery(driver, database, 60_000);
/** The scope the API builds for an anonymous question with these arguments. */
const scope = (args: { partnershipId?: unknown; asOf?: unknown } = {}) =>
  buildScope({ partnershipId: args.partnershipId as string | undefined, asOf: args.asOf, viewer: ANONYMOUS });

export const actionsFeeding: Scenario = {
  name: "actionsFeeding",
  description: "officer: actions feeding a priority, with path, depth and leads",
  query: `query ActionsFeeding($id: ID!) { actionsFeeding(objectiveId: $id) { depth path ${PATH_NODE} action { id ref title status dueDate leads ${LEADER} } } }`,
  variables: (landmarks) => ({ id: landmarks.priorityId }),
  async floor(context, variables) {
    const rows = await read(context)(
      `MATCH (o:Objective {id: $id})
       MATCH p = (a:Action)-[:CONTRIBUTES_TO|PART_OF*1..10]->(o) WHERE all(n IN nodes(p)[1..] WHERE n:Objective)
       WITH a, p ORDER BY length(p)
       WITH a, head(collect(p)) AS p
       RETURN length(p) AS depth, [n IN nodes(p) | ${pathNode("n")}] AS path,
              a {.id, .ref, .title, .status, .dueDate, leads: COLLECT { MATCH (a)-[:LED_BY]->(l) RETURN ${leaderProjection("l")} }} AS action`,
      variables,
    );
    return { actionsFeeding: rows };
  },
};

export const accountabilityChain: Scenario = {
  name: "accountabilityChain",
  description: "officer: who answers for an action, hop by hop, to the board",
  query: `query AccountabilityChain($id: ID!) { accountabilityChain(id: $id) { depth role relationship subject ${PATH_NODE} gap of ${PATH_NODE} } }`,
  variables: (landmarks) => ({ id: landmarks.actionId }),
  floor: async (context, variables) => ({
    accountabilityChain: await chain(read(context), scope(), String(variables.id)),
  }),
};

export const bodiesReportingTo: Scenario = {
  name: "bodiesReportingTo",
  description: "officer: every group under the board, with edge kind and frequency",
  query: `query BodiesReportingTo($id: ID!, $asOf: Date) { bodiesReportingTo(bodyId: $id, asOf: $asOf) { depth relationship frequency reportsTo { id name } body { id name kind frequency } } }`,
  variables: (landmarks, asOf) => ({ id: landmarks.boardId, asOf }),
  async floor(context, variables) {
    const rows = await read(context)(
      `MATCH (root:Body {id: $id})
       MATCH p = (b:Body)-[:ACCOUNTABLE_TO|PROVIDES_UPDATES_TO*1..10]->(root)
       WHERE b <> root AND all(x IN relationships(p) + nodes(p) WHERE ${validAt("x")})
       WITH b, p, relationships(p)[0] AS first
       ORDER BY length(p), CASE type(first) WHEN 'ACCOUNTABLE_TO' THEN 0 ELSE 1 END
       WITH b, head(collect({p: p, first: first})) AS best
       RETURN length(best.p) AS depth, type(best.first) AS relationship, best.first.frequency AS frequency,
              {id: endNode(best.first).id, name: endNode(best.first).name} AS reportsTo, b {.id, .name, .kind, .frequency} AS body`,
      { id: variables.id, asOf: dateParameter(String(variables.asOf)) },
    );
    return { bodiesReportingTo: rows };
  },
};

export const governanceDiagram: Scenario = {
  name: "governanceDiagram",
  description: "viewer: the partnership's diagram (bodies, chairs, edges)",
  query: `query GovernanceDiagram($partnershipId: ID, $asOf: Date) { governanceDiagram(partnershipId: $partnershipId, asOf: $asOf) { nodes { id name kind chair frequency } edges { from to kind frequency } } }`,
  variables: (landmarks, asOf) => ({ partnershipId: landmarks.partnershipId, asOf }),
  async floor(context, variables) {
    const { nodes, edges } = await diagram(read(context), scope(variables));
    // The fields the query selects: the traversal's rows also carry each node's partnershipId.
    const node = ({ id, name, kind, chair, frequency }: (typeof nodes)[number]) => ({
      id,
      name,
      kind,
      chair,
      frequency,
    });
    return { governanceDiagram: { nodes: nodes.map(node), edges } };
  },
};

export const governanceHealth: Scenario = {
  name: "governanceHealth",
  description: "officer: gap analysis of one partnership",
  query: `query GovernanceHealth($partnershipId: ID, $asOf: Date) { governanceHealth(partnershipId: $partnershipId, asOf: $asOf) { rule severity subject ${PATH_NODE} message } }`,
  variables: (landmarks, asOf) => ({ partnershipId: landmarks.partnershipId, asOf }),
  floor: async (context, variables) => ({
    governanceHealth: await health(read(context), {
      ...scope(variables),
      partnershipId: String(variables.partnershipId),
    }),
  }),
};

export const search: Scenario = {
  name: "search",
  description: "anyone: full-text search, 20 hits",
  query: `query Search($text: String!, $partnershipId: ID) { search(text: $text, limit: 20, partnershipId: $partnershipId) { score node ${PATH_NODE} matched } }`,
  variables: (landmarks) => ({ text: landmarks.searchText, partnershipId: landmarks.partnershipId }),
  floor: async (context, variables) => ({
    search: await searchTraversal(
      read(context),
      { ...scope(variables), partnershipId: String(variables.partnershipId) },
      String(variables.text),
      20,
    ),
  }),
};

export const responsibilities: Scenario = {
  name: "responsibilities",
  description: "officer: what the community safety manager leads, chairs and sits on",
  query: `query Responsibilities($id: ID!, $asOf: Date) { responsibilities(personId: $id, asOf: $asOf) { role relationship subject ${PATH_NODE} validFrom validTo representing } }`,
  variables: (landmarks, asOf) => ({ id: landmarks.personId, asOf }),
  floor: async (context, variables) => ({
    responsibilities: await personResponsibilities(read(context), scope(variables), String(variables.id)),
  }),
};
