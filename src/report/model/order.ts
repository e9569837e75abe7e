import { naturalCompare } from "../../text/index.ts";

const NUMBER_WORDS = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
  "twenty",
];
const NUMBER_WORD = new RegExp(`\\b(${NUMBER_WORDS.join("|")})\\b`, "gi");

/** A ref with its number words as digits, so "Priority two" sorts before "Priority three". */
export const refKey = (ref: string | null | undefined): string =>
  (ref ?? "").replace(NUMBER_WORD, (word) => String(NUMBER_WORDS.indexOf(word.toLowerCase())));

/** Anything a plan lists: its recorded place when the papers give one, its ref as written, its id. */
export interface Listed {
  id: string;
  ref?: string | null;
  position?: number | null;
}

/**
 * The plan's own order: the recorded position when there is one, else the ref in natural order
 * (numbers and number words as numbers: "Priority 2" and "Priority two" before "Priority 10"),
 * then the id.
 */
export function recordedOrder(a: Listed, b: Listed): number {
  const pa = a.position ?? Number.POSITIVE_INFINITY;
  const pb = b.position ?? Number.POSITIVE_INFINITY;
  if (pa !== pb) return pa < pb ? -1 : 1;
  return naturalCompare(refKey(a.ref), refKey(b.ref)) || naturalCompare(a.id, b.id);
}
