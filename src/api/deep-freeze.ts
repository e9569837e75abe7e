/**
 * Freezes a value and every object and array in it: what a cache keeps and hands to more than one
 * request (or resolver) cannot then be changed by any of them without failing loudly.
 */
export function deepFreeze(value: unknown): void {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}
