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
 * precision; the classic schemes: argument reduction, then a Taylor series,
 * summed in BigInt fixed point.
 */
import type Decimal from "decimal.js";
import { decimalAt, fromFixedPoint, tenTo, toFixedPoint } from "./decimal.ts";
import { ArithmeticError } from "./errors.ts";
import { MAX_TRIG_ARGUMENT_DIGITS } from "./limits.ts";
import { log10Abs } from "./number.ts";

const LOG10_2 = Math.log10(2);

// ---- constants, by fixed-point BigInt series --------------------------

const CACHED_DIGITS = 1100;

/**
 * A constant at many precisions: every precision up to CACHED_DIGITS is kept (a session uses a few);
 * above it only the most digits computed so far, rounded for each request, so that a file of lines
 * each wanting pi to a different few thousand digits does not keep a copy for each.
 */
class ConstantCache {
  private readonly kept = new Map<number, Decimal>();
  private most: Decimal | undefined;

  constructor(private readonly compute: (digits: number) => Decimal) {}

  get(digits: number): Decimal {
    const cached = this.kept.get(digits);
    if (cached) return cached;
    if (digits <= CACHED_DIGITS) {
      const value = this.compute(digits);
      this.kept.set(digits, value);
      return value;
    }
    // two digits more than asked, so that rounding them away rounds the true value
    if (!this.most || this.most.precision() < digits + 2) this.most = this.compute(digits + 2);
    return new (decimalAt(digits))(this.most).toSignificantDigits(digits);
  }
}

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

/** pi by Machin's formula, 16 atan(1/5) - 4 atan(1/239). */
const piCache = new ConstantCache((digits) => {
  const scale = digits + 10;
  const one = 10n ** BigInt(scale);
  return fromFixedPoint(16n * arctanReciprocal(5n, one, true) - 4n * arctanReciprocal(239n, one, true), scale, digits);
});

/** ln 2 = 2 atanh(1/3). */
const ln2Cache = new ConstantCache((digits) => {
  const scale = digits + 10;
  return fromFixedPoint(2n * arctanReciprocal(3n, 10n ** BigInt(scale), false), scale, digits);
});

export function pi(digits: number): Decimal {
  return piCache.get(digits);
}

/** pi/2, the step of sin's and cos's reduction (divided once per precision, not at every call). */
const halfPiCache = new ConstantCache((digits) => pi(digits + 2).div(2).toSignificantDigits(digits));

export function ln2(digits: number): Decimal {
  return ln2Cache.get(digits);
}

// ---- fixed point ------------------------------------------------------
//
// The series run on BigInt fixed point (decimal.ts). The scale is chosen per
// call so that the result keeps `work` significant digits even when it is
// tiny (sin 1e-30 ≈ 1e-30).

/** The scale that keeps `work` significant digits of a value whose decimal exponent is `e` (≤ 0 for |v| < 1). */
function scaleFor(work: number, e: number): number {
  return work + Math.max(0, -e);
}

/**
 * Whether a series v - v³/3 + … (sin, atan, atanh) is v itself to `work`
 * digits: the second term is v² times smaller. Such a v is returned as it is,
 * so that the scale stays bounded however tiny v is (1e-566562948).
 */
function firstTermSuffices(v: Decimal, work: number): boolean {
  return 2 * v.e < -work - 1;
}

/**
 * v + v³/3 + v⁵/5 + … (atanh v), or with alternating signs (atan v), for a
 * fixed-point v with |v| well below 1: the series behind both ln and atan.
 * (arctanReciprocal above is the same series for v = 1/n, dividing by n²
 * instead of multiplying, which is far cheaper at thousands of digits.)
 */
function oddPowerSeries(v: bigint, one: bigint, alternating: boolean): bigint {
  const v2 = (v * v) / one;
  let power = v;
  let sum = v;
  for (let n = 3n; ; n += 2n) {
    power = (power * v2) / one;
    if (alternating) power = -power;
    const term = power / n;
    if (term === 0n) return sum;
    sum += term;
  }
}

