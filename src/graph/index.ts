export { createDriver, type DriverOptions } from "./driver.ts";
export { callerOnlyDriverStacks } from "./driver-stacks.ts";
export { driverEpochDayToDate, epochDayToDate } from "./driver-dates.ts";
export { driverUnpackMap, unpackMap } from "./driver-maps.ts";
export { openDatabase, type Database, type OpenOptions } from "./open-database.ts";
export type { ConnectOptions } from "./connectivity.ts";
export { ensureSchema } from "./setup.ts";
export { RESTRICTED_SEARCH_INDEX, SEARCH_FIELDS, SEARCH_INDEX } from "./search-indexes.ts";
export { askDatabaseInfo, type DatabaseInfo } from "./health.ts";
export {
  isDatabaseOutOfMemory,
  isDatabaseTimeout,
  isDatabaseUnavailable,
  luceneRefusal,
  neo4jErrorIn,
} from "./database-errors.ts";
export { timeLimit } from "./time-limit.ts";
