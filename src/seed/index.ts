export { validateSeedDirectory, type ValidatedSeeds } from "./validate-seeds.js";
export { buildSeedGraph } from "./build-seed-graph.js";
export { readSeedFile, listSeedFiles, DEFAULT_SEED_DIR, type SeedFile } from "./read-seed-files.js";
export { loadSeedGraph, resolveUnit, type LoadOptions } from "./load-seed-graph.js";
export {
  addCounters,
  emptyCounters,
  writeSteps,
  resetSteps,
  type WriteCounters,
  type WriteStep,
} from "./write-seed-graph.js";
export { SeedValidationError, SeedConflictError, formatIssue, type SeedIssue } from "./seed-issue.js";
export { findNearDuplicates } from "./near-duplicates.js";
export { checkValue } from "./check-value.js";
export {
  partnershipsOf,
  relationshipKey,
  type Citation,
  type SeedGraph,
  type SeedNode,
  type SeedRelationship,
} from "./seed-graph.js";
export { toNeo4jProperties } from "./to-neo4j.js";
export { countGraph } from "./count-graph.js";
export { scaffoldPartnership, slugProblem } from "./scaffold-partnership.js";
