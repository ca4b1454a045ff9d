/**
 * The number model. A value is either exact — a Rational of two integers,
 * always in lowest terms with a positive denominator — or approximate — a
 * decimal.js Decimal carried at the working precision (display digits plus
 * guard digits). Exact arithmetic stays exact until a result would exceed
 * MAX_EXACT_DIGITS; irrational functions produce approximate values.
 *
 * Most numbers a calculator sees are small, so a Rational whose numerator
 * and denominator are safe integers keeps them as doubles too, and the
 * arithmetic below works on those while every intermediate result stays a
 * safe integer (exactly as bigints would), falling back to bigints past that.
 *
 * Nothing here knows about source spans: failures are ArithmeticErrors, and
 * the evaluator attaches the span of the expression that caused them.
 */
import type Decimal from "decimal.js";
import { decimalAt } from "./decimal.ts";
import { exp, pi, pow } from "./elementary.ts";
import { ArithmeticError, PrecisionShortfall } from "./errors.ts";
import type { Interrupt } from "./interrupt.ts";
import { GUARD_DIGITS, MAX_APPROXIMATE_EXPONENT, MAX_EXACT_DIGITS, MAX_PRECISION } from "./limits.ts";

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** The integers from -INTERNED to INTERNED are each one Rational, made at first use (Rational.small). */
const INTERNED = 1024;
const interned: (Rational | undefined)[] = new Array<Rational | undefined>(2 * INTERNED + 1).fill(undefined);

export class Rational {
  /** The numerator and denominator as doubles when both are safe integers; NaN when not. */
  readonly n: number;
  readonly d: number;
  private bigNum: bigint | undefined;
  private bigDen: bigint | undefined;

  /**
   * Use `rational()` unless the fraction is already in lowest terms with den > 0. (`small()`
   * gives no bigints and passes the doubles instead: one constructor keeps every Rational the
   * same shape to the engine.)
   */
  constructor(num: bigint | undefined, den: bigint | undefined, n = NaN, d = NaN) {
    this.bigNum = num;
    this.bigDen = den;
    if (num === undefined || den === undefined) {
      this.n = n;
      this.d = d;
    } else {
      const safe = num <= SAFE && num >= MINUS_SAFE && den <= SAFE;
      this.n = safe ? Number(num) : NaN;
      this.d = safe ? Number(den) : NaN;
    }
  }

  /** n/d of safe integers, in lowest terms with d > 0 (the integers near 0 made once: counters, arguments). */
  static small(n: number, d: number): Rational {
    if (d === 1 && n <= INTERNED && n >= -INTERNED) return (interned[n + INTERNED] ??= new Rational(undefined, undefined, n === 0 ? 0 : n, 1));
    return new Rational(undefined, undefined, n, d);
  }

  get num(): bigint {
    return (this.bigNum ??= BigInt(this.n));
  }

  get den(): bigint {
    return (this.bigDen ??= BigInt(this.d));
  }

  /** Whether n and d hold the value (the numbers most lines see). */
  get isSmall(): boolean {
    return this.n === this.n;
  }

  get isInteger(): boolean {
    return this.d === 1 || this.den === 1n;
  }
}

function isSafe(x: number): boolean {
  return x <= MAX_SAFE && x >= -MAX_SAFE;
}

/** gcd of two safe integers (not both zero), by Euclid on doubles. */
function smallGcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b !== 0) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a;
}

/** n/d (safe integers, d ≠ 0) in lowest terms. */
function smallRational(n: number, d: number): Rational {
  if (d < 0) {
    n = -n;
    d = -d;
  }
  if (n === 0) return ZERO;
  const g = smallGcd(n, d);
  return g === 1 ? Rational.small(n, d) : Rational.small(n / g, d / g);
}

/** A real number: exact or approximate. */
export type Real = Rational | Decimal;

export function isExact(value: Real): value is Rational {
  return value instanceof Rational;
}

export { ArithmeticError };

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MINUS_SAFE = -SAFE;
const LOG10_2 = Math.log10(2);

export const ZERO = Rational.small(0, 1);
export const ONE = Rational.small(1, 1);

