import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildSchema, createTokenVerifier, startServer, type RunningServer } from "../../src/api/index.js";
import { createDriver } from "../../src/graph/index.js";
import { freePort, startLocalNeo4j, type LocalNeo4j } from "../../src/neo4j-local/index.js";
import { graphql } from "../support/api.js";

// Its own Neo4j: this test stops the database under a running server, which the shared one must never see.
const dataDir = mkdtempSync(path.join(tmpdir(), "governance-graph-health-"));
let neo4j: LocalNeo4j | undefined;
let server: RunningServer | undefined;

afterAll(async () => {
  await server?.stop();
  await neo4j?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function healthStatus(url: string): Promise<number> {
  return (await fetch(`${url}/health`)).status;
}

describe("/health and a dropped database", () => {
  // Starts and stops a Neo4j twice: allow for a busy machine.
  it(
    "says 503 while Neo4j is down and 200 once it is back, with no server restart",
    { timeout: 240_000 },
    async () => {
      const port = await freePort();
      neo4j = await startLocalNeo4j({ dataDir, port, heap: "512m", pageCache: "64m" });
      const driver = createDriver({ uri: neo4j.uri, username: "neo4j", password: "" });
      server = await startServer({
        schema: await buildSchema({ driver }),
        driver,
        database: "neo4j",
        timeoutMs: 5000,
        host: "127.0.0.1",
        port: 0,
        production: false,
        verifyToken: createTokenVerifier({}),
      });
      expect(await healthStatus(server.url)).toBe(200);

      await neo4j.stop();
      const down = await fetch(`${server.url}/health`);
      expect(down.status).toBe(503);
      expect(((await down.json()) as { reason: string }).reason).toContain("Neo4j is unreachable");
      // A request while the database is down gets an error response, and the server stays up.
      const failed = await graphql(server.url, "{ bodies { id } }");
      expect(failed.errors?.length).toBeGreaterThan(0);

      neo4j = await startLocalNeo4j({ dataDir, port, heap: "512m", pageCache: "64m" });
      let status = 0;
      for (let attempt = 0; attempt < 30 && status !== 200; attempt++) {
        status = await healthStatus(server.url);
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect(status).toBe(200);
      expect((await graphql(server.url, "{ bodies { id } }")).errors).toBeUndefined();
    },
  );
});