/** floor(sqrt(n)) for n ≥ 0, by Newton's method from a floating-point overestimate. */
function isqrt(n: bigint): bigint {
  if (n < 1n << 52n) return BigInt(Math.floor(Math.sqrt(Number(n))));
  const bits = n.toString(16).length * 4;
  const shift = BigInt(Math.max(0, Math.floor((bits - 100) / 2)));
  let x = (BigInt(Math.ceil(Math.sqrt(Number(n >> (2n * shift))))) + 1n) << shift;
  for (;;) {
    const next = (x + n / x) >> 1n;
    if (next >= x) return x;
    x = next;
  }
}

/**
 * sqrt(num/den) for positive integers, to `digits` significant digits: the integer square root of
 * the fraction scaled by an even power of ten, all in bigints (decimal.js's sqrt iterates divisions
 * of Decimals, several times slower at a few dozen digits).
 */
export function sqrtOfRatio(num: bigint, den: bigint, digits: number): Decimal {
  // scale k: the root then has at least digits + 3 digits, the last of them cut, not rounded
  const magnitude = (num.toString().length - den.toString().length) / 2;
  const k = Math.max(0, Math.ceil(digits + 3 - magnitude));
  const root = isqrt((num * tenTo(2 * k)) / den);
  // (a Decimal made from text keeps all its digits: rounded to the precision it claims)
  return fromFixedPoint(root, k, digits).toSignificantDigits(digits);
}

// ---- exp and ln --------------------------------------------------------

const EXP_HALVINGS = 4;

/** e^x. Overflow gives Infinity and underflow 0, for the caller to judge. */
export function exp(x: Decimal, digits: number): Decimal {
  const D = decimalAt(digits);
  if (x.isZero()) return new D(1);
  // e^x = 2^k · e^r with |r| ≤ ln2/2: beyond |x| of 2.1e16 the result is outside the exponent range
  // (10^±9e15 is e^±2.07e16)
  if (x.abs().gt(2.1e16)) return new D(x.isNeg() ? 0 : Infinity);
  const work = digits + 12;
  // r = x - k ln 2 loses the digits of x before its point: compute it with that many more
  const R = decimalAt(work + Math.max(0, x.e));
  // (|x| < 1e-20 has k = 0, and needs no division to say so)
  const k = x.e < -20 ? 0 : Math.round(new R(x).div(ln2(R.precision)).toNumber());
  const r = new R(x).sub(ln2(R.precision).mul(k));
  const one = tenTo(work);
  return new D(fromFixedPoint(expReduced(toFixedPoint(r, work), one), work, work).mul(powerOfTwo(k, work)));
}

/**
 * e^r for a fixed-point r (scaled by `one`) with |r| ≤ about ln2/2: e^r = (e^(r/2^h))^2^h; the series
 * gives e^(r/2^h) - 1, and (1 + s)^2 - 1 = s(s + 2) loses nothing to cancellation.
 */
function expReduced(r: bigint, one: bigint): bigint {
  const small = r >> BigInt(EXP_HALVINGS);
  let term = small;
  let sum = small;
  for (let n = 2n; term !== 0n; n++) {
    term = (term * small) / (one * n);
    sum += term;
  }
  for (let i = 0; i < EXP_HALVINGS; i++) sum = (sum * (sum + 2n * one)) / one;
  return one + sum;
}

/** 2^k, also for |k| past 2^53 (e^x for x past 6.2e15), where decimal.js's pow leaves exact squaring. */
function powerOfTwo(k: number, digits: number): Decimal {
  const W = decimalAt(digits);
  if (Math.abs(k) <= Number.MAX_SAFE_INTEGER) return new W(2).pow(k);
  // (a double this large is even)
  const half = powerOfTwo(k / 2, digits);
  return half.mul(half);
}

