import type { AddressInfo } from "node:net";
import express from "express";
import { sendWhole } from "../../src/api/index.ts";

export interface AnswerServer {
  /** Where the answer kept under `key` is served (POST, any GraphQL body). */
  url(key: string): string;
  /** Keeps `data` to answer with under `key`. */
  keep(key: string, data: unknown): void;
  stop(): Promise<void>;
}

/**
 * (h), the bare HTTP exchange of an answer: an Express server that parses the request's JSON body
 * and sends back a kept answer, serialized and compressed as the API sends its own (`sendWhole`,
 * on every request), with no GraphQL at all. Asked by the benchmark's client like (a), it is what
 * any HTTP API pays to carry that answer on this machine, the part of (a) no GraphQL work can save.
 */
export async function startAnswerServer(): Promise<AnswerServer> {
  const answers = new Map<string, unknown>();
  const app = express();
  app.post("/answer/:key", express.json(), (req, res) => {
    if (!answers.has(req.params.key)) {
      res.status(404).end();
      return;
    }
    // As Apollo writes an answer (JSON and a newline), each time: serializing is part of the exchange.
    sendWhole(req, res, `${JSON.stringify({ data: answers.get(req.params.key) })}\n`);
  });
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve, reject) => {
    const listening = app.listen(0, "127.0.0.1", (error?: Error) =>
      error ? reject(error) : resolve(listening),
    );
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: (key) => `http://127.0.0.1:${port}/answer/${encodeURIComponent(key)}`,
    keep: (key, data) => void answers.set(key, data),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
