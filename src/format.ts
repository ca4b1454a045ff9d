/**
 * How numbers are written. An exact value whose decimal expansion ends (an
 * integer, or a fraction whose denominator has no prime factors but 2 and 5)
 * is written with every digit: calc prints the value it holds. Everything
 * else (an irrational result, or 1/3, whose expansion never ends) is rounded
 * half away from zero to `digits` significant digits, trailing zeros dropped.
 * Either way the notation is plain when the leading digit's decimal exponent
 * E is in -7 < E < digits and scientific otherwise (1e-30, 9.5367431640625e-7,
 * 3.3333333333333333333e-11, 2.6881171418161354484e43); exact integers are
 * always plain.
 */
import type Decimal from "decimal.js";
import type { Format } from "../grammar/ast.ts";
import { dimensionName, isNone } from "./dimension.ts";
import { decimalJs } from "./decimal.ts";
import { ArithmeticError } from "./errors.ts";
import { MAX_EXACT_DIGITS } from "./limits.ts";
import { isExact, log10Abs, Rational, sign, type NumberContext, type Real } from "./number.ts";
import { scaleReal } from "./operations.ts";
import { compatibleUnits, dimensionOf, formatUnit, hasOffset, inSymbols, joinsWithoutSpace, lookupUnit, productName, ratio, scaleOf, type Unit } from "./units.ts";
import * as C from "./complex.ts";
import { Complex, type Scalar } from "./complex.ts";
import { dates } from "./load-dates.ts";
import { describe, isReal, List, Moment, Quantity, type MomentKind, type Value } from "./value.ts";

export interface Formatted {
  readonly text: string;
  /** Whether `text` is the value exactly (not rounded, not approximate). */
  readonly exact: boolean;
}

/**
 * A number as its significant digits: ±0.d₁d₂… × 10^(exponent+1), that is d₁.d₂… × 10^exponent.
 * Every digit of an exact value whose expansion ends; else `digits` of them, rounded half up.
 * Trailing zeros may be present; the layouts drop them.
 */
interface Significant {
  readonly negative: boolean;
  readonly significand: string;
  readonly exponent: number;
  /** Whether the digits are the value exactly. */
  readonly exact: boolean;
}

export function formatNumber(value: Real, digits: number): Formatted {
  if (isExact(value) && value.d === 1) return { text: String(value.n), exact: true };
  if (isExact(value) && value.den === 1n) return { text: value.num.toString(), exact: true };
  const number = significantOf(value, digits);
  // an exact value is never in e-notation: every digit, in place
  return { text: number.exact ? positional(number) : layout(number, digits), exact: number.exact };
}

/** `to sci` (d.ddd e N) and `to eng` (the exponent a multiple of three: 12.345e3). */
function formatScientific(value: Real, digits: number, engineering: boolean): Formatted {
  if (sign(value) === 0) return { text: "0", exact: isExact(value) };
  const number = significantOf(value, digits);
  const significand = number.significand.replace(/0+$/, "") || "0";
  const lead = engineering ? ((number.exponent % 3) + 3) % 3 : 0;
  const whole = significand.slice(0, lead + 1).padEnd(lead + 1, "0");
  const rest = significand.slice(lead + 1);
  const text = `${number.negative ? "-" : ""}${whole}${rest ? `.${rest}` : ""}e${number.exponent - lead}`;
  return { text, exact: number.exact };
}

