import type { Viewer } from "../traversals/index.js";
import { OFFICER_ROLES } from "./authorization-rules.js";
import type { ApiContext } from "./context.js";

/**
 * What the caller may see in traversal results, by the same rule as the generated fields:
 * restricted items only for officers (officer, editor) of their partnership, or admins.
 */
export function viewerOf(context: ApiContext): Viewer {
  const claims = context.jwt as { roles?: unknown; partnerships?: unknown } | undefined;
  const roles = Array.isArray(claims?.roles) ? claims.roles : [];
  if (roles.includes("admin")) return { officerOf: "all" };
  if (!roles.some((role) => (OFFICER_ROLES as readonly unknown[]).includes(role))) return { officerOf: [] };
  return {
    officerOf: Array.isArray(claims?.partnerships)
      ? claims.partnerships.filter((p): p is string => typeof p === "string")
      : [],
  };
}
