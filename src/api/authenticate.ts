import { createRemoteJWKSet, jwtVerify, type JWTPayload } from "jose";
import { DEVELOPMENT_JWT_SECRET, type Config } from "../config/index.ts";
import { ErrorCode, GovernanceError } from "../errors/index.ts";

export const ROLES = ["officer", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

/**
 * The claims the API acts on, normalised once here: @neo4j/graphql's rules (as `jwt`) and our own
 * checks read this same object, never the raw token, so no claim can mean one thing to one and
 * another thing to the other.
 */
export interface Claims {
  sub?: string;
  roles: Role[];
  partnerships: string[];
}

export type VerifyToken = (token: string) => Promise<Claims>;

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** "24h" -> 86400 (seconds). */
export function durationSeconds(duration: string): number {
  const match = /^(\d+)([smhd])$/.exec(duration);
  if (!match) throw new Error(`Not a duration: ${duration} (expected e.g. 30m, 12h, 7d).`);
  return Number(match[1]) * UNITS[match[2]!]!;
}

const refused = (reason: string): GovernanceError =>
  new GovernanceError(
    ErrorCode.UNAUTHENTICATED,
    `The bearer token was refused (${reason}). Send a valid token, or none to read the public structure.`,
  );

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === "string");

/**
 * A verified payload's claims, or a refusal: `roles` and `partnerships` must be lists of strings
 * (a string "admin" is refused, not read as a list by one check and as nothing by another);
 * unknown roles are refused too, so a typo never silently grants less or more.
 */
export function normaliseClaims(payload: JWTPayload): Claims {
  const { roles = [], partnerships = [], sub } = payload as Record<string, unknown>;
  if (!isStringList(roles))
    throw refused(`the roles claim must be a list of strings, found ${JSON.stringify(roles)}`);
  if (!isStringList(partnerships))
    throw refused(
      `the partnerships claim must be a list of partnership ids, found ${JSON.stringify(partnerships)}`,
    );
  const unknown = roles.filter((role) => !(ROLES as readonly string[]).includes(role));
  if (unknown.length) throw refused(`unknown role(s) ${unknown.join(", ")}; roles are ${ROLES.join(", ")}`);
  if (sub !== undefined && typeof sub !== "string") throw refused("the sub claim must be a string");
  return { ...(sub === undefined ? {} : { sub }), roles: roles as Role[], partnerships };
}

/**
 * Verifies bearer tokens: HS256 with JWT_SECRET, or RS256 (and other asymmetric algorithms) with
 * the keys at JWKS_URL; in development without either, the documented development secret.
 * Every token must expire (`exp`), within JWT_MAX_LIFETIME from now. A bad token is an
 * UNAUTHENTICATED error, never a silent fall back to anonymous.
 */
export function createTokenVerifier(
  config: Partial<
    Pick<Config, "JWT_SECRET" | "JWKS_URL" | "JWT_ISSUER" | "JWT_AUDIENCE" | "JWT_MAX_LIFETIME">
  >,
): VerifyToken {
  const options = {
    requiredClaims: ["exp"],
    ...(config.JWT_ISSUER ? { issuer: config.JWT_ISSUER } : {}),
    ...(config.JWT_AUDIENCE ? { audience: config.JWT_AUDIENCE } : {}),
  };
  const maxLifetime = durationSeconds(config.JWT_MAX_LIFETIME ?? "24h");
  const remote = config.JWKS_URL ? createRemoteJWKSet(new URL(config.JWKS_URL)) : undefined;
  const secret = new TextEncoder().encode(config.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET);
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = remote
        ? await jwtVerify(token, remote, options)
        : await jwtVerify(token, secret, { ...options, algorithms: ["HS256"] }));
    } catch (error) {
      throw refused(error instanceof Error ? error.message : String(error));
    }
    const left = (payload.exp ?? 0) - Math.floor(Date.now() / 1000);
    if (left > maxLifetime)
      throw refused(
        `it expires in ${left} s, beyond the ${maxLifetime} s that JWT_MAX_LIFETIME allows; ask for a shorter-lived token`,
      );
    return normaliseClaims(payload);
  };
}

/**
 * The token of an Authorization header: undefined when there is none (an anonymous caller), an
 * UNAUTHENTICATED error for any scheme but Bearer (Basic credentials are never ignored silently).
 */
export function bearerToken(header: string | undefined): string | undefined {
  const value = header?.trim() ?? "";
  if (!value) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(value);
  if (!match)
    throw new GovernanceError(
      ErrorCode.UNAUTHENTICATED,
      `The Authorization header must be "Bearer <token>" (found the ${JSON.stringify(value.split(/\s/)[0])} scheme). Send a bearer token, or no Authorization header to read the public structure.`,
    );
  return match[1];
}
