/**
 * A value with object keys sorted and every list sorted by its items' canonical text: two answers
 * with the same content in a different order compare equal (list order is checked by the
 * project's own tests; here we check that three implementations return the same facts).
 */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value))
    return value.map(canonical).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  return value;
}

/** Where two canonical answers first differ, as a short path ("strategies[0].objectives[3].ref"), or null when equal. */
export function firstDifference(a: unknown, b: unknown, path = "data"): string | null {
  if (JSON.stringify(a) === JSON.stringify(b)) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: ${a.length} items vs ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const difference = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (difference) return difference;
    }
  }
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const difference = firstDifference(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        `${path}.${key}`,
      );
      if (difference) return difference;
    }
  }
  return `${path}: ${JSON.stringify(a)?.slice(0, 120)} vs ${JSON.stringify(b)?.slice(0, 120)}`;
}

/** Size of an answer: objects in it (result rows, nested entities) and bytes of JSON. */
export function answerSize(value: unknown): { objects: number; bytes: number } {
  let objects = 0;
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      objects++;
      Object.values(v).forEach(walk);
    }
  };
  walk(value);
  return { objects, bytes: Buffer.byteLength(JSON.stringify(value)) };
}
