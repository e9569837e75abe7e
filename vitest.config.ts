import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // Vite would give our sources graphql's ESM build while @neo4j/graphql (CommonJS) loads the
    // CommonJS one; two graphql instances cannot share a schema. Node itself loads one: match it.
    alias: { graphql: "graphql/index.js" },
  },
  test: {
    // One real Neo4j for the whole run, seeded with the Barnet sample graph (test/global-setup.ts).
    globalSetup: ["test/global-setup.ts"],
    include: ["test/**/*.test.ts", "src/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    pool: "forks",
    reporters: ["default", "./test/support/summary-reporter.ts"],
  },
});
