import { createRemoteJWKSet, jwtVerify, type JWTPayload } from "jose";
import { DEVELOPMENT_JWT_SECRET, type Config } from "../config/index.js";
import { ErrorCode, GovernanceError } from "../errors/index.js";

/** The claims the API reads from a bearer token. */
export interface Claims extends JWTPayload {
  roles?: string[];
  partnerships?: string[];
}

export type VerifyToken = (token: string) => Promise<Claims>;

/**
 * Verifies bearer tokens: HS256 with JWT_SECRET, or RS256 (and other asymmetric algorithms) with
 * the keys at JWKS_URL; in development without either, the documented development secret.
 * A bad token is an UNAUTHENTICATED error, never a silent fall back to anonymous.
 */
export function createTokenVerifier(
  config: Pick<Config, "JWT_SECRET" | "JWKS_URL" | "JWT_ISSUER" | "JWT_AUDIENCE">,
): VerifyToken {
  const options = {
    ...(config.JWT_ISSUER ? { issuer: config.JWT_ISSUER } : {}),
    ...(config.JWT_AUDIENCE ? { audience: config.JWT_AUDIENCE } : {}),
  };
  const remote = config.JWKS_URL ? createRemoteJWKSet(new URL(config.JWKS_URL)) : undefined;
  const secret = new TextEncoder().encode(config.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET);
  return async (token) => {
    try {
      const { payload } = remote
        ? await jwtVerify(token, remote, options)
        : await jwtVerify(token, secret, { ...options, algorithms: ["HS256"] });
      return payload as Claims;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new GovernanceError(
        ErrorCode.UNAUTHENTICATED,
        `The bearer token was refused (${reason}). Send a valid token, or none to read the public structure.`,
      );
    }
  };
}