function significantOf(value: Real, digits: number): Significant {
  if (!isExact(value)) {
    if (value.isZero()) return { negative: false, significand: "0", exponent: 0, exact: false };
    const rounded = value.toSignificantDigits(digits, decimalJs().ROUND_HALF_UP);
    const [mantissa, exponent] = rounded.abs().toExponential().split("e") as [string, string];
    return { negative: rounded.isNeg(), significand: mantissa.replace(".", ""), exponent: Number(exponent), exact: false };
  }
  const r = value;
  if (r.isSmall && r.d <= SMALL_DIVISION_LIMIT) return significantOfSmall(r.n, r.d, digits);
  const negative = r.num < 0n;
  const num = negative ? -r.num : r.num;
  if (num === 0n) return { negative: false, significand: "0", exponent: 0, exact: true };
  const scale = terminatingScale(r.den);
  if (scale !== undefined) {
    // num/den = m / 10^scale exactly; m has no trailing zeros because num/den is in lowest terms
    // (the longest such expansion has MAX_TERMINATING_DIGITS significant digits, see limits.ts)
    const mDigits = ((num * 10n ** BigInt(scale)) / r.den).toString();
    return { negative, significand: mDigits, exponent: mDigits.length - 1 - scale, exact: true };
  }
  const { significand, exponent } = roundRational(num, r.den, digits);
  return { negative, significand, exponent, exact: false };
}

/**
 * Below this a denominator d lets long division run on doubles: every remainder
 * times ten (< 10·d) is still a safe integer.
 */
const SMALL_DIVISION_LIMIT = Math.floor(Number.MAX_SAFE_INTEGER / 10);

/**
 * n/d (safe integers, d > 1, d ≤ SMALL_DIVISION_LIMIT) by long division on doubles: every digit
 * of a terminating expansion, else `digits` significant digits rounded half up. The same text
 * as significantOf's bigint route; most lines' results take this one.
 */
function significantOfSmall(n: number, d: number, digits: number): Significant {
  const negative = n < 0;
  const magnitude = Math.abs(n);
  const remainder = magnitude % d;
  const whole = (magnitude - remainder) / d;
  let rest = remainder;
  const next = (): number => {
    rest *= 10;
    let digit = Math.floor(rest / d);
    // the quotient of doubles can land a hair off an integer: put it right
    if (digit * d > rest) digit--;
    else if ((digit + 1) * d <= rest) digit++;
    rest -= digit * d;
    return digit;
  };
  let significand: string;
  let exponent: number;
  if (whole > 0) {
    significand = String(whole);
    exponent = significand.length - 1;
  } else {
    exponent = -1;
    while (rest * 10 < d) {
      rest *= 10;
      exponent--;
    }
    significand = String(next());
  }
  const ends = terminates(d);
  // all of a terminating expansion (it has at most 53 digits after the point), else one digit past `digits`
  while (rest !== 0 && (ends || significand.length <= digits)) significand += next();
  if (ends || significand.length <= digits) return { negative, significand, exponent, exact: true };
  let kept = significand.slice(0, digits);
  if (significand.charCodeAt(digits) >= 0x35) {
    // round half up, carrying through nines: 0.99…96 → 1
    let i = kept.length - 1;
    while (i >= 0 && kept[i] === "9") i--;
    if (i < 0) {
      kept = `1${"0".repeat(digits - 1)}`;
      exponent++;
    } else {
      kept = kept.slice(0, i) + String.fromCharCode(kept.charCodeAt(i) + 1) + "0".repeat(digits - 1 - i);
    }
  }
  return { negative, significand: kept, exponent, exact: false };
}

/** Whether d (a safe integer) has no prime factors but 2 and 5. */
function terminates(d: number): boolean {
  while (d % 2 === 0) d /= 2;
  while (d % 5 === 0) d /= 5;
  return d === 1;
}

/** k such that den divides 10^k, if den has no prime factors but 2 and 5. */
function terminatingScale(den: bigint): number | undefined {
  // twos: the trailing zero bits, all at once
  const lowest = den & -den;
  const twos = lowest.toString(2).length - 1;
  den >>= BigInt(twos);
  const fives = multiplicity(den, 5n);
  den /= 5n ** BigInt(fives);
  return den === 1n ? Math.max(twos, fives) : undefined;
}

/** The exponent of p in n, by squaring p: logarithmically many divisions even for 10^100000. */
function multiplicity(n: bigint, p: bigint): number {
  if (n % p !== 0n) return 0;
  // n is divisible by p^(2^i) for i < powers.length
  const powers: bigint[] = [p];
  while (n % (powers.at(-1)! * powers.at(-1)!) === 0n) powers.push(powers.at(-1)! * powers.at(-1)!);
  let count = 0;
  for (let i = powers.length - 1; i >= 0; i--) {
    if (n % powers[i]! === 0n) {
      n /= powers[i]!;
      count += 2 ** i;
    }
  }
  return count;
}

