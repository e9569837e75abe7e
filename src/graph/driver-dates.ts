import { createRequire } from "node:module";
import { Date as Neo4jDate, int, isInt, type Integer } from "neo4j-driver";

type EpochDayToDate = (epochDay: Integer | number | bigint) => Neo4jDate<Integer>;

/** On the installed function: the driver's own, which it replaced (Symbol.for: one key for every copy of this module). */
const DRIVER = Symbol.for("governance-graph.fast-driver-dates");

/**
 * neo4j-driver's module that turns the epoch day of a Bolt Date into a Date. Its Date transformer
 * calls it through the module object (`temporal_factory_1.epochDayToDate(...)`), so what is put
 * there is what decodes every date the database sends. Resolved from neo4j-driver's own folder: the
 * copy it loads, whatever npm hoists.
 */
const temporalFactory = createRequire(createRequire(import.meta.url).resolve("neo4j-driver"))(
  "neo4j-driver-bolt-connection/lib/bolt/temporal-factory.js",
) as { epochDayToDate: EpochDayToDate & { [DRIVER]?: EpochDayToDate } };

/**
 * The driver's own: the fallback, and what the tests compare with. Taken from the installed
 * function when there is one: this module may be evaluated again (a test runner's isolation)
 * after another copy of it has installed.
 */
export const driverEpochDayToDate: EpochDayToDate =
  temporalFactory.epochDayToDate[DRIVER] ?? temporalFactory.epochDayToDate;

const DAYS_0000_TO_1970 = 719_528;
const DAYS_PER_400_YEAR_CYCLE = 146_097;
/** Beyond Neo4j's dates (±999,999,999 years, about 3.7e11 days) and far inside exact doubles. */
const FAST_LIMIT = 1e12;

/** Days from 0000-03-01 to the 1st of March of `year`, proleptic Gregorian (the driver's formula). */
const daysBefore = (year: number): number =>
  365 * year + Math.trunc(year / 4) - Math.trunc(year / 100) + Math.trunc(year / 400);

/**
 * The driver's `epochDayToDate` (Java's `LocalDate.ofEpochDay`) on plain numbers, with the same
 * result: a Date whose year, month and day are Integers. The driver's does every step in its
 * Integer class (about 40 Integer operations a date), 7-9% of the API's CPU on the report's tree
 * (BENCHMARKS.md, session 10). `Math.trunc` stands for Integer's `div`, which truncates as Java's does.
 */
export function epochDayToDate(epochDay: Integer | number | bigint): Neo4jDate<Integer> {
  const days =
    typeof epochDay === "number" ? epochDay : isInt(epochDay) ? epochDay.toNumber() : Number(epochDay);
  if (!Number.isInteger(days) || Math.abs(days) > FAST_LIMIT) return driverEpochDayToDate(epochDay);
  let zeroDay = days + DAYS_0000_TO_1970 - 60;
  let adjust = 0;
  if (zeroDay < 0) {
    const adjustCycles = Math.trunc((zeroDay + 1) / DAYS_PER_400_YEAR_CYCLE) - 1;
    adjust = adjustCycles * 400;
    zeroDay -= adjustCycles * DAYS_PER_400_YEAR_CYCLE;
  }
  let year = Math.trunc((zeroDay * 400 + 591) / DAYS_PER_400_YEAR_CYCLE);
  let dayOfYear = zeroDay - daysBefore(year);
  if (dayOfYear < 0) {
    year -= 1;
    dayOfYear = zeroDay - daysBefore(year);
  }
  const marchMonth = Math.trunc((dayOfYear * 5 + 2) / 153);
  const month = ((marchMonth + 2) % 12) + 1;
  const day = dayOfYear - Math.trunc((marchMonth * 306 + 5) / 10) + 1;
  year += adjust + Math.trunc(marchMonth / 10);
  return new Neo4jDate(int(year), int(month), int(day));
}

/** Puts epochDayToDate in the driver's place, once; the driver's own stays as the fallback. */
export function installFastDriverDates(): void {
  if (temporalFactory.epochDayToDate[DRIVER]) return;
  temporalFactory.epochDayToDate = Object.assign(
    (epochDay: Integer | number | bigint) => epochDayToDate(epochDay),
    { [DRIVER]: driverEpochDayToDate },
  );
}
