import { ErrorCode, GovernanceError } from "../errors/index.ts";

/**
 * Caps on traversal arguments; the error says the cap so a caller can retry within it. The search
 * bounds are checked before any database work: each word becomes a handful of Lucene clauses
 * (exact, prefix, one typo) on three fields, and Lucene refuses more than 1,024 (TooManyClauses)
 * only after the database has built them, holding its heap meanwhile.
 */
export const LIMITS = {
  maxDepth: 20,
  maxHops: 10,
  searchLimit: 100,
  leadThreshold: 1000,
  /** Characters of the search text. */
  searchLength: 200,
  /** Words of the search text (after its punctuation and the words and/or/not/to are dropped). */
  searchWords: 16,
  /** Characters of one word. */
  searchWordLength: 40,
  /** Times one word may appear. */
  searchRepeats: 3,
} as const;

export type LimitName = keyof typeof LIMITS;

/** LIMIT_EXCEEDED naming the limit, its bound and the value asked for. */
export function limitExceeded(
  name: LimitName,
  value: number,
  what = `${name} must be at most`,
): GovernanceError {
  const maximum = LIMITS[name];
  return new GovernanceError(
    ErrorCode.LIMIT_EXCEEDED,
    `${what} ${maximum}; got ${value}. Ask within ${name} ${maximum}.`,
    { argument: name, maximum, value },
  );
}

export function capped(name: LimitName, value: number, minimum = 1): number {
  const maximum = LIMITS[name];
  if (!Number.isInteger(value) || value < minimum || value > maximum)
    throw new GovernanceError(
      ErrorCode.LIMIT_EXCEEDED,
      `${name} must be between ${minimum} and ${maximum}; got ${value}. Ask for at most ${maximum}.`,
      {
        argument: name,
        maximum,
      },
    );
  return value;
}
