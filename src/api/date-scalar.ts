import { GraphQLError, GraphQLScalarType, Kind } from "graphql";
import neo4j, { isDate } from "neo4j-driver";
import { parseIsoDate } from "../text/dates.ts";
import { dateText } from "../traversals/index.ts";

type Neo4jDate = InstanceType<typeof neo4j.types.Date>;

/** A calendar date from "YYYY-MM-DD" (or the date a date-time string is written on), never via a local-time Date. */
function parseDate(value: unknown): Neo4jDate {
  if (isDate(value)) return value as Neo4jDate;
  const parsed = typeof value === "string" ? parseIsoDate(value.slice(0, 10)) : undefined;
  if (!parsed || (typeof value === "string" && value.length > 10 && value[10] !== "T"))
    throw new GraphQLError(
      `Date must be a calendar date written YYYY-MM-DD (e.g. "2016-01-29"); got ${JSON.stringify(value)}.`,
    );
  return new neo4j.types.Date(parsed.year, parsed.month, parsed.day);
}

/**
 * The `Date` scalar, replacing @neo4j/graphql's: that one parses input with `new Date(text)` (UTC
 * midnight) and reads it back with local-time getters, so west of UTC every date arrived a day
 * early. Dates here are calendar dates whatever the server's time zone (docs/tenancy.md).
 */
export const DateScalar = new GraphQLScalarType<Neo4jDate, string>({
  name: "Date",
  description: "A calendar date, represented as a 'yyyy-mm-dd' string",
  serialize(value) {
    if (isDate(value)) return dateText(value);
    if (typeof value === "string" && parseIsoDate(value.slice(0, 10))) return value.slice(0, 10);
    throw new GraphQLError(`Date cannot represent value: ${JSON.stringify(value)}`);
  },
  parseValue: parseDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING)
      throw new GraphQLError(`Date must be a string written YYYY-MM-DD; got a ${ast.kind} literal.`);
    return parseDate(ast.value);
  },
});
