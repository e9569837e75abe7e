import { ID_PREFIX } from "../schema-model/index.ts";

/**
 * The ids an import gives what it creates, made from what a sheet states, so importing the next
 * quarter's sheet finds the same nodes: an action from its strategy and ref, a progress update
 * from its action and period, an indicator from its strategy and name, a reading from its
 * indicator and period, the file's Document from its partnership and file name.
 */

/** A readable id part: lower case, digits and . kept, anything else one "-". */
export function slug(text: string, max = 80): string {
  const part = text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9.]+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, max)
    .replace(/[-.]+$/, "");
  return part || "x";
}

/** An id without its label prefix: strategy:safer-communities-2011-14 -> safer-communities-2011-14. */
const rest = (id: string): string => id.slice(id.indexOf(":") + 1);

const make = (label: string, ...parts: string[]): string => `${ID_PREFIX[label]}:${parts.join(":")}`;

export const stableIds = {
  action: (strategyId: string, ref: string): string => make("Action", rest(strategyId), slug(ref)),
  objective: (strategyId: string, refOrTitle: string): string =>
    make("Objective", rest(strategyId), slug(refOrTitle, 60)),
  update: (actionId: string, period: string): string => make("ProgressUpdate", rest(actionId), slug(period)),
  indicator: (strategyId: string, name: string): string =>
    make("Indicator", rest(strategyId), slug(name, 60)),
  measurement: (indicatorId: string, period: string): string =>
    make("Measurement", rest(indicatorId), slug(period, 60)),
  document: (partnershipId: string, fileName: string): string =>
    make("Document", "import", rest(partnershipId), slug(fileName)),
};
