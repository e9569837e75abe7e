export { buildNaiveSchema } from "./naive-schema.js";
