export { editDistance, closest, didYouMean } from "./closest.js";
