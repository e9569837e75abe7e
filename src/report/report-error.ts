import { UserError } from "../errors/index.ts";

/** A report could not be made: a bad option, an unknown id, an unreachable API or browser. */
export class ReportError extends UserError {
  /** The `extensions.code` of each error the API returned, when the API refused the request. */
  readonly codes: readonly string[];

  constructor(message: string, options?: { cause?: unknown; codes?: readonly string[] }) {
    super(message, options);
    this.codes = options?.codes ?? [];
  }
}
