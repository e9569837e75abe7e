import DataLoader from "dataloader";

/**
 * Per-request DataLoaders. Hydrators are keyed by "<Type> <selection>" and created on first use,
 * because each GraphQL selection of an entity needs its own batch query.
 */
export interface Loaders {
  hydrators: Map<string, DataLoader<string, Record<string, unknown> | null>>;
}

export function createLoaders(): Loaders {
  return { hydrators: new Map() };
}
