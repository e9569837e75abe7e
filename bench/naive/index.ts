export { buildNaiveSchema } from "./naive-schema.ts";
