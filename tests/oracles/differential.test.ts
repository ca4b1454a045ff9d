// calc against references nobody here wrote: random exact arithmetic against Python's
// fractions.Fraction, quantities against units defined in Python from their legal definitions,
// irrational functions against `bc -l` at scale=50. All drive dist/calc.
// Seeded: the seed is printed, and FC_SEED=<seed> npm test replays a run; a failure shrinks to a
// minimal expression. `npm run fuzz` runs many more cases.
import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { calc, root, useBinary } from "../support/binary.ts";
import { expression, render, toOracle, type Tree } from "../generators/expressions.ts";
import { quantityExpression, renderQuantities, toQuantityOracle, type QTree } from "../generators/quantities.ts";
import { calcProcess, LineProcess, property, runs, scale, type CalcAnswer } from "../support/processes.ts";
import { DEFAULT_PRECISION } from "../../src/limits.ts";


useBinary();

type OracleAnswer =
  | { value: string; exact: boolean }
  | { error: "zero" | "domain" | "type" }
  | { skip: string }
  | { oracle_failed: string };

describe("exact arithmetic against Python's fractions.Fraction", () => {
  // calc at the default precision (12), at 20 (the precision before issue 18) and two others, so rounding and notation are checked at each
  const precisions = [DEFAULT_PRECISION, 20, 7, 33];

  test("random expressions over + - * / % // ^ ! unary minus, percentages, comparisons, and/or/not, if, and to a format", async () => {
    const oracle = new LineProcess(["python3", `${root}tests/oracles/fractions_oracle.py`]);
    const calcs = new Map(precisions.map((p) => [p, calcProcess(calc, p === DEFAULT_PRECISION ? [] : ["-p", String(p)])]));
    const counts = { compared: 0, errors: 0, skipped: 0 };

    await fc.assert(
      fc.asyncProperty(expression(), fc.constantFrom(...precisions), async (tree: Tree, precision: number) => {
        const input = render(tree);
        const expected = JSON.parse(await oracle.ask(JSON.stringify({ tree: toOracle(tree), precision }))) as OracleAnswer;
        if ("oracle_failed" in expected) throw new Error(`the oracle itself failed on ${input}: ${expected.oracle_failed}`);
        if ("skip" in expected) {
          counts.skipped++;
          return;
        }
        const answer = JSON.parse(await calcs.get(precision)!.ask(input)) as CalcAnswer;
        if ("error" in expected) {
          counts.errors++;
          // a division (or modulo, or 0^-n) by zero, a factorial or root outside its domain, an
          // approximate value to fraction; or a boolean where a number belongs, or the other way round
          const got = "error" in answer ? { input, kind: answer.kind, byZero: /zero/.test(answer.error) } : answer;
          expect(got).toEqual({ input, kind: expected.error === "type" ? "type" : "domain", byZero: expected.error === "zero" });
        } else {
          counts.compared++;
          expect(answer).toEqual({ input, ...expected });
        }
      }),
      property("Fraction oracle", 4000),
    );
    console.log(`Fraction oracle: ${counts.compared} values and ${counts.errors} errors compared, ${counts.skipped} skipped`);
    // the generator must mostly produce cases the oracle can judge
    expect(counts.skipped).toBeLessThan(runs(4000) * 0.08);
    expect(counts.errors).toBeLessThan(runs(4000) * 0.25);
  }, 120_000 * Math.max(1, scale));
});

// ---- quantities

type QuantityAnswer = { si: string | null; number: string; exact: boolean } | { error: "dimension" | "zero" } | { oracle_failed: string };

