/** ISO dates (YYYY-MM-DD) compare correctly as strings. */
export interface Dated {
  validFrom?: string | null;
  validTo?: string | null;
}

/**
 * Whether a dated fact holds on `asOf` (an ISO date); open ends hold for ever.
 * @example validAt({ validFrom: "2023-01-01" }, "2022-12-31") // false
 */
export function validAt(fact: Dated, asOf: string): boolean {
  return (!fact.validFrom || fact.validFrom <= asOf) && (!fact.validTo || fact.validTo >= asOf);
}

/** Today as an ISO date in the viewer's own time zone (what a person means by "today"). */
export function today(now = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
