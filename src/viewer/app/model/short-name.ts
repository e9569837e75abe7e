const SMALL_WORDS = new Set(["and", "of", "the", "for", "on", "in", "to", "&", "a"]);

/**
 * A body's name shortened for the overview (the zoomed-out drawing): words already in capitals
 * stay, other words give their initial, small words are dropped.
 * @example shortName("Safer Communities Partnership Board") // "SCPB"
 * @example shortName("IOM Delivery Group") // "IOM DG"
 */
export function shortName(name: string): string {
  const parts: string[] = [];
  let initials = "";
  for (const word of name.split(/[\s/–-]+/).filter(Boolean)) {
    if (SMALL_WORDS.has(word.toLowerCase())) continue;
    if (word.length > 1 && word === word.toUpperCase() && /[A-Z]/.test(word)) {
      if (initials) parts.push(initials);
      initials = "";
      parts.push(word.replace(/[^A-Z0-9]/g, ""));
    } else initials += (word.match(/[A-Za-z0-9]/)?.[0] ?? "").toUpperCase();
  }
  if (initials) parts.push(initials);
  return parts.join(" ") || name.slice(0, 6);
}
