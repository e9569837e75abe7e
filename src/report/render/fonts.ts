import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * The reports' typeface: Arimo (SIL Open Font License), metric-compatible with Arial, the face
 * council board papers are set in. It comes from the @fontsource/arimo npm package and is embedded
 * in every HTML report (and so in every PDF), so a paper looks the same on every machine instead
 * of falling back to whatever fonts the machine has.
 */
export const FONT_FAMILY = "Arimo";
export const FONT_STACK = `${FONT_FAMILY}, Arial, "Liberation Sans", Helvetica, sans-serif`;

const require = createRequire(import.meta.url);

/** The faces a report uses: body text, bold (headings, labels) and italic (missing values). */
const FACES = [
  { weight: 400, style: "normal" },
  { weight: 700, style: "normal" },
  { weight: 400, style: "italic" },
] as const;

/** Each subset's unicode-range, as the package declares it ("U+0000-00FF,U+0131,..."). */
const unicodeRanges = (): Record<string, string> =>
  JSON.parse(readFileSync(require.resolve("@fontsource/arimo/unicode.json"), "utf8")) as Record<
    string,
    string
  >;

function parseRange(range: string): [number, number][] {
  return range.split(",").map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, "").split("-");
    return [parseInt(from!, 16), parseInt(to ?? from!, 16)];
  });
}

const fontCache = new Map<string, string>();

function woff2DataUrl(subset: string, weight: number, style: string): string {
  const file = `@fontsource/arimo/files/arimo-${subset}-${weight}-${style}.woff2`;
  let url = fontCache.get(file);
  if (!url) {
    url = `data:font/woff2;base64,${readFileSync(require.resolve(file)).toString("base64")}`;
    fontCache.set(file, url);
  }
  return url;
}

/**
 * The subsets of Arimo that `text` needs: always latin, and each other subset only when a
 * character of the text falls in its range (latin-ext for "Dvořák", greek, cyrillic...), so a
 * report embeds about 50 kB of fonts, not the whole family.
 */
export function subsetsFor(text: string): string[] {
  const ranges = unicodeRanges();
  const codes = new Set<number>();
  for (const char of text) codes.add(char.codePointAt(0)!);
  return Object.entries(ranges)
    .filter(
      ([subset, range]) =>
        subset === "latin" ||
        parseRange(range).some(([from, to]) => [...codes].some((code) => code >= from && code <= to)),
    )
    .map(([subset]) => subset);
}

/**
 * `@font-face` rules embedding the faces and subsets a report's text needs as data URLs (a
 * standalone page loads nothing from outside).
 * @example `<style>${fontFaces(text)} body { font-family: ${FONT_STACK}; }</style>`
 */
export function fontFaces(text: string, faces: readonly { weight: number; style: string }[] = FACES): string {
  const ranges = unicodeRanges();
  return subsetsFor(text)
    .flatMap((subset) =>
      faces.map(
        ({ weight, style }) =>
          `@font-face { font-family: "${FONT_FAMILY}"; font-style: ${style}; font-weight: ${weight}; font-display: block; ` +
          `src: url(${woff2DataUrl(subset, weight, style)}) format("woff2"); unicode-range: ${ranges[subset]}; }`,
      ),
    )
    .join("\n");
}

/** Only the regular face, for Chromium's page footer (a separate document that shares no styles). */
export const footerFontFaces = (text: string): string => fontFaces(text, [{ weight: 400, style: "normal" }]);
