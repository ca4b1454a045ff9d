/**
 * Factorials and binomials past the exact range: n!, n!/(n-k)! and
 * n!/(k!(n-k)!) as approximate numbers, by way of ln n!.
 *
 * ln n! comes from Stirling's series
 *
 *   ln n! = n ln n - n + ½ ln(2πn) + Σ_{j≥1} B_2j / (2j(2j-1) n^(2j-1)),
 *
 * which is asymptotic: for a given n its terms shrink only so far. Each call
 * asks for an absolute accuracy (decimal places, not significant digits: the
 * result is then e^ln, and an absolute error δ in the exponent is a relative
 * error of about δ in the result), and n below the size at which a bounded
 * number of terms reaches that accuracy takes the exact factorial's ln instead
 * (that size is 4 to 7 times the places: 158 at the default precision, about
 * 7,400 at the largest, far inside the exact range). The Bernoulli numbers
 * are exact, from the tangent numbers.
 *
 * Errors are bounded, not estimated: every fixed-point operation truncates by
 * less than one unit, the series' remainder is smaller than its first omitted
 * term (true for Stirling's series at any real n > 0), and elementary.ts's ln
 * and exp are good to their last digit; the guard digits below cover the sums.
 */
import type Decimal from "decimal.js";
import { decimalAt, fromFixedPoint, tenTo } from "./decimal.ts";
import { exp, ln, ln2, pi } from "./elementary.ts";
import { ArithmeticError } from "./errors.ts";
import { MAX_APPROXIMATE_EXPONENT } from "./limits.ts";
import { bitLength, log10Abs } from "./number.ts";

/** Extra decimal places carried through sums of a few hundred truncated terms. */
const GUARD = 5;
/** Places of ln beyond the digits wanted of e^ln: an error of 10^-(digits+3) in ln moves the result by 0.0023 units of its last digit. */
const LN_GUARD = 3;
const LOG2_10 = Math.log2(10);
const LOG10_2PI = Math.log10(2 * Math.PI);

// ---- sizes, in floating point ------------------------------------------

/** log10(n!) by Stirling's formula in floating point: good to far better than one digit; NaN past a float's range. */
export function log10FactorialEstimate(n: number): number {
  if (n < 2) return 0;
  return (n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + 1 / (12 * n)) / Math.LN10;
}

/** a/b in floating point for bigints 0 ≤ a ≤ b of any size. */
function ratio(a: bigint, b: bigint): number {
  const shift = BigInt(Math.max(0, bitLength(b) - 1000));
  return Number(a >> shift) / Number(b >> shift);
}

/**
 * log10(n!/(n-k)!) for 0 ≤ k ≤ n, without the cancellation of a difference of
 * two factorials' sizes (which for n = 10^20 and small k is all noise):
 * with m = n - k and t = k/n, Stirling's f(n) - f(m) is
 * k ln n - k + m ln(n/m) + ½ ln(n/m), and m ln(n/m) = k·g with
 * g = (1-t)·(-ln(1-t))/t, between 0 and 1. Infinite when k is past a float's range.
 */
export function log10FallingEstimate(n: bigint, k: bigint): number {
  if (k === 0n) return 0;
  const m = n - k;
  if (m === 0n) return log10FactorialEstimate(Number(n));
  const t = ratio(k, n);
  const lnRatio = t < 0.5 ? -Math.log1p(-t) : -Math.log(ratio(m, n)); // ln(n/m)
  const g = t < 1e-8 ? 1 - t / 2 : ((1 - t) * lnRatio) / t;
  const lnN = log10Abs(n) * Math.LN10;
  const correction = 1 / (12 * Number(n)) - 1 / (12 * Number(m));
  return (Number(k) * (lnN - 1 + g) + 0.5 * lnRatio + correction) / Math.LN10;
}

/** log10 of npr(n, k) = n!/(n-k)! or of ncr(n, k) = n!/(k!(n-k)!), for 0 ≤ k ≤ n. */
export function log10ChooseEstimate(n: bigint, k: bigint, ordered: boolean): number {
  if (ordered) return log10FallingEstimate(n, k);
  const take = 2n * k <= n ? k : n - k;
  return log10FallingEstimate(n, take) - log10FactorialEstimate(Number(take));
}

// ---- the approximate range ------------------------------------------------

/** The most digits an approximate result may have: its decimal exponent is at most MAX_APPROXIMATE_EXPONENT. */
const MAX_APPROXIMATE_DIGITS = MAX_APPROXIMATE_EXPONENT + 1;

/** How far the float estimates may be trusted near the bound (they are good to a few units at 9e15). */
const ESTIMATE_SLACK = 1000;

/**
 * Whether an estimated log10 is past the approximate range for certain (NaN
 * too: past a float's range). Just below, the result is computed, and
 * refused (by the same message) if its exact exponent is past the range.
 */
