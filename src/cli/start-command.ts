import type { Config } from "../config/index.ts";
import { startApp, type App } from "../app/index.ts";
import { ensureViewerBuilt, viewerRoutes } from "../viewer/index.ts";
import { stopRequest } from "./stop-signals.ts";

const log = (line: string): void => console.log(line);

/**
 * `npm start`: runs until SIGINT or SIGTERM (to npm, which forwards it, or to this process), until
 * its parent process exits, or until the local Neo4j cannot go on; then finishes the requests in flight, stops
 * the server and the local Neo4j, and returns (or throws why the local Neo4j gave up).
 */
export async function runStart(config: Config, options: { seedDir: string }): Promise<void> {
  const stop = stopRequest((signal) => {
    log(`[stop] ${signal} again: stopping now, without waiting for requests or Neo4j`);
    // The local Neo4j shuts itself down cleanly when our end of its stdin closes.
    process.exit(130);
  });
  try {
    // The viewer builds (when missing or stale) while Neo4j starts; / answers 503 until it is ready.
    const viewer = ensureViewerBuilt().catch((error: Error) =>
      console.error(
        `[viewer] not built, / will answer 503: ${error.message}\n  Fix the error above, then run: npm run build:viewer`,
      ),
    );
    const starting = startApp(config, { seedDir: options.seedDir, mount: viewerRoutes(), log });
    const first = await Promise.race([
      starting.then((app) => ({ app })),
      stop.reason.then((reason) => ({ reason })),
    ]);
    if ("reason" in first) {
      log(`[stop] ${first.reason} during start-up: stopping once the start-up step under way ends`);
      await (await starting).stop();
      return;
    }
    const app: App = first.app;
    await viewer;
    log(`governance-graph ready: ${app.url}/graphql (API), ${app.url}/ (viewer), ${app.url}/health`);
    const end = await Promise.race([
      stop.reason.then((reason) => ({ kind: "signal" as const, reason })),
      app.ended,
    ]);
    if (end.kind === "gave-up") {
      log("[stop] the local Neo4j cannot be brought back: stopping the API");
      await app.stop();
      throw end.error;
    }
    const why = end.kind === "signal" ? end.reason : end.cause;
    log(
      `[stop] ${why}: finishing the requests in flight, then stopping${app.database.local ? " Neo4j" : ""}`,
    );
    const started = Date.now();
    await app.stop();
    log(`[stop] stopped in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    stop.dispose();
  }
}
