import { ViewerApp, type ViewerHandle } from "./viewer-app.js";

declare global {
  interface Window {
    /** The running viewer, for tests and the console: read-only views of the diagram and state. */
    governanceViewer?: ViewerHandle;
  }
}

const app = new ViewerApp();
window.governanceViewer = app;
void app.start();
