import { ApolloServer } from "@apollo/server";
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from "@apollo/server/plugin/landingPage/default";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import compression from "compression";
import cors from "cors";
import express from "express";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { GraphQLSchema } from "graphql";
import type { Driver } from "neo4j-driver";
import type { VerifyToken } from "./authenticate.js";
import { createContext, type ApiContext } from "./context.js";
import { exportRoute } from "./export-route.js";
import { createErrorFormatter } from "./format-error.js";
import { healthRoute } from "./health-route.js";
import { requestLimits } from "./request-limits.js";
import { restrictedFieldsPlugin } from "./restricted-fields.js";
import { roundTripsPlugin } from "./round-trips-plugin.js";

export interface ServerOptions {
  schema: GraphQLSchema;
  driver: Driver;
  database: string;
  timeoutMs: number;
  host: string;
  port: number;
  production: boolean;
  verifyToken: VerifyToken;
  /** DEFAULT_PARTNERSHIP (see src/traversals/scope.ts). */
  defaultPartnership?: string | undefined;
  /** Extra routes mounted after the API (the viewer's static files). */
  mount?: (app: express.Express) => void;
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Serves /graphql (Apollo Server + @neo4j/graphql), /health, and whatever `mount` adds. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const app = express();
  const httpServer: Server = createServer(app);
  const limits = requestLimits(options.production);
  const apollo = new ApolloServer<ApiContext>({
    schema: options.schema,
    introspection: !options.production,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: !options.production,
    validationRules: limits.validationRules,
    formatError: createErrorFormatter({
      production: options.production,
      timeoutMs: options.timeoutMs,
      ...(options.log ? { log: options.log } : {}),
    }),
    plugins: [
      ...(limits.plugins as never[]),
      restrictedFieldsPlugin,
      ApolloServerPluginDrainHttpServer({ httpServer }),
      options.production
        ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
        : ApolloServerPluginLandingPageLocalDefault({ footer: false }),
      ...(options.production ? [] : [roundTripsPlugin]),
    ],
  });
  await apollo.start();
  app.disable("x-powered-by");
  // Brotli or gzip, as the client accepts, for the API's JSON and the viewer's assets alike.
  app.use(compression());
  app.get("/health", healthRoute(options.driver, options.database));
  const contextOptions = {
    driver: options.driver,
    database: options.database,
    timeoutMs: options.timeoutMs,
    verifyToken: options.verifyToken,
    defaultPartnership: options.defaultPartnership,
  };
  app.use(
    "/graphql",
    cors<cors.CorsRequest>(),
    express.json({ limit: "1mb" }),
    expressMiddleware(apollo, {
      context: async ({ req }) => createContext(contextOptions, req.headers.authorization),
    }),
  );
  app.use("/export", exportRoute(contextOptions));
  options.mount?.(app);
  await new Promise<void>((resolve) => httpServer.listen(options.port, options.host, resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://${options.host === "0.0.0.0" ? "localhost" : options.host}:${port}`,
    port,
    stop: () => apollo.stop(),
  };
}