export function beyondApproximateRange(log10: number): boolean {
  return !(log10 < MAX_APPROXIMATE_DIGITS + ESTIMATE_SLACK);
}

function formatCount(n: number): string {
  // toLocaleString writes every digit up to 1e21, and then switches to its own exponent form
  return n < 1e21 ? Math.ceil(n).toLocaleString("en-US") : n.toPrecision(4).replace("e+", "e");
}

/**
 * The refusal of a result past the approximate range, given log10 of the result
 * (NaN or infinite: past a float's range); `what` names it, e.g. "1000000000000000!".
 */
export function tooLarge(log10: number, what?: string): ArithmeticError {
  const subject = what ? `${what} has ` : "";
  if (!Number.isFinite(log10)) return new ArithmeticError("limit", `result too large: ${subject}more than 10^308 digits`);
  return new ArithmeticError(
    "limit",
    `result too large: ${subject}about ${formatCount(log10)} digits (the limit for approximate results is ${formatCount(MAX_APPROXIMATE_DIGITS)})`,
  );
}

// ---- exact helpers ----------------------------------------------------------

/** lo · (lo+1) · … · hi, splitting the range so the big multiplications are balanced. */
export function productRange(lo: bigint, hi: bigint): bigint {
  if (lo > hi) return 1n;
  if (hi - lo < 16n) {
    let p = lo;
    for (let i = lo + 1n; i <= hi; i++) p *= i;
    return p;
  }
  const mid = (lo + hi) / 2n;
  return productRange(lo, mid) * productRange(mid + 1n, hi);
}

/** Decimal digits before the point of a positive value whose log10 is about `log10`, with one to spare. */
function digitsBeforePoint(log10: number): number {
  return Math.max(1, Math.ceil(log10) + 1);
}

// ---- Bernoulli numbers -----------------------------------------------------
//
// B_2j = (-1)^(j-1) · 2j · T_j / (4^j (4^j - 1)), T_j the tangent numbers
// (1, 2, 16, 272, …), which are integers: so Stirling's coefficient
// B_2j / (2j(2j-1)) is (-1)^(j-1) T_j / (4^j (4^j - 1) (2j - 1)), a ratio
// of integers, with no rational arithmetic at all.

let tangents: bigint[] = [0n];

/**
 * T_1 … T_count by Brent and Harvey's in-place recurrence ("Fast computation of
 * Bernoulli, tangent and secant numbers", 2011): count²/2 small multiplications.
 */
function tangentNumbers(count: number): bigint[] {
  const t: bigint[] = new Array<bigint>(count + 1).fill(0n);
  t[1] = 1n;
  for (let k = 2; k <= count; k++) t[k] = BigInt(k - 1) * t[k - 1]!;
  for (let k = 2; k <= count; k++) {
    for (let j = k; j <= count; j++) t[j] = BigInt(j - k) * t[j - 1]! + BigInt(j - k + 2) * t[j]!;
  }
  return t;
}

/** T_j, computing (and caching) the table to twice the length when it is too short. */
function tangent(j: number): bigint {
  if (j >= tangents.length) tangents = tangentNumbers(Math.max(j, 2 * (tangents.length - 1), 16));
  return tangents[j]!;
}

/** The denominator 4^j (4^j - 1) (2j - 1) of Stirling's j-th coefficient. */
function stirlingDenominator(j: number): bigint {
  const fourJ = 4n ** BigInt(j);
  return fourJ * (fourJ - 1n) * BigInt(2 * j - 1);
}

// ---- Stirling's series ---------------------------------------------------

/** Terms of the series allowed at `scale` places: more terms let smaller n use it, but each costs a division. */
function termsAllowed(scale: number): number {
  return Math.max(8, Math.ceil(scale / 5));
}

const thresholds = new Map<number, bigint>();

/**
 * The smallest n whose series reaches 10^-scale within termsAllowed(scale)
 * terms: where the first omitted term, |B_2K+2| / ((2K+2)(2K+1) n^(2K+1)),
 * is below 10^-scale. |B_2j| = 2 (2j)! ζ(2j) / (2π)^2j, and ζ(2j) < 1.01.
 * 4 to 7 times scale: 158 at the default precision, about 7,400 at the largest.
 */
function stirlingThreshold(scale: number): bigint {
  let n0 = thresholds.get(scale);
  if (n0 === undefined) {
    const j = termsAllowed(scale) + 1;
    let log10Factorial2j = 0;
    for (let i = 2; i <= 2 * j; i++) log10Factorial2j += Math.log10(i);
    const log10Term = Math.log10(2.02) + log10Factorial2j - 2 * j * LOG10_2PI - Math.log10(2 * j * (2 * j - 1));
    n0 = BigInt(Math.ceil(10 ** ((scale + log10Term) / (2 * j - 1)))) + 2n;
    thresholds.set(scale, n0);
  }
  return n0;
}