export function integer(n: bigint | number): Rational {
  return typeof n === "number" && Number.isSafeInteger(n) ? Rational.small(n === 0 ? 0 : n, 1) : new Rational(BigInt(n), 1n);
}

/** The gcd of a and b; `interrupt`, if given, is looked at in the long loop of big numbers (see below). */
export function gcd(a: bigint, b: bigint, interrupt?: Interrupt): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  // Most numbers a calculator sees are small: a float loop is much cheaper than a bigint one.
  if (a <= SAFE && b <= SAFE) {
    let x = Number(a);
    let y = Number(b);
    while (y !== 0) {
      const r = x % y;
      x = y;
      y = r;
    }
    return BigInt(x);
  }
  // Euclid's steps are linear in the numbers' size, and two 50,000-digit numbers take about 100,000 of
  // them: a stop request is looked at every so many
  for (let step = 1; b !== 0n; step++) {
    const r = a % b;
    a = b;
    b = r;
    if ((step & 1023) === 0 && interrupt !== undefined && interrupt.requested()) throw new ArithmeticError("interrupted", "interrupted");
  }
  return a;
}

/** num/den in lowest terms (its gcd looks at `interrupt`, if given). */
export function rational(num: bigint, den: bigint, interrupt?: Interrupt): Rational {
  if (den === 0n) throw new ArithmeticError("domain", "division by zero");
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  if (den === 1n) return new Rational(num, 1n);
  const g = gcd(num, den, interrupt);
  return g === 1n ? new Rational(num, den) : new Rational(num / g, den / g);
}

/**
 * (p/q)·(r/s) for two fractions in lowest terms (q, s > 0), cancelled crosswise before
 * multiplying (Knuth, TAOCP 4.5.1): the gcds are of one factor's parts with the
 * other's, so a long product of small fractions (x · 1.01 · 1.01 …) costs a gcd with a
 * small number per step instead of one of two ever-growing numbers.
 */
function product(p: bigint, q: bigint, r: bigint, s: bigint, interrupt: Interrupt | undefined): Rational {
  if (p === 0n || r === 0n) return ZERO;
  const g1 = s === 1n ? 1n : gcd(p, s, interrupt);
  const g2 = q === 1n ? 1n : gcd(r, q, interrupt);
  return new Rational((p / g1) * (r / g2), (q / g2) * (s / g1));
}

/**
 * p/q + r/s for two fractions in lowest terms (Henrici, in Knuth 4.5.1): only the common
 * factor of the denominators can cancel, so the gcd is with that factor, not with the whole
 * cross-multiplied denominator.
 */
function sum(p: bigint, q: bigint, r: bigint, s: bigint, interrupt: Interrupt | undefined): Rational {
  const d = gcd(q, s, interrupt);
  if (d === 1n) return new Rational(p * s + r * q, q * s);
  const t = p * (s / d) + r * (q / d);
  if (t === 0n) return ZERO;
  const g = gcd(t, d, interrupt);
  return new Rational(t / g, (q / d) * (s / g));
}

/** Bits needed for |n| (0 for 0): cheap for small numbers, linear for big ones. */
export function bitLength(n: bigint): number {
  if (n < 0n) n = -n;
  if (n <= SAFE) return n === 0n ? 0 : Math.floor(Math.log2(Number(n))) + 1;
  const hex = n.toString(16);
  return (hex.length - 1) * 4 + Math.floor(Math.log2(Number.parseInt(hex[0]!, 16))) + 1;
}

/** log10 |n| for n ≠ 0, to a few digits: for estimating sizes before computing. */
export function log10Abs(n: bigint): number {
  if (n < 0n) n = -n;
  if (n <= SAFE) return Math.log10(Number(n));
  const bits = bitLength(n);
  const shift = BigInt(Math.max(0, bits - 53));
  return Math.log10(Number(n >> shift)) + Number(shift) * LOG10_2;
}

const SMALL = 1n << 64n;
/** Bounds kept as constants: negating a bigint allocates a copy (20 kB for the exact limit). */
const MINUS_SMALL = -SMALL;
let exactLimit: bigint | undefined;
let minusExactLimit: bigint | undefined;

