import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { RETRY_AFTER_SECONDS, UserError } from "../errors/index.ts";

/** PORT is taken (or not allowed): found before Neo4j starts or anything is seeded. */
export class PortUnavailableError extends UserError {}

/** A bound HTTP port whose handler is swapped in once the app is ready. */
export interface HttpListener {
  server: Server;
  url: string;
  port: number;
  /** Hands every later request to `handler` (the API, once built). */
  serve(handler: RequestListener): void;
  /** Stops listening and closes idle connections. */
  close(): Promise<void>;
}

/** What answers before the API is ready: 503 with the reason, JSON for /health and for GraphQL. */
export type Placeholder = (request: IncomingMessage, response: ServerResponse) => void;

export function notReady(reason: () => string): Placeholder {
  return (request, response) => {
    const health = request.url?.split("?")[0] === "/health";
    response.writeHead(503, {
      "content-type": "application/json; charset=utf-8",
      "retry-after": String(RETRY_AFTER_SECONDS),
      "cache-control": "no-store",
    });
    response.end(
      JSON.stringify(
        health
          ? { status: "starting", reason: reason() }
          : {
              errors: [
                {
                  message: `The service is starting (${reason()}); try again shortly.`,
                  extensions: { code: "DATABASE_UNAVAILABLE" },
                },
              ],
            },
      ),
    );
  };
}

/**
 * Binds HOST:PORT at once, so a port in use is refused before anything else starts, and holds it
 * (answering with `placeholder`) while the database starts.
 * @example const listener = await listen("127.0.0.1", 4000, notReady(() => "starting Neo4j"));
 */
export async function listen(host: string, port: number, placeholder: Placeholder): Promise<HttpListener> {
  let handler: RequestListener = placeholder;
  const server = createServer((request, response) => handler(request, response));
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      const where = `${host}:${port}`;
      if (error.code === "EADDRINUSE")
        reject(
          new PortUnavailableError(
            `PORT ${port} on ${host} is already in use (another governance-graph, or another program); nothing was started. ` +
              `Stop what listens there (e.g. \`ss -ltnp 'sport = :${port}'\` shows it), or set PORT to a free port (PORT=${port + 1} npm start).`,
          ),
        );
      else if (error.code === "EACCES")
        reject(
          new PortUnavailableError(
            `Not allowed to listen on ${where} (ports below 1024 need privileges): set PORT to 1024 or above.`,
          ),
        );
      else if (error.code === "EADDRNOTAVAIL")
        reject(
          new PortUnavailableError(
            `HOST ${host} is not an address of this machine: set HOST to 127.0.0.1, 0.0.0.0 or one of its addresses.`,
          ),
        );
      else reject(error);
    });
    server.listen(port, host, () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    server,
    port: bound,
    url: `http://${host === "0.0.0.0" ? "localhost" : host}:${bound}`,
    serve(next) {
      handler = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
