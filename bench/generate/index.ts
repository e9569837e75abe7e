export {
  generatePartnership,
  partnershipSlug,
  areaName,
  DEFAULT_SEED,
  type GeneratedPartnership,
  type Landmarks,
} from "./generate-partnership.js";
export { mergeGraphs } from "./graph-builder.js";
export { createRandom, mulberry32, type Random } from "./prng.js";
export { checkShape, countShape } from "./check-shape.js";
export { generateShared, nationalAgencyId } from "./shared.js";
