import { isInt, type Date as Neo4jDate, type Integer } from "neo4j-driver";
import { formatIsoDate, type IsoDate } from "../text/dates.ts";

const number = (value: number | Integer | bigint): number =>
  typeof value === "number" ? value : isInt(value) ? value.toNumber() : Number(value);

/**
 * A neo4j Date as "YYYY-MM-DD", the text its `toString()` writes, without the driver's Integer
 * arithmetic (formatNumber builds Integers to pad each part: about 3x slower, measured, on every
 * date of every answer). Years outside 0-9999, which ISO writes with a sign, are left to the driver.
 */
export function dateText(date: Neo4jDate<number | Integer | bigint>): IsoDate {
  const year = number(date.year);
  if (year < 0 || year > 9999) return date.toString();
  return formatIsoDate({ year, month: number(date.month), day: number(date.day) });
}
