import type { Request, Response } from "express";
import type { Driver } from "neo4j-driver";
import { databaseInfo } from "../graph/index.js";

/**
 * GET /health: 200 with the database's version when it answers, 503 with the reason when not.
 * The driver reconnects by itself, so the same process turns healthy again when Neo4j returns.
 */
export function healthRoute(driver: Driver, database: string) {
  return async (_request: Request, response: Response): Promise<void> => {
    try {
      const neo4j = await databaseInfo(driver, database);
      response.status(200).json({ status: "ok", neo4j });
    } catch (error) {
      response.status(503).json({
        status: "unavailable",
        reason: `Neo4j is unreachable: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  };
}
