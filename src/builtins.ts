/**
 * Every built-in constant and function, in one table. Adding a name here is
 * all it takes: the evaluator, completion and help read this table.
 */
import type Decimal from "decimal.js";
import { decimalJs } from "./decimal.ts";
import * as elementary from "./elementary.ts";
import * as C from "./complex.ts";
import { Complex, type Scalar } from "./complex.ts";
import { add, divide, magnitudeOf, mapMagnitude, multiply, negate, order, power, realMagnitude, toReal } from "./operations.ts";
import { readDefinition } from "./units.ts";
import { describe, isReal, List, Moment, Quantity, type Numeric, type Value } from "./value.ts";
import { bits, lists } from "./load-lists.ts";
import type { Clock } from "./clock.ts";
import { dates } from "./load-dates.ts";
import {
  approximateChoose,
  approximateFactorial,
  beyondApproximateRange,
  log10ChooseEstimate,
  log10FactorialEstimate,
  productRange,
  tooLarge,
} from "./gamma.ts";
import { MAX_EXACT_DIGITS, MAX_ROUND_PLACES } from "./limits.ts";
import {
  ArithmeticError,
  exactRoot,
  floorDiv,
  gcd,
  integer,
  isExact,
  isZero,
  ONE,
  POW_EXPONENT_DIGITS,
  Rational,
  rational,
  sign,
  ZERO,
  type NumberContext,
  type Real,
} from "./number.ts";

export interface Constant {
  readonly kind: "constant";
  readonly summary: string;
  /** (`clock`: the session's, which `now` and `today` read.) */
  value(ctx: NumberContext, clock?: Clock): Value;
}

export interface BuiltinFunction {
  readonly kind: "function";
  /** How help shows the parameters, e.g. "x[, digits]". */
  readonly params: string;
  readonly summary: string;
  /** Fewest and most arguments (Infinity: any number). */
  readonly arity: readonly [number, number];
  /**
   * "real": the evaluator hands over plain numbers only (an angle in radians;
   * a quantity or a boolean is an error naming the function). "value": the
   * arguments as they are, for functions that keep units (abs, round, sqrt, …).
   */
  readonly takes: "real" | "value";
  apply(args: Value[], ctx: NumberContext): Value;
}

export type Builtin = Constant | BuiltinFunction;

const domain = (message: string) => new ArithmeticError("domain", message);

const constant = (summary: string, value: (ctx: NumberContext, clock?: Clock) => Value): Constant => ({ kind: "constant", summary, value });

/** A constant of nature with its unit, defined as the unit table defines units: "299792458 m/s". */
function physical(summary: string, definition: string): Constant {
  let value: Quantity | undefined;
  return constant(`${summary}: ${definition}`, () => {
    if (!value) {
      const { scale, unit } = readDefinition(definition);
      value = new Quantity(scale.factor, unit);
    }
    return value;
  });
}

/** A constant of nature divided by a multiple of pi: ħ = h/(2π), to the precision (pi makes it approximate). */
function reduced(summary: string, of: string, times: number): Constant {
  return constant(`${summary}: ${of}/(${times}*pi)`, (ctx) => {
    const base = (table[of] as Constant).value(ctx) as Quantity;
    return new Quantity(ctx.divide(base.magnitude as Real, ctx.multiply(new Rational(BigInt(times), 1n), ctx.pi())), base.unit);
  });
}

function arityOf(params: string): [number, number] {
  const required = params.split("[")[0]!.split(",").filter((p) => p.trim() !== "" && p.trim() !== "…").length;
  return params.includes("…") ? [Math.max(1, required), Infinity] : [required, params.split(",").length];
}

/** A built-in function; its arity is read from its parameters when first asked (not at every start). */
function builtinFunction(params: string, summary: string, takes: BuiltinFunction["takes"], apply: BuiltinFunction["apply"]): BuiltinFunction {
  let arity: readonly [number, number] | undefined;
  return {
    kind: "function",
    params,
    summary,
    get arity() {
      return (arity ??= arityOf(params));
    },
    takes,
    apply,
  };
}

/** A function of plain numbers. */
function fn(params: string, summary: string, apply: (args: Real[], ctx: NumberContext) => Value): BuiltinFunction {
  return builtinFunction(params, summary, "real", apply as BuiltinFunction["apply"]);
}

/** A function of values: quantities keep their units. */
function valueFn(params: string, summary: string, apply: (args: Value[], ctx: NumberContext) => Value): BuiltinFunction {
  return builtinFunction(params, summary, "value", apply);
}

