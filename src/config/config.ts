import { z } from "zod";
import { UserError } from "../errors/index.ts";

/** The most a request may cost by default, in src/api/query-cost.ts's units (README, "Limits"). */
export const DEFAULT_QUERY_COST_LIMIT = 150_000;

const COST_LIMIT_FORM = `a whole number of cost units from 1000 to 100000000 (default ${DEFAULT_QUERY_COST_LIMIT}; README, "Limits")`;

/** Every environment variable the project reads; the README's table mirrors this schema. */
const environmentSchema = z.object({
  NEO4J_URI: z
    .string()
    .regex(
      /^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/,
      "a Bolt URI such as bolt://host:7687, neo4j://host or neo4j+s://xxxx.databases.neo4j.io",
    )
    .optional(),
  NEO4J_USERNAME: z.string().default("neo4j"),
  NEO4J_PASSWORD: z.string().default(""),
  NEO4J_DATABASE: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9.-]*$/, "a database name such as neo4j")
    .default("neo4j"),
  NEO4J_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  NEO4J_STARTUP_WAIT_MS: z.coerce.number().int().min(0).max(3_600_000).default(0),
  NEO4J_DATA_DIR: z.string().default(".data/neo4j"),
  NEO4J_START_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(180_000),
  NEO4J_MAX_RESTARTS: z.coerce.number().int().min(0).max(100).default(5),
  NEO4J_HEAP: z
    .string()
    .regex(/^\d+[kmgKMG]$/, "a JVM size such as 1g or 512m")
    .default("1g"),
  NEO4J_PAGECACHE: z
    .string()
    .regex(/^\d+[kmgKMG]$/, "a size such as 256m")
    .default("256m"),
  HOST: z.string().default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  QUERY_COST_LIMIT: z.coerce
    .number({ message: COST_LIMIT_FORM })
    .int(COST_LIMIT_FORM)
    .min(1_000, COST_LIMIT_FORM)
    .max(100_000_000, COST_LIMIT_FORM)
    .default(DEFAULT_QUERY_COST_LIMIT),
  SEED_ON_START: z.enum(["auto", "always", "never"]).default("auto"),
  // off: no history of changes, for a database without APOC triggers (Aura).
  HISTORY: z.enum(["on", "off"]).default("on"),
  // on: ask the viewer's first questions once after a start (src/app/warm-up.ts).
  WARM_UP: z.enum(["on", "off"]).default("on"),
  JWT_SECRET: z.string().min(32, "a secret of at least 32 characters").optional(),
  JWKS_URL: z.string().url("an https URL of a JSON Web Key Set").optional(),
  JWT_ISSUER: z.string().optional(),
  JWT_AUDIENCE: z.string().optional(),
  DEFAULT_PARTNERSHIP: z
    .string()
    .regex(/^partnership:[a-z0-9][a-z0-9._:-]*$/, "a partnership id such as partnership:barnet")
    .optional(),
  JWT_MAX_LIFETIME: z
    .string()
    .regex(/^\d+[smhd]$/, "a duration such as 30m, 12h or 7d")
    .default("24h"),
  CORS_ORIGINS: z
    .string()
    .regex(
      /^https?:\/\/[^\s,/]+(\s*,\s*https?:\/\/[^\s,/]+)*$/,
      "a comma-separated list of origins such as https://viewer.example.org,http://localhost:5173",
    )
    .optional(),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(600),
  CONCURRENT_REQUESTS_PER_CLIENT: z.coerce.number().int().min(0).max(10_000).default(8),
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
});

/** The HS256 secret used in development when JWT_SECRET is unset; never accepted in production. */
export const DEVELOPMENT_JWT_SECRET = "governance-graph-development-secret-not-for-production";

export type Config = z.infer<typeof environmentSchema>;

/** Hosts that only this machine can reach: the development secret is tolerated there and nowhere else. */
export function isLoopback(host: string): boolean {
  return /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i.test(host);
}

/** Why the token settings are unsafe for where the server listens, or undefined when they are fine. */
function secretProblem(config: Config): string | undefined {
  if (config.JWKS_URL) return undefined;
  const development = !config.JWT_SECRET || config.JWT_SECRET === DEVELOPMENT_JWT_SECRET;
  if (!development) return undefined;
  const secret = config.JWT_SECRET ? "JWT_SECRET is the published development secret" : "JWT_SECRET is unset";
  if (config.NODE_ENV === "production") return `NODE_ENV=production: ${secret}, so anyone could sign tokens.`;
  if (!isLoopback(config.HOST))
    return `HOST=${config.HOST} is reachable from other machines, and ${secret}, so anyone could sign tokens.`;
  return undefined;
}

/** Thrown when an environment variable has the wrong form; the message names it and the fix. */
export class ConfigError extends UserError {}

/**
 * Reads and validates configuration from the environment.
 * @example const config = loadConfig(process.env);
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ""),
  );
  const parsed = environmentSchema.safeParse(present);
  if (parsed.success) {
    const problem = secretProblem(parsed.data);
    if (problem)
      throw new ConfigError(
        `Invalid environment configuration:\n  ${problem}\nSet JWT_SECRET to a secret of your own (32+ characters, e.g. openssl rand -hex 32) or JWKS_URL (see README, "Configuration").`,
      );
    return parsed.data;
  }
  const lines = parsed.error.issues.map((issue) => {
    const variable = String(issue.path[0]);
    return `  ${variable}=${JSON.stringify(env[variable])}: expected ${issue.message}`;
  });
  throw new ConfigError(
    `Invalid environment configuration:\n${lines.join("\n")}\nFix the variable(s) above (see README, "Configuration").`,
  );
}
