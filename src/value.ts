/**
 * The values of the language. A value is a real number (src/number.ts: an
 * exact Rational or an approximate Decimal), a complex number (src/complex.ts), a quantity — a magnitude
 * times a unit — a boolean, a point on the calendar or the clock (a Moment), or a list of values.
 * A plain number is never wrapped: most lines are plain arithmetic, and they
 * stay as fast as they were.
 */
import { dimensionName, withArticle } from "./dimension.ts";
import { ArithmeticError } from "./errors.ts";
import { Complex, isExactScalar, type Scalar } from "./complex.ts";
import { Rational, type Real } from "./number.ts";
import { dimensionOf, formatUnit, type Unit } from "./units.ts";

export class Quantity {
  /** Use `quantity()`, which turns a quantity without dimension into a plain number. */
  constructor(
    readonly magnitude: Scalar,
    readonly unit: Unit,
    /** The unit as the user wrote it in `to`, which the result prints exactly (J/g/K, not J/(g*K)). */
    readonly written?: string,
  ) {}
}

/**
 * What a Moment is (issue 19): a calendar date (2026-12-04), a clock time (09:15), a date-time
 * without a zone (2026-12-04T15:24:00), an instant (2026-12-04T10:00:00Z), a date-time in a time
 * zone (2025-01-15T09:30:00+01:00[Europe/Berlin]), or a day of the week (what weekday() answers).
 */
export type MomentKind = "date" | "time" | "datetime" | "instant" | "zoned" | "weekday";

/**
 * A date or a time: its kind and the Temporal object that holds it (Temporal.PlainDate,
 * PlainTime, PlainDateTime, Instant, ZonedDateTime; a weekday is its ISO number, 1 for Monday).
 * Typed loosely here so that this module, which every line loads, loads nothing of the dates:
 * src/dates.ts does all that is done with them, loaded at a line's first date.
 */
export class Moment {
  constructor(
    readonly kind: MomentKind,
    readonly temporal: unknown,
  ) {}
}

/**
 * A list of values (issue 21): `[1, 2, 3]`, `1..100`, what the statistics take (src/lists.ts).
 */
export class List {
  constructor(readonly items: readonly Value[]) {
    spendListItems(items.length);
  }
}

/**
 * The items a line may make lists of, in all: one list's limit (src/lists.ts) times a recursion's
 * depth would be gigabytes (f(xs, n) = f(1..1000000, n - 1)). The evaluator renews it at each line.
 */
export const MAX_LIST_ITEMS_PER_LINE = 3_000_000;
let listItemsLeft = MAX_LIST_ITEMS_PER_LINE;

export function renewListBudget(): void {
  listItemsLeft = MAX_LIST_ITEMS_PER_LINE;
}

function spendListItems(count: number): void {
  listItemsLeft -= count;
  if (listItemsLeft < 0) {
    throw new ArithmeticError("limit", `this line makes lists of more than ${MAX_LIST_ITEMS_PER_LINE.toLocaleString("en-US")} items in all (the limit)`);
  }
}

export type Value = Real | Complex | Quantity | boolean | Moment | List;

/** A number or a quantity: what arithmetic takes. */
export type Numeric = Scalar | Quantity;

export function isReal(value: Value): value is Real {
  return (
    value instanceof Rational ||
    (typeof value === "object" && !(value instanceof Quantity) && !(value instanceof Complex) && !(value instanceof Moment) && !(value instanceof List))
  );
}

const MOMENT_NAMES: Readonly<Record<MomentKind, string>> = {
  date: "a date",
  time: "a clock time",
  datetime: "a date-time",
  instant: "an instant",
  zoned: "a zoned date-time",
  weekday: "a weekday",
};

/** Whether a value holds an approximate number (a list: any of its items). */
export function isApproximate(value: Value): boolean {
  if (typeof value === "boolean" || value instanceof Moment) return false;
  if (value instanceof List) return value.items.some(isApproximate);
  return !isExactScalar(value instanceof Quantity ? value.magnitude : value);
}

/** What a value is, for messages: "a number", "a boolean", "a length (m)", "an area (ft^2)". */
export function describe(value: Value): string {
  if (typeof value === "boolean") return "a boolean";
  if (value instanceof Complex) return "a complex number";
  if (value instanceof Moment) return MOMENT_NAMES[value.kind];
  if (value instanceof List) return "a list";
  if (!(value instanceof Quantity)) return "a number";
  return `${withArticle(dimensionName(dimensionOf(value.unit)))} (${formatUnit(value.unit)})`;
}

/** The value as a real number, or a type error naming what it is instead. */
export function expectReal(value: Value, what = "a number"): Real {
  if (isReal(value)) return value;
  const kind = value instanceof Quantity || value instanceof Complex ? "dimension" : "type";
  throw new ArithmeticError(kind, `expected ${what}, found ${describe(value)}`);
}
