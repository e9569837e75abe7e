export type { ReportSource } from "./report-source.js";
export { httpSource, graphqlUrl } from "./http-source.js";
export { inProcessSource } from "./in-process-source.js";