/**
 * A unary real function computed by decimal.js, with exact special values. `grows` says by how many
 * digits it makes an approximate argument's relative error larger (sin and exp of a number with k
 * digits before its point: k), so that the line is computed again with enough of them.
 */
function real(
  summary: string,
  compute: (x: Decimal, ctx: NumberContext, exactArgument: boolean) => Decimal,
  exactAt: readonly (readonly [Real, Real])[] = [],
  grows?: (x: Decimal) => number,
  /** Of a fraction of safe integers, in fixed point from the fraction (elementary.ts), where it can. */
  ofRatio?: (p: bigint, q: bigint, digits: number) => Decimal | undefined,
): BuiltinFunction {
  return fn("x", summary, ([x], ctx) => {
    for (const [at, result] of exactAt) if (isExact(x!) && equalExact(x, at)) return result;
    if (ofRatio && isExact(x!) && x.isSmall) {
      const value = ofRatio(BigInt(x.n), BigInt(x.d), ctx.workingDigits);
      if (value) return ctx.approx(value);
    }
    const argument = ctx.argument(x!);
    if (grows && !isExact(x!)) ctx.amplifies(grows(argument), "a function of an approximate number this large");
    return ctx.approx(compute(argument, ctx, isExact(x!)));
  });
}

/** The digits before an approximate argument's point: sin and exp lose as many of it. */
const digitsBeforePoint = (x: Decimal) => Math.max(0, x.e + 1);

function equalExact(a: Rational, b: Real): boolean {
  return isExact(b) && a.num === b.num && a.den === b.den;
}

/**
 * Trigonometric results smaller than the argument's rounding error (its size times the precision it
 * was computed to) are zero: sin(pi) = 0, and so is sin(pi * 10^25).
 */
function trig(f: (x: Decimal, digits: number) => Decimal) {
  return (x: Decimal, ctx: NumberContext, exactArgument: boolean) => {
    const value = f(x, ctx.workingDigits);
    return exactArgument || value.abs().gte(x.abs().mul(ctx.rounding)) ? value : new ctx.D(0);
  };
}

/**
 * A function of real numbers that takes complex ones too: `complexCase` for a complex argument, and
 * for a real one `outside` says is outside the real function's domain (ln(-1) is iπ).
 */
function alsoComplex(
  name: string,
  realFunction: BuiltinFunction,
  complexCase: (z: Scalar, ctx: NumberContext) => Value,
  outside?: (x: Real, ctx: NumberContext) => boolean,
): BuiltinFunction {
  return builtinFunction(realFunction.params, realFunction.summary, "value", (args, ctx) => {
    const [x] = args;
    if (x instanceof Complex) return complexCase(x, ctx);
    const reals = realFunction.takes === "real" ? args.map((a) => toReal(a, name, ctx)) : args;
    if (outside && isReal(reals[0]!) && outside(reals[0] as Real, ctx)) return complexCase(reals[0] as Real, ctx);
    return realFunction.apply(reals, ctx);
  });
}

/** log(x, base), log2 and log10 of a complex or negative number: ln x / ln base. */
function complexLog(x: Scalar, base: Scalar, ctx: NumberContext): Scalar {
  return C.divide(C.ln(x, ctx), C.ln(base, ctx), ctx);
}

/**
 * asin and acos of a real number beyond ±1. Below -1 every convention agrees (C99, Python's cmath,
 * mpmath); above 1, on the branch cut, they give opposite signs to the imaginary part, so calc
 * refuses rather than pick one.
 */
function inverseSineBeyond(name: string, f: (z: Scalar, ctx: NumberContext) => Scalar) {
  return (z: Scalar, ctx: NumberContext): Scalar => {
    if (!(z instanceof Complex) && sign(z) > 0) {
      throw domain(`${name} of a real number above 1 lies on its branch cut, where calculators disagree on the sign of the imaginary part: add a small imaginary part to choose a side`);
    }
    return f(z, ctx);
  };
}

/** An integer argument: exact, or approximate but within noise of an integer. */
function toBigInt(value: Real, ctx: NumberContext, what: string): bigint {
  const n = isExact(value) ? value : ctx.toExact(ctx.settle(value));
  if (!isExact(n)) throw new ArithmeticError("limit", `${what} must have at most ${MAX_EXACT_DIGITS.toLocaleString("en-US")} digits`);
  if (n.den !== 1n) throw domain(`${what} must be an integer`);
  return n.num;
}

/** A value that is a number or a quantity, not a boolean. */
function numeric(value: Value, name: string): Numeric {
  if (typeof value === "boolean" || value instanceof Moment || value instanceof List) throw new ArithmeticError("type", `${name} needs a number, not ${describe(value)}`);
  return value;
}