/** True if n has more than MAX_EXACT_DIGITS digits. The 10^limit constants are built on first need. */
function tooManyDigits(n: bigint): boolean {
  if (n < SMALL && n > MINUS_SMALL) return false;
  exactLimit ??= 10n ** BigInt(MAX_EXACT_DIGITS);
  minusExactLimit ??= -exactLimit;
  return n >= exactLimit || n <= minusExactLimit;
}

/**
 * The working context of one precision setting: the Decimal constructor that
 * rounds to display digits plus guard digits, and constants at that precision.
 */
export class NumberContext {
  private constructorAtWorkingDigits?: Decimal.Constructor;
  private noiseLevel?: Decimal;
  private roundingLevel?: Decimal;
  private eValue?: Decimal;

  /**
   * `digits` are shown; `workingDigits` are carried, GUARD_DIGITS more unless a line asked for more
   * (PrecisionShortfall: the session then evaluates it again in a context with more). `interrupt`
   * is the session's stop request, if it has one (src/interrupt.ts): the evaluator and the long
   * loops here look at it.
   */
  constructor(
    readonly digits: number,
    readonly workingDigits = digits + GUARD_DIGITS,
    readonly interrupt?: Interrupt,
  ) {}

  /** A context at another precision, with the same stop request. */
  at(digits: number, workingDigits = digits + GUARD_DIGITS): NumberContext {
    return new NumberContext(digits, workingDigits, this.interrupt);
  }

  /** Whether this context carries more than the usual guard digits: a line evaluated again. */
  get widened(): boolean {
    return this.workingDigits > this.digits + GUARD_DIGITS;
  }

  /** Significant digits of an approximate value computed here that can be trusted: half the guard is spent on rounding. */
  get trustedDigits(): number {
    return this.workingDigits - GUARD_DIGITS / 2;
  }

  /**
   * The computation needs `n` correct significant digits of its approximate inputs (round(pi, 30)
   * needs 31): if this context carries fewer, the line is evaluated again with enough.
   */
  requireDigits(n: number, why: string): void {
    if (n > this.trustedDigits) throw new PrecisionShortfall(Math.ceil(n) + GUARD_DIGITS, why);
  }

  /**
   * The computation makes its approximate inputs' relative error 10^lost times larger (sin of a
   * number with 25 digits before its point loses 25 of them; x^(10^16) loses 16): it needs that many
   * more than are shown.
   */
  amplifies(lost: number, why: string): void {
    if (lost > 0) this.requireDigits(this.digits + lost, why);
  }

  /**
   * A function's argument: an exact one is written with the working digits after its point, however
   * many it has before (sin(2^100) reduces all of 2^100 by pi; exp(10^15 + 1/3) keeps the third);
   * an approximate one as it is.
   */
  argument(value: Real): Decimal {
    if (!isExact(value)) return this.decimal(value);
    const whole = value.isSmall ? Math.log10(Math.abs(value.n) / value.d) : log10Abs(value.num) - log10Abs(value.den);
    return whole < 1 ? this.decimal(value) : this.decimalWith(value, Math.ceil(whole) + 1);
  }

  /**
   * A logarithm's argument as a Decimal: an exact one near 1 with as many more digits as it has zeros
   * after "1.", since ln(1 + ε) is about ε and needs all of ε's digits (ln(1 + 10^-30) is 10^-30, not 0).
   */
  logArgument(x: Real): Decimal {
    if (!isExact(x)) return this.decimal(x);
    const distance = x.num - x.den;
    if (distance === 0n) return this.decimal(x);
    const zeros = log10Abs(x.den) - log10Abs(distance < 0n ? -distance : distance);
    return zeros > 0 ? this.decimalWith(x, Math.ceil(zeros) + 1) : this.decimal(x);
  }

  /**
   * An exact value with `extra` significant digits more than the working ones: a base raised to a
   * large power needs that many more (its error grows with the exponent). The precision is rounded
   * up to a multiple of 16 so that few Decimal constructors are ever made.
   */
  decimalWith(value: Rational, extra: number): Decimal {
    const D = decimalAt(Math.ceil((this.workingDigits + extra) / 16) * 16);
    const num = new D(value.isSmall ? value.n : value.num.toString());
    return value.isInteger ? num.toSignificantDigits(D.precision) : num.div(value.isSmall ? value.d : value.den.toString());
  }

