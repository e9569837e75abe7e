export { layoutStrategyReport } from "./strategy-layout.js";
export { layoutBodyReport } from "./body-layout.js";
export { layoutPersonReport } from "./person-layout.js";
export { strategyCsv, bodyCsv, personCsv } from "./csv-tables.js";
