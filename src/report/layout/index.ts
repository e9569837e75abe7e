export { layoutStrategyReport } from "./strategy-layout.ts";
export { layoutBodyReport } from "./body-layout.ts";
export { layoutPersonReport } from "./person-layout.ts";
export { strategyCsv, bodyCsv, personCsv } from "./csv-tables.ts";