/** The n-th root of a number, or of a quantity whose units allow it (sqrt(16 m^2) is 4 m). */
function rootOf(x: Value, n: bigint, ctx: NumberContext): Value {
  if (x instanceof Quantity) {
    if (n <= 0n) throw domain("the root's degree must be a positive integer");
    if (!(x.magnitude instanceof Complex) && sign(x.magnitude) < 0) {
      // an odd root of a negative quantity is real, as of a negative number: cbrt(-8 m^3) is -2 m
      if (n % 2n === 0n) throw domain("an even root of a negative number is not real");
      return negate(power(negate(x, ctx), rational(1n, n), ctx), ctx);
    }
    return power(x, rational(1n, n), ctx);
  }
  // the square root of a negative or complex number is the principal one (sqrt(-9) is 3i); an odd
  // root of a negative number stays real (cbrt(-8) is -2), of a complex one it is the principal one
  if (x instanceof Complex || (n === 2n && isReal(x) && sign(x) < 0)) {
    return n === 2n ? C.sqrt(x as Scalar, ctx, (r) => sqrt(r, ctx)) : C.power(x as Scalar, rational(1n, n), ctx);
  }
  const r = toReal(x, n === 2n ? "sqrt" : n === 3n ? "cbrt" : "root", ctx);
  return n === 2n ? sqrt(r, ctx) : nthRoot(r, n, ctx);
}

function sqrt(x: Real, ctx: NumberContext): Real {
  if (sign(x) < 0) throw domain("sqrt of a negative number is not real");
  if (isExact(x)) return exactRoot(x, 2n) ?? ctx.approx(elementary.sqrtOfRatio(x.num, x.den, ctx.workingDigits));
  return x.sqrt();
}

/** The n-th root for an integer n ≠ 0: exact when there is one, real for negative x when n is odd. */
function nthRoot(x: Real, n: bigint, ctx: NumberContext): Real {
  if (n === 0n) throw domain("a root's degree must not be zero");
  if (n < 0n) return ctx.divide(ONE, nthRoot(x, -n, ctx));
  const negative = sign(x) < 0;
  if (negative && n % 2n === 0n) throw domain("an even root of a negative number is not real");
  const magnitude = negative ? ctx.negate(x) : x;
  if (isExact(magnitude)) {
    const exact = exactRoot(magnitude, n);
    if (exact) return negative ? ctx.negate(exact) : exact;
  }
  // 1/n to more digits than the working ones: x^(1/n) multiplies its error by ln x (cbrt(10^(9*10^15)))
  const reciprocal = ctx.decimalWith(rational(1n, n), POW_EXPONENT_DIGITS);
  const root = elementary.pow(isExact(magnitude) ? ctx.argument(magnitude) : magnitude, reciprocal, ctx.workingDigits);
  return ctx.approx(negative ? root.neg() : root);
}

/**
 * root(x, n) = x^(1/n). An integer degree (or an approximate one within noise
 * of an integer) takes nthRoot; any other is a power, real only for x ≥ 0,
 * and exact where the power is (root(4, 2/3) = 8).
 */
function root(x: Real, degree: Real, ctx: NumberContext): Real {
  const integral = isExact(degree) ? degree.den === 1n : ctx.settle(degree).isInteger();
  if (integral) return nthRoot(x, toBigInt(degree, ctx, "the root's degree"), ctx);
  if (sign(x) < 0) throw domain("a root of a negative number is real only for an odd integer degree");
  return ctx.power(x, ctx.divide(ONE, degree));
}

function ln(x: Real, ctx: NumberContext): Real {
  if (sign(x) <= 0) throw domain("ln is undefined for zero and negative numbers");
  if (isExact(x) && x.num === 1n && x.den === 1n) return ZERO;
  if (isExact(x) && x.isSmall) return ctx.approx(elementary.lnOfRatio(BigInt(x.n), BigInt(x.d), ctx.workingDigits));
  return logarithmOf(x, ctx.approx(elementary.ln(ctx.logArgument(x), ctx.workingDigits)), ctx);
}

/**
 * A logarithm of an approximate x has the absolute error of x's relative one: near x = 1, where the
 * logarithm is small, that is many of its digits (ln of an approximate 1.0000001 loses 7).
 */
function logarithmOf(x: Real, result: Decimal, ctx: NumberContext): Decimal {
  if (!isExact(x) && !result.isZero()) ctx.amplifies(-result.e, "a logarithm of an approximate number this near 1");
  return result;
}

