/**
 * The irrational functions — exp, ln, sin, cos, atan and the constants pi and
 * ln 2 — to any precision. decimal.js supplies correctly rounded arithmetic
 * and sqrt; its own transcendental functions are not used, because they
 * depend on built-in constants of 1025 digits and fail (leaving the library
 * in a changed state) beyond about 500 digits, and the display precision goes
 * to 1000.
 *
 * Each function takes its argument as a Decimal and the precision wanted, and
 * works internally with enough guard digits that the result is good to that
 * precision; the classic schemes: argument reduction, then a Taylor series.
 */
import Decimal from "decimal.js";
import { ArithmeticError } from "./errors.ts";
import { MAX_TRIG_ARGUMENT_DIGITS } from "./limits.ts";

const constructors = new Map<number, Decimal.Constructor>();
const LOG10_2 = Math.log10(2);

/** A Decimal constructor rounding to `digits` significant digits (cached). */
export function decimalAt(digits: number): Decimal.Constructor {
  let D = constructors.get(digits);
  if (!D) {
    D = Decimal.clone({
      precision: digits,
      rounding: Decimal.ROUND_HALF_EVEN,
      // valueOf/toString/toNumber in exponential notation beyond these (decimal.js's defaults): decimal.js
      // itself starts sqrt, cbrt and others from +x, which in plain notation would write out every
      // digit of 1e28512583487 (sqrt(710^10^10) hung); the program formats numbers itself (format.ts)
      toExpNeg: -7,
      toExpPos: 21,
      minE: -9e15,
      maxE: 9e15,
    });
    constructors.set(digits, D);
  }
  return D;
}

// ---- constants, by fixed-point BigInt series --------------------------

const piCache = new Map<number, Decimal>();
const ln2Cache = new Map<number, Decimal>();

/** Σ (-1)^k / ((2k+1) n^(2k+1)) scaled by `one`: atan(1/n) (alternating) or atanh(1/n). */
function arctanReciprocal(n: bigint, one: bigint, alternating: boolean): bigint {
  const n2 = n * n;
  let power = one / n; // one / n^(2k+1)
  let sum = power;
  for (let k = 1n; power !== 0n; k++) {
    power /= n2;
    const term = power / (2n * k + 1n);
    sum += alternating && k % 2n === 1n ? -term : term;
  }
  return sum;
}

function fixedToDecimal(value: bigint, scaleDigits: number, digits: number): Decimal {
  const D = decimalAt(digits);
  return new D(`${value}e-${scaleDigits}`);
}

/** pi by Machin's formula, 16 atan(1/5) - 4 atan(1/239). */
export function pi(digits: number): Decimal {
  let value = piCache.get(digits);
  if (!value) {
    const scale = digits + 10;
    const one = 10n ** BigInt(scale);
    const fixed = 16n * arctanReciprocal(5n, one, true) - 4n * arctanReciprocal(239n, one, true);
    value = fixedToDecimal(fixed, scale, digits);
    piCache.set(digits, value);
  }
  return value;
}

/** ln 2 = 2 atanh(1/3). */
export function ln2(digits: number): Decimal {
  let value = ln2Cache.get(digits);
  if (!value) {
    const scale = digits + 10;
    const one = 10n ** BigInt(scale);
    value = fixedToDecimal(2n * arctanReciprocal(3n, one, false), scale, digits);
    ln2Cache.set(digits, value);
  }
  return value;
}

const epsilons = new Map<number, Decimal>();

/** Whether a series term no longer changes the sum at `digits` digits (10^-digits is cached per precision). */
function negligible(term: Decimal, sum: Decimal, digits: number): boolean {
  let epsilon = epsilons.get(digits);
  if (!epsilon) {
    epsilon = new (decimalAt(digits))(10).pow(-digits);
    epsilons.set(digits, epsilon);
  }
  return term.abs().lte(epsilon.mul(sum.abs()));
}

// ---- exp and ln --------------------------------------------------------

/** How many times to halve (or third) an argument before the series: balances series length against the squarings. */
function reductions(digits: number): number {
  return Math.ceil(Math.sqrt(digits) / 2) + 2;
}

