/** A governanceHealth finding as the reports show it. */
export interface Finding {
  rule: string;
  severity: string;
  message: string;
  subject: { id: string; label: string; name: string };
}

/** A finding pinned to the row it is about: a short tag for the row, the full message for the list. */
export interface Flag {
  rule: string;
  severity: string;
  tag: string;
  message: string;
}

/** Short inline tags for the rules of governanceHealth (README "Health checks"); unknown rules get their name in words. */
const TAGS: Record<string, string> = {
  OBJECTIVE_WITHOUT_ACTION: "No action",
  ACTION_WITHOUT_LEAD: "No lead",
  PRIORITY_WITHOUT_STRATEGIC_LEAD: "No strategic lead",
  PRIORITY_WITHOUT_LEAD_AGENCY: "No lead agency",
  ACTION_OVERDUE: "Overdue",
  ACTION_WITHOUT_PROGRESS: "No progress",
  INDICATOR_WITHOUT_TARGET: "No target",
  INDICATOR_WITHOUT_MEASUREMENT: "No measurement",
  BODY_WITHOUT_ROUTE_TO_BOARD: "No route to board",
  ACCOUNTABILITY_CYCLE: "Accountability cycle",
  PERSON_OVERLOADED: "Overloaded",
  STRATEGY_EXPIRED_WITHOUT_SUCCESSOR: "Expired, no successor",
};

export const ruleTag = (rule: string): string =>
  TAGS[rule] ?? rule.charAt(0) + rule.slice(1).toLowerCase().replaceAll("_", " ");

/** Severity order for lists: errors first. */
export const severityRank = (severity: string): number => ({ ERROR: 0, WARNING: 1, INFO: 2 })[severity] ?? 3;

/** Findings looked up by the id of their subject. */
export class FindingIndex {
  private readonly bySubject = new Map<string, Finding[]>();

  constructor(findings: readonly Finding[]) {
    for (const finding of findings) {
      const list = this.bySubject.get(finding.subject.id) ?? [];
      list.push(finding);
      this.bySubject.set(finding.subject.id, list);
    }
  }

  /** The flags of one subject, most severe first. */
  flags(id: string): Flag[] {
    return (this.bySubject.get(id) ?? [])
      .map((f) => ({ rule: f.rule, severity: f.severity, tag: ruleTag(f.rule), message: f.message }))
      .sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || a.tag.localeCompare(b.tag));
  }

  /** Every finding about any of `ids`, each once, most severe first. */
  about(ids: Iterable<string>): Finding[] {
    const out: Finding[] = [];
    for (const id of new Set(ids)) out.push(...(this.bySubject.get(id) ?? []));
    return out.sort(
      (a, b) =>
        severityRank(a.severity) - severityRank(b.severity) ||
        a.rule.localeCompare(b.rule) ||
        a.subject.name.localeCompare(b.subject.name),
    );
  }
}
