// Irrational functions of arguments of every size, against mpmath at as many digits as each case
// needs: sin cos tan exp ln log10 sqrt cbrt root atan asin acos sinh cosh tanh and x^y, of exact
// and approximate arguments from 1e-30 to 1e3000 (exp and the hyperbolic ones to 1e15), at
// precisions 7 to 100. Every digit calc prints must be the true value's, rounded: a large
// argument reduced by pi, a huge result's exponent and an approximate input whose error a
// function amplifies all show up as wrong digits here. Seeded (FC_SEED), scaled by CALC_FUZZ_SCALE.
import { describe, expect, test } from "bun:test";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import fc from "fast-check";
import { calc, root, useBinary } from "../support/binary.ts";
import { runs, seed } from "../support/processes.ts";

useBinary();

/** One argument: calc's text, mpmath's, and a bound on log10 of its size: |value| < 10^magnitude. */
interface Argument {
  readonly calc: string;
  readonly py: string;
  readonly magnitude: number;
}

interface Case {
  readonly calc: string;
  readonly py: string;
  /** mpmath's digits: the precision, the argument's digits before its point, and a margin. */
  readonly dps: number;
  readonly precision: number;
}

const digitString = (length: number) =>
  fc.tuple(fc.integer({ min: 1, max: 9 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length - 1, maxLength: length - 1 })).map(
    ([first, rest]) => `${first}${rest.join("")}`,
  );

/** A power of ten in both languages. */
const tenTo = (e: number) => ({ calc: `10^${e}`, py: `mpf(10)**${e}` });

/**
 * An argument whose size is about 10^m (m from `low` to `high`), positive or of either sign:
 * an exact integer written out, an integer times a power of ten plus a fraction (so that its digits
 * after the point matter), a decimal literal with an exponent, a fraction times a power of ten, or
 * an approximate value: sqrt(k), pi·p/q (q prime to 10 and p, so no multiple of pi/2) or ln k, times
 * a power of ten.
 */
function argument(low: number, high: number, signed: boolean): fc.Arbitrary<Argument> {
  const m = fc.noBias(fc.integer({ min: low, max: high }));
  const within = (min: number, max: number) => fc.noBias(fc.integer({ min: Math.max(low, min), max: Math.min(high, max) }));
  const forms: fc.Arbitrary<Argument>[] = [
    // (each form of whole numbers only where the range has them: an empty range is no form)
    ...(high >= 0 && low <= 60 ? [within(0, 60).chain((e) => digitString(e + 1).map((d) => ({ calc: d, py: `mpf(${d})`, magnitude: e + 1 })))] : []),
    ...(high >= 12
      ? [
          fc.tuple(within(12, high), digitString(12), fc.integer({ min: 1, max: 99 }), fc.constantFrom(3, 7, 11, 13, 97)).map(([e, d, p, q]) => ({
            calc: `(${d} * ${tenTo(e - 11).calc} + ${p}/${q})`,
            py: `(mpf(${d}) * ${tenTo(e - 11).py} + mpf(${p})/${q})`,
            magnitude: e + 1,
          })),
        ]
      : []),
    fc.tuple(m, digitString(6)).map(([e, d]) => {
      const text = `${d[0]}.${d.slice(1)}e${e}`;
      return { calc: text, py: `mpf('${text}')`, magnitude: e + 1 };
    }),
    fc.tuple(m, fc.integer({ min: 1, max: 999 }), fc.constantFrom(3, 7, 9, 11, 13, 17, 19, 23, 29, 31, 97)).map(([e, p, q]) => ({
      calc: `(${p}/${q} * ${tenTo(e).calc})`,
      py: `(mpf(${p})/${q} * ${tenTo(e).py})`,
      magnitude: e + 3,
    })),
    fc.tuple(m, fc.integer({ min: 2, max: 99 }).filter((k) => !Number.isInteger(Math.sqrt(k)))).map(([e, k]) => ({
      calc: `(sqrt(${k}) * ${tenTo(e).calc})`,
      py: `(sqrt(mpf(${k})) * ${tenTo(e).py})`,
      magnitude: e + 1,
    })),
    fc.tuple(m, fc.integer({ min: 1, max: 97 }), fc.constantFrom(3, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41)).filter(([, p, q]) => p % q !== 0).map(([e, p, q]) => ({
      calc: `(pi * ${p}/${q} * ${tenTo(e).calc})`,
      py: `(pi * mpf(${p})/${q} * ${tenTo(e).py})`,
      magnitude: e + 3,
    })),
    fc.tuple(m, fc.integer({ min: 3, max: 999 })).map(([e, k]) => ({
      calc: `(ln(${k}) * ${tenTo(e).calc})`,
      py: `(log(mpf(${k})) * ${tenTo(e).py})`,
      magnitude: e + 1,
    })),
  ];
  const unsigned = fc.oneof(...forms);
  if (!signed) return unsigned;
  return fc.tuple(unsigned, fc.boolean()).map(([a, negative]) => (negative ? { calc: `-${a.calc}`, py: `-${a.py}`, magnitude: a.magnitude } : a));
}

/** A call, the same in both languages but for the names that differ. */
function call(name: string, a: Argument, py = name, extra = 0): Omit<Case, "precision"> {
  return { calc: `${name}(${a.calc})`, py: `${py}(${a.py})`, dps: Math.max(0, a.magnitude) + extra };
}