/** e^x. Overflow gives Infinity and underflow 0, for the caller to judge. */
export function exp(x: Decimal, digits: number): Decimal {
  const D = decimalAt(digits);
  if (x.isZero()) return new D(1);
  // e^x = 2^k · e^r with |r| ≤ ln2/2: beyond |x| of 1e16 the result is far outside the exponent range
  if (x.abs().gt(1e16)) return new D(x.isNeg() ? 0 : Infinity);
  const halvings = reductions(digits);
  const work = digits + Math.ceil(halvings * 0.31) + Math.max(0, x.e) + 10;
  const W = decimalAt(work);
  // (|x| < 1e-20 has k = 0; toNumber would write out all the zeros of, say, 1e-566562948)
  const k = x.e < -20 ? 0 : Math.round(new W(x).div(ln2(work)).toNumber());
  const r = new W(x).sub(ln2(work).mul(k)).div(2 ** halvings);
  // Taylor series of e^r - 1 (kept minus one so the squarings lose nothing to cancellation)
  let term = new W(r);
  let sum = new W(r);
  for (let n = 2; !negligible(term, sum, work); n++) {
    term = term.mul(r).div(n);
    sum = sum.add(term);
  }
  // (1 + s)^2 - 1 = s(s + 2)
  for (let i = 0; i < halvings; i++) sum = sum.mul(sum.add(2));
  return new D(sum.add(1).mul(new W(2).pow(k)));
}

/** ln x for x > 0. */
export function ln(x: Decimal, digits: number): Decimal {
  const D = decimalAt(digits);
  if (x.eq(1)) return new D(0);
  const roots = reductions(digits);
  const work = digits + Math.ceil(roots * 0.31) + 10;
  const W = decimalAt(work);
  // x = m · 2^k with m near 1, then m^(1/2^roots) nearer still
  const mantissa = Number(x.toExponential(14).split("e")[0]);
  const k = Math.round((x.e + Math.log10(mantissa)) / LOG10_2);
  let m = new W(x).div(new W(2).pow(k));
  for (let i = 0; i < roots; i++) m = m.sqrt();
  // ln m' = 2 atanh(z), z = (m'-1)/(m'+1)
  const z = m.sub(1).div(m.add(1));
  const z2 = z.mul(z);
  let power = z;
  let sum = z;
  for (let n = 3; !negligible(power, sum, work); n += 2) {
    power = power.mul(z2);
    sum = sum.add(power.div(n));
  }
  const lnWork = digits + 10 + Math.max(0, Math.ceil(Math.log10(Math.abs(k) + 1)));
  return new D(sum.mul(2 ** (roots + 1)).add(ln2(lnWork).mul(k)));
}

// ---- trigonometry ------------------------------------------------------

/** sin r for |r| ≤ pi/4, by tripling: sin 3a = 3 sin a - 4 sin³ a. */
function sinReduced(r: Decimal, W: Decimal.Constructor, work: number): Decimal {
  if (r.isZero()) return r;
  const triplings = reductions(work);
  const a = r.div(new W(3).pow(triplings));
  const a2 = a.mul(a);
  let term = a;
  let sum = a;
  for (let n = 2; !negligible(term, sum, work); n += 2) {
    term = term.mul(a2).div(n * (n + 1)).neg();
    sum = sum.add(term);
  }
  for (let i = 0; i < triplings; i++) sum = sum.mul(new W(3).sub(sum.mul(sum).mul(4)));
  return sum;
}

/** sin or cos of x: reduce by pi/2, then the series on |r| ≤ pi/4. */
function sinCos(x: Decimal, digits: number, cosine: boolean): Decimal {
  const D = decimalAt(digits);
  if (x.e >= MAX_TRIG_ARGUMENT_DIGITS) {
    throw new ArithmeticError("limit", `argument too large: sin, cos and tan take arguments below 1e${MAX_TRIG_ARGUMENT_DIGITS}`);
  }
  const work = digits + Math.ceil(reductions(digits) * 0.5) + 10;
  // the reduction needs pi to as many more digits as x has before its point; the series does not
  const R = decimalAt(work + Math.max(0, x.e));
  const halfPi = pi(R.precision).div(2);
  const quarterTurns = new R(x).div(halfPi).round();
  const W = decimalAt(work);
  const r = new W(new R(x).sub(halfPi.mul(quarterTurns)));
  const quadrant = Number(quarterTurns.mod(4).add(4).mod(4).toFixed(0)) + (cosine ? 1 : 0);
  const s = sinReduced(r, W, work);
  const c = new W(1).sub(s.mul(s)).sqrt(); // cos r ≥ 0.7 here: no cancellation
  const value = [s, c, s.neg(), c.neg()][quadrant % 4]!;
  return new D(value);
}

export function sin(x: Decimal, digits: number): Decimal {
  return sinCos(x, digits, false);
}

export function cos(x: Decimal, digits: number): Decimal {
  return sinCos(x, digits, true);
}

