/**
 * The bearer token a person pasted to sign in. Kept in sessionStorage: it survives a reload
 * but not closing the tab, and is never written anywhere else.
 */
const KEY = "governance-viewer.token";

export interface TokenInfo {
  /** Who the token says it is, if its payload can be read (the API still verifies it). */
  subject: string | null;
  roles: string[];
  expires: Date | null;
}

export const tokenStore = {
  get(): string | null {
    return sessionStorage.getItem(KEY);
  },
  set(token: string | null): void {
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
  },
};

/**
 * Reads a JWT's payload for display only (no verification: that is the API's job).
 * @example describeToken("eyJ...") // { subject: "officer@barnet", roles: ["officer"], expires: Date }
 */
export function describeToken(token: string): TokenInfo {
  try {
    const payload = token.split(".")[1] ?? "";
    const json = JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/"))) as {
      sub?: unknown;
      name?: unknown;
      roles?: unknown;
      exp?: unknown;
    };
    return {
      subject: typeof json.name === "string" ? json.name : typeof json.sub === "string" ? json.sub : null,
      roles: Array.isArray(json.roles) ? json.roles.filter((r): r is string => typeof r === "string") : [],
      expires: typeof json.exp === "number" ? new Date(json.exp * 1000) : null,
    };
  } catch {
    return { subject: null, roles: [], expires: null };
  }
}