  // Made on first use, so that exact arithmetic never loads decimal.js (see decimalJs).

  /** The Decimal constructor at the working precision. */
  get D(): Decimal.Constructor {
    return (this.constructorAtWorkingDigits ??= decimalAt(this.workingDigits));
  }

  /** Relative size below which an approximate difference is noise: zero. */
  get noise(): Decimal {
    return (this.noiseLevel ??= new this.D(10).pow(-(this.digits + GUARD_DIGITS / 2)));
  }

  pi(): Decimal {
    return pi(this.workingDigits);
  }

  e(): Decimal {
    return (this.eValue ??= exp(new this.D(1), this.workingDigits));
  }

  decimal(value: Real): Decimal {
    // a value kept from another precision setting is carried over at this one
    if (!isExact(value)) return value.constructor === this.D ? value : new this.D(value);
    // the constructor keeps every digit it is given: round big integers to the working precision
    if (value.isSmall) return value.d === 1 ? new this.D(value.n) : new this.D(value.n).div(value.d);
    const n = new this.D(value.num.toString());
    return value.den === 1n ? n.toSignificantDigits(this.workingDigits) : n.div(value.den.toString());
  }

  /** An approximate result, checked: overflow is an error, not Infinity. */
  approx(d: Decimal): Decimal {
    if (!d.isFinite()) {
      throw new ArithmeticError(d.isNaN() ? "domain" : "limit", d.isNaN() ? "result is undefined" : "result too large to represent");
    }
    return d;
  }

  /** An exact result, unless it is too big to keep exact: then its approximation. */
  exact(r: Rational): Real {
    return !r.isSmall && (tooManyDigits(r.num) || tooManyDigits(r.den)) ? this.approx(this.decimal(r)) : r;
  }

  /** The relative rounding error of an approximate value computed here: 10^-trustedDigits. */
  get rounding(): Decimal {
    return (this.roundingLevel ??= new this.D(10).pow(-this.trustedDigits));
  }

  /** Zero if `d` is below the noise of the operands it came from. */
  snap(d: Decimal, ...scale: Decimal[]): Decimal {
    if (d.isZero()) return d;
    // relative to the largest operand given (sqrt(2)^2 - 2 is zero, sqrt(2)·10^-20 + sqrt(2)·10^-20
    // is not), or to 1 if none is
    let magnitude = new this.D(scale.length === 0 ? 1 : 0);
    for (const s of scale) if (s.abs().gt(magnitude)) magnitude = s.abs();
    return d.abs().lt(magnitude.mul(this.noise)) ? new this.D(0) : d;
  }

  // ---- arithmetic -------------------------------------------------------

  add(a: Real, b: Real): Real {
    if (isExact(a) && isExact(b)) {
      if (a.d === 1 && b.d === 1) {
        const sum = a.n + b.n;
        if (isSafe(sum)) return Rational.small(sum, 1);
      } else if (a.isSmall && b.isSmall) {
        const left = a.n * b.d;
        const right = b.n * a.d;
        const den = a.d * b.d;
        if (isSafe(left) && isSafe(right) && isSafe(den) && isSafe(left + right)) return smallRational(left + right, den);
      }
      if (a.den === 1n && b.den === 1n) return this.exact(new Rational(a.num + b.num, 1n));
      return this.exact(sum(a.num, a.den, b.num, b.den, this.interrupt));
    }
    const x = this.decimal(a);
    const y = this.decimal(b);
    // cancellation: sqrt(2)^2 - 2 is zero to every digit we carry
    return this.approx(this.snap(x.add(y), x, y));
  }

  negate(a: Real): Real {
    if (!isExact(a)) return a.neg();
    return a.isSmall ? Rational.small(a.n === 0 ? 0 : -a.n, a.d) : new Rational(-a.num, a.den);
  }

  subtract(a: Real, b: Real): Real {
    return this.add(a, this.negate(b));
  }