/** num/den (both positive) rounded half-up to `digits` significant digits in `base` (10 unless given). */
function roundRational(num: bigint, den: bigint, digits: number, base = 10): { significand: string; exponent: number } {
  const b = BigInt(base);
  // first guess of the exponent from the lengths, then correct by one
  let exponent = num.toString(base).length - den.toString(base).length;
  const scaled = (e: number) => {
    const shift = digits - 1 - e;
    return shift >= 0 ? ([num * b ** BigInt(shift), den] as const) : ([num, den * b ** BigInt(-shift)] as const);
  };
  let [n, d] = scaled(exponent);
  if (n / d < b ** BigInt(digits - 1)) {
    exponent -= 1;
    [n, d] = scaled(exponent);
  }
  let q = n / d;
  if (2n * (n % d) >= d) q += 1n;
  let significand = q.toString(base);
  if (significand.length > digits) {
    // rounding carried into a new digit: 9.99… → 10.0…
    significand = significand.slice(0, digits);
    exponent += 1;
  }
  return { significand: significand.replace(/0+$/, "") || "0", exponent };
}

/** Plain when the leading digit's exponent E is in -7 < E < digits, else scientific: 1e-30, 2.6881171418e43. */
function layout(number: Significant, digits: number): string {
  const { exponent } = number;
  if (exponent > -7 && exponent < digits) return positional(number);
  const significand = number.significand.replace(/0+$/, "") || "0";
  const rest = significand.slice(1);
  return `${number.negative ? "-" : ""}${significand[0]}${rest ? `.${rest}` : ""}e${exponent}`;
}

/** Every digit in its place: 0.000125, 12500, 1.5. */
function positional({ negative, significand, exponent }: Significant): string {
  significand = significand.replace(/0+$/, "") || "0";
  const sign = negative ? "-" : "";
  if (exponent < 0) return `${sign}0.${"0".repeat(-exponent - 1)}${significand}`;
  const whole = significand.slice(0, exponent + 1).padEnd(exponent + 1, "0");
  const fraction = significand.slice(exponent + 1);
  return `${sign}${whole}${fraction ? `.${fraction}` : ""}`;
}

// ---- values, and the notations of `to` ----------------------------------------------

/**
 * How one answer is written, as its `to` asks: in a format (`to hex`, `to fraction`, `to %`) or as
 * a sum of units (`to ft + in`). The evaluator returns it with the value, and it goes no further
 * than that answer: a variable keeps the value, not the notation. (A single unit's spelling,
 * `to J/g/K`, is not a notation but part of the quantity: Quantity.written, which a variable keeps.)
 */
export type Notation =
  /** (`to polar deg`: the angle's unit) */
  | { readonly kind: "format"; readonly format: Format; readonly angle?: NotationPart }
  /** The units of a sum, largest first, as written; the value is in the first. */
  | { readonly kind: "parts"; readonly parts: readonly NotationPart[] };

export interface NotationPart {
  readonly unit: Unit;
  /** As the user wrote it: `ft`. */
  readonly text: string;
}

/**
 * Whether the notation only changes how the number looks (`to sci`, `to eng`), not what is written:
 * --json's value fields then keep the default notation, beside the text shown.
 */
export function isDisplayNotation(notation: Notation | undefined): boolean {
  return notation?.kind === "format" && (notation.format === "sci" || notation.format === "eng");
}

/**
 * Throws an ArithmeticError if the notation cannot write the value (`to fraction` of an approximate
 * value, `to hex` of a length) or cannot be one at all (`to ft + s`). A sum of units is checked
 * before the value is converted to its first unit; a format, on the value as it is.
 */
