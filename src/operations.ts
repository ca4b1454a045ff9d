/**
 * Arithmetic on values: the evaluator and the built-ins both come here.
 * Plain numbers go straight to the number model (src/number.ts), with the
 * all-exact case first because it is most lines' only case; quantities
 * combine their units (src/units.ts) and check dimensions; booleans are
 * refused, never coerced.
 *
 * Temperatures on the Celsius and Fahrenheit scales are absolute: two of
 * them may be subtracted (the difference is in kelvin), a temperature
 * difference (K) may be added to or subtracted from one, and they convert
 * with their offsets; anything else that would need the offset inside
 * arithmetic (20 °C * 2, 20 °C + 30 °C) is an error that says to convert
 * to kelvin first.
 */
import { BASE_DIMENSIONS, baseDimension, combine, identical, isDimensionless, isNone, type BaseDimension, type Dimension } from "./dimension.ts";
import type { CompareOp } from "../grammar/ast.ts";
import { decimalJs } from "./decimal.ts";
import { ArithmeticError } from "./errors.ts";
import { MAX_UNIT_POWER } from "./limits.ts";
import * as C from "./complex.ts";
import { Complex, type Scalar } from "./complex.ts";
import { isExact, Rational, sign, type NumberContext, type Real } from "./number.ts";
import {
  compatibleUnits,
  dimensionOf,
  formatUnit,
  hasOffset,
  lookupUnit,
  multiplyUnits,
  offsetScale,
  raiseUnit,
  ratio,
  boundedPowers,
  scaleOf,
  UNITY,
  type NamedUnit,
  type Scale,
  type Unit,
} from "./units.ts";
import { dates } from "./load-dates.ts";
import { describe, isReal, List, Moment, Quantity, type Numeric, type Value } from "./value.ts";
import { lists } from "./load-lists.ts";

const NO_UNIT: Unit = [];

function dimensionError(message: string): ArithmeticError {
  return new ArithmeticError("dimension", message);
}

function typeError(value: Value, what = "a number"): ArithmeticError {
  return new ArithmeticError("type", `expected ${what}, found ${describe(value)}`);
}

export function unitOf(value: Numeric): Unit {
  return value instanceof Quantity ? value.unit : NO_UNIT;
}

export function magnitudeOf(value: Numeric): Scalar {
  return value instanceof Quantity ? value.magnitude : value;
}

/** A number (real or complex) or a quantity, else a type error. */
function numeric(value: Value): Numeric {
  if (typeof value === "boolean" || value instanceof Moment || value instanceof List) throw typeError(value);
  return value;
}

/** `2026-12-04 * 2`: a date or time is only added to, subtracted from, compared and converted. */
function refuseMoments(a: Value, b: Value, verb: string): void {
  if (a instanceof Moment || b instanceof Moment) throw new ArithmeticError("type", `cannot ${verb} ${describe(a)} and ${describe(b)}`);
}

/** The magnitude of a value, which must be real: `what` names what needs it in the error. */
export function realMagnitude(value: Numeric, what: string): Real {
  const magnitude = magnitudeOf(value);
  if (magnitude instanceof Complex) throw notReal(what);
  return magnitude;
}

/** "floor needs a real number, not a complex number". */
export function notReal(what: string): ArithmeticError {
  return new ArithmeticError("type", `${what} needs a real number, not a complex number`);
}

/** magnitude × unit; a unit with no dimension left (1 km / 1 m, 25 %) makes a plain number. */
export function quantity(magnitude: Scalar, unit: Unit, ctx: NumberContext): Numeric {
  if (unit.length === 0) return magnitude;
  if (isNone(dimensionOf(unit))) return scaleScalar(magnitude, scaleOf(unit), ctx);
  return new Quantity(magnitude, unit);
}

/** z × factor × pi^piPower, part by part for a complex z. */
export function scaleScalar(z: Scalar, scale: Scale, ctx: NumberContext): Scalar {
  return z instanceof Complex ? C.complex(scaleReal(z.re, scale, ctx), scaleReal(z.im, scale, ctx)) : scaleReal(z, scale, ctx);
}

