import type { Request, Response } from "express";
import type { Driver } from "neo4j-driver";
import {
  askDatabaseInfo,
  isDatabaseTimeout,
  neo4jErrorIn,
  timeLimit,
  type DatabaseInfo,
} from "../graph/index.ts";

/** /health answers within a second whatever the database does: its own probe gives up after this. */
export const HEALTH_PROBE_TIMEOUT_MS = 800;

/** A state of the service in which it cannot serve, whatever the database says. */
export interface ServiceCondition {
  status: "starting" | "restarting" | "stopping";
  reason: string;
}

export interface HealthOptions {
  driver: Driver;
  database: string;
  /** What the process is doing (starting, restarting its Neo4j, stopping); undefined when serving. */
  condition?: () => ServiceCondition | undefined;
  /** Facts added to every answer (the local Neo4j's restarts). */
  details?: () => Record<string, unknown>;
}

type Probe = { ok: true; neo4j: DatabaseInfo } | { ok: false; reason: string };

function reasonOf(error: unknown): string {
  if (isDatabaseTimeout(error))
    return `Neo4j is up but too slow: the health query took over ${HEALTH_PROBE_TIMEOUT_MS} ms`;
  const neo4jError = neo4jErrorIn(error);
  if (neo4jError && neo4jError.code !== "N/A") return `Neo4j is unreachable (${neo4jError.code})`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * GET /health: 200 `{status: "ok", neo4j}` when the database answers; otherwise 503 with
 * `status` (starting, restarting, stopping, unavailable) and `reason`, always within a second.
 * One database probe at a time: while one is outstanding (a frozen database), later calls wait
 * for the same one, each at most HEALTH_PROBE_TIMEOUT_MS, instead of piling up sessions. The
 * driver reconnects by itself, so the same process turns healthy again when Neo4j returns.
 */
export function healthRoute(options: HealthOptions) {
  let outstanding: { since: number; answer: Promise<Probe> } | undefined;
  const probe = (): Promise<Probe> => {
    if (!outstanding) {
      const answer = askDatabaseInfo(options.driver, options.database, HEALTH_PROBE_TIMEOUT_MS)
        .then((neo4j): Probe => ({ ok: true, neo4j }))
        .catch((error: unknown): Probe => ({ ok: false, reason: reasonOf(error) }))
        .finally(() => (outstanding = undefined));
      outstanding = { since: Date.now(), answer };
    }
    const { since, answer } = outstanding;
    return timeLimit(answer, HEALTH_PROBE_TIMEOUT_MS, () => new Error("no answer")).catch((): Probe => ({
      ok: false,
      reason: `Neo4j has not answered for ${Date.now() - since} ms`,
    }));
  };
  return async (_request: Request, response: Response): Promise<void> => {
    const details = options.details?.() ?? {};
    const condition = options.condition?.();
    response.set("cache-control", "no-store");
    if (condition) {
      response.status(503).json({ ...condition, ...details });
      return;
    }
    const result = await probe();
    if (result.ok) response.status(200).json({ status: "ok", neo4j: result.neo4j, ...details });
    else response.status(503).json({ status: "unavailable", reason: result.reason, ...details });
  };
}