/**
 * log_b(x): exact when x is a rational power of b (log(8, 2) = 3,
 * log10(0.001) = -3, log(2, 8) = 1/3), checked exactly, not guessed.
 */
function log(x: Real, base: Real, ctx: NumberContext): Real {
  if (sign(x) <= 0) throw domain("log is undefined for zero and negative numbers");
  if (sign(base) <= 0 || (isExact(base) && equalExact(base, ONE))) throw domain("a logarithm's base must be positive and not 1");
  const ratio = ctx.approx(
    elementary.ln(ctx.logArgument(x), ctx.workingDigits).div(elementary.ln(ctx.logArgument(base), ctx.workingDigits)),
  );
  if (isExact(x) && isExact(base)) {
    for (let q = 1; q <= 12; q++) {
      const scaled = ratio.mul(q);
      const p = scaled.round();
      if (!scaled.sub(p).abs().lt(ctx.noise)) continue;
      const pn = BigInt(p.toFixed(0));
      // x^q = base^p, when both sides are small enough to compute
      const size = Math.abs(Number(pn)) * Math.log10(Math.max(2, Number(base.num), Number(base.den)));
      if (size > MAX_EXACT_DIGITS) break;
      const lhs = ctx.power(x, integer(q));
      const rhs = ctx.power(base, integer(pn));
      if (isExact(lhs) && isExact(rhs) && equalExact(lhs, rhs)) return rational(pn, BigInt(q));
    }
  }
  // (of an exact x the ratio is right to its own digits, however small: log10(1 + 10^-16))
  return logarithmOf(x, isExact(x) ? ratio : ctx.snap(ratio), ctx);
}

function asinOrAcos(x: Decimal, ctx: NumberContext, f: (x: Decimal, digits: number) => Decimal, name: string): Decimal {
  if (x.abs().gt(1)) {
    // a value that is 1 but for noise (sin(pi/2) computed approximately) is 1
    if (x.abs().sub(1).gt(ctx.noise)) throw domain(`${name} is defined only for arguments from -1 to 1`);
    x = new ctx.D(x.isNeg() ? -1 : 1);
  }
  return f(x, ctx.workingDigits);
}

/**
 * n!: exact (by binary splitting) while it has at most MAX_EXACT_DIGITS
 * digits, then approximate at the working precision, like a power; refused
 * only past the approximate range, sized from a float estimate first so that
 * neither an exact product nor a series is started for it.
 */
function factorial(n: bigint, ctx: NumberContext): Real {
  if (n < 0n) throw domain("factorial is defined only for non-negative integers");
  const digits = log10FactorialEstimate(Number(n));
  // past the range of a float (n with 309 digits or more) the estimate is not a number: far too large
  if (Number.isNaN(digits)) throw new ArithmeticError("limit", "result too large: the factorial of a number this big");
  if (digits <= MAX_EXACT_DIGITS) return integer(productRange(1n, n));
  if (beyondApproximateRange(digits)) throw tooLarge(digits, `${n}!`);
  return ctx.approx(approximateFactorial(n, ctx.workingDigits));
}

/** npr(n, k) = n!/(n-k)! or ncr(n, k) = n!/(k!(n-k)!): exact, approximate or refused by size, as factorials are. */
function choose(nv: Real, kv: Real, ctx: NumberContext, ordered: boolean): Real {
  const n = toBigInt(nv, ctx, "n");
  const k = toBigInt(kv, ctx, "k");
  if (n < 0n || k < 0n) throw domain("n and k must be non-negative");
  if (k > n) return ZERO;
  const digits = log10ChooseEstimate(n, k, ordered);
  if (digits <= MAX_EXACT_DIGITS) {
    // An exact ncr of at most 50,000 digits takes at most 83,000 factors (ncr(2t, t) has 0.3·2t digits),
    // so the product divided by take! has at most about 420,000 digits: tens of milliseconds.
    const take = ordered || 2n * k <= n ? k : n - k;
    const product = productRange(n - take + 1n, n);
    return integer(ordered ? product : product / productRange(1n, take));
  }
  if (beyondApproximateRange(digits)) throw tooLarge(digits);
  return ctx.approx(approximateChoose(n, k, ordered, ctx.workingDigits));
}

function integersOnly(args: Real[], ctx: NumberContext, name: string): bigint[] {
  return args.map((a) => toBigInt(a, ctx, `${name}'s arguments`));
}