/** x × factor × pi^piPower. */
export function scaleReal(x: Real, scale: Scale, ctx: NumberContext): Real {
  let result = scale.factor.num === 1n && scale.factor.den === 1n ? x : ctx.multiply(x, scale.factor);
  for (let k = scale.piPower; k > 0; k--) result = ctx.multiply(result, ctx.pi());
  for (let k = scale.piPower; k < 0; k++) result = ctx.divide(result, ctx.pi());
  return result;
}

// ---- sums --------------------------------------------------------------------

export function add(a: Value, b: Value, ctx: NumberContext): Value {
  if (a instanceof Rational && b instanceof Rational) return ctx.add(a, b);
  return sum(a, b, 1, ctx);
}

export function subtract(a: Value, b: Value, ctx: NumberContext): Value {
  if (a instanceof Rational && b instanceof Rational) return ctx.subtract(a, b);
  return sum(a, b, -1, ctx);
}

/** a ± b, in a's unit. */
function sum(left: Value, right: Value, sign: 1 | -1, ctx: NumberContext): Value {
  if (left instanceof List || right instanceof List) {
    return lists().elementwise(left, right, (x, y) => (sign > 0 ? add(x, y, ctx) : subtract(x, y, ctx)), sign > 0 ? "add" : "subtract");
  }
  if (left instanceof Moment || right instanceof Moment) return dates().addMoments(left, right, sign, ctx);
  const a = numeric(left);
  const b = numeric(right);
  const combine = (x: Scalar, y: Scalar) => (sign > 0 ? C.add(x, y, ctx) : C.subtract(x, y, ctx));
  if (!(a instanceof Quantity) && !(b instanceof Quantity)) return combine(a, b);
  const unitA = unitOf(a);
  const unitB = unitOf(b);
  if (!compatibleUnits(unitA, unitB)) {
    throw dimensionError(`cannot ${sign > 0 ? "add" : "subtract"} ${describe(a)} and ${describe(b)}`);
  }
  const scaleA = offsetScale(unitA);
  const scaleB = offsetScale(unitB);
  if (scaleA && scaleB) {
    if (sign > 0) throw offsetError("add two temperatures", a);
    // the difference of two temperatures is a temperature difference, in kelvin
    return new Quantity(ctx.subtract(toKelvin(a as Quantity, scaleA, ctx), toKelvin(b as Quantity, scaleB, ctx)), kelvin());
  }
  if (scaleA) {
    // a temperature plus a difference (K): the difference in degrees of a's scale
    const steps = scaleReal(realMagnitude(b, "a temperature difference"), ratio(scaleOf(unitB), scaleOf(unitA)), ctx);
    return new Quantity(combine(magnitudeOf(a), steps), unitA);
  }
  return quantity(combine(magnitudeOf(a), convertMagnitude(b, unitA, ctx)), unitA, ctx);
}

// ---- products -------------------------------------------------------------------

export function multiply(a: Value, b: Value, ctx: NumberContext): Value {
  if (a instanceof Rational && b instanceof Rational) return ctx.multiply(a, b);
  return product(a, b, 1, ctx);
}

export function divide(a: Value, b: Value, ctx: NumberContext): Value {
  if (a instanceof Rational && b instanceof Rational) return ctx.divide(a, b);
  return product(a, b, -1, ctx);
}

function product(left: Value, right: Value, sign: 1 | -1, ctx: NumberContext): Value {
  if (left instanceof List || right instanceof List) {
    return lists().elementwise(left, right, (x, y) => (sign > 0 ? multiply(x, y, ctx) : divide(x, y, ctx)), sign > 0 ? "multiply" : "divide");
  }
  refuseMoments(left, right, sign > 0 ? "multiply" : "divide");
  const a = numeric(left);
  const b = numeric(right);
  const combine = (x: Scalar, y: Scalar) => (sign > 0 ? C.multiply(x, y, ctx) : C.divide(x, y, ctx));
  if (!(a instanceof Quantity) && !(b instanceof Quantity)) return combine(a, b);
  for (const value of [a, b]) if (hasOffset(unitOf(value))) throw offsetError(sign > 0 ? "multiply a temperature" : "divide a temperature", value);
  const magnitude = combine(magnitudeOf(a), magnitudeOf(b));
  if (!(b instanceof Quantity)) return new Quantity(magnitude, unitOf(a));
  if (!(a instanceof Quantity)) return quantity(magnitude, sign > 0 ? b.unit : raiseUnit(b.unit, -1), ctx);
  const { unit, scale } = multiplyUnits(a.unit, b.unit, sign);
  return quantity(scaleScalar(magnitude, scale, ctx), unit, ctx);
}

