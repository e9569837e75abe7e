import { ErrorCode, GovernanceError } from "../errors/index.js";

/** Caps on traversal arguments; the error says the cap so a caller can retry within it. */
export const LIMITS = { maxDepth: 20, maxHops: 10, searchLimit: 100, leadThreshold: 1000 } as const;

export function capped(name: keyof typeof LIMITS, value: number, minimum = 1): number {
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