export function checkNotation(value: Value, notation: Notation, ctx: NumberContext): void {
  if (value instanceof List) {
    for (const item of value.items) checkNotation(item, notation, ctx);
    return;
  }
  const magnitude = value instanceof Quantity ? value.magnitude : value;
  if (notation.kind === "parts") {
    if (magnitude instanceof Complex && notation.parts.length > 1) throw new ArithmeticError("type", "a sum of units needs a real value, not a complex number");
    return checkParts(notation.parts);
  }
  const { format } = notation;
  if (value instanceof Moment) throw new ArithmeticError("type", `${format === "percent" ? "%" : format} is for numbers, not ${describe(value)}`);
  if (format === "polar") return checkPolar(value, notation.angle);
  if (magnitude instanceof Complex && format !== "sci" && format !== "eng") {
    throw new ArithmeticError("type", `to ${format === "percent" ? "%" : format} needs a real number, not a complex number`);
  }
  if (format === "sci" || format === "eng") {
    if (typeof value === "boolean") throw new ArithmeticError("type", `${format} needs a number, not a boolean`);
    return;
  }
  if (format === "fraction" || format === "mixed") {
    if (typeof magnitude === "boolean") throw new ArithmeticError("type", `${format} needs a number, not a boolean`);
    if (!isExact(magnitude as Real)) {
      throw new ArithmeticError("domain", `to ${format} needs an exact value, and this one is approximate (rounded to the precision)`);
    }
    return;
  }
  if (!isReal(value)) {
    const name = format === "percent" ? "%" : format;
    throw new ArithmeticError(value instanceof Quantity ? "dimension" : "type", `${name} is for plain numbers, not ${describe(value)}`);
  }
  const refusal = format === "hex" || format === "bin" || format === "oct" ? refusalInBase(value, ctx) : undefined;
  if (refusal) throw new ArithmeticError("limit", refusal);
}

/** `to polar` writes a plain number, real or complex; its angle in a unit of angle, if one is given. */
function checkPolar(value: Value, angle: NotationPart | undefined): void {
  if (typeof value === "boolean" || value instanceof Quantity) throw new ArithmeticError("type", `polar is for plain numbers, not ${describe(value)}`);
  if (angle && (!compatibleUnits(angle.unit, radians()) || isNone(dimensionOf(angle.unit)))) {
    throw new ArithmeticError("dimension", `the polar form's angle needs a unit of angle, not ${angle.text}`);
  }
}

let radianUnit: Unit | undefined;
function radians(): Unit {
  return (radianUnit ??= [{ unit: lookupUnit("rad")!, power: 1 }]);
}

/** The parts of a sum of units share one dimension, and none is a temperature scale. */
function checkParts(parts: readonly NotationPart[]): void {
  const first = parts[0]!.unit;
  for (const { unit } of parts.slice(1)) {
    if (!compatibleUnits(first, unit)) {
      const what = (u: Unit) => describe(new Quantity(ONE, u));
      throw new ArithmeticError("dimension", `the parts of a sum of units must have one dimension: ${what(first)} and ${what(unit)}`);
    }
    if (hasOffset(unit)) throw new ArithmeticError("dimension", "a temperature scale cannot be a part of a sum of units");
  }
}

const ONE = new Rational(1n, 1n);

export interface FormattedValue extends Formatted {
  /** For a quantity: its number, its unit and the unit's dimension, as written. */
  readonly quantity?: { readonly number: string; readonly unit: string; readonly dimension: string };
  /** For a complex number: its parts, each exact (3/2) or as the precision writes it. */
  readonly complex?: { readonly re: string; readonly im: string };
  /** For a date or time: which it is (date, time, datetime, instant, zoned, weekday), --json's `kind`. */
  readonly moment?: MomentKind;
  /** For a list: each item as it is written (--json's `items`). */
  readonly items?: readonly string[];
}

