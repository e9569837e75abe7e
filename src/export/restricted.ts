import { restrictions, type DomainModel } from "../schema-model/index.ts";

/** The label's restricted properties (contact details, private notes, audit fields): officers of its partnership only. */
export const restrictedFieldsOf = (_model: DomainModel, label: string): readonly string[] =>
  restrictions().fields.get(label) ?? [];
