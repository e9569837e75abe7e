import type { PropertyModel } from "../schema-model/index.ts";
import { didYouMean, isIsoDate } from "../text/index.ts";

/** Why a value does not fit its property, with the fix; undefined when it fits. */
export interface ValueProblem {
  message: string;
  fix: string;
}

const describe = (value: unknown): string =>
  value === null
    ? "null"
    : Array.isArray(value)
      ? "a list"
      : typeof value === "object"
        ? "a mapping"
        : `${typeof value} ${JSON.stringify(value)}`;

function checkScalar(property: PropertyModel, value: unknown): ValueProblem | undefined {
  if (property.enumValues) {
    if (typeof value === "string" && property.enumValues.includes(value)) return undefined;
    return {
      message: `expected one of ${property.enumValues.join(", ")}, found ${describe(value)}.`,
      fix: `use one of the ${property.type} values.${typeof value === "string" ? didYouMean(value, property.enumValues) : ""}`,
    };
  }
  switch (property.type) {
    case "String":
    case "ID":
      return typeof value === "string"
        ? undefined
        : {
            message: `expected text, found ${describe(value)}.`,
            fix: `quote the value ("...") so YAML keeps it as text.`,
          };
    case "Int":
      return Number.isInteger(value)
        ? undefined
        : {
            message: `expected a whole number, found ${describe(value)}.`,
            fix: "write a whole number without quotes.",
          };
    case "Float":
      return typeof value === "number" && Number.isFinite(value)
        ? undefined
        : {
            message: `expected a number, found ${describe(value)}.`,
            fix: "write the number without quotes or % (keep the written form in the matching *Text field).",
          };
    case "Boolean":
      return typeof value === "boolean"
        ? undefined
        : { message: `expected true or false, found ${describe(value)}.`, fix: "write true or false." };
    case "Date":
      return isIsoDate(value)
        ? undefined
        : {
            message: `expected a date YYYY-MM-DD, found ${describe(value)}.`,
            fix: "write the normalised date as YYYY-MM-DD (keep the paper's words in a *Text field where there is one).",
          };
    default:
      return { message: `has type ${property.type}, which seed files cannot set.`, fix: "remove it." };
  }
}

export function checkValue(property: PropertyModel, value: unknown): ValueProblem | undefined {
  if (!property.list) return checkScalar(property, value);
  if (!Array.isArray(value))
    return {
      message: `expected a list, found ${describe(value)}.`,
      fix: `write [a, b] or one "- item" per line.`,
    };
  for (const item of value) {
    const problem = checkScalar(property, item);
    if (problem) return { message: `list item: ${problem.message}`, fix: problem.fix };
  }
  return undefined;
}