  multiply(a: Real, b: Real): Real {
    if (isExact(a) && isExact(b)) {
      if (a.isSmall && b.isSmall) {
        // cross-cancelled first, so the product is in lowest terms and stays small longer
        const g1 = a.n === 0 || b.d === 1 ? 1 : smallGcd(a.n, b.d);
        const g2 = b.n === 0 || a.d === 1 ? 1 : smallGcd(b.n, a.d);
        const num = (a.n / g1) * (b.n / g2);
        const den = (a.d / g2) * (b.d / g1);
        if (isSafe(num) && isSafe(den)) return num === 0 ? ZERO : Rational.small(num, den);
      }
      if (a.den === 1n && b.den === 1n) return this.exact(new Rational(a.num * b.num, 1n));
      return this.exact(product(a.num, a.den, b.num, b.den, this.interrupt));
    }
    return this.approx(this.decimal(a).mul(this.decimal(b)));
  }

  divide(a: Real, b: Real): Real {
    if (isZero(b)) throw new ArithmeticError("domain", "division by zero");
    if (isExact(a) && isExact(b)) {
      if (a.isSmall && b.isSmall) {
        const g1 = a.n === 0 ? 1 : smallGcd(a.n, b.n);
        const g2 = smallGcd(a.d, b.d);
        const num = (a.n / g1) * (b.d / g2);
        const den = (a.d / g2) * (b.n / g1);
        if (isSafe(num) && isSafe(den)) return num === 0 ? ZERO : den < 0 ? Rational.small(-num, -den) : Rational.small(num, den);
      }
      const negative = b.num < 0n;
      return this.exact(product(a.num, a.den, negative ? -b.den : b.den, negative ? -b.num : b.num, this.interrupt));
    }
    return this.approx(this.decimal(a).div(this.decimal(b)));
  }

  /** Floor division: the largest integer ≤ a / b. */
  floorDivide(a: Real, b: Real): Real {
    if (isZero(b)) throw new ArithmeticError("domain", "division by zero");
    return this.floor(this.divide(a, b));
  }

  /** Floored modulo: the result has the sign of the divisor (-7 % 3 = 2). */
  modulo(a: Real, b: Real): Real {
    if (isZero(b)) throw new ArithmeticError("domain", "modulo by zero");
    if (isExact(a) && isExact(b)) {
      if (a.d === 1 && b.d === 1) {
        let r = a.n % b.n;
        if (r !== 0 && r < 0 !== b.n < 0) r += b.n;
        return Rational.small(r === 0 ? 0 : r, 1);
      }
      // a - b·floor(a/b), over the common denominator
      const num = a.num * b.den;
      const div = b.num * a.den;
      let r = num % div;
      if (r !== 0n && r < 0n !== div < 0n) r += div;
      return rational(r, a.den * b.den, this.interrupt);
    }
    const x = this.decimal(a);
    const y = this.decimal(b);
    const r = this.snap(x.sub(y.mul(x.div(y).floor())), x);
    return this.approx(r);
  }

  /** An approximate value cut to the digits that can be trusted, so 2.99999…97 is 3. */
  settle(d: Decimal): Decimal {
    return d.toSignificantDigits(this.trustedDigits);
  }

  /** The rational a finite Decimal denotes exactly, unless it is beyond the exact range. */
  toExact(d: Decimal): Real {
    if (Math.abs(d.e) > MAX_EXACT_DIGITS) return d;
    return parseLiteral(d.toFixed(), this);
  }

  /**
   * The largest integer ≤ a; approximate values are settled first. The floor of an approximate value
   * is exact when its trusted digits reach the point, else approximate: floor(pi * 10^25) at the
   * default precision has 26 digits, 25 of them known.
   */
  floor(a: Real): Real {
    if (isExact(a)) {
      if (a.d === 1) return a;
      if (a.isSmall) {
        // (n - r) / d is exact, |n - r| ≤ |n|; n - (r + d) could pass 2^53 and round
        const r = a.n % a.d;
        const truncated = (a.n - r) / a.d;
        return integer(r < 0 ? truncated - 1 : truncated);
      }
      return a.den === 1n ? a : integer(floorDiv(a.num, a.den));
    }
    const floor = this.settle(a).floor();
    return floor.e < this.trustedDigits ? this.toExact(floor) : floor;
  }

  // ---- powers -----------------------------------------------------------

