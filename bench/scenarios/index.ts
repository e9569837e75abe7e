import { strategyTree } from "./strategy-tree.ts";
import {
  accountabilityChain,
  actionsFeeding,
  bodiesReportingTo,
  governanceDiagram,
  governanceHealth,
  responsibilities,
  search,
} from "./traversals.ts";
import type { Scenario } from "./scenario.ts";

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

export type { Scenario, FloorContext } from "./scenario.ts";
