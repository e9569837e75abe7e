import type { Driver } from "neo4j-driver";
import { SignJWT } from "jose";
import {
  buildSchema,
  createTokenVerifier,
  startServer,
  type RunningServer,
  type ServerOptions,
} from "../../src/api/index.js";
import { DEVELOPMENT_JWT_SECRET } from "../../src/config/index.js";
import { DATABASE } from "./database.js";

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[];
  extensions?: { roundTrips?: number } & Record<string, unknown>;
}

/** The real API server (generated schema + resolvers) over the run's Neo4j, on a free port. */
export async function startTestServer(
  driver: Driver,
  overrides: Partial<
    Pick<ServerOptions, "production" | "timeoutMs" | "corsOrigins" | "clientLimits" | "log">
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
  });
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

/** POSTs one GraphQL request, as any client would. */
export async function graphql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}
