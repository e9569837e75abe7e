import { ruleTag, type Finding } from "../model/index.ts";
import type { FindingItem } from "./report-document.ts";

const MAX_NAMES = 6;
const MAX_NAME = 70;

const short = (text: string): string =>
  text.length > MAX_NAME ? `${text.slice(0, MAX_NAME - 1).trimEnd()}…` : text;

/**
 * The lines of a findings box: each error in full; warnings collapsed per rule with the names of
 * their subjects; information-only findings as a count, so a long plan does not drown its errors.
 */
export function findingItems(findings: readonly Finding[]): FindingItem[] {
  const byRule = new Map<string, Finding[]>();
  for (const finding of findings) byRule.set(finding.rule, [...(byRule.get(finding.rule) ?? []), finding]);
  const items: FindingItem[] = [];
  for (const [rule, list] of byRule) {
    const { severity } = list[0]!;
    const tag = ruleTag(rule);
    const names = [...new Set(list.map((f) => f.subject.name))];
    if (severity === "ERROR" || list.length === 1)
      for (const finding of list) items.push({ severity, tag, text: finding.message });
    else if (severity === "INFO")
      items.push({
        severity,
        tag,
        text: `${names.length} ${names.length === 1 ? "item" : "items"} (${list[0]!.subject.label.toLowerCase()}s).`,
      });
    else {
      const shown = names.slice(0, MAX_NAMES).map(short).join("; ");
      items.push({
        severity,
        tag,
        text: `${names.length}: ${shown}${names.length > MAX_NAMES ? `; and ${names.length - MAX_NAMES} more` : ""}.`,
      });
    }
  }
  return items;
}