describe("quantities against units defined in Python (m cm km ft in, s min h, kg g lb)", () => {
  // The oracle (tests/oracles/quantities_oracle.py) works out each subexpression's dimension and
  // the value in SI base units. Where calc must refuse (adding different dimensions, converting to
  // another one) its answer must be a dimension error; otherwise calc is asked for the result
  // converted to the SI unit of the dimension the oracle found (`… to kg*m/s^2`), and must print
  // the oracle's number in that unit: whatever unit calc chose for the result, and however it
  // merged units along the way, the value is compared exactly (every digit of a terminating
  // expansion, or P significant digits), and one case in three as `… to fraction`, p/q exactly.
  test("random expressions over + - * / ^, unary minus, 5 ft 3 in and to: dimensions and values", async () => {
    const oracle = new LineProcess(["python3", `${root}tests/oracles/quantities_oracle.py`]);
    const calcs = new Map([DEFAULT_PRECISION, 20, 7].map((p) => [p, calcProcess(calc, p === DEFAULT_PRECISION ? [] : ["-p", String(p)])]));
    const counts = { compared: 0, dimension: 0, zero: 0 };

    await fc.assert(
      fc.asyncProperty(quantityExpression(), fc.constantFrom(DEFAULT_PRECISION, 20, 7), fc.nat({ max: 2 }), async (tree: QTree, precision: number, mode: number) => {
        const source = renderQuantities(tree);
        const fraction = mode === 0;
        const expected = JSON.parse(await oracle.ask(JSON.stringify({ tree: toQuantityOracle(tree), precision, fraction }))) as QuantityAnswer;
        if ("oracle_failed" in expected) throw new Error(`the oracle itself failed on ${source}: ${expected.oracle_failed}`);
        const ask = async (input: string) => JSON.parse(await calcs.get(precision)!.ask(input)) as Record<string, unknown>;
        if ("error" in expected) {
          counts[expected.error]++;
          const answer = await ask(source);
          const got = typeof answer.error === "string" ? { input: source, kind: answer.kind, byZero: /zero/.test(answer.error) } : answer;
          expect(got).toEqual({ input: source, kind: expected.error === "zero" ? "domain" : "dimension", byZero: expected.error === "zero" });
          return;
        }
        counts.compared++;
        const input = `${source}${expected.si ? ` to ${expected.si}` : ""}${fraction ? " to fraction" : ""}`;
        const answer = await ask(input);
        if (expected.si) {
          const { dimension, ...rest } = answer;
          expect<Record<string, unknown>>({ ...rest, named: typeof dimension === "string" }).toEqual({
            input,
            value: `${expected.number} ${expected.si}`,
            exact: expected.exact,
            number: expected.number,
            unit: expected.si,
            named: true,
          });
        } else {
          expect(answer).toEqual({ input, value: expected.number, exact: expected.exact });
        }
      }),
      property("quantity oracle", 3000),
    );
    console.log(`quantity oracle: ${counts.compared} values, ${counts.dimension} dimension errors and ${counts.zero} divisions by zero compared`);
    // most cases must be values, and refusals must be common enough to matter
    expect(counts.compared).toBeGreaterThan(runs(3000) * 0.6);
    expect(counts.dimension).toBeGreaterThan(runs(3000) * 0.05);
  }, 120_000 * Math.max(1, scale));
});

// ---- irrational functions against bc

/** A decimal literal in [min, max] with up to `places` decimal places, written the same way for calc and bc. */
function decimal(min: number, max: number, places = 6): fc.Arbitrary<string> {
  const unit = 10 ** places;
  // uniform: fast-check's bias towards small values would make most sines and arctangents tiny
  return fc.noBias(fc.integer({ min: Math.ceil(min * unit), max: Math.floor(max * unit) })).map((n) => {
    const magnitude = String(Math.abs(n)).padStart(places + 1, "0");
    const text = `${magnitude.slice(0, -places)}.${magnitude.slice(-places)}`.replace(/\.?0+$/, "");
    return `${n < 0 ? "-" : ""}${text}`;
  });
}