function roundHalfAway(x: Real, places: bigint, ctx: NumberContext): Real {
  if (places > BigInt(MAX_ROUND_PLACES) || places < -BigInt(MAX_ROUND_PLACES)) {
    throw new ArithmeticError("limit", `round takes from -${MAX_ROUND_PLACES} to ${MAX_ROUND_PLACES} decimal places`);
  }
  if (!isExact(x)) {
    // an approximate value rounds to an approximate one, from its digits down to the place rounded
    // to: round(pi, 30) needs pi to 31 digits
    if (x.isZero()) return x;
    ctx.requireDigits(x.e + 1 + Number(places), "rounding to this many places");
    const settled = ctx.settle(x);
    const halfUp = decimalJs().ROUND_HALF_UP;
    if (places >= 0n) return settled.toDecimalPlaces(Number(places), halfUp);
    const unit = new ctx.D(10).pow(-Number(places));
    return settled.div(unit).toDecimalPlaces(0, halfUp).mul(unit);
  }
  const exact = x;
  const scale = 10n ** (places < 0n ? -places : places);
  const [mulN, mulD] = places >= 0n ? [scale, 1n] : [1n, scale];
  // |x|·10^places + 1/2, floored, with the sign put back
  const n = (exact.num < 0n ? -exact.num : exact.num) * mulN;
  const d = exact.den * mulD;
  const rounded = floorDiv(2n * n + d, 2n * d);
  return rational((exact.num < 0n ? -rounded : rounded) * mulD, mulN, ctx.interrupt);
}

