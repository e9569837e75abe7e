export { loadConfig, ConfigError, DEVELOPMENT_JWT_SECRET, isLoopback, type Config } from "./config.js";