/** The one way a value is written: in its notation (checked by checkNotation), or the default one. */
export function formatValue(value: Value, notation: Notation | undefined, ctx: NumberContext): FormattedValue {
  if (typeof value === "boolean") return { text: String(value), exact: true };
  if (value instanceof List) {
    // [1, 2.5 m, 1/3]: each item as it would be written alone, in the line's notation
    const items = value.items.map((item) => formatValue(item, notation, ctx));
    const texts = items.map((item) => item.text);
    return { text: `[${texts.join(", ")}]`, exact: items.every((item) => item.exact), items: texts };
  }
  if (value instanceof Moment) return { text: dates().formatMoment(value), exact: true, moment: value.kind };
  // (a single unit is the quantity's own spelling, below)
  if (notation?.kind === "parts" && notation.parts.length > 1 && value instanceof Quantity) return formatParts(value, notation.parts, ctx);
  if (notation?.kind === "format" && notation.format === "polar") return formatPolar(value as Scalar, notation.angle, ctx);
  const magnitude = value instanceof Quantity ? value.magnitude : value;
  const format = notation?.kind === "format" ? notation.format : undefined;
  const number = magnitude instanceof Complex ? formatComplex(magnitude, format, ctx) : formatMagnitude(magnitude, format, ctx);
  // (most values are real: nothing is copied for them)
  const parts = magnitude instanceof Complex ? { complex: { re: partText(magnitude.re, ctx), im: partText(magnitude.im, ctx) } } : undefined;
  if (!(value instanceof Quantity)) return parts ? { ...number, ...parts } : number;
  // a product of units is printed in the named unit that is exactly it, if there is one (2300 W, not 2300 V*A)
  const unit = value.written ?? formatUnit(productName(value.unit) ?? inSymbols(value.unit));
  // (6 + 8i) V: a complex magnitude of two parts in parentheses
  const shown = magnitude instanceof Complex && number.text.includes(" ") ? `(${number.text})` : number.text;
  const text = `${shown}${joinsWithoutSpace(value.unit) ? "" : " "}${unit}`;
  return { text, exact: number.exact, quantity: { number: number.text, unit, dimension: dimensionName(dimensionOf(value.unit)) }, ...parts };
}

/**
 * a + bi, a - bi, bi, i, -i: each part written as a real number is (every digit of an exact value
 * whose expansion ends, else the precision's digits), in `to sci` and `to eng` too.
 */
function formatComplex(z: Complex, format: Format | undefined, ctx: NumberContext): Formatted {
  const negativeImaginary = sign(z.im) < 0;
  const real = formatMagnitude(z.re, format, ctx);
  const imaginary = formatMagnitude(negativeImaginary ? ctx.negate(z.im) : z.im, format, ctx);
  const i = imaginary.text === "1" ? "i" : `${imaginary.text}i`;
  const exact = real.exact && imaginary.exact;
  if (real.text === "0") return { text: negativeImaginary ? `-${i}` : i, exact };
  return { text: `${real.text} ${negativeImaginary ? "-" : "+"} ${i}`, exact };
}

/** A part of a complex number for --json: exact as a fraction (3/2), else as the precision writes it. */
function partText(x: Real, ctx: NumberContext): string {
  return isExact(x) ? fraction(x, false) : formatNumber(x, ctx.digits).text;
}

/** `to polar`: r * cis(θ), θ the argument in (-π, π], in radians or in the unit asked for (cis(45°)). */
function formatPolar(z: Scalar, angle: NotationPart | undefined, ctx: NumberContext): FormattedValue {
  const r = formatNumber(C.modulus(z, ctx), ctx.digits);
  const theta = C.argument(z, ctx);
  let text: string;
  let exact: boolean;
  if (angle) {
    const converted = scaleReal(theta, ratio(scaleOf(radians()), scaleOf(angle.unit)), ctx);
    const number = formatNumber(converted, ctx.digits);
    // the degree however it was asked for (deg, degrees): cis(45°), as the issue and engineers write it
    const degree = angle.unit.length === 1 && angle.unit[0]!.power === 1 && angle.unit[0]!.unit.kind === lookupUnit("°")!.kind;
    text = degree ? `${number.text}°` : `${number.text}${joinsWithoutSpace(angle.unit) ? "" : " "}${angle.text}`;
    exact = number.exact;
  } else {
    ({ text, exact } = formatNumber(theta, ctx.digits));
  }
  return { text: `${r.text} * cis(${text})`, exact: r.exact && exact };
}

