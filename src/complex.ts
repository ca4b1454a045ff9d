/**
 * Complex numbers: two real parts, each exact (a Rational) or approximate (a Decimal) as real
 * values are (src/number.ts). A result whose imaginary part is zero is a real number again, so
 * real arithmetic never sees a complex number unless a line makes one. Gaussian rationals stay
 * exact under + - * / and integer powers; the transcendental functions are computed with more
 * digits than the working ones and rounded to them.
 *
 * An approximate complex number is correct to the working precision relative to its modulus: a
 * part smaller than that (the 1.2e-40 left in e^(iπ) by rounding π) cannot be told from zero and
 * is zero. An exact part is never dropped.
 */
import type Decimal from "decimal.js";
import * as elementary from "./elementary.ts";
import { ArithmeticError } from "./errors.ts";
import { exactRoot, isExact, isZero, Rational, sign, type NumberContext, type Real } from "./number.ts";

export class Complex {
  /** Use `complex()`, which gives a real number when the imaginary part is zero. */
  constructor(
    readonly re: Real,
    readonly im: Real,
  ) {}
}

/** A real or a complex number. */
export type Scalar = Real | Complex;

const ZERO = Rational.small(0, 1);
const ONE = Rational.small(1, 1);
const TWO = Rational.small(2, 1);
const HALF = Rational.small(1, 2);

/** The imaginary unit. */
export const I = new Complex(ZERO, ONE);

/** re + im·i: a real number when im is zero. */
export function complex(re: Real, im: Real): Scalar {
  return isZero(im) ? re : new Complex(re, im);
}

export function re(z: Scalar): Real {
  return z instanceof Complex ? z.re : z;
}

export function im(z: Scalar): Real {
  return z instanceof Complex ? z.im : ZERO;
}

/** Whether both parts are exact. */
export function isExactScalar(z: Scalar): boolean {
  return z instanceof Complex ? isExact(z.re) && isExact(z.im) : isExact(z);
}

/**
 * An approximate result's parts, each dropped that is below the rounding of the modulus (see the
 * module's comment); an exact part is kept as it is.
 */
function settled(x: Real, y: Real, ctx: NumberContext): Scalar {
  if (isExact(x) && isExact(y)) return complex(x, y);
  const a = ctx.decimal(x).abs();
  const b = ctx.decimal(y).abs();
  const floor = (a.gt(b) ? a : b).mul(ctx.noise);
  const keep = (part: Real, size: Decimal) => (isExact(part) || size.gte(floor) ? part : ZERO);
  return complex(keep(x, a), keep(y, b));
}

// ---- arithmetic -------------------------------------------------------------------

// (each takes real numbers too, and gives them straight to the real arithmetic: the operations on
// values call these for any two numbers)

export function add(a: Scalar, b: Scalar, ctx: NumberContext): Scalar {
  if (!(a instanceof Complex) && !(b instanceof Complex)) return ctx.add(a, b);
  return settled(ctx.add(re(a), re(b)), ctx.add(im(a), im(b)), ctx);
}

export function subtract(a: Scalar, b: Scalar, ctx: NumberContext): Scalar {
  if (!(a instanceof Complex) && !(b instanceof Complex)) return ctx.subtract(a, b);
  return settled(ctx.subtract(re(a), re(b)), ctx.subtract(im(a), im(b)), ctx);
}

export function negate(z: Scalar, ctx: NumberContext): Scalar {
  return z instanceof Complex ? new Complex(ctx.negate(z.re), ctx.negate(z.im)) : ctx.negate(z);
}

export function conjugate(z: Scalar, ctx: NumberContext): Scalar {
  return z instanceof Complex ? new Complex(z.re, ctx.negate(z.im)) : z;
}

export function multiply(a: Scalar, b: Scalar, ctx: NumberContext): Scalar {
  if (!(a instanceof Complex) && !(b instanceof Complex)) return ctx.multiply(a, b);
  // (a + bi)(c + di) = (ac - bd) + (ad + bc)i
  const [p, q, r, s] = [re(a), im(a), re(b), im(b)];
  return settled(ctx.subtract(ctx.multiply(p, r), ctx.multiply(q, s)), ctx.add(ctx.multiply(p, s), ctx.multiply(q, r)), ctx);
}

