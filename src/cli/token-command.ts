import { SignJWT } from "jose";
import { durationSeconds, ROLES } from "../api/index.ts";
import { DEVELOPMENT_JWT_SECRET, type Config } from "../config/index.ts";
import { UserError } from "../errors/index.ts";

export interface TokenOptions {
  role: string[];
  partnership: string[];
  expires: string;
  subject: string;
}

/** The claims of a token, checked: roles from the known set, partnership ids of the right form. */
export function tokenClaims(options: TokenOptions): { roles: string[]; partnerships: string[] } {
  const unknown = options.role.filter((role) => !(ROLES as readonly string[]).includes(role));
  if (unknown.length) throw new UserError(`Unknown role(s) ${unknown.join(", ")}: use ${ROLES.join(", ")}.`);
  const bad = options.partnership.filter((id) => !/^partnership:[a-z0-9][a-z0-9._:-]*$/.test(id));
  if (bad.length)
    throw new UserError(`Not a partnership id: ${bad.join(", ")} (expected e.g. partnership:barnet).`);
  return { roles: options.role, partnerships: options.partnership };
}

/** `npm run token`: prints an HS256 token signed with JWT_SECRET (or the development secret). */
export async function runToken(config: Config, options: TokenOptions): Promise<void> {
  if (config.JWKS_URL)
    throw new UserError(
      "JWKS_URL is set: tokens come from your identity provider, this command only signs HS256 tokens for JWT_SECRET.",
    );
  if (
    !/^\d+[smhd]$/.test(options.expires) ||
    durationSeconds(options.expires) > durationSeconds(config.JWT_MAX_LIFETIME)
  )
    throw new Error(
      `--expires ${options.expires}: expected a duration such as 30m or 12h, at most JWT_MAX_LIFETIME (${config.JWT_MAX_LIFETIME}); the API refuses longer-lived tokens.`,
    );
  const token = await new SignJWT(tokenClaims(options))
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(options.subject)
    .setIssuedAt()
    .setExpirationTime(options.expires)
    .sign(new TextEncoder().encode(config.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET));
  console.log(token);
}
