import { randomUUID } from "node:crypto";
import type { Driver } from "neo4j-driver";
import { inject } from "vitest";
import { createDriver } from "../../src/graph/index.ts";

export const DATABASE = "neo4j";

/** A driver to the run's Neo4j (started by test/global-setup.ts). Close it in afterAll. */
export function testDriver(): Driver {
  return createDriver({
    uri: inject("neo4jUri"),
    username: process.env.NEO4J_USERNAME ?? "neo4j",
    password: process.env.NEO4J_PASSWORD ?? "",
  });
}

/**
 * A partnership id of the test's own: data written under it never collides with the sample graph
 * or another test, and `cleanup` deletes exactly it.
 */
export function isolatedPartnership(driver: Driver): {
  partnershipId: string;
  slug: string;
  cleanup(): Promise<void>;
} {
  const slug = `test-${randomUUID().slice(0, 8)}`;
  const partnershipId = `partnership:${slug}`;
  return {
    partnershipId,
    slug,
    async cleanup() {
      await driver.executeQuery(
        "MATCH (n {partnershipId: $partnershipId}) DETACH DELETE n",
        { partnershipId },
        { database: DATABASE },
      );
    },
  };
}