/** Floored modulo; of quantities, in the left one's unit. */
export function modulo(left: Value, right: Value, ctx: NumberContext): Value {
  if (left instanceof Moment || right instanceof Moment) throw new ArithmeticError("type", `cannot take ${describe(left)} modulo ${describe(right)}`);
  const a = numeric(left);
  const b = numeric(right);
  if (isReal(a) && isReal(b)) return ctx.modulo(a, b);
  const x = realMagnitude(a, "mod");
  realMagnitude(b, "mod");
  if (!compatibleUnits(unitOf(a), unitOf(b))) throw dimensionError(`cannot take ${describe(a)} modulo ${describe(b)}`);
  for (const value of [a, b]) if (hasOffset(unitOf(value))) throw offsetError("take a temperature modulo anything", value);
  return quantity(ctx.modulo(x, convertMagnitude(b, unitOf(a), ctx) as Real), unitOf(a), ctx);
}

export function floorDivide(a: Value, b: Value, ctx: NumberContext): Value {
  return mapMagnitude(divide(a, b, ctx), (x) => ctx.floor(x), "//");
}

export function negate(a: Value, ctx: NumberContext): Value {
  if (a instanceof Rational) return ctx.negate(a);
  if (a instanceof List) return new List(a.items.map((x) => negate(x, ctx)));
  const value = numeric(a);
  return value instanceof Quantity ? new Quantity(C.negate(value.magnitude, ctx), value.unit) : C.negate(value, ctx);
}

/** f applied to the magnitude, which must be real (`name` says who needs it), the unit kept: floor, round, … of a quantity. */
export function mapMagnitude(value: Value, f: (x: Real) => Real, name: string): Value {
  const a = numeric(value);
  const magnitude = realMagnitude(a, name);
  return a instanceof Quantity ? new Quantity(f(magnitude), a.unit) : f(magnitude);
}

// ---- powers -------------------------------------------------------------------

export function power(left: Value, right: Value, ctx: NumberContext): Value {
  if (left instanceof Moment || right instanceof Moment) throw new ArithmeticError("type", `cannot raise ${describe(left)} to the power ${describe(right)}`);
  if (left instanceof List || right instanceof List) return lists().elementwise(left, right, (x, y) => power(x, y, ctx), "raise");
  const base = numeric(left);
  const exponent = numeric(right);
  if (exponent instanceof Quantity) throw dimensionError(`an exponent must be a plain number, not ${describe(exponent)}`);
  if (!(base instanceof Quantity)) {
    // a complex base or exponent, or a negative number to a power that is not an integer: the principal value
    if (base instanceof Complex || exponent instanceof Complex || (sign(base) < 0 && !isIntegral(exponent, ctx))) return C.power(base, exponent, ctx);
    return ctx.power(base, exponent);
  }
  if (hasOffset(base.unit)) throw offsetError("raise a temperature to a power", base);
  if (exponent instanceof Complex) throw dimensionError(`a quantity's exponent must be real: ${formatUnit(base.unit)} to a complex power has no unit`);
  const p = exactExponent(exponent, ctx);
  if (p === undefined) throw dimensionError(`a quantity's exponent must be exact: ${formatUnit(base.unit)} to an approximate power has no unit`);
  return rationalPower(base, p, ctx);
}

/** Whether an exponent is an integer (an approximate one within noise of one). */
function isIntegral(exponent: Real, ctx: NumberContext): boolean {
  return isExact(exponent) ? exponent.den === 1n : ctx.settle(exponent).isInteger();
}

/** An exponent as an exact rational, if it is one (or an approximate whole number). */
function exactExponent(exponent: Real, ctx: NumberContext): Rational | undefined {
  if (isExact(exponent)) return exponent;
  const settled = ctx.toExact(ctx.settle(exponent));
  return isExact(settled) && settled.den === 1n ? settled : undefined;
}

