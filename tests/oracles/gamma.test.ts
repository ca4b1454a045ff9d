// Factorials, npr and ncr past the exact range (src/gamma.ts), in-process: every digit against the
// exact integers, from just past the exact limit up, at precisions from 1 to the largest working one.
import { describe, expect, test } from "bun:test";
import type Decimal from "decimal.js";
import { readFileSync } from "node:fs";
import { decimalAt } from "../../src/decimal.ts";
import { ln } from "../../src/elementary.ts";
import {
  approximateChoose,
  approximateFactorial,
  beyondApproximateRange,
  lnFactorial,
  lnFalling,
  log10ChooseEstimate,
  log10FactorialEstimate,
  productRange,
} from "../../src/gamma.ts";
import { GUARD_DIGITS, MAX_APPROXIMATE_EXPONENT, MAX_EXACT_DIGITS, MAX_PRECISION } from "../../src/limits.ts";

const WORKING_MAX = MAX_PRECISION + GUARD_DIGITS;

/** A number as significand · 10^power: an exact integer, or a reference's leading digits. */
interface Scaled {
  significand: bigint;
  power: number;
}

const integerValue = (n: bigint): Scaled => ({ significand: n, power: 0 });

/**
 * How far `approx` (rounded to `digits` significant digits) is from the exact value, in units of
 * its last digit: at most 0.5 if it is the exact value correctly rounded (ties aside, which these
 * numbers do not come near).
 */
function unitsOff(approx: Decimal, exact: Scaled, digits: number): number {
  const [coefficient, e] = approx.toExponential().split("e") as [string, string];
  const mantissa = coefficient.replace(".", "");
  const a: Scaled = { significand: BigInt(mantissa), power: Number(e) - (mantissa.length - 1) };
  // the unit of the last digit kept: 10^(E - digits + 1), E the exact value's decimal exponent
  const exponent = exact.significand.toString().length - 1 + exact.power;
  const unit = exponent - digits + 1;
  // both in thousandths of that unit
  const align = ({ significand, power }: Scaled) => {
    const shift = power - (unit - 3);
    return shift >= 0 ? significand * 10n ** BigInt(shift) : significand / 10n ** BigInt(-shift);
  };
  const diff = align(a) - align(exact);
  return Number(diff < 0n ? -diff : diff) / 1000;
}

function expectCorrectlyRounded(approx: Decimal, exact: Scaled, digits: number, label: object, slack = 0): void {
  const off = unitsOff(approx, exact, digits);
  expect({ ...label, digits, off: off <= 0.5 + slack ? "within half a unit" : off }).toEqual({ ...label, digits, off: "within half a unit" });
}

const factorials = new Map<bigint, bigint>();
function exactFactorial(n: bigint): bigint {
  let f = factorials.get(n);
  if (f === undefined) factorials.set(n, (f = productRange(1n, n)));
  return f;
}

const quotients = new Map<string, bigint>();
function exactChoose(n: bigint, k: bigint, ordered: boolean): bigint {
  const key = `${n} ${k} ${ordered}`;
  let value = quotients.get(key);
  if (value === undefined) {
    const take = ordered || 2n * k <= n ? k : n - k;
    const product = productRange(n - take + 1n, n);
    quotients.set(key, (value = ordered ? product : product / productRange(1n, take)));
  }
  return value;
}

