import { UserError } from "../errors/index.js";

/** A report could not be made: a bad option, an unknown id, an unreachable API or browser. */
export class ReportError extends UserError {}