/**
 * q^(p/r): each unit's exponent times p/r must be whole (sqrt(16 m^2) is 4 m);
 * else, if the dimension's exponents are, the quantity is first written in
 * the SI base units (sqrt(1 ha) is 100 m).
 */
function rationalPower(base: Quantity, p: Rational, ctx: NumberContext): Numeric {
  // each unit's exponent times p, exactly: in doubles 2.0000000000000001 was 2, 1/10^309 was 0 and
  // 2*10^308 was Infinity
  const scaled = (power: number, name: string): number | undefined => {
    const times = BigInt(power) * p.num;
    if (times % p.den !== 0n) return undefined;
    const whole = times / p.den;
    if (whole > BigInt(MAX_UNIT_POWER) || whole < -BigInt(MAX_UNIT_POWER)) {
      throw new ArithmeticError("limit", `unit power too large: ${name}^${cut(whole.toString())} (the limit is ${MAX_UNIT_POWER})`);
    }
    return Number(whole);
  };
  const powers = base.unit.map(({ unit, power }) => scaled(power, unit.name));
  if (powers.every((power) => power !== undefined)) {
    const unit = boundedPowers(base.unit.map(({ unit }, i) => ({ unit, power: powers[i]! })));
    return quantity(base.magnitude instanceof Complex ? C.power(base.magnitude, p, ctx) : ctx.power(base.magnitude, p), unit, ctx);
  }
  const dimension = dimensionOf(base.unit);
  const si = siUnit(dimension);
  if (!si.every(({ unit, power }) => scaled(power, unit.name) !== undefined)) {
    throw dimensionError(`cannot raise ${describe(base)} to the power ${printRational(p)}: its units would have fractional exponents`);
  }
  // (whole: scaled() has just found them so)
  const unit = si.map(({ unit, power }) => ({ unit, power: scaled(power, unit.name)! }));
  const magnitude = convertMagnitude(base, si, ctx);
  return quantity(magnitude instanceof Complex ? C.power(magnitude, p, ctx) : ctx.power(magnitude, p), unit, ctx);
}

/** p/q as an exponent reads in a message: 1/3, or the integer. */
function printRational(p: Rational): string {
  return cut(p.den === 1n ? p.num.toString() : `${p.num}/${p.den}`);
}