const table: Record<string, Builtin> = {
  pi: constant("the ratio of a circle's circumference to its diameter", (ctx) => ctx.pi()),
  tau: constant("2·pi", (ctx) => ctx.pi().mul(2)),
  e: constant("Euler's number, the base of ln", (ctx) => ctx.e()),
  phi: constant("the golden ratio, (1 + sqrt(5)) / 2", (ctx) => new ctx.D(5).sqrt().add(1).div(2)),
  speed_of_light: physical("the speed of light in vacuum (SI defining constant)", "299792458 m/s"),
  planck: physical("the Planck constant (SI defining constant)", "6.62607015e-34 J*s"),
  hbar: reduced("the reduced Planck constant ħ", "planck", 2),
  boltzmann: physical("the Boltzmann constant (SI defining constant)", "1.380649e-23 J/K"),
  avogadro: physical("the Avogadro constant (SI defining constant)", "6.02214076e23 /mol"),
  elementary_charge: physical("the elementary charge (SI defining constant)", "1.602176634e-19 C"),
  gravity: physical("standard gravity (3rd CGPM, 1901)", "9.80665 m/s^2"),

  sqrt: valueFn("x", "square root; of a quantity too: sqrt(16 m^2) is 4 m", ([x], ctx) => rootOf(x!, 2n, ctx)),
  cbrt: valueFn("x", "cube root (real, also of negative numbers)", ([x], ctx) => rootOf(x!, 3n, ctx)),
  root: valueFn("x, n", "n-th root, x^(1/n)", ([x, n], ctx) => {
    const degree = toReal(n!, "root", ctx);
    if (!(x instanceof Quantity)) return root(toReal(x!, "root", ctx), degree, ctx);
    // an integer degree is a root, odd ones real for negative quantities too; any other a power
    return isExact(degree) && degree.den === 1n ? rootOf(x, degree.num, ctx) : power(x, ctx.divide(ONE, degree), ctx);
  }),
  abs: valueFn("x", "absolute value; of a complex number its modulus: abs(3+4i) is 5", ([x], ctx) => {
    const value = numeric(x!, "abs");
    const modulus = C.modulus(magnitudeOf(value), ctx);
    return value instanceof Quantity ? new Quantity(modulus, value.unit) : modulus;
  }),
  sign: valueFn("x", "-1, 0 or 1", ([x]) => integer(sign(realMagnitude(numeric(x!, "sign"), "sign")))),
  floor: valueFn("x", "largest integer ≤ x", ([x], ctx) => mapMagnitude(x!, (r) => ctx.floor(r), "floor")),
  ceil: valueFn("x", "smallest integer ≥ x", ([x], ctx) => mapMagnitude(x!, (r) => ctx.negate(ctx.floor(ctx.negate(r))), "ceil")),
  trunc: valueFn("x", "x without its fraction", ([x], ctx) =>
    mapMagnitude(x!, (r) => (sign(r) < 0 ? ctx.negate(ctx.floor(ctx.negate(r))) : ctx.floor(r)), "trunc"),
  ),
  round: valueFn("x[, digits]", "round half away from zero, to digits decimal places", ([x, places], ctx) => {
    const digits = places ? toBigInt(toReal(places, "round", ctx), ctx, "the number of digits") : 0n;
    return mapMagnitude(x!, (r) => roundHalfAway(r, digits, ctx), "round");
  }),
  exp: real("e^x", (x, ctx) => elementary.exp(x, ctx.workingDigits), [[ZERO, ONE]], digitsBeforePoint, elementary.expOfRatio),
  pow: valueFn("x, y", "x^y", ([x, y], ctx) => power(x!, y!, ctx)),
  ln: fn("x", "natural logarithm", ([x], ctx) => ln(x!, ctx)),
  // (of a complex or negative x or base too: ln x / ln base)
  log: valueFn("x[, base]", "logarithm, base 10 unless given", (args, ctx) => {
    const [x, base = integer(10)] = args.map((a) => (a instanceof Complex ? a : toReal(a, "log", ctx)));
    if (x instanceof Complex || base instanceof Complex || sign(x!) < 0 || sign(base) < 0) return complexLog(x!, base, ctx);
    return log(x!, base, ctx);
  }),
  log2: fn("x", "base-2 logarithm", ([x], ctx) => log(x!, integer(2), ctx)),
  log10: fn("x", "base-10 logarithm", ([x], ctx) => log(x!, integer(10), ctx)),
  sin: real("sine (radians)", trig(elementary.sin), [[ZERO, ZERO]], digitsBeforePoint, (p, q, d) => elementary.sinCosOfRatio(p, q, d, false)),
  cos: real("cosine (radians)", trig(elementary.cos), [[ZERO, ONE]], digitsBeforePoint, (p, q, d) => elementary.sinCosOfRatio(p, q, d, true)),
  tan: fn("x", "tangent (radians)", ([x], ctx) => {
    if (isZero(x!)) return ZERO;
    const d = ctx.argument(x!);
    const exactArgument = isExact(x!);
    if (!exactArgument) ctx.amplifies(digitsBeforePoint(d), "tangent of a number this large");
    const s = trig(elementary.sin)(d, ctx, exactArgument);
    const c = trig(elementary.cos)(d, ctx, exactArgument);
    if (c.isZero()) throw domain("tan is undefined at odd multiples of pi/2");
    return ctx.approx(s.div(c));
  }),
  asin: real("inverse sine", (x, ctx) => asinOrAcos(x, ctx, elementary.asin, "asin"), [[ZERO, ZERO]]),
  acos: real("inverse cosine", (x, ctx) => asinOrAcos(x, ctx, elementary.acos, "acos"), [[ONE, ZERO]]),
  atan: real("inverse tangent", (x, ctx) => elementary.atan(x, ctx.workingDigits), [[ZERO, ZERO]], undefined, elementary.atanOfRatio),
  atan2: fn("y, x", "angle of the point (x, y)", ([y, x], ctx) => {
    if (isZero(y!) && isZero(x!)) return ZERO;
    return ctx.approx(elementary.atan2(ctx.decimal(y!), ctx.decimal(x!), ctx.workingDigits));
  }),
  sinh: real("hyperbolic sine", (x, ctx) => elementary.sinh(x, ctx.workingDigits), [[ZERO, ZERO]], digitsBeforePoint),
  cosh: real("hyperbolic cosine", (x, ctx) => elementary.cosh(x, ctx.workingDigits), [[ZERO, ONE]], digitsBeforePoint),
  tanh: real("hyperbolic tangent", (x, ctx) => elementary.tanh(x, ctx.workingDigits), [[ZERO, ZERO]]),
  min: valueFn("x, …", "the smallest value of a list or of the arguments (quantities compare across units)", (args, ctx) =>
    lists().extreme(lists().dataOf(args, "min"), -1, ctx, "min"),
  ),
  max: valueFn("x, …", "the largest value of a list or of the arguments (quantities compare across units)", (args, ctx) =>
    lists().extreme(lists().dataOf(args, "max"), 1, ctx, "max"),
  ),
  gcd: fn("a, …", "greatest common divisor of integers", (args, ctx) =>
    integer(integersOnly(args, ctx, "gcd").reduce((a, b) => gcd(a, b, ctx.interrupt))),
  ),
  lcm: fn("a, …", "least common multiple of integers", (args, ctx) =>
    ctx.exact(
      integer(
        integersOnly(args, ctx, "lcm").reduce((a, b) => {
          if (a === 0n || b === 0n) return 0n;
          const l = (a * b) / gcd(a, b, ctx.interrupt);
          return l < 0n ? -l : l;
        }),
      ),
    ),
  ),
  ncr: fn("n, k", "combinations: ways to choose k of n", ([n, k], ctx) => choose(n!, k!, ctx, false)),
  npr: fn("n, k", "permutations: ordered choices of k of n", ([n, k], ctx) => choose(n!, k!, ctx, true)),
  factorial: fn("n", "n!, the product 1·2·…·n", ([n], ctx) => factorialOf(n!, ctx)),

  // lists and statistics (issue 21; src/lists.ts): each takes a list or values, exact where they are
  range: valueFn("a, b[, step]", "the list of integers from a to b, both included, step apart: range(1, 9, 2); a..b", ([a, b, step], ctx) =>
    lists().range(a!, b!, step, ctx),
  ),
  sum: valueFn("x, …", "the sum of a list or of the arguments (0 of an empty list)", (args, ctx) => lists().sum(lists().dataOf(args, "sum"), ctx)),
  prod: valueFn("x, …", "the product of a list or of the arguments (1 of an empty list)", (args, ctx) => lists().product(lists().dataOf(args, "prod"), ctx)),
  // (named len, not count: a user's own count(n), as in the language's examples, keeps its name)
  len: valueFn("x, …", "how many values: the length of a list, or the number of arguments", (args) => integer(lists().dataOf(args, "len").length)),
  mean: valueFn("x, …", "the arithmetic mean of a list or of the arguments", (args, ctx) => lists().mean(lists().dataOf(args, "mean"), ctx)),
  median: valueFn("x, …", "the middle value in order, or the mean of the middle two", (args, ctx) => lists().median(lists().dataOf(args, "median"), ctx)),
  mode: valueFn("x, …", "the most common value (of several as common, the first)", (args, ctx) => lists().mode(lists().dataOf(args, "mode"), ctx)),
  variance: valueFn("x, …", "the sample variance: squared deviations from the mean over n - 1", (args, ctx) =>
    lists().variance(lists().dataOf(args, "variance"), ctx, false, "variance"),
  ),
  stdev: valueFn("x, …", "the sample standard deviation: sqrt(variance)", (args, ctx) =>
    rootOf(lists().variance(lists().dataOf(args, "stdev"), ctx, false, "stdev"), 2n, ctx),
  ),
  variancep: valueFn("x, …", "the population variance: squared deviations from the mean over n", (args, ctx) =>
    lists().variance(lists().dataOf(args, "variancep"), ctx, true, "variancep"),
  ),
  stdevp: valueFn("x, …", "the population standard deviation: sqrt(variancep)", (args, ctx) =>
    rootOf(lists().variance(lists().dataOf(args, "stdevp"), ctx, true, "stdevp"), 2n, ctx),
  ),
  quantile: valueFn("list, q", "the q-quantile, 0 ≤ q ≤ 1, by R's type 7 (NumPy's default): quantile(xs, 0.5) is the median", ([list, q], ctx) => {
    if (!(list instanceof List)) throw new ArithmeticError("type", `quantile takes a list and q: quantile([1, 2, 3], 0.5), not ${describe(list!)}`);
    return lists().quantile(lists().dataOf([list], "quantile"), q!, ctx);
  }),
  sort: valueFn("x, …", "the values of a list or the arguments, in increasing order", (args, ctx) => new List(lists().sorted(lists().dataOf(args, "sort"), ctx))),
  reverse: valueFn("x, …", "the values of a list or the arguments, last first", (args) => new List(lists().dataOf(args, "reverse").reverse())),

  // bitwise (issue 21; src/bitwise.ts): the operators & | xor ~ << >>, and fixed widths
  uint: valueFn("x, n", "x wrapped to n bits, unsigned (0 to 2^n - 1): uint(-1, 8) is 255", ([x, n]) => bits().wrap(x!, n!, false, "uint")),
  int: valueFn("x, n", "x wrapped to n bits, two's complement (-2^(n-1) to 2^(n-1) - 1): int(200, 8) is -56", ([x, n]) => bits().wrap(x!, n!, true, "int")),
  // dates and times (issue 19; src/dates.ts)
  now: constant("the current instant, from the system clock", (_, clock) => dates().now(clock)),
  today: constant("today's date in the local time zone (TZ)", (_, clock) => dates().today(clock)),
  from_unixtime: fn("n", "the instant n seconds after 1970-01-01T00:00:00Z, exactly", ([n]) => dates().fromUnixtime(n!)),
  weekday: valueFn("d", "the day of the week of a date: Monday … Sunday", ([d]) => dates().weekday(d!)),
  hypot: valueFn("x, …", "sqrt(x² + y² + …)", (args, ctx) =>
    rootOf(
      args.map((a) => numeric(a, "hypot")).map((a) => {
        realMagnitude(a, "hypot"); // (a complex z² is not |z|²)
        return multiply(a, a, ctx);
      }).reduce((total, square) => add(total, square, ctx)),
      2n,
      ctx,
    ),
  ),

  // complex numbers (src/complex.ts)
  i: constant("the imaginary unit, i² = -1", () => C.I),
  re: valueFn("z", "the real part", ([z]) => mapScalar(numeric(z!, "re"), C.re)),
  im: valueFn("z", "the imaginary part", ([z]) => mapScalar(numeric(z!, "im"), C.im)),
  conj: valueFn("z", "the complex conjugate", ([z], ctx) => mapScalar(numeric(z!, "conj"), (x) => C.conjugate(x, ctx))),
  arg: valueFn("z", "the argument (angle) of z, in (-pi, pi]", ([z], ctx) => C.argument(magnitudeOf(numeric(z!, "arg")), ctx)),
  cis: valueFn("x", "cos x + i sin x = e^(ix); r * cis(x) is the polar form", ([x], ctx) => {
    const value = numeric(x!, "cis");
    return C.cis(value instanceof Quantity ? toReal(value, "cis", ctx) : value, ctx);
  }),
};

