// Bounded work: no single input hangs or exhausts memory. Each case must end with a
// clear error or a result, well inside the 2 seconds the language promises.
import { describe, expect, test } from "bun:test";
import { MAX_EXACT_DIGITS, MAX_LINE_LENGTH, MAX_NESTING, MAX_PRECISION } from "../../src/limits.ts";
import { Session } from "../../src/session.ts";

// a pattern for short answers; for long ones, the number of digits (a failure must not print 50,000 of them)
const digits = (n: number) => ({ digits: n });
const cases: [string, string, RegExp | { digits: number }][] = [
  ["a tower of powers", "10^10^10", /^1e10000000000$/],
  // regression (found by tests/generators/fuzz.test.ts): the exponent 1e10000000000 was written out as a bigint, digit by digit
  ["a taller tower of powers", "10^10^10^10", /^error: result too large to represent$/],
  ["a negative base to an exponent beyond all digits", "(-2)^10^10^10", /^error: result too large to represent$/],
  ["a tiny base to an exponent beyond all digits", "0.5^10^10^10", /^0$/],
  ["a power to a tiny approximate exponent", "3^(2/29^9^9)", /^1$/],
  ["exp of a tiny approximate number", "exp(1/29^9^9)", /^1$/],
  ["the square root of a huge approximate number", "sqrt(710^10^10)", /^3\.9389133804437393405e14256291743$/],
  ["a huge factorial goes approximate", "9999999!", /^1\.2024234005159034561e65657052$/],
  ["a power of a power", "2^(2^40)", /^8\.0572322450658238256e330985980541$/],
  ["50,000 nested parentheses", `${"(".repeat(50_000)}1${")".repeat(50_000)}`, /^error: expression nested too deeply/],
  ["100,000 signs", `${"-".repeat(100_000)}1`, /^error: expression nested too deeply/],
  ["60,000 exponents", `${"2^".repeat(60_000)}1`, /^error: expression nested too deeply/],
  ["a 10 MB line", `${"1+".repeat(5_000_000)}1`, /^error: line too long: 10000001 characters/],
  ["a million-term chain", `${"1+".repeat(999_999)}1`, /^error: line too long: 1999999 characters/],
  ["the largest line allowed", `${"1+".repeat(MAX_LINE_LENGTH / 2 - 1)}1`, new RegExp(`^${MAX_LINE_LENGTH / 2}$`)],
  ["an exact result at the digit limit", "2^166000", digits(49971)],
  ["past the digit limit a power goes approximate", "2^1000000", /^9\.9006562292958982507e301029$/],
  ["a factorial just under the limit", "13524!", digits(49999)],
  ["a factorial just over the limit goes approximate", "13525!", /^1\.8340930328579763724e50002$/],
  ["the largest factorials are approximate", "(6*10^14)!", /^7\.4315626284268585699e8606314061088242$/],
  [
    "a factorial past the approximate range",
    "(10^15)!",
    /^error: result too large: 1000000000000000! has about 14,565,705,518,096,754 digits \(the limit for approximate results is 9,000,000,000,000,001\)$/,
  ],
  ["a factorial of a 100-digit number", "(10^100)!", /^error: result too large: 10{100}! has about 9\.957e101 digits/],
  // regression (found by tests/generators/fuzz.test.ts): past a float's range the size estimate was NaN, and the product ran forever
  ["a factorial of a factorial of a factorial", "3!!!!", /^error: result too large: the factorial of a number this big$/],
  ["a factorial of a 400-digit number", "(10^400)!", /^error: result too large: the factorial of a number this big$/],
  ["exact fractions with huge coprime denominators", "1/3^50000 + 1/7^29000", /^8\.6549391108623305864e-23857$/],
  ["a sum whose exact denominator would pass the limit", "1/3^52000 + 1/7^30000", /^4\.9517028799073568203e-24811$/],
  ["a binomial of a billion", "ncr(10^9, 5*10^8)", /^1\.1639149768938399382e301029991$/],
  ["the largest binomials are approximate", "ncr(10^14, 5*10^13)", /^1\.0506581540315167506e30102999566391$/],
  ["binomials are sized before they are computed", "ncr(10^17, 5*10^16)", /^error: result too large: about 30,102,999,566,398,210 digits/],
  // regression: the size estimate was the difference of two NaNs, and the exact product of 10^4 10,000-digit factors began
  ["a binomial of a 10,000-digit number", "ncr(10^10000, 10^4)", /^3\.5133828677143177479e99964340$/],
  ["npr of a 300-digit number", "npr(10^300, 10^13)", /^1e3000000000000000$/],
  // it was refused as too large to compute (n!/(n-k)! has 8 times the digits of the result)
  ["an exact binomial at the digit limit", "ncr(166000, 83000)", digits(49969)],
  ["huge arguments to sin", "sin(10^5000)", /^0\.6861601090482926587$/],
  ["infinite recursion", "f(x) = f(x) + 1; f(1)", /^error: in f: recursion too deep/],
  ["deep recursion through deep nesting", `h(x) = ${"(".repeat(MAX_NESTING - 5)}h(x)${")".repeat(MAX_NESTING - 5)}; h(1)`, /^error: in h: recursion too deep/],
  ["exp overflow", "exp(10^20)", /^error: result too large to represent$/],
  ["exp underflow", "exp(-10^20)", /^0$/],
  ["a literal beyond any exponent", "1e99999999999999999999", /^error: number too large to represent$/],
  ["a tiny literal", "1e-400000", /^1e-400000$/],
  ["rounding to absurd places", "round(1/3, 10^9)", /^error: round takes from -10000 to 10000 decimal places$/],
  ["a huge root", "root(2, 10^9)", /^1\.0000000006931471808$/],
  // regressions (found by tests/generators/fuzz.test.ts): each step took a gcd of two ever-growing numbers (28 s)
  ["a long product of small fractions", `1${" * 1.01".repeat(6000)}`, /^84770100073679271260704765\.24978116498522303511/],
  ["a long line of percentage changes", `1${" + 1%".repeat(6000)}`, /^84770100073679271260704765\.24978116498522303511/],
  ["a recursion over exact fractions", "f(x) = if x < 1 then 1 else x * f(x - 1); f(5421.76)", /^18781675807784476143\d{180}$/],
  ["a long exact sum of fractions", `0${Array.from({ length: 3000 }, (_, k) => ` + 1/${k + 1}`).join("")}`, /^8\.5837498899591871143$/],
  ["an approximate value too large for a base", "2^(10^6) to bin", /^error: too large to write in base 2, 8 or 16/],
];

