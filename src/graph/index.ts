export { createDriver, type DriverOptions } from "./driver.js";
export { openDatabase, type Database } from "./open-database.js";
export { ensureSchema, schemaStatements, SEARCH_INDEX, SEARCH_FIELDS } from "./setup.js";
export { databaseInfo, type DatabaseInfo } from "./health.js";
