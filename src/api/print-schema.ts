import { MapperKind, mapSchema } from "@graphql-tools/utils";
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";

/** The augmented schema as SDL, without deprecated fields, values or arguments (what clients should use). */
export function printPublicSchema(schema: GraphQLSchema): string {
  const current = mapSchema(schema, {
    [MapperKind.FIELD]: (field) => ("deprecationReason" in field && field.deprecationReason ? null : field),
    [MapperKind.ENUM_VALUE]: (value) => (value.deprecationReason ? null : value),
    [MapperKind.ARGUMENT]: (argument) => (argument.deprecationReason ? null : argument),
  });
  return printSchema(lexicographicSortSchema(current));
}