export function divide(a: Scalar, b: Scalar, ctx: NumberContext): Scalar {
  if (!(b instanceof Complex)) return a instanceof Complex ? settled(ctx.divide(a.re, b), ctx.divide(a.im, b), ctx) : ctx.divide(a, b);
  // (a + bi)/(c + di) = (a + bi)(c - di) / (c² + d²)
  const norm = ctx.add(ctx.multiply(b.re, b.re), ctx.multiply(b.im, b.im));
  const top = multiply(a, conjugate(b, ctx), ctx);
  return settled(ctx.divide(re(top), norm), ctx.divide(im(top), norm), ctx);
}

/** Whether two numbers are equal (exact ones exactly; approximate ones as they print, part by part). */
export function equal(a: Scalar, b: Scalar, equalReal: (x: Real, y: Real) => boolean): boolean {
  return equalReal(re(a), re(b)) && equalReal(im(a), im(b));
}

// ---- modulus and argument -----------------------------------------------------------

/** |z|: exact when re² + im² is the square of a rational (|3 + 4i| = 5). */
export function modulus(z: Scalar, ctx: NumberContext): Real {
  if (!(z instanceof Complex)) return sign(z) < 0 ? ctx.negate(z) : z;
  const norm = ctx.add(ctx.multiply(z.re, z.re), ctx.multiply(z.im, z.im));
  if (isExact(norm)) return exactRoot(norm, 2n) ?? ctx.approx(ctx.decimal(norm).sqrt());
  return ctx.approx(norm.sqrt());
}

/** arg z, in (-π, π]: atan2(im, re); 0 for zero and the positive reals, π for the negative ones. */
export function argument(z: Scalar, ctx: NumberContext): Real {
  if (!(z instanceof Complex)) return sign(z) < 0 ? ctx.pi() : ZERO;
  return ctx.approx(elementary.atan2(ctx.decimal(z.im), ctx.decimal(z.re), ctx.workingDigits));
}

// ---- the transcendental functions ---------------------------------------------------

/** Extra digits the complex functions carry: their formulas combine several rounded values. */
const EXTRA = 10;

/** A computation in a context with EXTRA more working digits, its parts rounded back to this one's. */
function wider(ctx: NumberContext, f: (w: NumberContext) => Scalar, lost = 0): Scalar {
  // (its parts are shown to EXTRA more digits too, so that only the result's own parts are dropped
  // beside its modulus, not an intermediate's: asin(i·5^-24) is made of square roots near 1)
  const w = ctx.at(ctx.digits + EXTRA + lost, ctx.workingDigits + EXTRA + lost);
  const z = f(w);
  // (a Decimal made from one of another precision keeps all its digits: rounded here)
  const back = (x: Real): Real => (isExact(x) ? x : ctx.approx(new ctx.D(x).toSignificantDigits(ctx.workingDigits)));
  return settled(back(re(z)), back(im(z)), ctx);
}

/**
 * The digits a formula loses to cancellation near a point c: -log10 |z - c| where z is that near
 * (ln(1 - iz) - ln(1 + iz) for atan of a tiny z is the difference of two numbers near 0 that agree
 * in that many), else 0.
 */
function digitsLostNear(z: Scalar, c: Real, ctx: NumberContext): number {
  const d = subtract(z, c, ctx);
  const exponents = [re(d), im(d)].filter((part) => !isZero(part)).map((part) => ctx.decimal(part).e);
  return exponents.length === 0 ? 0 : Math.max(0, -Math.max(...exponents));
}

/** Past this many digits lost, a function near the point is its first term there (atan z = z). */
function beyondSeries(lost: number, ctx: NumberContext): boolean {
  return lost > ctx.workingDigits + EXTRA;
}

/** The first term of a series as the approximate value it is (an exact zero part stays: atan(10^-300 i)). */
function firstTerm(z: Scalar, ctx: NumberContext): Scalar {
  const approximate = (part: Real) => (isZero(part) ? part : ctx.approx(ctx.decimal(part)));
  return complex(approximate(re(z)), approximate(im(z)));
}

/**
 * The parts as Decimals of a context, as a function's arguments: an exact part with as many digits
 * after its point as the working ones (w.argument: exp(10^15 i) keeps them); an approximate part
 * with digits before its point makes the result lose as many (exp, sin and the others multiply its
 * error by its size), which the line is then computed again with (ctx.amplifies).
 */
function parts(z: Scalar, w: NumberContext): [Decimal, Decimal] {
  const [x, y] = [re(z), im(z)];
  for (const part of [x, y]) if (!isExact(part)) w.amplifies(Math.max(0, part.e + 1), "a complex function of a number this large");
  return [w.argument(x), w.argument(y)];
}