/**
 * Σ_j B_2j / (2j(2j-1) n^(2j-1)) · 10^scale, for n ≥ stirlingThreshold(scale):
 * each term exact but for its truncation, summed until one is below 10^-scale.
 */
function stirlingSeries(n: bigint, scale: number): bigint {
  const one = tenTo(scale);
  const n2 = n * n;
  const most = termsAllowed(scale) + 1;
  let power = n; // n^(2j-1)
  let sum = 0n;
  for (let j = 1; ; j++) {
    const term = (one * tangent(j)) / (stirlingDenominator(j) * power);
    if (term === 0n) return sum;
    // unreachable past the threshold: a guard against a wrong threshold, which would sum a divergent tail
    if (j > most) throw new Error(`Stirling's series at ${n} did not reach 10^-${scale}`);
    sum += j % 2 === 1 ? term : -term;
    power *= n2;
  }
}

const ln2PiCache = new Map<number, Decimal>();

function ln2Pi(digits: number): Decimal {
  let value = ln2PiCache.get(digits);
  if (!value) {
    value = ln(pi(digits + 2).mul(2), digits);
    ln2PiCache.set(digits, value);
  }
  return value;
}

/** ln n! by the series, for n ≥ stirlingThreshold(places + GUARD), to `places` places. */
function stirling(n: bigint, places: number): Decimal {
  const scale = places + GUARD;
  // ln n! < n ln n: its digits before the point
  const before = digitsBeforePoint(log10Abs(n) + Math.log10(log10Abs(n) * Math.LN10 + 1));
  const precision = before + scale;
  const W = decimalAt(precision);
  const x = new W(n.toString());
  // ln n to as many more places as n has digits: n·ln n keeps them all
  const lnN = ln(x, precision + 2);
  const main = x.mul(lnN).sub(x).add(lnN.add(ln2Pi(precision)).div(2));
  return main.add(fromFixedPoint(stirlingSeries(n, scale), scale, precision));
}

/** ln p for an integer p ≥ 1, to `places` places: from its leading bits, the rest being below 10^-places of it. */
function lnInteger(p: bigint, places: number): Decimal {
  // p = top · 2^shift + rest with top ≥ 2^(keep-1), so dropping rest changes ln p by less than 2^(1-keep)
  const keep = Math.ceil((places + GUARD) * LOG2_10) + 2;
  const shift = Math.max(0, bitLength(p) - keep);
  const top = p >> BigInt(shift);
  const precision = digitsBeforePoint(Math.log10(bitLength(p) * Math.LN2 + 1)) + places + GUARD;
  const lnTop = ln(new (decimalAt(precision))(top.toString()), precision);
  return shift === 0 ? lnTop : lnTop.add(ln2(precision).mul(shift));
}

/**
 * ln n! for n ≥ 0 with an absolute error below 10^-places: `places` correct
 * decimal places, however many digits come before the point (about
 * log10(n ln n)). The Decimal carries all of them plus a few guard digits:
 * its precision is the digits before the point plus places + 5, so sums and
 * differences of such values, at the precision of the largest, keep the
 * places. For e^(ln n!) to d significant digits, ask for d + 3 places.
 */
export function lnFactorial(n: bigint, places: number): Decimal {
  if (n < 0n) throw new RangeError("lnFactorial of a negative number");
  if (n < 2n) return new (decimalAt(places + GUARD))(0);
  // below the threshold the series cannot reach the places in its allowed terms; the exact n! is small there
  if (n < stirlingThreshold(places + GUARD)) return lnInteger(productRange(2n, n), places);
  return stirling(n, places);
}

/**
 * (2m+1) · atanh(a/b) · 10^scale, truncated, for 0 < a/b ≤ 1/3: (m + ½) ln(n/m)
 * with a = n - m and b = n + m, free of the cancellation of ln n - ln m.
 * The odd-power series runs with enough extra places that multiplying by
 * 2m+1 (as large as n) and summing every term keeps the error below one unit.
 */
function scaledAtanh(a: bigint, b: bigint, m: bigint, scale: number): bigint {
  const c = 2n * m + 1n;
  const terms = Math.ceil((scale + log10Abs(c)) / (2 * (log10Abs(b) - log10Abs(a)))) + 1;
  const extra = Math.ceil(log10Abs(c) + Math.log10(4 * terms)) + 1;
  const one = tenTo(scale + extra);
  const a2 = a * a;
  const b2 = b * b;
  let power = (one * a) / b; // (a/b)^(2i+1), truncated
  let sum = 0n;
  for (let i = 1n; power !== 0n; i += 2n) {
    sum += power / i;
    power = (power * a2) / b2;
  }
  return (c * sum) / tenTo(extra);
}