/** ln x for x > 0: x = m · 2^k with m near 1, then ln m = 2 atanh((m-1)/(m+1)). */
export function ln(x: Decimal, digits: number): Decimal {
  const D = decimalAt(digits);
  if (x.eq(1)) return new D(0);
  const work = digits + 12;
  // (an x near 1 with more digits than that keeps those its distance from 1 needs: 1 + 10^-45,
  // whose logarithm is in its last digits; elsewhere `work` of them are enough)
  const distance = x.minus(1);
  const lost = distance.isZero() ? 0 : Math.max(0, -distance.e);
  const W = decimalAt(lost > 0 ? Math.max(work, Math.min(x.sd() + 2, work + lost)) : work);
  // (the exponent of the same rounded text: 0.999…9 rounds to 1.00000000000000e+0, whose exponent is
  // 0, not x.e = -1, which made k = -3 and ln(1 - 10^-40) all cancellation)
  const [mantissa, exponent] = x.toExponential(14).split("e") as [string, string];
  const k = Math.round((Number(exponent) + Math.log10(Number(mantissa))) / LOG10_2);
  const m = new W(x).div(powerOfTwo(k, work));
  const z = m.sub(1).div(m.add(1)); // |z| ≤ 0.18: each term is 30 times smaller than the last
  let lnM = new W(0);
  if (firstTermSuffices(z, work)) {
    lnM = z.mul(2);
  } else if (!z.isZero()) {
    const scale = scaleFor(work, z.e);
    lnM = fromFixedPoint(2n * oddPowerSeries(toFixedPoint(z, scale), tenTo(scale), false), scale, work);
  }
  if (k === 0) return new D(lnM);
  const lnWork = work + Math.max(0, Math.ceil(Math.log10(Math.abs(k) + 1)));
  return new D(lnM.add(ln2(lnWork).mul(k)));
}

// ---- exact arguments, in fixed point from the start --------------------
//
// A function of an exact number p/q (most arguments people write: sin(788/27), ln(930/97)) is
// reduced and summed in bigints from the fraction itself: no Decimal division, rounding and text
// conversion before the series (docs/performance.md: they were half of such a call's time). The
// same scales as the Decimal routes below, so the same digits are right; a fraction whose parts
// are not both safe integers, or a large argument, takes those routes (the callers ask these first).

/** Constants in fixed point, by scale (16 atan(1/5) - 4 atan(1/239) for pi, 2 atanh(1/3) for ln 2). */
const fixedConstants = new Map<string, bigint>();

function fixedConstant(name: "halfPi" | "ln2", scale: number): bigint {
  const key = `${name} ${scale}`;
  let value = fixedConstants.get(key);
  if (value === undefined) {
    const guard = tenTo(10);
    const one = tenTo(scale) * guard;
    value =
      name === "halfPi"
        ? (16n * arctanReciprocal(5n, one, true) - 4n * arctanReciprocal(239n, one, true)) / (2n * guard)
        : (2n * arctanReciprocal(3n, one, false)) / guard;
    // (a few precisions are used in a session: the cache stays small, but is bounded anyway)
    if (fixedConstants.size > 256) fixedConstants.clear();
    fixedConstants.set(key, value);
  }
  return value;
}

/** round(a / b) for bigints, b > 0, halves away from zero. */
function roundedQuotient(a: bigint, b: bigint): bigint {
  return a >= 0n ? (2n * a + b) / (2n * b) : -((-2n * a + b) / (2n * b));
}

/** The decimal exponent of p/q (floor of log10 |p/q|), near enough for a scale. */
function exponentOf(p: bigint, q: bigint): number {
  return Math.floor(log10Abs(p) - log10Abs(q));
}

