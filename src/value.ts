/**
 * The values of the language. A value is a real number (src/number.ts: an
 * exact Rational or an approximate Decimal), a quantity — a real magnitude
 * times a unit — or a boolean. A plain number is never wrapped: most lines
 * are plain arithmetic, and they stay as fast as they were.
 */
import { dimensionName, withArticle } from "./dimension.ts";
import { ArithmeticError } from "./errors.ts";
import { Rational, type Real } from "./number.ts";
import { dimensionOf, formatUnit, type Unit } from "./units.ts";

export class Quantity {
  /** Use `quantity()`, which turns a quantity without dimension into a plain number. */
  constructor(
    readonly magnitude: Real,
    readonly unit: Unit,
    /** The unit as the user wrote it in `to`, which the result prints exactly (J/g/K, not J/(g*K)). */
    readonly written?: string,
  ) {}
}

export type Value = Real | Quantity | boolean;

export function isReal(value: Value): value is Real {
  return value instanceof Rational || (typeof value === "object" && !(value instanceof Quantity));
}

/** What a value is, for messages: "a number", "a boolean", "a length (m)", "an area (ft^2)". */
export function describe(value: Value): string {
  if (typeof value === "boolean") return "a boolean";
  if (!(value instanceof Quantity)) return "a number";
  return `${withArticle(dimensionName(dimensionOf(value.unit)))} (${formatUnit(value.unit)})`;
}

/** The value as a real number, or a type error naming what it is instead. */
export function expectReal(value: Value, what = "a number"): Real {
  if (isReal(value)) return value;
  throw new ArithmeticError(typeof value === "boolean" ? "type" : "dimension", `expected ${what}, found ${describe(value)}`);
}
