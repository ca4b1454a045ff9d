/**
 * decimal.js, and the BigInt fixed point the series of elementary.ts and
 * gamma.ts run on: the one place that loads decimal.js, makes its
 * constructors, and converts between Decimals and fixed-point bigints.
 *
 * Fixed point: a value v held as round(v · 10^scale), a bigint. At a few
 * dozen digits BigInt arithmetic is far cheaper than decimal.js's
 * (docs/performance.md, "Approximate arithmetic", compares a division).
 */
import type Decimal from "decimal.js";
import { MAX_APPROXIMATE_EXPONENT } from "./limits.ts";

let decimalModule: Decimal.Constructor | undefined;

/**
 * decimal.js, loaded at its first use rather than at start-up: a line of
 * exact arithmetic (most one-shot runs) never needs it, and loading it adds
 * to a compiled program's start-up time and memory (docs/performance.md,
 * "Modules loaded only when needed", has the figures). (Bun's require is
 * synchronous, and the bundler keeps a required module's evaluation lazy;
 * tests/cli/startup.test.ts checks that exact arithmetic leaves it unloaded.)
 */
export function decimalJs(): Decimal.Constructor {
  return (decimalModule ??= (require("decimal.js") as { default: Decimal.Constructor }).default);
}

const constructors = new Map<number, Decimal.Constructor>();

/** A Decimal constructor rounding to `digits` significant digits (cached). */
export function decimalAt(digits: number): Decimal.Constructor {
  let D = constructors.get(digits);
  if (!D) {
    const Decimal = decimalJs();
    D = Decimal.clone({
      precision: digits,
      rounding: Decimal.ROUND_HALF_EVEN,
      // valueOf/toString/toNumber in exponential notation beyond these (decimal.js's defaults): decimal.js
      // itself starts sqrt, cbrt and others from +x, which in plain notation would write out every
      // digit of 1e28512583487 (sqrt(710^10^10) hung); the program formats numbers itself (format.ts)
      toExpNeg: -7,
      toExpPos: 21,
      minE: -MAX_APPROXIMATE_EXPONENT,
      maxE: MAX_APPROXIMATE_EXPONENT,
    });
    constructors.set(digits, D);
  }
  return D;
}

// ---- fixed point ------------------------------------------------------

const powersOfTen: bigint[] = [];

/** 10^n as a bigint (cached): the fixed-point one at scale n. */
export function tenTo(n: number): bigint {
  return (powersOfTen[n] ??= 10n ** BigInt(n));
}

/** round(x · 10^scale), half to even. */
export function toFixedPoint(x: Decimal, scale: number): bigint {
  return BigInt(x.toFixed(scale, decimalJs().ROUND_HALF_EVEN).replace(".", ""));
}

/** A Decimal for the fixed-point number n · 10^-scale, at `digits` significant digits. */
export function fromFixedPoint(n: bigint, scale: number, digits: number): Decimal {
  return new (decimalAt(digits))(`${n}e-${scale}`);
}
