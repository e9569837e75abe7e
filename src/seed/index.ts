export { validateSeedDirectory, type ValidatedSeeds } from "./validate-seeds.ts";
export { buildSeedGraph } from "./build-seed-graph.ts";
export { readSeedFile, listSeedFiles, DEFAULT_SEED_DIR, type SeedFile } from "./read-seed-files.ts";
export { loadSeedGraph, resolveUnit, type LoadOptions } from "./load-seed-graph.ts";
export {
  addCounters,
  emptyCounters,
  writeSteps,
  resetSteps,
  type WriteCounters,
  type WriteStep,
} from "./write-seed-graph.ts";
export { SeedValidationError, SeedConflictError, formatIssue, type SeedIssue } from "./seed-issue.ts";
export { findNearDuplicates } from "./near-duplicates.ts";
export { checkValue } from "./check-value.ts";
export {
  partnershipsOf,
  relationshipKey,
  type Citation,
  type SeedGraph,
  type SeedNode,
  type SeedRelationship,
} from "./seed-graph.ts";
export { toNeo4jProperties } from "./to-neo4j.ts";
export { countGraph } from "./count-graph.ts";
export { scaffoldPartnership, slugProblem } from "./scaffold-partnership.ts";
