import type { Config } from "../config/index.js";
import { startApp } from "../app/index.js";

/** `npm start`: runs until SIGINT/SIGTERM, then stops the server and the local Neo4j cleanly. */
export async function runStart(config: Config, options: { seedDir: string }): Promise<void> {
  const app = await startApp(config, { seedDir: options.seedDir });
  console.log(`governance-graph ready: ${app.url}/graphql (API), ${app.url}/ (viewer), ${app.url}/health`);
  await new Promise<void>((resolve) => {
    const shutdown = (): void => void app.stop().then(resolve);
    process.once("SIGINT", shutdown);
    process.once("SIGTERM", shutdown);
  });
}
