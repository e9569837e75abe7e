export { createDriver, type DriverOptions } from "./driver.js";
export { unmappedDriverStacks } from "./driver-stacks.js";
export { openDatabase, type Database, type OpenOptions } from "./open-database.js";
export type { ConnectOptions } from "./connectivity.js";
export { ensureSchema } from "./setup.js";
export { RESTRICTED_SEARCH_INDEX, SEARCH_FIELDS, SEARCH_INDEX } from "./search-indexes.js";
export { askDatabaseInfo, type DatabaseInfo } from "./health.js";
export {
  isDatabaseOutOfMemory,
  isDatabaseTimeout,
  isDatabaseUnavailable,
  luceneRefusal,
  neo4jErrorIn,
} from "./database-errors.js";
export { timeLimit } from "./time-limit.js";