export function exp(z: Scalar, ctx: NumberContext): Scalar {
  return wider(ctx, (w) => {
    const [x, y] = parts(z, w);
    const r = elementary.exp(x, w.workingDigits);
    const exact = isExact(im(z));
    return complex(w.approx(r.mul(cosOf(y, w, exact, ctx))), w.approx(r.mul(sinOf(y, w, exact, ctx))));
  });
}

/** e^(ix) = cos x + i sin x, for a real x; for a complex one, e^(i·x). */
export function cis(x: Scalar, ctx: NumberContext): Scalar {
  if (isZero(re(x)) && isZero(im(x))) return ONE;
  return exp(multiply(I, x, ctx), ctx);
}

/** The principal logarithm: ln|z| + i·arg z, the cut along the negative real axis (arg in (-π, π]). */
export function ln(z: Scalar, ctx: NumberContext): Scalar {
  if (isZero(re(z)) && isZero(im(z))) throw new ArithmeticError("domain", "ln is undefined at zero");
  return wider(ctx, (w) => {
    const norm = w.add(w.multiply(re(z), re(z)), w.multiply(im(z), im(z)));
    // (an exact norm near 1 with all the digits of its distance from 1: ln(1 + 10^-45 + i·10^-45))
    const lnModulus = elementary.ln(w.logArgument(norm), w.workingDigits).div(2);
    return complex(w.approx(lnModulus), argument(z, w));
  });
}

/** z^w for a complex base or exponent: exact for an integer power of an exact base, else e^(w ln z). */
export function power(base: Scalar, exponent: Scalar, ctx: NumberContext): Scalar {
  if (!(exponent instanceof Complex) && isExact(exponent) && exponent.den === 1n) return integerPower(base, exponent.num, ctx);
  if (isZero(re(base)) && isZero(im(base))) {
    if (sign(re(exponent)) > 0) return ZERO;
    throw new ArithmeticError("domain", "0 to a power whose real part is not positive is undefined");
  }
  // a negative real to a rational power: |x|^(p/q)·e^(iπp/q), exact where both factors are ((-9)^(1/2) = 3i)
  if (!(base instanceof Complex) && !(exponent instanceof Complex) && isExact(exponent) && sign(base) < 0) {
    const magnitude = ctx.power(ctx.negate(base), exponent);
    return multiply(magnitude, unitAtPiTimes(exponent, ctx), ctx);
  }
  return exp(multiply(exponent, ln(base, ctx), ctx), ctx);
}

/** e^(iπr) for a rational r: exact at the multiples of π/2, else approximate. */
function unitAtPiTimes(r: Rational, ctx: NumberContext): Scalar {
  const twice = ctx.multiply(r, TWO) as Rational;
  if (twice.den === 1n) {
    const quarter = Number(((twice.num % 4n) + 4n) % 4n);
    return [ONE, I, Rational.small(-1, 1), new Complex(ZERO, Rational.small(-1, 1))][quarter]!;
  }
  return cis(ctx.multiply(r, ctx.pi()), ctx);
}

/** The largest integer power computed exactly by squaring; past it, e^(k ln z). */
const EXACT_POWER_LIMIT = 1n << 16n;

function integerPower(base: Scalar, k: bigint, ctx: NumberContext): Scalar {
  if (!(base instanceof Complex)) return ctx.power(base, new Rational(k, 1n));
  if (k < 0n) return divide(ONE, integerPower(base, -k, ctx), ctx);
  if (k > EXACT_POWER_LIMIT) return exp(multiply(new Rational(k, 1n), ln(base, ctx), ctx), ctx);
  let result: Scalar = ONE;
  let square: Scalar = base;
  for (let n = k; n > 0n; n >>= 1n) {
    if (n & 1n) result = multiply(result, square, ctx);
    if (n > 1n) square = multiply(square, square, ctx);
  }
  return result;
}

/**
 * The principal square root, its real part ≥ 0 (the cut along the negative real axis, where the
 * root is i·sqrt|x|): exact when it is a Gaussian rational (sqrt(3 + 4i) = 2 + i, sqrt(-9) = 3i).
 */