  power(base: Real, exponent: Real): Real {
    if (isExact(exponent)) {
      if (exponent.den === 1n) return this.integerPower(base, exponent.num);
      if (isExact(base)) return this.rationalPower(base, exponent);
    }
    const y = isExact(exponent) ? this.decimalWith(exponent, POW_EXPONENT_DIGITS) : this.decimal(exponent);
    const x = isExact(base) ? this.decimalWith(base, exponentDigits(base, y.e + 1)) : this.decimal(base);
    if (x.isZero()) {
      if (y.isZero()) return ONE;
      if (y.isNeg()) throw new ArithmeticError("domain", "division by zero (0 to a negative power)");
      return ZERO;
    }
    // an integer exponent with more digits than any precision keeps (10^10^10^10) is even: its
    // digits would be billions of zeros, so it is not written out as a bigint
    if (y.isInteger() && y.e <= MAX_PRECISION + GUARD_DIGITS) return this.integerPower(x, BigInt(y.toFixed(0)));
    if (x.isNeg() && !y.isInteger()) throw negativeRoot();
    this.powerLoses(base, exponent, x, y);
    return this.approx(pow(x.abs(), y, this.workingDigits));
  }

  /**
   * x^y multiplies an approximate base's relative error by |y|, and an approximate exponent's by
   * |y ln x|: sqrt(2)^(10^16) needs sqrt(2) to 16 more digits than are shown.
   */
  private powerLoses(base: Real, exponent: Real, x: Decimal, y: Decimal): void {
    const size = exponentSize(log10Of(y), x);
    // a result out of range is refused (or zero) whatever the digits
    if (size > OUT_OF_RANGE) return;
    if (!isExact(base)) this.amplifies(y.e + 1, "a power this large of an approximate number");
    if (!isExact(exponent)) this.amplifies(Math.ceil(size + Math.log10(Math.LN10)), "a power with an approximate exponent this large");
  }

  private integerPower(base: Real, k: bigint): Real {
    if (k === 0n) return ONE; // including 0^0, as in every calculator and IEEE pow
    if (!isExact(base)) {
      if (base.isZero() && k < 0n) throw new ArithmeticError("domain", "division by zero (0 to a negative power)");
      if (exponentSize(log10Abs(k), base) <= OUT_OF_RANGE) {
        this.amplifies(digitsBeforePoint(k), "a power this large of an approximate number");
      }
      return this.approx(this.decimalPower(base, k));
    }
    const { num, den } = base;
    if (num === 0n) {
      if (k < 0n) throw new ArithmeticError("domain", "division by zero (0 to a negative power)");
      return ZERO;
    }
    if (den === 1n && (num === 1n || num === -1n)) return num === 1n || k % 2n === 0n ? ONE : integer(-1);
    // Estimate the size first: 2^(2^40) must not be attempted exactly.
    const digits = Math.abs(Number(k)) * Math.max(log10Abs(num), log10Abs(den));
    if (digits > MAX_EXACT_DIGITS) return this.approx(this.decimalPower(this.decimalWith(base, exponentDigits(base, digitsBeforePoint(k))), k));
    const p = k < 0n ? -k : k;
    return k < 0n ? rational(den ** p, num ** p, this.interrupt) : new Rational(num ** p, den ** p);
  }

  /** x^k for an integer k: by squaring while k is a safe integer, else through exp and ln. */
  private decimalPower(x: Decimal, k: bigint): Decimal {
    if (k >= -SAFE && k <= SAFE) return x.pow(Number(k));
    const magnitude = pow(x.abs(), new this.D(k.toString()), this.workingDigits);
    return x.isNeg() && k % 2n !== 0n ? magnitude.neg() : magnitude;
  }

  /** base^(p/q) for exact base: exact when base has an exact q-th root. */
  private rationalPower(base: Rational, exponent: Rational): Real {
    if (base.num < 0n) throw negativeRoot();
    if (base.num === 0n) {
      if (exponent.num < 0n) throw new ArithmeticError("domain", "division by zero (0 to a negative power)");
      return ZERO;
    }
    const root = exactRoot(base, exponent.den);
    if (root) return this.integerPower(root, exponent.num);
    const y = this.decimalWith(exponent, POW_EXPONENT_DIGITS);
    return this.approx(pow(this.decimalWith(base, exponentDigits(base, y.e + 1)), y, this.workingDigits));
  }
}

