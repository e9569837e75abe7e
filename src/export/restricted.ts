import type { DomainModel } from "../schema-model/index.js";
import { RESTRICTED_FIELDS } from "../api/authorization-rules.js";

/** The label's restricted properties (contact details, private notes): officers of its partnership only. */
export const restrictedFieldsOf = (_model: DomainModel, label: string): readonly string[] =>
  RESTRICTED_FIELDS[label] ?? [];