const calls: fc.Arbitrary<Omit<Case, "precision">> = fc.oneof(
  fc.tuple(fc.constantFrom("sin", "cos", "tan"), argument(-30, 3000, true)).map(([f, a]) => call(f, a)),
  // (below 1e16: e^x is in range to 2.07e16)
  fc.tuple(fc.constantFrom("exp", "sinh", "cosh"), argument(-30, 15, true).filter((a) => a.magnitude <= 16)).map(([f, a]) => call(f, a, f, 30)),
  argument(-30, 3, true).map((a) => call("tanh", a)),
  argument(-30, 3000, false).map((a) => call("ln", a, "log")),
  argument(-30, 3000, false).map((a) => call("log10", a)),
  argument(-30, 3000, false).map((a) => call("sqrt", a)),
  argument(-30, 3000, true).map((a) => call("cbrt", a, "cbrt")),
  argument(-30, 3000, true).map((a) => call("atan", a)),
  fc.tuple(fc.constantFrom("asin", "acos"), argument(-30, 0, true).filter((a) => a.magnitude <= 0)).map(([f, a]) => call(f, a)),
  fc.tuple(argument(-30, 3000, false), fc.integer({ min: 2, max: 9 })).map(([a, n]) => ({
    calc: `root(${a.calc}, ${n})`,
    py: `root(${a.py}, ${n})`,
    dps: Math.max(0, a.magnitude),
  })),
  // x^y: a fractional exponent of any base, or a base near 1 to a huge exponent
  fc.tuple(argument(-30, 3000, false), fc.integer({ min: -50, max: 50 }), fc.constantFrom(3, 7, 11, 13)).map(([a, p, q]) => ({
    calc: `${a.calc}^(${p}/${q})`,
    py: `${a.py}**(mpf(${p})/${q})`,
    dps: Math.max(0, a.magnitude),
  })),
  fc.tuple(fc.integer({ min: 2, max: 20 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 1, max: 6 })).map(([b, e, p]) => ({
    calc: `${b}^(10^${e} + ${p}/7)`,
    py: `mpf(${b})**(mpf(10)**${e} + mpf(${p})/7)`,
    dps: e + 30,
  })),
  fc.tuple(fc.integer({ min: 2, max: 50 }).filter((k) => !Number.isInteger(Math.sqrt(k))), fc.integer({ min: 0, max: 15 })).map(([k, e]) => ({
    calc: `sqrt(${k})^(10^${e})`,
    py: `sqrt(mpf(${k}))**(10**${e})`,
    dps: e + 30,
  })),
);

const cases: fc.Arbitrary<Case> = fc.tuple(calls, fc.integer({ min: 7, max: 100 })).map(([c, precision]) => ({
  ...c,
  precision,
  dps: c.dps + precision + 40,
}));

describe("irrational functions against mpmath", () => {
  test("every digit printed is the true value's, for arguments from 1e-30 to 1e3000, exact and approximate, at precisions 7 to 100", () => {
    const count = runs(2000);
    console.log(`mpmath oracle: ${count} cases, seed ${seed} (replay with FC_SEED=${seed})`);
    const all = fc.sample(cases, { seed, numRuns: count });
    const dir = mkdtempSync(`${tmpdir()}/calc-irrational-`);

    // one calc process per precision, every line of that precision through it
    const answers = new Map<Case, string | null>();
    const byPrecision = Map.groupBy(all, (c) => c.precision);
    for (const [precision, group] of byPrecision) {
      const lines = `${dir}/p${precision}`;
      writeFileSync(lines, `${group.map((c) => c.calc).join("\n")}\n`);
      const run = Bun.spawnSync([calc, "--json", "-p", String(precision)], { stdin: Bun.file(lines), stdout: "pipe", stderr: "pipe" });
      // errors on stderr, with their line; results on stdout, one for each other line, in order
      const errors = new Map<number, string>();
      for (const line of run.stderr.toString().split("\n").filter(Boolean)) {
        const error = JSON.parse(line) as { error: string; line: number };
        errors.set(error.line, `error: ${error.error}`);
      }
      const values = run.stdout.toString().split("\n").filter(Boolean).map((line) => (JSON.parse(line) as { value: string }).value);
      const results = new Map<number, string | null>();
      for (let line = 1; line <= group.length; line++) results.set(line, errors.get(line) ?? values.shift() ?? null);
      group.forEach((c, i) => answers.set(c, results.get(i + 1) ?? null));
    }

    const judged = `${dir}/judged`;
    writeFileSync(
      judged,
      `${all.map((c) => {
        const answer = answers.get(c);
        return JSON.stringify({ py: c.py, dps: c.dps, precision: c.precision, answer: answer?.startsWith("error") ? null : answer });
      }).join("\n")}\n`,
    );
    const oracle = Bun.spawnSync(["python3", `${root}tests/oracles/mpmath_oracle.py`], { stdin: Bun.file(judged), stdout: "pipe", stderr: "inherit" });
    const verdicts = oracle.stdout.toString().split("\n").filter(Boolean).map((l) => JSON.parse(l) as { ok?: boolean; expected?: string; oracle_failed?: string });
    expect(verdicts.length).toBe(all.length);

    const wrong = all
      .map((c, i) => ({ input: `-p ${c.precision} '${c.calc}'`, got: answers.get(c), ...verdicts[i]! }))
      .filter((v) => !v.ok);
    if (wrong.length > 0) console.log(`${wrong.length} wrong:`, wrong.slice(0, 10));
    expect(wrong.slice(0, 10)).toEqual([]);
  }, 600_000);
});
