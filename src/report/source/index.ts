export type { ReportSource } from "./report-source.ts";
export { httpSource, graphqlUrl } from "./http-source.ts";
export { inProcessSource } from "./in-process-source.ts";