/** calc's expression and bc's for the same value (bc -l: s c a l e are sin cos atan ln exp). */
// (sin x and atan x near 0 are about x: too small for 40 digits out of bc's 50 decimal places)
const notTiny = (x: string) => Math.abs(Number(x)) >= 0.01;
const irrational: fc.Arbitrary<{ calc: string; bc: string }> = fc.oneof(
  decimal(0.001, 1_000_000).map((x) => ({ calc: `sqrt(${x})`, bc: `sqrt(${x})` })),
  decimal(-6, 60).map((x) => ({ calc: `exp(${x})`, bc: `e(${x})` })),
  decimal(0.001, 1_000_000).map((x) => ({ calc: `ln(${x})`, bc: `l(${x})` })),
  decimal(-100, 100).filter(notTiny).map((x) => ({ calc: `sin(${x})`, bc: `s(${x})` })),
  decimal(-100, 100).map((x) => ({ calc: `cos(${x})`, bc: `c(${x})` })),
  decimal(-1000, 1000).filter(notTiny).map((x) => ({ calc: `atan(${x})`, bc: `a(${x})` })),
  // powers with fractional exponents: x^y = e^(y·ln x)
  fc
    .tuple(decimal(0.5, 20, 4), decimal(-3, 3, 3).filter((y) => y.includes(".")))
    .map(([x, y]) => ({ calc: `${x}^${y}`, bc: `e(${y}*l(${x}))` })),
);

const SIGNIFICANT = 40;

/** ±0.d₁d₂… × 10^(exponent+1) as sign, significant digits (no leading or trailing zeros) and exponent E. */
function significant(text: string): { negative: boolean; digits: string; exponent: number } {
  const negative = text.startsWith("-");
  const [mantissa, e = "0"] = text.replace(/^-/, "").split(/e/i) as [string, string?];
  const [whole, fraction = ""] = mantissa.split(".") as [string, string?];
  const all = whole + fraction;
  const leading = all.length - all.replace(/^0+/, "").length;
  return { negative, digits: all.slice(leading).replace(/0+$/, ""), exponent: whole.length - 1 - leading + Number(e) };
}

/** bc's value rounded half away from zero to 40 significant digits, or why it cannot be judged. */
function roundedBc(text: string): ReturnType<typeof significant> | string {
  const value = significant(text);
  // bc gives 50 decimal places; the digits beyond the 40th significant one decide the rounding
  const places = 50 + value.exponent + 1;
  const spare = places - SIGNIFICANT;
  if (spare < 6) return "too few digits at scale=50";
  const all = value.digits.padEnd(places, "0");
  const rest = all.slice(SIGNIFICANT, SIGNIFICANT + 5);
  if (rest === "49999" || rest === "50000") return "too close to a rounding boundary";
  let kept = BigInt(all.slice(0, SIGNIFICANT));
  if (rest[0]! >= "5") kept += 1n;
  const digits = kept.toString();
  // 9.99…95 rounds up to 10.00…
  const exponent = value.exponent + (digits.length > SIGNIFICANT ? 1 : 0);
  return { negative: value.negative, digits: digits.replace(/0+$/, ""), exponent };
}

describe("irrational functions against bc -l at scale=50", () => {
  test(`sqrt exp ln sin cos atan and x^y: every digit calc -p ${SIGNIFICANT} prints is bc's, rounded`, async () => {
    const bc = new LineProcess(["bc", "-l", "-q"], { BC_LINE_LENGTH: "0" });
    const calc40 = calcProcess(calc, ["-p", String(SIGNIFICANT)]);
    const skipped: string[] = [];
    await fc.assert(
      fc.asyncProperty(irrational, async (c) => {
        const expected = roundedBc(await bc.ask(`scale=50; ${c.bc}`));
        if (typeof expected === "string") {
          skipped.push(`${c.calc}: ${expected}`);
          return;
        }
        const answer = JSON.parse(await calc40.ask(c.calc)) as CalcAnswer;
        expect({ input: c.calc, ...("value" in answer ? significant(answer.value) : answer) }).toEqual({ input: c.calc, ...expected });
      }),
      property("bc oracle", 500),
    );
    console.log(`bc oracle: ${runs(500) - skipped.length} compared, ${skipped.length} skipped`, ...skipped.slice(0, 5));
    expect(skipped.length).toBeLessThan(runs(500) * 0.02);
  }, 60_000 * Math.max(1, scale));
});
