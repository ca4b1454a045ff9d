/**
 * The values of the language. A value is a real number (src/number.ts: an
 * exact Rational or an approximate Decimal), a complex number (src/complex.ts), a quantity — a magnitude
 * times a unit — or a boolean. A plain number is never wrapped: most lines
 * are plain arithmetic, and they stay as fast as they were.
 */
import { dimensionName, withArticle } from "./dimension.ts";
import { ArithmeticError } from "./errors.ts";
import { Complex, type Scalar } from "./complex.ts";
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

export type Value = Real | Complex | Quantity | boolean;

/** A number or a quantity: what arithmetic takes. */
export type Numeric = Scalar | Quantity;

export function isReal(value: Value): value is Real {
  return value instanceof Rational || (typeof value === "object" && !(value instanceof Quantity) && !(value instanceof Complex));
}

/** What a value is, for messages: "a number", "a boolean", "a length (m)", "an area (ft^2)". */
export function describe(value: Value): string {
  if (typeof value === "boolean") return "a boolean";
  if (value instanceof Complex) return "a complex number";
  if (!(value instanceof Quantity)) return "a number";
  return `${withArticle(dimensionName(dimensionOf(value.unit)))} (${formatUnit(value.unit)})`;
}

/** The value as a real number, or a type error naming what it is instead. */
export function expectReal(value: Value, what = "a number"): Real {
  if (isReal(value)) return value;
  throw new ArithmeticError(typeof value === "boolean" ? "type" : "dimension", `expected ${what}, found ${describe(value)}`);
}
