import type { Viewer } from "../traversals/index.js";
import { OFFICER_ROLES } from "./authorization-rules.js";

/**
 * What the caller may see in traversal results, by the same rule as the generated fields:
 * restricted items only for officers (officer, editor) of their partnership, or admins.
 * `claims` are the request's verified token claims (the context's `jwt`), undefined for anonymous.
 */
export function viewerOf(claims: unknown): Viewer {
  const token = claims as { roles?: unknown; partnerships?: unknown } | undefined;
  const roles = Array.isArray(token?.roles) ? token.roles : [];
  if (roles.includes("admin")) return { officerOf: "all" };
  if (!roles.some((role) => (OFFICER_ROLES as readonly unknown[]).includes(role))) return { officerOf: [] };
  return {
    officerOf: Array.isArray(token?.partnerships)
      ? token.partnerships.filter((p): p is string => typeof p === "string")
      : [],
  };
}
