/**
 * A failure the person running a command can fix (bad input, configuration, an unreachable or
 * busy resource): the CLI prints its message alone, which must say what is wrong and the fix,
 * and exits 1. Anything that is not a UserError is a bug or an unexpected failure: printed with
 * its stack, exit 2.
 * @example throw new UserError("PORT 4000 is in use. Stop what holds it, or set PORT to a free port.");
 */
export class UserError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    // Subclasses are named after themselves without repeating `override name` in each.
    this.name = new.target.name;
  }
}
