import DataLoader from "dataloader";
import { accountabilityChains, type AccountabilityStepRow, type ReadQuery } from "../traversals/index.js";

/**
 * Per-request DataLoaders (never shared between requests: they cache). Hydrators are keyed by
 * "<Type> <selection>" and created on first use, because each selection of an entity needs its
 * own batch query; see hydrate.ts.
 */
export interface Loaders {
  hydrators: Map<string, DataLoader<string, Record<string, unknown> | null>>;
  /** Action.accountabilityChain and Objective.accountabilityChain, batched across a tree. */
  accountability: DataLoader<string, AccountabilityStepRow[]>;
}

export function createLoaders(read: ReadQuery): Loaders {
  return {
    hydrators: new Map(),
    accountability: new DataLoader(
      async (ids) => (await accountabilityChains(read, ids)).map((chain) => chain ?? []),
      { maxBatchSize: 500 },
    ),
  };
}
