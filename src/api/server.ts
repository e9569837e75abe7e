import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import compression from "compression";
import cors from "cors";
import express from "express";
import type { GraphQLSchema } from "graphql";
import type { Driver } from "neo4j-driver";
import type { VerifyToken } from "./authenticate.ts";
import { clientLimits, type ClientLimits } from "./client-limits.ts";
import { createContext, type ApiContext } from "./context.ts";
import { exportRoute } from "./export-route.ts";
import { graphqlRoute } from "./graphql-route.ts";
import { createErrorFormatter } from "./format-error.ts";
import { healthRoute, type HealthOptions } from "./health-route.ts";
import { httpErrors, refuseDeepBodies } from "./http-errors.ts";
import { listen, notReady, type HttpListener } from "./http-listener.ts";
import { watchGraphShape } from "./graph-shape.ts";
import { noteArrival, requestDeadline } from "./request-deadline.ts";
import { REQUEST_LIMITS, requestLimits } from "./request-limits.ts";
import { restrictedFieldsPlugin } from "./restricted-fields.ts";
import { roundTripsPlugin } from "./round-trips-plugin.ts";

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
  /** Origins allowed to call the API from a browser (CORS_ORIGINS); none: same origin only. */
  corsOrigins?: readonly string[];
  /** Per-client rate and concurrency limits (RATE_LIMIT_PER_MINUTE, CONCURRENT_REQUESTS_PER_CLIENT); off when absent. */
  clientLimits?: ClientLimits;
  /** The most a request may cost (QUERY_COST_LIMIT, src/api/query-cost.ts); default REQUEST_LIMITS.maxCost. */
  maxCost?: number;
  /** How many proxies in front of the server to trust for the client's address (TRUST_PROXY). */
  trustProxy?: number;
  /** HOST:PORT already bound (src/app binds it before starting Neo4j); otherwise bound here. */
  listener?: HttpListener;
  /** What /health reports besides the database: the process's condition and details. */
  health?: Pick<HealthOptions, "condition" | "details">;
  /** Extra routes mounted after the API (the viewer's static files). */
  mount?: (app: express.Express) => void;
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Stops taking connections, lets in-flight requests finish (each within QUERY_TIMEOUT_MS), then closes. */
  stop(): Promise<void>;
}

/** Serves /graphql (Apollo Server + @neo4j/graphql), /health, and whatever `mount` adds. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const listener =
    options.listener ??
    (await listen(
      options.host,
      options.port,
      notReady(() => "building the API"),
    ));
  try {
    return await serve(listener, options);
  } catch (error) {
    if (!options.listener) await listener.close();
    throw error;
  }
}

async function serve(listener: HttpListener, options: ServerOptions): Promise<RunningServer> {
  const app = express();
  const graphShape = watchGraphShape(options.driver, options.database);
  // The first request is priced by the graph, not by the sample fan-outs alone (the read is
  // bounded, and a database that is down is /health's to report).
  await graphShape.ready;
  const limits = requestLimits(options.production, options.maxCost, graphShape.current);
  const apollo = new ApolloServer<ApiContext>({
    schema: options.schema,
    introspection: !options.production,
    allowBatchedHttpRequests: false,
    // graphql-js stops parsing at this many tokens: a parse error (400), before any other work.
    parseOptions: { maxTokens: REQUEST_LIMITS.maxTokens },
    // The process's own shutdown stops Apollo after draining; Apollo's would re-raise the signal
    // and kill the process before the local Neo4j is stopped.
    stopOnTerminationSignals: false,
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
      // Every request ends by its deadline, so draining waits at most that long.
      ApolloServerPluginDrainHttpServer({
        httpServer: listener.server,
        stopGracePeriodMillis: options.timeoutMs + 1_000,
      }),
      // Both Apollo landing pages load scripts from Apollo's CDN: never in production.
      options.production
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({ footer: false }),
      ...(options.production ? [] : [roundTripsPlugin]),
      // Apollo installs cache control by default, and it wraps every field's resolver to collect
      // hints nothing here sets or reads (no response cache): a cost on every field of every answer.
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
  try {
    await apollo.start();
  } catch (error) {
    graphShape.stop();
    throw error;
  }
  app.disable("x-powered-by");
  // Brotli or gzip, as the client accepts, for the viewer's assets and every other route; /graphql
  // compresses its answers itself, in one step (graphql-route.ts), so it is spared the
  // middleware's wrapping of every response.
  const compress = compression();
  app.use((req, res, next) => (req.path === "/graphql" ? next() : compress(req, res, next)));
  app.set("trust proxy", options.trustProxy ?? 0);
  app.get("/health", healthRoute({ driver: options.driver, database: options.database, ...options.health }));
  const contextOptions = {
    driver: options.driver,
    database: options.database,
    timeoutMs: options.timeoutMs,
    verifyToken: options.verifyToken,
    defaultPartnership: options.defaultPartnership,
  };
  const origins = options.corsOrigins ?? [];
  app.use(
    "/graphql",
    noteArrival,
    // An answer depends on the caller's token: no browser or proxy may keep one.
    (_req: express.Request, res: express.Response, next: express.NextFunction) => {
      res.set("cache-control", "no-store");
      next();
    },
    ...(options.clientLimits ? [clientLimits(options.clientLimits)] : []),
    // No CORS headers at all unless origins are configured: browsers then allow only the same origin.
    ...(origins.length
      ? [
          cors<cors.CorsRequest>({
            origin: [...origins],
            methods: ["GET", "POST"],
            allowedHeaders: ["content-type", "authorization", "apollo-require-preflight"],
            maxAge: 600,
          }),
        ]
      : []),
    express.json({ limit: REQUEST_LIMITS.maxBodyBytes }),
    refuseDeepBodies,
    graphqlRoute(apollo, async ({ req }) =>
      createContext(
        { ...contextOptions, deadline: requestDeadline(options.timeoutMs, req) },
        req.headers.authorization,
      ),
    ),
  );
  app.use("/export", exportRoute(contextOptions));
  options.mount?.(app);
  app.use(httpErrors(options.log ?? ((line: string) => console.error(line))));
  listener.serve(app);
  return {
    url: listener.url,
    port: listener.port,
    stop: () => {
      graphShape.stop();
      return apollo.stop();
    },
  };
}