function formatMagnitude(x: Real, format: Format | undefined, ctx: NumberContext): Formatted {
  switch (format) {
    case "hex":
      return formatInBase(x, 16, "0x", ctx);
    case "bin":
      return formatInBase(x, 2, "0b", ctx);
    case "oct":
      return formatInBase(x, 8, "0o", ctx);
    case "fraction":
      return { text: fraction(x as Rational, false), exact: true };
    case "mixed":
      return { text: fraction(x as Rational, true), exact: true };
    case "sci":
      return formatScientific(x, ctx.digits, false);
    case "eng":
      return formatScientific(x, ctx.digits, true);
    case "percent": {
      const percent = formatNumber(ctx.multiply(x, HUNDRED), ctx.digits);
      return { text: `${percent.text}%`, exact: percent.exact };
    }
    default:
      return formatNumber(x, ctx.digits);
  }
}

const HUNDRED = new Rational(100n, 1n);

/** 3/4, -2, and mixed: 3 1/3, -3 1/3. */
function fraction(r: Rational, mixed: boolean): string {
  if (r.den === 1n || !mixed) return r.den === 1n ? r.num.toString() : `${r.num}/${r.den}`;
  const negative = r.num < 0n;
  const num = negative ? -r.num : r.num;
  const whole = num / r.den;
  const rest = `${num % r.den}/${r.den}`;
  return `${negative ? "-" : ""}${whole === 0n ? rest : `${whole} ${rest}`}`;
}

/**
 * In base 2, 8 or 16 with its prefix, so that it reads back in: 0xff,
 * -0b1010, 0x0.8. A fraction is written in full when its expansion in the
 * base ends (its denominator is a power of two), else to as many digits as
 * the precision is worth in that base.
 */
function formatInBase(x: Real, base: 2 | 8 | 16, prefix: string, ctx: NumberContext): Formatted {
  const exact = isExact(x);
  const r = exact ? x : ctx.toExact(x);
  // (a value refusalInBase let through can still need more than the exact bound's digits after its point)
  if (!isExact(r)) {
    throw new ArithmeticError("limit", `too many digits to write in base ${base}: only approximate values with at most ${MAX_EXACT_DIGITS.toLocaleString("en-US")} decimal places can be`);
  }
  const negative = r.num < 0n;
  const num = negative ? -r.num : r.num;
  const sign = negative ? "-" : "";
  if (num === 0n) return { text: `${prefix}0`, exact };
  const isPowerOfTwo = (r.den & (r.den - 1n)) === 0n;
  if (exact && isPowerOfTwo) {
    const whole = (num / r.den).toString(base);
    let rest = num % r.den;
    let digits = "";
    for (; rest !== 0n; rest %= r.den) {
      rest *= BigInt(base);
      digits += (rest / r.den).toString(base);
    }
    return { text: `${sign}${prefix}${whole}${digits ? `.${digits}` : ""}`, exact: true };
  }
  const significant = Math.ceil(ctx.digits / Math.log10(base));
  const { significand, exponent } = roundRational(num, r.den, significant, base);
  let text: string;
  if (exponent < 0) text = `0.${"0".repeat(-exponent - 1)}${significand}`;
  else {
    const whole = significand.slice(0, exponent + 1).padEnd(exponent + 1, "0");
    const fractionDigits = significand.slice(exponent + 1);
    text = `${whole}${fractionDigits ? `.${fractionDigits}` : ""}`;
  }
  return { text: `${sign}${prefix}${text}`, exact: false };
}

/**
 * Why an approximate value cannot be written in base 2, 8 or 16, if it cannot: it is first made
 * an exact fraction, and one past 10^±MAX_EXACT_DIGITS would have more digits than an exact number may.
 */
function refusalInBase(x: Real, ctx: NumberContext): string | undefined {
  if (isExact(x)) return undefined;
  const { e } = ctx.decimal(x);
  if (Math.abs(e) <= MAX_EXACT_DIGITS) return undefined;
  const size = e > 0 ? "large" : "small";
  return `too ${size} to write in base 2, 8 or 16: only approximate values from 1e-${MAX_EXACT_DIGITS} to 1e${MAX_EXACT_DIGITS} can be`;
}

