import type { Viewer } from "../traversals/index.ts";
import type { Claims } from "./authenticate.ts";

/** Roles that may read restricted data of their own partnerships. */
export const OFFICER_ROLES: readonly string[] = ["officer", "editor", "admin"];

/**
 * What the caller may see in traversal results, by the same rule as the generated fields:
 * restricted items only for officers (officer, editor) of their partnership, or admins.
 * `claims` are the request's verified token claims (the context's `jwt`, normalised when the token
 * was verified in authenticate.ts), undefined for anonymous.
 */
export function viewerOf(claims: Claims | undefined): Viewer {
  const roles: readonly string[] = claims?.roles ?? [];
  if (roles.includes("admin")) return { officerOf: "all" };
  if (!roles.some((role) => OFFICER_ROLES.includes(role))) return { officerOf: [] };
  return { officerOf: claims?.partnerships ?? [] };
}
