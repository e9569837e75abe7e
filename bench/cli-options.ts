import { InvalidArgumentError } from "commander";

/** A commander option parser for a whole number of at least 1 (commander names the option in its error). */
export function positive(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new InvalidArgumentError(`must be a whole number of at least 1; got "${value}".`);
  return number;
}