/** f of a value's magnitude, its unit kept: re, im, conj of a quantity. */
function mapScalar(value: Numeric, f: (z: Scalar) => Scalar): Value {
  return value instanceof Quantity ? new Quantity(f(value.magnitude), value.unit) : f(value);
}

// u8 … u64 and i8 … i64: uint and int of their widths
for (const width of [8, 16, 32, 64]) {
  for (const signed of [false, true]) {
    const name = `${signed ? "i" : "u"}${width}`;
    const range = signed ? `-2^${width - 1} to 2^${width - 1} - 1` : `0 to 2^${width} - 1`;
    table[name] = valueFn("x", `x wrapped to ${width} bits, ${signed ? "two's complement" : "unsigned"} (${range})`, ([x]) =>
      bits().wrap(x!, integer(width), signed, name),
    );
  }
}

// exp, ln, the logarithms and the trigonometric functions take complex numbers too (complex.ts
// says how, docs/language.md where their cuts are)
for (const [name, f, outside] of [
  ["exp", C.exp],
  ["ln", C.ln, (x: Real) => sign(x) < 0],
  ["log2", (z: Scalar, ctx: NumberContext) => complexLog(z, integer(2), ctx), (x: Real) => sign(x) < 0],
  ["log10", (z: Scalar, ctx: NumberContext) => complexLog(z, integer(10), ctx), (x: Real) => sign(x) < 0],
  ["sin", C.sin],
  ["cos", C.cos],
  ["tan", C.tan],
  ["sinh", C.sinh],
  ["cosh", C.cosh],
  ["tanh", C.tanh],
  ["asin", inverseSineBeyond("asin", C.asin), beyondOne],
  ["acos", inverseSineBeyond("acos", C.acos), beyondOne],
  ["atan", C.atan],
] as const) {
  table[name] = alsoComplex(name, table[name] as BuiltinFunction, f, outside);
}

