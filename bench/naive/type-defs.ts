/**
 * The naive API's schema: the subset of the real one that the scenarios' queries use, with the
 * same names, arguments and result shapes, so the very same documents run against both.
 */
export const NAIVE_TYPE_DEFS = /* GraphQL */ `
  scalar Date
  enum SortDirection {
    ASC
    DESC
  }
  input IDFilter {
    eq: ID
  }
  input StrategyWhere {
    id: IDFilter
  }
  input RefSort {
    ref: SortDirection
  }
  input NameSort {
    name: SortDirection
  }
  input DateSort {
    date: SortDirection
  }

  union Leader = Person | Body | Organisation
  type Person {
    id: ID!
    name: String!
  }
  type Organisation {
    id: ID!
    name: String!
  }
  type Body {
    id: ID!
    name: String!
    kind: String!
    frequency: String
  }

  type Strategy {
    id: ID!
    title: String!
    kind: String!
    status: String
    periodStart: Date
    periodEnd: Date
    leads: [Leader!]!
    objectives(sort: [RefSort!], limit: Int): [Objective!]!
  }
  type Objective {
    id: ID!
    ref: String
    title: String!
    kind: String!
    leads: [Leader!]!
    indicators(sort: [NameSort!], limit: Int): [Indicator!]!
    actions(sort: [RefSort!], limit: Int): [Action!]!
    subObjectives(sort: [RefSort!], limit: Int): [Objective!]!
  }
  type Action {
    id: ID!
    ref: String
    title: String!
    status: String
    dueDate: Date
    leads: [Leader!]!
  }
  type Indicator {
    id: ID!
    name: String!
    unit: String
    measurements(sort: [DateSort!], limit: Int): [Measurement!]!
  }
  type Measurement {
    period: String!
    date: Date
    value: Float
    target: Float
    rag: String
  }

  type PathNode {
    id: ID!
    label: String!
    name: String!
  }
  type FeedingAction {
    action: Action!
    depth: Int!
    path: [PathNode!]!
  }
  type AccountabilityStep {
    depth: Int!
    role: String!
    relationship: String!
    subject: PathNode
    gap: String
    of: PathNode
  }
  type ReportingBody {
    body: Body!
    depth: Int!
    relationship: String!
    frequency: String
    reportsTo: PathNode
  }
  type Responsibility {
    role: String!
    relationship: String!
    subject: PathNode!
    validFrom: Date
    validTo: Date
    representing: String
  }
  type Diagram {
    nodes: [DiagramNode!]!
    edges: [DiagramEdge!]!
  }
  type DiagramNode {
    id: ID!
    name: String!
    kind: String!
    chair: String
    frequency: String
  }
  type DiagramEdge {
    from: ID!
    to: ID!
    kind: String!
    frequency: String
  }
  type Finding {
    rule: String!
    severity: String!
    subject: PathNode!
    message: String!
  }
  type SearchHit {
    score: Float!
    node: PathNode!
    matched: String!
  }

  type Query {
    strategies(where: StrategyWhere): [Strategy!]!
    actionsFeeding(objectiveId: ID!, maxDepth: Int = 10): [FeedingAction!]!
    accountabilityChain(id: ID!): [AccountabilityStep!]!
    bodiesReportingTo(bodyId: ID!, transitive: Boolean = true): [ReportingBody!]!
    responsibilities(personId: ID!, asOf: Date): [Responsibility!]!
    governanceDiagram(rootBodyId: ID, asOf: Date, partnershipId: ID): Diagram!
    governanceHealth(partnershipId: ID, asOf: Date, leadThreshold: Int = 8): [Finding!]!
    search(text: String!, limit: Int = 20): [SearchHit!]!
  }
`;