/** sin(p/q) or cos(p/q), q > 0; undefined past |p/q| of 10^15 (the Decimal route has the limit's message). */
export function sinCosOfRatio(p: bigint, q: bigint, digits: number, cosine: boolean): Decimal | undefined {
  if (p === 0n) return new (decimalAt(digits))(cosine ? 1 : 0);
  const xe = exponentOf(p, q);
  if (xe >= 15) return undefined;
  const work = digits + 12;
  const scale = work + Math.max(0, xe + 1);
  const one = tenTo(scale);
  const x = (p * one) / q;
  const halfPi = fixedConstant("halfPi", scale);
  const turns = roundedQuotient(x, halfPi);
  const r = x - turns * halfPi;
  const quadrant = (Number(((turns % 4n) + 4n) % 4n) + (cosine ? 1 : 0)) % 4;
  const sum = sinOrCosSeries(r, one, quadrant % 2 === 1);
  return fromFixedPoint(quadrant >= 2 ? -sum : sum, scale, digits).toSignificantDigits(digits);
}

/** ln(p/q) for p, q > 0: p/q = m · 2^k, m near 1, and ln m = 2 atanh(z), z = (m - 1)/(m + 1) exactly. */
export function lnOfRatio(p: bigint, q: bigint, digits: number): Decimal {
  const D = decimalAt(digits);
  if (p === q) return new D(0);
  const work = digits + 12;
  const k = Math.round((log10Abs(p) - log10Abs(q)) / LOG10_2);
  const top = k < 0 ? p << BigInt(-k) : p;
  const bottom = k > 0 ? q << BigInt(k) : q;
  const difference = top - bottom;
  let lnM = 0n;
  // (z's own scale keeps `work` significant digits of it, however near 1 p/q is: ln(1 + 10^-30))
  const scale = difference === 0n ? work : scaleFor(work, exponentOf(difference, top + bottom));
  if (difference !== 0n) lnM = 2n * oddPowerSeries((difference * tenTo(scale)) / (top + bottom), tenTo(scale), false);
  if (k === 0) return fromFixedPoint(lnM, scale, digits).toSignificantDigits(digits);
  // + k ln 2, with ln 2 to as many more digits as k has
  const extra = String(Math.abs(k)).length;
  const total = lnM * tenTo(extra) + BigInt(k) * fixedConstant("ln2", scale + extra);
  return fromFixedPoint(total, scale + extra, digits).toSignificantDigits(digits);
}

/** e^(p/q), q > 0; undefined past |p/q| of 10^6 (the Decimal route takes it). */
export function expOfRatio(p: bigint, q: bigint, digits: number): Decimal | undefined {
  if (p === 0n) return new (decimalAt(digits))(1);
  const xe = exponentOf(p, q);
  if (xe >= 6) return undefined;
  const work = digits + 12;
  // r = x - k ln 2 loses the digits of x before its point: that many more
  const scale = work + Math.max(0, xe + 1);
  const one = tenTo(scale);
  const k = Math.round(Number(p) / Number(q) / Math.LN2);
  const r = (p * one) / q - BigInt(k) * fixedConstant("ln2", scale);
  return new (decimalAt(digits))(fromFixedPoint(expReduced(r, one), scale, work).mul(powerOfTwo(k, work)));
}

/** atan(p/q), q > 0: as `atan` below, from the fraction (|p/q| > 1 by pi/2 - atan(q/|p|)). */
export function atanOfRatio(p: bigint, q: bigint, digits: number): Decimal {
  if (p === 0n) return new (decimalAt(digits))(0);
  const magnitude = p < 0n ? -p : p;
  const inverted = magnitude > q;
  const [top, bottom] = inverted ? [q, magnitude] : [magnitude, q];
  const work = digits + 12;
  const scale = scaleFor(work, exponentOf(top, bottom));
  const one = tenTo(scale);
  let a = (top * one) / bottom;
  // atan a = 2 atan(a / (1 + sqrt(1 + a²))): two halvings take a ≤ 1 to ≤ 0.2
  for (let i = 0; i < ATAN_HALVINGS; i++) a = (a * one) / (one + isqrt(one * one + a * a));
  let result = oddPowerSeries(a, one, true) << BigInt(ATAN_HALVINGS);
  if (inverted) result = fixedConstant("halfPi", scale) - result;
  return fromFixedPoint(p < 0n ? -result : result, scale, digits).toSignificantDigits(digits);
}

// ---- trigonometry ------------------------------------------------------

