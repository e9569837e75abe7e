import { strategyTree } from "./strategy-tree.js";
import {
  accountabilityChain,
  actionsFeeding,
  bodiesReportingTo,
  governanceDiagram,
  governanceHealth,
  responsibilities,
  search,
} from "./traversals.js";
import type { Scenario } from "./scenario.js";

/** Every scenario, in the order the report lists them. */
export const SCENARIOS: readonly Scenario[] = [
  strategyTree,
  actionsFeeding,
  accountabilityChain,
  bodiesReportingTo,
  governanceDiagram,
  governanceHealth,
  search,
  responsibilities,
];

export type { Scenario, FloorContext } from "./scenario.js";
