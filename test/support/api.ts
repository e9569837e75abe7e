import type { Driver } from "neo4j-driver";
import { SignJWT } from "jose";
import {
  buildSchema,
  createTokenVerifier,
  postGraphQL,
  startServer,
  type GraphQLBody,
  type RunningServer,
  type ServerOptions,
} from "../../src/api/index.ts";
import { DEVELOPMENT_JWT_SECRET } from "../../src/config/index.ts";
import { afterAll, beforeAll } from "vitest";
import { DATABASE, testDriver } from "./database.ts";

export type GraphQLResponse<T = Record<string, unknown>> = GraphQLBody<T>;

/** The real API server (generated schema + resolvers) over the run's Neo4j, on a free port. */
export async function startTestServer(
  driver: Driver,
  overrides: Partial<
    Pick<ServerOptions, "production" | "timeoutMs" | "corsOrigins" | "clientLimits" | "maxCost" | "log">
  > = {},
): Promise<RunningServer> {
  const schema = await buildSchema({ driver });
  return startServer({
    schema,
    driver,
    database: DATABASE,
    timeoutMs: overrides.timeoutMs ?? 15_000,
    host: "127.0.0.1",
    port: 0,
    production: overrides.production ?? false,
    verifyToken: createTokenVerifier({}),
    log: overrides.log ?? (() => {}),
    ...(overrides.corsOrigins ? { corsOrigins: overrides.corsOrigins } : {}),
    ...(overrides.clientLimits ? { clientLimits: overrides.clientLimits } : {}),
    ...(overrides.maxCost ? { maxCost: overrides.maxCost } : {}),
  });
}

/**
 * A driver and a test server for the whole file (the setup most test files share): started
 * before its tests, stopped after them. Read `driver` and `server` inside tests and hooks.
 */
export function useTestServer(overrides: Parameters<typeof startTestServer>[1] = {}): {
  readonly driver: Driver;
  readonly server: RunningServer;
} {
  const started: { driver?: Driver; server?: RunningServer } = {};
  beforeAll(async () => {
    started.driver = testDriver();
    started.server = await startTestServer(started.driver, overrides);
  });
  afterAll(async () => {
    await started.server?.stop();
    await started.driver?.close();
  });
  const missing = (what: string): never => {
    throw new Error(`useTestServer: ${what} is read before the file's beforeAll started it.`);
  };
  return {
    get driver() {
      return started.driver ?? missing("the driver");
    },
    get server() {
      return started.server ?? missing("the server");
    },
  };
}

/** A token signed with the development secret the test server verifies. */
export async function tokenFor(
  claims: { roles: string[]; partnerships?: string[]; sub?: string },
  expiresIn = "1h",
): Promise<string> {
  return new SignJWT({ roles: claims.roles, partnerships: claims.partnerships ?? ["partnership:barnet"] })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(claims.sub ?? `test-${claims.roles.join("-")}`)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(DEVELOPMENT_JWT_SECRET));
}

/** POSTs one GraphQL request, as any client would, and returns the whole answer (errors included). */
export async function graphql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphQLResponse<T>> {
  const reply = await postGraphQL<T>(`${url}/graphql`, { query, variables, token });
  if (!reply.body)
    throw new Error(`${url}/graphql answered HTTP ${reply.status} with no JSON: ${reply.text.slice(0, 200)}`);
  return reply.body;
}