/**
 * Digits more than the working ones that an exact exponent is written with: pow works with up to
 * 25 guard digits for the size of y ln x (elementary.ts), and y must have as many.
 */
export const POW_EXPONENT_DIGITS = 25;

/**
 * How many more digits than the working ones an exact base needs under an exponent with `digits`
 * digits before its point: as many, since x^y multiplies x's error by y. But x^y is out of range once
 * |y ln x| passes 2.1e16, so only a base that near 1 (|x - 1| about 1/y) needs more than 17 plus the
 * digits of 1/|x - 1|.
 */
function exponentDigits(base: Rational, digits: number): number {
  if (digits <= 17) return Math.max(0, digits);
  const distance = base.num - base.den;
  const nearOne = distance === 0n ? 0 : Math.max(0, log10Abs(base.den) - log10Abs(distance));
  return Math.ceil(Math.min(digits, 17 + nearOne));
}

/** log10 of a result past which it is out of the approximate range (a little more than its 9e15). */
const OUT_OF_RANGE = Math.log10(MAX_APPROXIMATE_EXPONENT) + 0.01;

/** log10 of the decimal exponent's size of x^y, |y log10 x|, given log10 |y|: past OUT_OF_RANGE, x^y is out of range. */
function exponentSize(log10Y: number, x: Decimal): number {
  return log10Y + Math.log10(Math.max(Math.abs(log10Of(x)), 1e-300));
}

/** log10 |x| for x ≠ 0, to about 15 digits, however large or small x is. */
function log10Of(x: Decimal): number {
  if (x.isZero()) return -Infinity;
  // the exponent of the rounded value (0.999…9 to 15 digits is 1, whose exponent is x.e + 1)
  const rounded = x.abs().toSignificantDigits(15);
  const [mantissa] = rounded.toExponential().split("e") as [string];
  return rounded.e + Math.log10(Number(mantissa));
}

/** Decimal digits of |k| (0 for 0). */
function digitsBeforePoint(k: bigint): number {
  return k === 0n ? 0 : Math.floor(log10Abs(k)) + 1;
}

function negativeRoot(): ArithmeticError {
  return new ArithmeticError("domain", "a negative number to a non-integer power is not real (for odd roots use cbrt or root)");
}

export function isZero(v: Real): boolean {
  return isExact(v) ? v.n === 0 || (!v.isSmall && v.num === 0n) : v.isZero();
}

export function sign(v: Real): number {
  if (!isExact(v)) return v.isZero() ? 0 : v.isNeg() ? -1 : 1;
  if (v.isSmall) return Math.sign(v.n);
  return v.num > 0n ? 1 : v.num < 0n ? -1 : 0;
}

export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n) && (a < 0n) !== (b < 0n) ? q - 1n : q;
}

/** ⌊n^(1/k)⌋ for n ≥ 0, k ≥ 1, by Newton's method from a float estimate. */
export function integerRoot(n: bigint, k: bigint): bigint {
  if (n < 2n || k === 1n) return n;
  const bits = bitLength(n);
  if (BigInt(bits) <= k) return 1n; // n < 2^k, so the root is below 2
  const kn = Number(k);
  // start above the root: Newton's iteration then decreases monotonically to it
  let x = (1n << BigInt(Math.ceil(bits / kn) + 1));
  for (;;) {
    const y = ((k - 1n) * x + n / x ** (k - 1n)) / k;
    if (y >= x) return x;
    x = y;
  }
}

/** The exact q-th root of a non-negative rational, if it has one. */
export function exactRoot(r: Rational, q: bigint): Rational | undefined {
  const num = integerRoot(r.num, q);
  if (num ** q !== r.num) return undefined;
  const den = integerRoot(r.den, q);
  if (den ** q !== r.den) return undefined;
  return new Rational(num, den);
}

/**
 * An exact number from a literal's text (underscores allowed between digits):
 * 255, 0xff, 0b1010, 0o17, 1.25, .5, 2.5e-3. A literal too big to keep
 * exact becomes approximate, like any other result.
 */
