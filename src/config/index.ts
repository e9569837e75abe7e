export { loadConfig, ConfigError, DEVELOPMENT_JWT_SECRET, type Config } from "./config.js";