export function sqrt(z: Scalar, ctx: NumberContext, realRoot: (x: Real) => Real): Scalar {
  if (!(z instanceof Complex)) return sign(z) < 0 ? complex(ZERO, realRoot(ctx.negate(z))) : realRoot(z);
  // sqrt(x + iy) = sqrt((|z| + x)/2) + i·sign(y)·sqrt((|z| - x)/2)
  const m = modulus(z, ctx);
  if (isExact(m) && isExact(z.re)) {
    const a = exactRoot(ctx.multiply(ctx.add(m, z.re), HALF) as Rational, 2n);
    const b = exactRoot(ctx.multiply(ctx.subtract(m, z.re), HALF) as Rational, 2n);
    if (a && b) return complex(a, sign(z.im) < 0 ? ctx.negate(b) : b);
  }
  return power(z, HALF, ctx);
}

/**
 * sin and cos of a real part, zero where they are below the rounding error of an approximate
 * argument (its size times the precision it was computed to, the line's: `ctx`, not the wider
 * context the function works in), as for real numbers: sinh(iπ) and cosh(ln(i)) are 0.
 */
function sinOf(y: Decimal, w: NumberContext, exact: boolean, ctx: NumberContext): Decimal {
  const value = elementary.sin(y, w.workingDigits);
  return exact || value.abs().gte(y.abs().mul(ctx.rounding)) ? value : new w.D(0);
}

function cosOf(y: Decimal, w: NumberContext, exact: boolean, ctx: NumberContext): Decimal {
  const value = elementary.cos(y, w.workingDigits);
  return exact || value.abs().gte(y.abs().mul(ctx.rounding)) ? value : new w.D(0);
}

export function sin(z: Scalar, ctx: NumberContext): Scalar {
  // sin(x + iy) = sin x cosh y + i cos x sinh y
  return wider(ctx, (w) => {
    const [x, y] = parts(z, w);
    const d = w.workingDigits;
    const exact = isExact(re(z));
    return complex(w.approx(sinOf(x, w, exact, ctx).mul(elementary.cosh(y, d))), w.approx(cosOf(x, w, exact, ctx).mul(elementary.sinh(y, d))));
  });
}

export function cos(z: Scalar, ctx: NumberContext): Scalar {
  // cos(x + iy) = cos x cosh y - i sin x sinh y
  return wider(ctx, (w) => {
    const [x, y] = parts(z, w);
    const d = w.workingDigits;
    const exact = isExact(re(z));
    return complex(w.approx(cosOf(x, w, exact, ctx).mul(elementary.cosh(y, d))), w.approx(sinOf(x, w, exact, ctx).mul(elementary.sinh(y, d)).neg()));
  });
}

/** tan z = -i·tanh(iz). */
export function tan(z: Scalar, ctx: NumberContext): Scalar {
  return multiply(new Complex(ZERO, Rational.small(-1, 1)), tanh(multiply(I, z, ctx), ctx), ctx);
}

export function sinh(z: Scalar, ctx: NumberContext): Scalar {
  // sinh(x + iy) = sinh x cos y + i cosh x sin y
  return wider(ctx, (w) => {
    const [x, y] = parts(z, w);
    const d = w.workingDigits;
    const exact = isExact(im(z));
    return complex(w.approx(elementary.sinh(x, d).mul(cosOf(y, w, exact, ctx))), w.approx(elementary.cosh(x, d).mul(sinOf(y, w, exact, ctx))));
  });
}

export function cosh(z: Scalar, ctx: NumberContext): Scalar {
  // cosh(x + iy) = cosh x cos y + i sinh x sin y
  return wider(ctx, (w) => {
    const [x, y] = parts(z, w);
    const d = w.workingDigits;
    const exact = isExact(im(z));
    return complex(w.approx(elementary.cosh(x, d).mul(cosOf(y, w, exact, ctx))), w.approx(elementary.sinh(x, d).mul(sinOf(y, w, exact, ctx))));
  });
}

/**
 * tanh(x + iy) = (sinh 2x + i sin 2y) / (cosh 2x + cos 2y); far from the imaginary axis, where
 * cosh 2x is beyond every digit carried (and beyond the range), it is sign(x) + 2i·sin(2y)·e^(-2|x|).
 */
export function tanh(z: Scalar, ctx: NumberContext): Scalar {
  return wider(ctx, (w) => {
    const [x, y] = parts(z, w);
    const d = w.workingDigits;
    const exact = isExact(im(z));
    const x2 = x.mul(2);
    const y2 = y.mul(2);
    if (x.abs().gt(d * 1.2 + 10)) {
      const tail = elementary.exp(x2.abs().neg(), d).mul(sinOf(y2, w, exact, ctx)).mul(2);
      return complex(Rational.small(x.isNeg() ? -1 : 1, 1), w.approx(tail));
    }
    const denominator = elementary.cosh(x2, d).add(cosOf(y2, w, exact, ctx));
    if (denominator.isZero()) throw new ArithmeticError("domain", "tanh is undefined where cosh is zero (tan at odd multiples of pi/2)");
    return complex(w.approx(elementary.sinh(x2, d).div(denominator)), w.approx(sinOf(y2, w, exact, ctx).div(denominator)));
  });
}