export function parseLiteral(text: string, ctx: NumberContext): Real {
  const exact = exactLiteral(text, ctx.interrupt);
  // a literal is held to the exact bound like any result: 0x followed by 199,990 digits is approximate
  if (exact) return ctx.exact(exact);
  const { whole, fraction, exp } = literalParts(text);
  // the decimal exponent of the leading digit, from the text (decimal.js would quietly make 1e-10^17
  // zero): 0.00123e5 has it at 5 + 0 - 3, the digits before the point less one and the zeros that lead
  const digits = whole + fraction;
  const leading = Number(exp) + whole.length - 1 - (digits.length - digits.replace(/^0+/, "").length);
  if (!(Math.abs(leading) <= MAX_APPROXIMATE_EXPONENT)) {
    const size = exp.startsWith("-") ? "small" : "large";
    throw new ArithmeticError("limit", `number too ${size} to represent`);
  }
  // (the constructor keeps every digit it is given: 0.333… with 50,001 threes would stay that long)
  return ctx.approx(new ctx.D(text.replaceAll("_", "")).toSignificantDigits(ctx.workingDigits));
}

/** A literal's value if it is exact (all but those with an exponent past MAX_EXACT_DIGITS), else undefined. */
export function exactLiteral(text: string, interrupt?: Interrupt): Rational | undefined {
  // most literals are plain integers, or short decimals: doubles read those exactly
  if (text.length <= 15 && /^\d+(\.\d*)?$/.test(text)) {
    const point = text.indexOf(".");
    if (point === -1) return Rational.small(Number(text), 1);
    return smallRational(Number(text.slice(0, point) + text.slice(point + 1)), 10 ** (text.length - point - 1));
  }
  text = text.replaceAll("_", "");
  if (/^0[xbo]/i.test(text)) return basedLiteral(text.toLowerCase(), interrupt);
  if (text.charCodeAt(text.length - 1) > 0x7f) return mixedLiteral(text);
  const { negative, whole, fraction, exp } = literalParts(text);
  const exponent = Number(exp) - fraction.length;
  const magnitude = BigInt(whole + fraction || "0");
  const digits = negative ? -magnitude : magnitude;
  if (digits === 0n) return ZERO;
  if (Math.abs(exponent) > MAX_EXACT_DIGITS) return undefined;
  return exponent >= 0 ? integer(digits * 10n ** BigInt(exponent)) : rational(digits, 10n ** BigInt(-exponent), interrupt);
}

/**
 * ½, 3¼, 3 ¼: a vulgar fraction, after a whole number or alone (the tokens allow no other). Its value
 * is read from its compatibility decomposition, ¾ being 3⁄4 there.
 */
function mixedLiteral(text: string): Rational {
  const [numerator, denominator] = text.at(-1)!.normalize("NFKD").split("\u2044") as [string, string];
  const whole = BigInt(text.slice(0, -1).trim() || "0");
  const d = BigInt(denominator);
  return rational(whole * d + BigInt(numerator), d);
}

function literalParts(text: string): { negative: boolean; whole: string; fraction: string; exp: string } {
  const match = /^-?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text.replaceAll("_", ""));
  if (!match) throw new ArithmeticError("domain", `not a number: ${text}`);
  const [, whole = "", fraction = "", exp = "0"] = match;
  return { negative: text.startsWith("-"), whole, fraction, exp };
}

/** 0xff, 0b1010, 0o17, and with a fraction: 0x1.8 is 1.5 (what `to hex` writes reads back in). */
function basedLiteral(text: string, interrupt: Interrupt | undefined): Rational {
  const base = { x: 16n, b: 2n, o: 8n }[text[1] as "x" | "b" | "o"];
  const [whole, fraction = ""] = text.slice(2).split(".") as [string, string?];
  const prefix = text.slice(0, 2);
  if (fraction === "") return integer(BigInt(`${prefix}${whole}`));
  const scale = base ** BigInt(fraction.length);
  return rational(BigInt(`${prefix}${whole}`) * scale + BigInt(`${prefix}${fraction}`), scale, interrupt);
}