/** atan x: |x| > 1 folds to pi/2 - atan(1/x), then halvings and the series. */
export function atan(x: Decimal, digits: number): Decimal {
  const D = decimalAt(digits);
  if (x.isZero()) return new D(0);
  const halvings = reductions(digits);
  const work = digits + Math.ceil(halvings * 0.31) + 10;
  const W = decimalAt(work);
  const negative = x.isNeg();
  let a = new W(x).abs();
  const inverted = a.gt(1);
  if (inverted) a = new W(1).div(a);
  // atan a = 2 atan(a / (1 + sqrt(1 + a²)))
  for (let i = 0; i < halvings; i++) a = a.div(a.mul(a).add(1).sqrt().add(1));
  const a2 = a.mul(a);
  let power = a;
  let sum = a;
  for (let n = 3; !negligible(power, sum, work); n += 2) {
    power = power.mul(a2).neg();
    sum = sum.add(power.div(n));
  }
  let result = sum.mul(2 ** halvings);
  if (inverted) result = pi(work).div(2).sub(result);
  return new D(negative ? result.neg() : result);
}

/** asin x for |x| ≤ 1, as atan(x / sqrt((1-x)(1+x))). */
export function asin(x: Decimal, digits: number): Decimal {
  const D = decimalAt(digits);
  const W = decimalAt(digits + 10);
  if (x.abs().eq(1)) return new D(pi(digits + 10).div(2).mul(x.s));
  const w = new W(x);
  return new D(atan(w.div(new W(1).sub(w).mul(w.add(1)).sqrt()), digits + 5));
}

/** acos x for |x| ≤ 1, as 2 atan(sqrt((1-x)/(1+x))): no cancellation near 1. */
export function acos(x: Decimal, digits: number): Decimal {
  const D = decimalAt(digits);
  const W = decimalAt(digits + 10);
  if (x.eq(-1)) return new D(pi(digits));
  const w = new W(x);
  return new D(atan(new W(1).sub(w).div(w.add(1)).sqrt(), digits + 5).mul(2));
}

/** The angle of the point (x, y), in (-pi, pi]. */
export function atan2(y: Decimal, x: Decimal, digits: number): Decimal {
  const D = decimalAt(digits);
  const W = decimalAt(digits + 10);
  if (x.isZero()) return new D(y.isZero() ? 0 : pi(digits + 10).div(2).mul(y.s));
  const base = atan(new W(y).div(new W(x)), digits + 10);
  if (x.isPos()) return new D(base);
  const half = pi(digits + 10);
  return new D(y.isNeg() ? base.sub(half) : base.add(half));
}

// ---- hyperbolic functions and powers -----------------------------------

/** Extra digits lost to cancellation when x is small: e^x - e^-x ≈ 2x. */
function smallArgumentGuard(x: Decimal): number {
  return Math.max(0, -x.e) + 5;
}

export function sinh(x: Decimal, digits: number): Decimal {
  const work = digits + smallArgumentGuard(x);
  const ex = exp(x, work);
  return new (decimalAt(digits))(ex.sub(new (decimalAt(work))(1).div(ex)).div(2));
}

export function cosh(x: Decimal, digits: number): Decimal {
  const ex = exp(x, digits + 5);
  return new (decimalAt(digits))(ex.add(new (decimalAt(digits + 5))(1).div(ex)).div(2));
}

export function tanh(x: Decimal, digits: number): Decimal {
  const D = decimalAt(digits);
  // beyond this, tanh is ±1 to every digit
  if (x.abs().gt(digits * 1.2 + 5)) return new D(x.s);
  const work = digits + smallArgumentGuard(x);
  const e2x = exp(x.mul(2), work);
  return new D(e2x.sub(1).div(e2x.add(1)));
}

/** x^y for x > 0, as e^(y ln x), with digits to spare for the size of y ln x. */
export function pow(x: Decimal, y: Decimal, digits: number): Decimal {
  // |y ln x| from the exponents alone, to size the guard digits; past 1e17 exp over- or underflows anyway
  // (toNumber writes out every digit, and 10^10^10^10 or 1/29^9^9 have hundreds of millions)
  const size = y.e > 300 ? Infinity : y.e < -300 ? 0 : Math.abs(y.toNumber()) * Math.max(Math.abs(x.e), 1) * Math.LN10;
  const guard = Math.min(20, Math.max(0, Math.ceil(Math.log10(size + 1)))) + 5;
  const W = decimalAt(digits + guard);
  return exp(new W(y).mul(ln(x, digits + guard)), digits);
}
