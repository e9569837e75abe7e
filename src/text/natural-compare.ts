const collator = new Intl.Collator("en", { numeric: true });

/**
 * Natural order for refs, titles and ids, as a person reads them: "Priority 2" before
 * "Priority 10", "p1-2" before "p1-10"; a missing value sorts first.
 * @example ["p10", "p2"].sort(naturalCompare) // ["p2", "p10"]
 */
export const naturalCompare = (a: string | null | undefined, b: string | null | undefined): number =>
  collator.compare(a ?? "", b ?? "");