/**
 * asin and acos by Kahan's formulas ("Branch cuts for complex elementary functions", 1987), which
 * take their products of square roots where no digits cancel (asin(-3^18) would lose them all as
 * -i·ln(iz + sqrt(1 - z²))), with the cuts along the real axis beyond ±1:
 *   asin z = atan2(re z, re(√(1-z)·√(1+z))) + i·asinh(im(conj(√(1-z))·√(1+z)))
 *   acos z = 2·atan2(re √(1-z), re √(1+z)) + i·asinh(im(conj(√(1+z))·√(1-z)))
 * (On the cut above 1 C99, Python's cmath and mpmath disagree: builtins.ts refuses those.)
 */
export function asin(z: Scalar, ctx: NumberContext): Scalar {
  // (near 0 the square roots are near 1, and the imaginary part is their products' difference)
  const lost = digitsLostNear(z, ZERO, ctx);
  if (beyondSeries(lost, ctx)) return firstTerm(z, ctx);
  return wider(ctx, (w) => {
    const [below, above] = rootsAround(z, w);
    const x = atan2(re(z), re(multiply(below, above, w)), w);
    return complex(x, asinh(im(multiply(conjugate(below, w), above, w)), w));
  }, lost);
}

export function acos(z: Scalar, ctx: NumberContext): Scalar {
  // (near 1, √(1 - z) is near 0: acos(1 - u) is √(2u)·(1 + u/12 + …))
  const lost = digitsLostNear(z, ONE, ctx);
  if (beyondSeries(lost, ctx)) return firstTerm(sqrt(multiply(TWO, subtract(ONE, z, ctx), ctx), ctx, (x) => realRoot(x, ctx)), ctx);
  return wider(ctx, (w) => {
    const [below, above] = rootsAround(z, w);
    const x = w.multiply(TWO, atan2(re(below), re(above), w));
    return complex(x, asinh(im(multiply(conjugate(above, w), below, w)), w));
  }, lost);
}

/** √(1 - z) and √(1 + z), principal. */
function rootsAround(z: Scalar, w: NumberContext): [Scalar, Scalar] {
  const root = (x: Real) => realRoot(x, w);
  return [sqrt(subtract(ONE, z, w), w, root), sqrt(add(ONE, z, w), w, root)];
}

function realRoot(x: Real, w: NumberContext): Real {
  return isExact(x) ? (exactRoot(x, 2n) ?? w.approx(w.decimal(x).sqrt())) : w.approx(x.sqrt());
}

function atan2(y: Real, x: Real, w: NumberContext): Real {
  if (isZero(y) && isExact(y) && sign(x) >= 0) return ZERO;
  return w.approx(elementary.atan2(w.decimal(y), w.decimal(x), w.workingDigits));
}

/** asinh x = sign(x)·ln(|x| + √(x² + 1)), for a real x. */
function asinh(x: Real, w: NumberContext): Real {
  if (isZero(x)) return ZERO;
  const d = w.decimal(x);
  const magnitude = elementary.ln(d.abs().add(d.mul(d).add(1).sqrt()), w.workingDigits);
  return w.approx(d.isNeg() ? magnitude.neg() : magnitude);
}

/** atan z = (i/2)·(ln(1 - iz) - ln(1 + iz)), the cuts along the imaginary axis beyond ±i. */
export function atan(z: Scalar, ctx: NumberContext): Scalar {
  const iz = multiply(I, z, ctx);
  if (!(iz instanceof Complex) && isExact(iz) && iz.den === 1n && (iz.num === 1n || iz.num === -1n)) {
    throw new ArithmeticError("domain", "atan is undefined at i and -i");
  }
  // (near 0 the two logarithms are near 0, and agree in as many digits as z has zeros)
  const lost = digitsLostNear(z, ZERO, ctx);
  if (beyondSeries(lost, ctx)) return firstTerm(z, ctx);
  return wider(ctx, (w) => {
    const difference = subtract(ln(subtract(ONE, iz, w), w), ln(add(ONE, iz, w), w), w);
    return multiply(new Complex(ZERO, HALF), difference, w);
  }, lost);
}
