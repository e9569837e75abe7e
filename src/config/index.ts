export {
  loadConfig,
  ConfigError,
  DEFAULT_QUERY_COST_LIMIT,
  DEVELOPMENT_JWT_SECRET,
  type Config,
} from "./config.ts";
