import DataLoader from "dataloader";
import {
  accountabilityChains,
  type AccountabilityStepRow,
  type ReadQuery,
  type Scope,
} from "../traversals/index.ts";

/**
 * Per-request DataLoaders (never shared between requests: they cache). Hydrators are keyed by
 * "<Type> <selection>" and created on first use, because each selection of an entity needs its
 * own batch query; see hydrate.ts.
 */
export interface Loaders {
  hydrators: Map<string, DataLoader<string, Record<string, unknown> | null>>;
  /**
   * Action.accountabilityChain and Objective.accountabilityChain, batched across a tree: one
   * loader per scope (asOf and partnership), since one batch query reads one scope.
   */
  accountability(scope: Scope): DataLoader<string, AccountabilityStepRow[]>;
}

export function createLoaders(read: ReadQuery): Loaders {
  const chains = new Map<string, DataLoader<string, AccountabilityStepRow[]>>();
  return {
    hydrators: new Map(),
    accountability(scope) {
      const key = `${scope.asOf} ${scope.partnershipId ?? ""}`;
      let loader = chains.get(key);
      if (!loader) {
        loader = new DataLoader(
          async (ids) => (await accountabilityChains(read, scope, ids)).map((chain) => chain ?? []),
          { maxBatchSize: 500 },
        );
        chains.set(key, loader);
      }
      return loader;
    },
  };
}
