import { defineConfig } from "vitest/config";

// The test layout (README, "Tests"): each project is a cost class, run alone with `npm run test:<name>`.
const NEO4J = ["test/global-setup.ts"];

export default defineConfig({
  resolve: {
    // Vite would give our sources graphql's ESM build while @neo4j/graphql (CommonJS) loads the
    // CommonJS one; two graphql instances cannot share a schema. Node itself loads one: match it.
    alias: { graphql: "graphql/index.js" },
  },
  test: {
    testTimeout: 60_000,
    hookTimeout: 240_000,
    pool: "forks",
    reporters: ["default", "./test/support/summary-reporter.ts"],
    projects: [
      {
        extends: true,
        // No database, no browser, no Java: the time zone is pinned so a date bug shows the same everywhere.
        test: { name: "unit", include: ["test/unit/**/*.test.ts"], env: { TZ: "Etc/UTC" } },
      },
      {
        extends: true,
        // Each traversal's Cypher and parameters as inline snapshots, without a database.
        test: { name: "tck", include: ["test/tck/**/*.test.ts"] },
      },
      {
        extends: true,
        // Against the run's one Neo4j with the sample graph, shared with `browser` (test/global-setup.ts).
        test: {
          name: "integration",
          include: ["test/**/*.test.ts"],
          exclude: ["test/{unit,tck,browser,slow}/**"],
          globalSetup: NEO4J,
        },
      },
      {
        extends: true,
        // Real Chromium (src/browser) over the run's Neo4j; each test needing Chromium fails alone without it.
        test: { name: "browser", include: ["test/browser/**/*.test.ts"], globalSetup: NEO4J },
      },
      {
        extends: true,
        // Fault and recovery: each starts and stops its own Neo4j.
        test: { name: "slow", include: ["test/slow/**/*.test.ts"] },
      },
    ],
  },
});
