/** Width of a string in pixels in the diagram's font; the browser measures with a canvas, tests with a stub. */
export type MeasureText = (text: string) => number;

/**
 * Breaks text into lines no wider than `maxWidth`, at spaces; a single word wider than that
 * keeps a line of its own (it is never cut mid-word, since names must stay searchable).
 * @example wrapText("Safer Communities Partnership Board", 120, (s) => s.length * 7) // ["Safer Communities", "Partnership Board"]
 */
export function wrapText(text: string, maxWidth: number, measure: MeasureText): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}