/**
 * The last part of an approximate value: zero if it is below the value's rounding error, else it must
 * be known to the digits shown, which takes as many more than those as the whole is larger than it
 * ((pi * 10^25) s to h + min + s has 22 digits of hours before its seconds).
 */
function lastPart(rest: Decimal, whole: Decimal, ctx: NumberContext): Decimal {
  if (rest.abs().lt(whole.abs().mul(ctx.rounding))) return new ctx.D(0);
  ctx.requireDigits(ctx.digits + Math.max(0, whole.e - rest.e) + 1, "the last part of a value this large");
  return rest;
}

/**
 * `1.75 m to ft + in` → 5 ft + 8.8976377952755905512 in: every part but the
 * last is a whole number (toward zero); the last carries the rest.
 */
function formatParts(value: Quantity, parts: readonly NotationPart[], ctx: NumberContext): FormattedValue {
  // (a complex magnitude is refused by checkNotation)
  const magnitude = value.magnitude as Real;
  const negative = sign(magnitude) < 0;
  let rest: Real = negative ? ctx.negate(magnitude) : magnitude;
  let exact = isExact(rest);
  const approximate = !exact;
  // an approximate value in each part's unit, whose size sets the error of every part
  let whole = rest;
  const texts: string[] = [];
  for (const [i, { unit, text }] of parts.entries()) {
    if (i > 0) {
      const step = ratio(scaleOf(parts[i - 1]!.unit), scaleOf(unit));
      rest = scaleReal(rest, step, ctx);
      if (approximate) whole = scaleReal(whole, step, ctx);
    }
    const isLast = i === parts.length - 1;
    if (!isExact(rest)) {
      const size = ctx.decimal(whole);
      // a whole part of an approximate value needs every digit before its point, and one after
      if (isLast) rest = lastPart(rest, size, ctx);
      else ctx.requireDigits(size.e + 2, "the parts of a value this large");
    }
    const part = isLast ? rest : ctx.floor(rest);
    const written = formatNumber(part, ctx.digits);
    exact &&= written.exact;
    // a part that is zero is left out (-1 s, not -0 h - 0 min - 1 s), unless all of them are
    if (written.text !== "0" || (isLast && texts.length === 0)) texts.push(`${written.text}${joinsWithoutSpace(unit) ? "" : " "}${text}`);
    // (not ctx.subtract: what is left of a large approximate value is not noise when its digits are known)
    if (!isLast) rest = isExact(rest) && isExact(part) ? ctx.subtract(rest, part) : ctx.decimal(rest).sub(ctx.decimal(part));
  }
  const text = (negative ? "-" : "") + texts.join(negative ? " - " : " + ");
  return { text, exact };
}

/**
 * A value as a line reads it back to the same value (what :save writes): an exact number as its
 * fraction (1/3, -7, 0.25 as 1/4), an approximate one with every digit it holds (it reads back as
 * that exact decimal), a quantity as its magnitude before its unit (1/3 m, 2.5 kg*m/s^2 as 5/2 kg*m/s^2).
 */
export function sourceText(value: Value): string {
  if (typeof value === "boolean") return String(value);
  if (value instanceof List) return `[${value.items.map(sourceText).join(", ")}]`;
  if (value instanceof Quantity) {
    const magnitude = sourceText(value.magnitude);
    return `${value.magnitude instanceof Complex ? `(${magnitude})` : magnitude}${joinsWithoutSpace(value.unit) ? "" : " "}${formatUnit(value.unit)}`;
  }
  if (value instanceof Complex) {
    const negative = sign(value.im) < 0;
    const im = isExact(value.im) ? new Rational(negative ? -value.im.num : value.im.num, value.im.den) : value.im.abs();
    return `${sourceText(value.re)} ${negative ? "-" : "+"} ${sourceText(im)}i`;
  }
  // a date or time as it prints, which reads back in
  if (value instanceof Moment) return dates().formatMoment(value);
  if (isExact(value)) return fraction(value, false);
  return value.toString().replace("e+", "e");
}