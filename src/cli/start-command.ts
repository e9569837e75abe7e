import type { Config } from "../config/index.js";
import { startApp } from "../app/index.js";
import { ensureViewerBuilt, viewerRoutes } from "../viewer/index.js";

/** `npm start`: runs until SIGINT/SIGTERM, then stops the server and the local Neo4j cleanly. */
export async function runStart(config: Config, options: { seedDir: string }): Promise<void> {
  // The viewer builds (when missing or stale) while Neo4j starts; / answers 503 until it is ready.
  const viewer = ensureViewerBuilt().catch((error: Error) =>
    console.error(
      `[viewer] not built, / will answer 503: ${error.message}\n  Fix the error above, then run: npm run build:viewer`,
    ),
  );
  const app = await startApp(config, { seedDir: options.seedDir, mount: viewerRoutes() });
  await viewer;
  console.log(`governance-graph ready: ${app.url}/graphql (API), ${app.url}/ (viewer), ${app.url}/health`);
  await new Promise<void>((resolve) => {
    const shutdown = (): void => void app.stop().then(resolve);
    process.once("SIGINT", shutdown);
    process.once("SIGTERM", shutdown);
  });
}
