import type { Viewer } from "../traversals/index.js";
import type { ApiContext } from "./context.js";

/** What the caller may see in traversal results. Restricted items need an authenticated officer. */
export function viewerOf(context: ApiContext): Viewer {
  const roles = (context.jwt as { roles?: unknown } | undefined)?.roles;
  return { restricted: Array.isArray(roles) && roles.some((role) => role === "officer" || role === "editor" || role === "admin") };
}
