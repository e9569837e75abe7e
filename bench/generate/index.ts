export {
  generatePartnership,
  partnershipSlug,
  areaName,
  DEFAULT_SEED,
  type GeneratedPartnership,
  type Landmarks,
} from "./generate-partnership.ts";
export { mergeGraphs } from "./graph-builder.ts";
export { createRandom, mulberry32, type Random } from "./prng.ts";
export { checkShape, countShape } from "./check-shape.ts";
export { generateShared, nationalAgencyId } from "./shared.ts";