describe("n! against the exact product", () => {
  // 13,525! is the first factorial past 50,000 digits; the others go up from there
  const past = [13_525n, 13_526n, 14_000n, 20_000n, 33_333n];
  test("the first of them is just past the exact limit", () => {
    expect(exactFactorial(13_524n).toString().length).toBeLessThanOrEqual(MAX_EXACT_DIGITS);
    expect(exactFactorial(13_525n).toString().length).toBeGreaterThan(MAX_EXACT_DIGITS);
  });

  for (const digits of [1, 2, 11, 30, 60, 200, WORKING_MAX]) {
    test(`to ${digits} digits`, () => {
      for (const n of past) expectCorrectlyRounded(approximateFactorial(n, digits), integerValue(exactFactorial(n)), digits, { n });
    });
  }

  test("small n, on both sides of where the series takes over from the exact product", () => {
    // the series needs n of about 7 times the places: it takes over at 158 at 30 digits, at about 7,330 at the most
    for (let n = 0n; n <= 260n; n++) expectCorrectlyRounded(approximateFactorial(n, 30), integerValue(exactFactorial(n)), 30, { n });
    for (let n = 7_200n; n <= 7_500n; n += 11n) {
      expectCorrectlyRounded(approximateFactorial(n, WORKING_MAX), integerValue(exactFactorial(n)), WORKING_MAX, { n });
    }
  });

  test("every precision from 1 to 60", () => {
    for (let digits = 1; digits <= 60; digits++) {
      expectCorrectlyRounded(approximateFactorial(20_000n, digits), integerValue(exactFactorial(20_000n)), digits, {});
    }
  });
});

describe("npr and ncr against the exact quotients", () => {
  // [n, k, ordered]: just past the limit, around half of n, and (past 10^30) the rearranged difference
  const cases: [bigint, bigint, boolean][] = [
    [200_000n, 100_000n, false],
    [200_000n, 99_000n, false],
    [200_000n, 101_000n, false],
    [166_500n, 83_250n, false],
    [10n ** 6n, 10n ** 4n, true],
    [30_000n, 29_000n, true],
    [20_000n, 20_000n, true],
    [10n ** 15n, 5000n, false],
    [10n ** 15n, 10n ** 15n - 5000n, false],
    [10n ** 40n, 1500n, true],
    [10n ** 35n + 12_345n, 2000n, false],
    [10n ** 31n, 2500n, true],
  ];
  for (const digits of [1, 11, 30, 60, WORKING_MAX]) {
    test(`to ${digits} digits`, () => {
      for (const [n, k, ordered] of cases) {
        expectCorrectlyRounded(approximateChoose(n, k, ordered, digits), integerValue(exactChoose(n, k, ordered)), digits, { n, k, ordered });
      }
    });
  }

  test("all of them are past the exact limit, and the estimates of their size are good to a hundredth of a digit", () => {
    for (const [n, k, ordered] of cases) {
      const digits = exactChoose(n, k, ordered).toString().length;
      expect(digits).toBeGreaterThan(MAX_EXACT_DIGITS);
      // log10 of a number of d digits is from d - 1 up to d
      const estimate = log10ChooseEstimate(n, k, ordered);
      expect({ n, k, estimate: estimate > digits - 1.01 && estimate < digits + 0.01 }).toEqual({ n, k, estimate: true });
    }
  });
});

describe("ln n! and ln(n!/(n-k)!)", () => {
  /** ln of an exact integer by elementary.ln, at enough digits for `places` places. */
  const lnExact = (n: bigint, places: number) => {
    // ln n < 2.31 · (digits of n): digits before the point, then the places
    const precision = Math.ceil(Math.log10(2.31 * n.toString().length)) + 1 + places + 10;
    return ln(new (decimalAt(precision))(n.toString()), precision);
  };

  test("lnFactorial to any number of places, on both sides of the series' threshold", () => {
    for (const places of [3, 33, 300, 1013]) {
      for (const n of [2n, 3n, 50n, 157n, 158n, 700n, 1400n, 7_300n, 7_400n, 12_000n]) {
        const error = lnFactorial(n, places).sub(lnExact(exactFactorial(n), places)).abs();
        expect({ n, places, ok: error.lt(`1e-${places}`) }).toEqual({ n, places, ok: true });
      }
    }
  });

  test("lnFalling, plain below 10^30 and rearranged from it", () => {
    const places = 300;
    for (const n of [10n ** 30n - 1n, 10n ** 30n, 10n ** 30n + 1n, 10n ** 45n + 17n, 10n ** 300n]) {
      // ln(n!/(n-1)!) = ln n
      expect({ n, ok: lnFalling(n, 1n, places).sub(lnExact(n, places)).abs().lt(`1e-${places}`) }).toEqual({ n, ok: true });
      // ln(n!/(n-k)!) = ln((n-1)!/(n-1-k)!) + ln n - ln(n-k), across the switch at 10^30
      for (const k of [2n, 12_345n, 10n ** 12n]) {
        const identity = lnFalling(n - 1n, k, places).add(lnExact(n, places)).sub(lnExact(n - k, places));
        expect({ n, k, ok: lnFalling(n, k, places).sub(identity).abs().lt(`1e-${places - 1}`) }).toEqual({ n, k, ok: true });
      }
    }
  });
});