/** Whether |x| > 1 by more than noise (asin of an approximate 1.000…01, sin(pi/2) computed, is asin(1)). */
function beyondOne(x: Real, ctx: NumberContext): boolean {
  return isExact(x) ? x.num > x.den || -x.num > x.den : x.abs().sub(1).gt(ctx.noise);
}

/**
 * Other names of an entry: the Greek letters, and the names people type for a function that calc
 * calls otherwise (avg for mean, choose for ncr). An alias is the entry itself, not a copy: help
 * shows it beside its entry (mean/avg) and `help avg` says which entry it is.
 */
export const aliases: Readonly<Record<string, string>> = { π: "pi", τ: "tau", φ: "phi", c: "speed_of_light", ħ: "hbar", avg: "mean", choose: "ncr" };

export const builtins: ReadonlyMap<string, Builtin> = new Map([
  ...Object.entries(table),
  ...Object.entries(aliases).map(([alias, name]) => [alias, table[name]!] as const),
]);

/** The factorial operator `n!`, here so the evaluator keeps no arithmetic of its own. */
export function factorialOf(x: Real, ctx: NumberContext): Real {
  const n = isExact(x) ? x : ctx.toExact(ctx.settle(x));
  if (!isExact(n)) throw new ArithmeticError("limit", "result too large: the factorial of a number this big");
  if (n.den !== 1n || n.num < 0n) throw domain("factorial is defined only for non-negative integers");
  return factorial(n.num, ctx);
}