/**
 * ln(n!/(n-k)!) for n ≥ 1e30 and k ≤ n/2, with an absolute error below 10^-places:
 * the difference of Stirling's series at n and at m = n - k, rearranged as
 *   k ln n - k + (m + ½) ln(n/m) + Σ_j c_j (n^(1-2j) - m^(1-2j)),
 * every part about as large as the result at most, so no more digits are
 * needed than the result has before its point: ln n! would need as many as n has.
 */
function stirlingDifference(n: bigint, k: bigint, places: number): Decimal {
  const m = n - k;
  const scale = places + GUARD;
  const log10LnN = Math.log10(log10Abs(n) * Math.LN10);
  const precision = digitsBeforePoint(log10Abs(k) + log10LnN) + scale;
  const W = decimalAt(precision);
  const kD = new W(k.toString());
  // ln n to as many more places as k has digits before the point, for k ln n
  const lnN = ln(new (decimalAt(precision + 2))(n.toString()), precision + 2);
  const fixed = scaledAtanh(k, n + m, m, scale) + stirlingSeries(n, scale) - stirlingSeries(m, scale);
  return kD.mul(lnN).sub(kD).add(fromFixedPoint(fixed, scale, precision));
}

/** Below this the plain difference ln n! - ln m! costs at most 32 extra digits; above it, the rearranged one. */
const CANCELLATION_THRESHOLD = 10n ** 30n;

/** ln(n!/(n-k)!) for 0 ≤ k ≤ n with an absolute error below 10^-places (lnFactorial's contract). */
export function lnFalling(n: bigint, k: bigint, places: number): Decimal {
  const m = n - k;
  if (n < CANCELLATION_THRESHOLD || k > m) {
    // each to places + 1, so that the two errors together stay below 10^-places
    return lnFactorial(n, places + 1).sub(lnFactorial(m, places + 1));
  }
  return stirlingDifference(n, k, places + 1);
}

// ---- from ln to the number ---------------------------------------------------

const ln10Cache = new Map<number, Decimal>();

function ln10(digits: number): Decimal {
  let value = ln10Cache.get(digits);
  if (!value) {
    value = ln(new (decimalAt(digits))(10), digits);
    ln10Cache.set(digits, value);
  }
  return value;
}

/**
 * e^lnValue to `digits` significant digits, for lnValue ≥ 0 with at least
 * digits + 3 correct places, as m · 10^E: E = floor(lnValue / ln 10), and
 * m = e^(lnValue - E ln 10) from an argument below ln 10. (elementary.exp
 * alone reduces by ln 2 and builds 2^k, which for k past 2^53 decimal.js
 * computes with its own logarithms.) Refused if E is past the approximate range.
 */
function exponentiate(lnValue: Decimal, digits: number, what?: string): Decimal {
  const precision = Math.max(0, lnValue.e) + 1 + digits + LN_GUARD + GUARD;
  const W = decimalAt(precision);
  const l = new W(lnValue);
  const lnTen = ln10(precision + 2);
  const exponent = l.div(lnTen).floor();
  // (elementary's results carry their guard digits: round them off here)
  const mantissa = exp(l.sub(exponent.mul(lnTen)), digits).toSignificantDigits(digits);
  // the floor of a rounded quotient may be one off, leaving m just below 1 or at 10: m's own exponent corrects E
  const [coefficient, mantissaExponent] = mantissa.toExponential().split("e") as [string, string];
  const e = exponent.toNumber() + Number(mantissaExponent);
  if (e > MAX_APPROXIMATE_EXPONENT) throw tooLarge(e + 1, what);
  return new (decimalAt(digits))(`${coefficient}e${e}`);
}

/** n! to `digits` significant digits (n ≥ 0), refused past the approximate range. */
export function approximateFactorial(n: bigint, digits: number): Decimal {
  return exponentiate(lnFactorial(n, digits + LN_GUARD), digits, `${n}!`);
}

/**
 * npr(n, k) = n!/(n-k)! (ordered) or ncr(n, k) = n!/(k!(n-k)!) to `digits`
 * significant digits, for 0 ≤ k ≤ n, refused past the approximate range. The
 * logarithms of the parts may be far larger than the result's (ncr(10^15,
 * 5000): 3·10^16 against 1.3·10^5); with absolute errors that costs only
 * digits before the point, and past 10^30 the parts are not formed at all.
 */
export function approximateChoose(n: bigint, k: bigint, ordered: boolean, digits: number): Decimal {
  const places = digits + LN_GUARD;
  if (ordered) return exponentiate(lnFalling(n, k, places), digits);
  // ncr(n, k) = ncr(n, n - k): the smaller keeps n - take ≥ n/2
  const take = 2n * k <= n ? k : n - k;
  const lnValue = lnFalling(n, take, places + 1).sub(lnFactorial(take, places + 1));
  return exponentiate(lnValue, digits);
}