/** A number's text in a message, cut after 40 characters (1/10^309 has 310 digits; the caret shows where it came from). */
function cut(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** The coherent SI unit of a dimension, in base units, mass first as is usual: m^2, kg*m/s^2. */
export function siUnit(dimension: Dimension): Unit {
  const order: [BaseDimension, string][] = [
    ["mass", "kg"],
    ["length", "m"],
    ["time", "s"],
    ["current", "A"],
    ["temperature", "K"],
    ["amount", "mol"],
    ["luminous intensity", "cd"],
    ["information", "bit"],
    ["angle", "rad"],
  ];
  return order.flatMap(([base, symbol]) => {
    const power = dimension[BASE_DIMENSIONS.indexOf(base)]!;
    return power ? [{ unit: lookupUnit(symbol)!, power }] : [];
  });
}

// ---- conversion ----------------------------------------------------------------

/**
 * The value in `target` (a unit of the same dimension): `1 mi to km`. The
 * result keeps the target even when it has no dimension (1% to ppm is 10000 ppm).
 */
export function convert(value: Value, target: Unit, ctx: NumberContext, written?: string): Numeric {
  let source = numeric(value);
  let unit = unitOf(source);
  // 30 mpg to L/100km: a target of the inverse dimension asks for the reciprocal (only a `to` does)
  if (!compatibleUnits(unit, target) && isReciprocal(unit, target)) {
    source = divide(new Rational(1n, 1n), source, ctx) as Numeric;
    unit = unitOf(source);
  }
  if (!compatibleUnits(unit, target)) {
    const what = isNone(dimensionOf(target)) ? "a plain number" : `${describeUnit(target)}`;
    throw dimensionError(`cannot convert ${describe(source)} to ${what}${temperatureHint(unit, target)}`);
  }
  if (hasOffset(target) && !offsetScale(target)) throw offsetError(`use ${formatUnit(target)}`, new Quantity(magnitudeOf(source), target));
  const magnitude = convertMagnitude(source, target, ctx);
  return target.length === 0 ? magnitude : new Quantity(magnitude, target, written);
}

/** Whether one unit is of the other's inverse dimension (and neither is a plain number or a temperature scale). */
function isReciprocal(a: Unit, b: Unit): boolean {
  const product = combine(dimensionOf(a), dimensionOf(b), 1);
  return !isDimensionless(dimensionOf(a)) && isDimensionless(product) && !hasOffset(a) && !hasOffset(b);
}

/** The units people write for a temperature scale and get another unit: F is the farad, C the coulomb. */
const SCALE_LOOKALIKES: Readonly<Record<string, { readonly is: string; readonly scale: string }>> = {
  F: { is: "the farad", scale: "°F or degF" },
  C: { is: "the coulomb", scale: "°C or degC" },
};

/**
 * Why `350 F to C` failed, when a side is F or C alone and the other is a temperature or the
 * other look-alike: ": F is the farad and C the coulomb; a temperature is written °F or degF, °C or degC".
 */
function temperatureHint(source: Unit, target: Unit): string {
  const alone = (unit: Unit) => (unit.length === 1 && unit[0]!.power === 1 && Object.hasOwn(SCALE_LOOKALIKES, unit[0]!.unit.name) ? unit[0]!.unit.name : undefined);
  const lookalikes = [alone(source), alone(target)].filter((name) => name !== undefined);
  const temperature = [source, target].some((unit) => identical(dimensionOf(unit), baseDimension("temperature")));
  if (lookalikes.length === 0 || (!temperature && lookalikes.length < 2)) return "";
  const names = [...new Set(lookalikes)].map((name) => ({ name, ...SCALE_LOOKALIKES[name]! }));
  const what = names.map(({ name, is }, i) => `${name} ${i === 0 ? "is " : ""}${is}`).join(" and ");
  return `: ${what}; a temperature is written ${names.map(({ scale }) => scale).join(", ")}`;
}

function describeUnit(unit: Unit): string {
  return describe(new Quantity(new Rational(1n, 1n), unit));
}

/** The magnitude of `value` in `target`, which must be compatible with its unit. */
export function convertMagnitude(value: Numeric, target: Unit, ctx: NumberContext): Scalar {
  const unit = unitOf(value);
  const from = offsetScale(unit);
  const to = offsetScale(target);
  if (from || to) {
    const kelvin = from ? toKelvin(value as Quantity, from, ctx) : scaleReal(realMagnitude(value, "a temperature"), scaleOf(unit), ctx);
    return to ? ctx.subtract(ctx.divide(kelvin, to.factor), to.kind.offset!) : scaleReal(kelvin, ratio(UNITY, scaleOf(target)), ctx);
  }
  return scaleScalar(magnitudeOf(value), ratio(scaleOf(unit), scaleOf(target)), ctx);
}

/** A Celsius or Fahrenheit temperature in kelvin: (value + offset) × factor. */
function toKelvin(value: Quantity, scale: NamedUnit, ctx: NumberContext): Real {
  return ctx.multiply(ctx.add(realMagnitude(value, "a temperature"), scale.kind.offset!), scale.factor);
}

let kelvinUnit: Unit | undefined;
function kelvin(): Unit {
  return (kelvinUnit ??= [{ unit: lookupUnit("K")!, power: 1 }]);
}

function offsetError(what: string, value: Value): ArithmeticError {
  const unit = value instanceof Quantity ? formatUnit(value.unit) : "";
  return dimensionError(`cannot ${what} on the ${unit} scale, whose zero is not absolute zero: convert to kelvin first (… to K)`);
}

/**
 * A value as a plain number for a function that needs one: an angle is its
 * value in radians (angles are dimensionless); any other quantity or a
 * boolean is an error that names the function.
 */
export function toReal(value: Value, name: string, ctx: NumberContext): Real {
  if (isReal(value)) return value;
  if (value instanceof Complex) throw notReal(name);
  if (value instanceof Quantity && isDimensionless(dimensionOf(value.unit))) return realMagnitude(convertMagnitude(value, NO_UNIT, ctx), name);
  throw new ArithmeticError(
    value instanceof Quantity ? "dimension" : "type",
    `${name} needs a plain number${ANGLE_FUNCTIONS.has(name) ? " or an angle" : ""}, not ${describe(value)}`,
  );
}

/** The functions whose argument is naturally an angle: said so in their error. */
const ANGLE_FUNCTIONS = new Set(["sin", "cos", "tan", "sinh", "cosh", "tanh"]);

// ---- comparison ----------------------------------------------------------------

const COMPARISONS: Readonly<Record<CompareOp, (order: number) => boolean>> = {
  "==": (order) => order === 0,
  "!=": (order) => order !== 0,
  "<": (order) => order < 0,
  "<=": (order) => order <= 0,
  ">": (order) => order > 0,
  ">=": (order) => order >= 0,
};

/**
 * a op b. Quantities compare across units (1 km > 999 m); booleans only for
 * equality. Exact values compare exactly; when either side is approximate,
 * both are compared as they print, rounded to the precision: sqrt(2)^2 == 2.
 */
export function compare(operator: CompareOp, a: Value, b: Value, ctx: NumberContext): boolean {
  // (two small integers, as a recursion's tests are: n < 2)
  if (a instanceof Rational && b instanceof Rational && a.d === 1 && b.d === 1) return COMPARISONS[operator](a.n < b.n ? -1 : a.n > b.n ? 1 : 0);
  if (a instanceof List || b instanceof List) {
    if (operator !== "==" && operator !== "!=") throw new ArithmeticError("type", `lists are equal or not, never ${operator} one another`);
    return lists().listsEqual(a, b, (x, y) => compare("==", x, y, ctx)) === (operator === "==");
  }
  if (a instanceof Moment || b instanceof Moment) return COMPARISONS[operator](dates().compareMoments(operator, a, b));
  if (typeof a === "boolean" || typeof b === "boolean") {
    if (typeof a !== typeof b) throw new ArithmeticError("type", `cannot compare ${describe(a)} and ${describe(b)}`);
    if (operator !== "==" && operator !== "!=") throw new ArithmeticError("type", `booleans are equal or not, never ${operator} one another`);
    return COMPARISONS[operator](a === b ? 0 : 1);
  }
  if (operator === "==" || operator === "!=") {
    // complex numbers are equal or not, part by part
    const [x, y] = magnitudes(a, b, ctx);
    if (x instanceof Complex || y instanceof Complex) return COMPARISONS[operator](orderReal(C.re(x), C.re(y), ctx) === 0 && orderReal(C.im(x), C.im(y), ctx) === 0 ? 0 : 1);
  }
  return COMPARISONS[operator](order(a, b, ctx));
}

/** a's and b's magnitudes in a's unit, which must be compatible with b's. */
function magnitudes(a: Numeric, b: Numeric, ctx: NumberContext): [Scalar, Scalar] {
  if (!compatibleUnits(unitOf(a), unitOf(b))) throw dimensionError(`cannot compare ${describe(a)} and ${describe(b)}`);
  return [magnitudeOf(a), a instanceof Quantity || b instanceof Quantity ? convertMagnitude(b, unitOf(a), ctx) : magnitudeOf(b)];
}

/** -1, 0 or 1: a against b, which must have compatible dimensions and be real. */
export function order(a: Numeric, b: Numeric, ctx: NumberContext): number {
  const [x, y] = magnitudes(a, b, ctx);
  if (x instanceof Complex || y instanceof Complex) throw new ArithmeticError("type", "complex numbers are not ordered");
  return orderReal(x, y, ctx);
}

function orderReal(x: Real, y: Real, ctx: NumberContext): number {
  if (isExact(x) && isExact(y)) {
    if (x.d === 1 && y.d === 1) return x.n < y.n ? -1 : x.n > y.n ? 1 : 0;
    const d = x.num * y.den - y.num * x.den;
    return d > 0n ? 1 : d < 0n ? -1 : 0;
  }
  const round = (r: Real) => ctx.decimal(r).toSignificantDigits(ctx.digits, decimalJs().ROUND_HALF_UP);
  return round(x).cmp(round(y));
}
