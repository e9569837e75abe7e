/**
 * "Valid at a date", the one rule (docs/tenancy.md): validFrom <= asOf <= validTo, an absent end
 * is open. Written here twice, side by side, so the two cannot drift: as a Cypher fragment for
 * the traversals and as a TypeScript function for the clients (report, viewer). This file imports
 * nothing at run time, so a browser bundle can import it directly:
 * `import { isValidAt } from "../../traversals/validity.ts"`.
 */
import type { IsoDate } from "../text/dates.ts";

/** Anything with validity bounds: ISO dates "YYYY-MM-DD" (which compare correctly as strings). */
export interface Dated {
  validFrom?: string | null;
  validTo?: string | null;
}

/**
 * Whether a dated fact (a node or relationship) holds on `asOf`.
 * @example isValidAt({ validFrom: "2023-01-01" }, "2022-12-31") // false
 * @example isValidAt({ validTo: "2016-01-29" }, "2016-01-29") // true: both ends are inclusive
 */
export function isValidAt(fact: Dated, asOf: IsoDate): boolean {
  return (!fact.validFrom || fact.validFrom <= asOf) && (!fact.validTo || asOf <= fact.validTo);
}

/**
 * Cypher: true when node or relationship `v` is valid at `$asOf` (a Date parameter, from
 * scopeParameters). The same rule as isValidAt.
 */
export const validAt = (v: string): string =>
  `((${v}.validFrom IS NULL OR ${v}.validFrom <= $asOf) AND (${v}.validTo IS NULL OR $asOf <= ${v}.validTo))`;
