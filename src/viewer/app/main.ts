import { afterPaint, yieldToBrowser } from "./dom.ts";
import type { ViewerHandle } from "./viewer-app.ts";

declare global {
  interface Window {
    /** The running viewer, for tests and the console: read-only views of the diagram and state. */
    governanceViewer?: ViewerHandle;
  }
}

// The page's entry is kept tiny: the viewer (Apollo Client, the panels; Cytoscape and ELK later
// still) loads after the first paint, so a slow phone shows the toolbar at once instead of after
// parsing everything.
await afterPaint();
const { ViewerApp } = await import("./viewer-app.ts");
// Evaluating the app, making it and sending its first requests: three tasks, not one.
await yieldToBrowser();
const app = new ViewerApp();
window.governanceViewer = app;
await yieldToBrowser();
void app.start();
