export { createDriver, CONNECTION_TIMEOUT_MS, type DriverOptions } from "./driver.js";
export { openDatabase, RunningInstanceError, type Database, type OpenOptions } from "./open-database.js";
export { connectToDatabase, DatabaseUnreachableError, type ConnectOptions } from "./connectivity.js";
export { ensureSchema } from "./setup.js";
export { RESTRICTED_SEARCH_INDEX, SEARCH_FIELDS, SEARCH_INDEX } from "./search-indexes.js";
export { askDatabaseInfo, databaseInfo, NoAnswerError, type DatabaseInfo } from "./health.js";
export { isDatabaseTimeout, isDatabaseUnavailable, luceneRefusal, neo4jErrorIn } from "./database-errors.js";
export { timeLimit } from "./time-limit.js";
