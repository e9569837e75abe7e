import { UserError } from "../errors/index.ts";

/** One problem found in a seed file: where it is, what was expected, what was found, and the fix. */
export interface SeedIssue {
  file: string;
  line?: number;
  column?: number;
  entry?: string;
  field?: string;
  message: string;
  fix?: string;
}

export function formatIssue(issue: SeedIssue): string {
  const position = issue.line ? `:${issue.line}${issue.column ? `:${issue.column}` : ""}` : "";
  const where = [
    `${issue.file}${position}`,
    issue.entry && `entry ${issue.entry}`,
    issue.field && `field ${issue.field}`,
  ]
    .filter(Boolean)
    .join(", ");
  return `${where}: ${issue.message}${issue.fix ? ` Fix: ${issue.fix}` : ""}`;
}

/** Thrown before anything is written when any seed file is invalid; lists every issue found. */
export class SeedValidationError extends UserError {
  readonly issues: readonly SeedIssue[];

  constructor(issues: readonly SeedIssue[], what = "problem(s) in the seed files") {
    super(
      `${issues.length} ${what}; nothing was written:\n${issues.map((i) => `  ${formatIssue(i)}`).join("\n")}`,
    );
    this.issues = issues;
  }
}

/**
 * Thrown inside the load transaction (so it rolls back) when the seeds disagree with the database:
 * an id another partnership owns there, a shared entity that is not loaded yet.
 */
export class SeedConflictError extends SeedValidationError {
  override name = "SeedConflictError";
  constructor(issues: readonly SeedIssue[]) {
    super(issues, "conflict(s) between the seeds and the database");
  }
}