/** sin r (or cos r) for |r| ≤ pi/4, by its Taylor series in fixed point. */
function sinOrCosReduced(r: Decimal, work: number, cosine: boolean): Decimal {
  if (r.isZero()) return new (decimalAt(work))(cosine ? 1 : 0);
  if (!cosine && firstTermSuffices(r, work)) return r;
  const scale = cosine ? work : scaleFor(work, r.e);
  return fromFixedPoint(sinOrCosSeries(toFixedPoint(r, scale), tenTo(scale), cosine), scale, work);
}

/** The Taylor series of sin r or cos r for a fixed-point r (scaled by `one`), |r| ≤ about pi/4. */
function sinOrCosSeries(r: bigint, one: bigint, cosine: boolean): bigint {
  const r2 = (r * r) / one;
  let term = cosine ? one : r;
  let sum = term;
  // term k+1 = -term k · r² / ((n+1)(n+2)), n the power so far
  for (let n = cosine ? 0n : 1n; term !== 0n; n += 2n) {
    term = -(term * r2) / (one * (n + 1n) * (n + 2n));
    sum += term;
  }
  return sum;
}

/** sin or cos of x: reduce by pi/2, then the series on |r| ≤ pi/4. */
function sinCos(x: Decimal, digits: number, cosine: boolean): Decimal {
  const D = decimalAt(digits);
  if (x.e >= MAX_TRIG_ARGUMENT_DIGITS) {
    throw new ArithmeticError("limit", `argument too large: sin, cos and tan take arguments below 1e${MAX_TRIG_ARGUMENT_DIGITS}`);
  }
  const work = digits + 12;
  // the reduction needs pi to as many more digits as x has before its point; the series does not
  const R = decimalAt(work + Math.max(0, x.e));
  const halfPi = halfPiCache.get(R.precision);
  const quarterTurns = new R(x).div(halfPi).round();
  const r = new R(x).sub(halfPi.mul(quarterTurns));
  // sin(r + q·pi/2) and cos(r + q·pi/2) cycle through sin r, cos r, -sin r, -cos r
  // (q mod 4 on a double while q is one exactly, the usual case)
  const q = quarterTurns.e < 15 ? quarterTurns.toNumber() : Number(quarterTurns.mod(4).toFixed(0));
  const quadrant = ((q % 4) + 4 + (cosine ? 1 : 0)) % 4;
  const value = sinOrCosReduced(r, work, quadrant % 2 === 1);
  return new D(quadrant >= 2 ? value.neg() : value);
}

export function sin(x: Decimal, digits: number): Decimal {
  return sinCos(x, digits, false);
}

export function cos(x: Decimal, digits: number): Decimal {
  return sinCos(x, digits, true);
}

const ATAN_HALVINGS = 2;

/** atan x: |x| > 1 folds to pi/2 - atan(1/x), then halvings and the series, in fixed point. */
export function atan(x: Decimal, digits: number): Decimal {
  const D = decimalAt(digits);
  if (x.isZero()) return new D(0);
  const work = digits + 12;
  const W = decimalAt(work);
  let a = new W(x).abs();
  const inverted = a.gt(1);
  if (inverted) a = new W(1).div(a);
  if (firstTermSuffices(a, work)) {
    const result = inverted ? pi(work).div(2).sub(a) : a;
    return new D(x.isNeg() ? result.neg() : result);
  }
  const scale = scaleFor(work, a.e);
  const one = tenTo(scale);
  let aFixed = toFixedPoint(a, scale);
  // atan a = 2 atan(a / (1 + sqrt(1 + a²))): two halvings take a ≤ 1 to ≤ 0.2
  for (let i = 0; i < ATAN_HALVINGS; i++) aFixed = (aFixed * one) / (one + isqrt(one * one + aFixed * aFixed));
  let result = fromFixedPoint(oddPowerSeries(aFixed, one, true) << BigInt(ATAN_HALVINGS), scale, work);
  if (inverted) result = pi(work).div(2).sub(result);
  return new D(x.isNeg() ? result.neg() : result);
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
