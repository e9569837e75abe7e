// The governance-diagram viewer: the page in app/ (built by Vite) and the server side that builds and serves it.
export { ensureViewerBuilt, isViewerBuildCurrent } from "./build-viewer.ts";
export { VIEWER_CSP, viewerRoutes } from "./serve-viewer.ts";
