/** One problem found in a seed file: where it is, what was expected, what was found, and the fix. */
export interface SeedIssue {
  file: string;
  line?: number;
  entry?: string;
  field?: string;
  message: string;
  fix?: string;
}

export function formatIssue(issue: SeedIssue): string {
  const where = [
    issue.line ? `${issue.file}:${issue.line}` : issue.file,
    issue.entry && `entry ${issue.entry}`,
    issue.field && `field ${issue.field}`,
  ]
    .filter(Boolean)
    .join(", ");
  return `${where}: ${issue.message}${issue.fix ? ` Fix: ${issue.fix}` : ""}`;
}

/** Thrown before anything is written when any seed file is invalid; lists every issue found. */
export class SeedValidationError extends Error {
  override name = "SeedValidationError";
  constructor(readonly issues: readonly SeedIssue[]) {
    super(
      `${issues.length} problem(s) in the seed files; nothing was written:\n${issues.map((i) => `  ${formatIssue(i)}`).join("\n")}`,
    );
  }
}