describe("the approximate range", () => {
  test("the estimates of log10 n! are good to a small fraction of a digit", () => {
    for (const n of [13_524n, 13_525n, 33_333n]) {
      const digits = exactFactorial(n).toString().length;
      const estimate = log10FactorialEstimate(Number(n));
      expect({ n, estimate: estimate > digits - 1.01 && estimate < digits + 0.01 }).toEqual({ n, estimate: true });
    }
  });

  test(`past a decimal exponent of ${MAX_APPROXIMATE_EXPONENT} a factorial is refused, with its size; up to it, given`, () => {
    // the n whose factorial's estimated log10 first passes the bound; near it the exponent is decided exactly
    let lo = 1;
    let hi = 10 ** 15;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (log10FactorialEstimate(mid) >= MAX_APPROXIMATE_EXPONENT + 1) hi = mid;
      else lo = mid;
    }
    expect(beyondApproximateRange(log10FactorialEstimate(hi + 100))).toBe(true);
    expect(beyondApproximateRange(log10FactorialEstimate(hi))).toBe(false);
    const outcomes = [-2, -1, 0, 1, 2].map((d) => {
      try {
        return approximateFactorial(BigInt(hi + d), 30).e;
      } catch (error) {
        return (error as Error).message;
      }
    });
    expect(outcomes.slice(0, 2).every((e) => typeof e === "number" && e <= MAX_APPROXIMATE_EXPONENT && e > MAX_APPROXIMATE_EXPONENT - 30)).toBe(true);
    expect(outcomes[2]).toMatch(/^result too large: \d+! has about 9,000,000,000,000,0\d\d digits \(the limit for approximate results is 9,000,000,000,000,001\)$/);
    expect(outcomes.slice(3).every((e) => typeof e === "string")).toBe(true);
  });
});

describe("the reference digits (tests/fixtures/factorial_reference.json, from Python)", () => {
  const reference = JSON.parse(readFileSync(new URL("../fixtures/factorial_reference.json", import.meta.url), "utf8")) as Record<
    string,
    { exponent: number; leading: string }
  >;
  const computed: Record<string, (digits: number) => Decimal> = {
    "49999!": (d) => approximateFactorial(49_999n, d),
    "(10^6)!": (d) => approximateFactorial(10n ** 6n, d),
    "ncr(10^6, 5*10^5)": (d) => approximateChoose(10n ** 6n, 5n * 10n ** 5n, false, d),
    "npr(10^6, 10^4)": (d) => approximateChoose(10n ** 6n, 10n ** 4n, true, d),
    "ncr(10^15, 5000)": (d) => approximateChoose(10n ** 15n, 5000n, false, d),
    "npr(10^40, 1500)": (d) => approximateChoose(10n ** 40n, 1500n, true, d),
  };
  for (const [name, f] of Object.entries(computed)) {
    test(name, () => {
      const { exponent, leading } = reference[name]!;
      // the reference's 60 leading digits, truncated: as an integer they are exact to within one unit of the 60th
      const truncated: Scaled = { significand: BigInt(leading), power: exponent - (leading.length - 1) };
      for (const digits of [5, 20, 45, 58]) expectCorrectlyRounded(f(digits), truncated, digits, { name }, 10 ** (digits - leading.length));
    });
  }
});
