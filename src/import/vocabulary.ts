import { buildDomainModel, readTypeDefs, type DomainModel } from "../schema-model/index.ts";

/** The closed vocabularies a sheet's cells are read into, taken from the SDL (schema/enums.graphql). */
export interface Vocabulary {
  actionStatus: readonly string[];
  actionKind: readonly string[];
  rag: readonly string[];
  leadRole: readonly string[];
  objectiveKind: readonly string[];
  betterDirection: readonly string[];
}

let model: DomainModel | undefined;

/** The domain model the import reads its vocabularies and property types from (built once from schema/*.graphql). */
export function importModel(): DomainModel {
  model ??= buildDomainModel(readTypeDefs());
  return model;
}

let cached: Vocabulary | undefined;

/** The enums of the domain model that the import reads (computed once). */
export function vocabulary(): Vocabulary {
  if (cached) return cached;
  const labels = importModel().labels;
  const values = (label: string, property: string, relationship?: string): readonly string[] => {
    const model = labels.get(label);
    const properties = relationship ? model?.relationships.get(relationship)?.properties : model?.properties;
    const found = properties?.get(property)?.enumValues;
    if (!found) throw new Error(`The schema has no enum ${label}.${relationship ?? ""}${property}.`);
    return found;
  };
  cached = {
    actionStatus: values("Action", "status"),
    actionKind: values("Action", "kind"),
    rag: values("ProgressUpdate", "rag"),
    leadRole: values("Action", "role", "LED_BY"),
    objectiveKind: values("Objective", "kind"),
    betterDirection: values("Indicator", "betterDirection"),
  };
  return cached;
}

/** An enum value as words, the way the export writes it: IN_PROGRESS -> "In progress". */
export const enumWords = (value: string): string =>
  value.charAt(0) + value.slice(1).toLowerCase().replaceAll("_", " ");

/** A word or enum name as a lookup key: "In-progress", "IN_PROGRESS" and "in progress" are one key. */
export const wordKey = (text: string): string =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");