// factorials and binomials past the exact range at the largest precision: the series and the logarithms at 1010 digits
const atLargestPrecision: typeof cases = [
  ["the largest factorials", "(6*10^14)!", /^7\.43156262842685856985592085189945937861937147440811083877522692743579/],
  ["the largest binomials", "ncr(10^14, 5*10^13)", /^1\.05065815403151675059840389010453132830377146400137365040084627199926/],
  ["a factorial just past the exact limit", "13525!", /^1\.8340930328579763723692144135307498641938086503266988605952796043014956827/],
  ["npr of a 50,000-digit number", "npr(10^49999, 2)", /^1e99998$/],
  ["ncr of a 300-digit number", "ncr(10^300, 10^13)", /^4\.16089328101832904439357807890928071581132807050843150132889870003320/],
  ["a factorial past the approximate range", "(627000000000000)!", /^error: result too large: 627000000000000! has about 9,005,584,107,947,526 digits/],
];

describe(`bounded work (exact numbers up to ${MAX_EXACT_DIGITS} digits)`, () => {
  // at 20 digits, the default when these were pinned (issue 18 made it 12)
  const session = new Session();
  session.precision = 20;
  boundedWork(session, cases);
});

describe(`bounded work at the largest precision (${MAX_PRECISION} digits)`, () => {
  const session = new Session();
  session.precision = MAX_PRECISION;
  boundedWork(session, atLargestPrecision);
});

function boundedWork(session: Session, cases: [string, string, RegExp | { digits: number }][]): void {
  for (const [name, line, expected] of cases) {
    test(name, () => {
      // CPU time, not wall time: the bound is on the work, and a busy machine must not fail it
      const started = process.cpuUsage();
      const outcome = session.evaluate(line);
      const { user, system } = process.cpuUsage(started);
      const elapsed = (user + system) / 1000;
      const shown = outcome.kind === "error" ? `error: ${outcome.error.message}` : outcome.kind === "value" ? outcome.text : outcome.kind;
      if (expected instanceof RegExp) expect(shown.slice(0, 200)).toMatch(expected);
      else expect({ digits: /^\d+$/.test(shown) ? shown.length : shown.slice(0, 80) }).toEqual(expected);
      expect(elapsed).toBeLessThan(2000);
    });
  }

  test("the session is alive after all of them", () => {
    const outcome = session.evaluate("1 + 1");
    expect(outcome.kind === "value" && outcome.text).toBe("2");
  });
}
