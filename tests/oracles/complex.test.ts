// Complex numbers (issue 20) against references nobody here wrote: random expressions over
// Gaussian rationals, + - * / ^ and the functions of complex numbers, judged by
// tests/oracles/complex_oracle.py (Python's Fractions while exact, mpmath's principal values at 60
// digits after). Seeded as the other differential tests (FC_SEED; `npm run fuzz` scales it).
import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { calc, root, run, useBinary } from "../support/binary.ts";
import { complexExpression, renderComplex, type CTree } from "../generators/complex.ts";
import { calcProcess, LineProcess, property, runs, scale, type CalcAnswer } from "../support/processes.ts";

useBinary();

describe("complex numbers against Python's fractions and mpmath", () => {
  const precisions = [12, 20, 7];

  test("random expressions: exact ones word for word, approximate ones to the printed precision", async () => {
    const oracle = new LineProcess(["python3", `${root}tests/oracles/complex_oracle.py`]);
    const calcs = new Map(precisions.map((p) => [p, calcProcess(calc, ["-p", String(p)])]));
    const counts = { compared: 0, errors: 0 };
    await fc.assert(
      fc.asyncProperty(complexExpression, fc.constantFrom(...precisions), async (tree: CTree, precision: number) => {
        const input = renderComplex(tree);
        const answer = JSON.parse(await calcs.get(precision)!.ask(input)) as CalcAnswer & { error?: string };
        const text = "value" in answer ? answer.value : null;
        if (text === null) counts.errors++;
        else counts.compared++;
        const verdict = JSON.parse(await oracle.ask(JSON.stringify({ tree, precision, answer: text }))) as { ok?: boolean; expected?: string; oracle_failed?: string };
        if (verdict.oracle_failed) throw new Error(`the oracle failed on ${input}: ${verdict.oracle_failed}`);
        expect({ input, precision, answer: text ?? answer.error, ok: verdict.ok }).toEqual({ input, precision, answer: text ?? answer.error, ok: true, ...(verdict.ok ? {} : { expected: verdict.expected }) });
      }),
      property("complex oracle", 2000),
    );
    console.log(`complex oracle: ${counts.compared} values and ${counts.errors} errors compared`);
    expect(counts.errors).toBeLessThan(runs(2000) * 0.1);
  }, 240_000 * Math.max(1, scale));
});

describe("the issue's examples against the same oracle", () => {
  // [calc's input, the value exactly (a pair of Fractions) or for mpmath]
  const examples: [string, string][] = [
    ["sqrt(-9)", "(Fraction(0), Fraction(3))"],
    ["(3+4i)*(2-i)", "(Fraction(10), Fraction(5))"],
    ["(2+i)/(1-i)", "(Fraction(1, 2), Fraction(3, 2))"],
    ["(1-2i)^3", "(Fraction(-11), Fraction(2))"],
    ["sqrt(3+4i)", "(Fraction(2), Fraction(1))"],
    ["abs(3+4i)", "(Fraction(5), Fraction(0))"],
    ["e^(i*pi)", "exp(j*pi)"],
    ["exp(i*pi/2)", "exp(j*pi/2)"],
    ["(-8)^(1/3)", "mpc(-8) ** (mpf(1)/3)"],
    ["2 * cis(pi/3)", "2 * exp(j*pi/3)"],
    ["i^i", "j ** j"],
    ["ln(-1)", "log(mpc(-1))"],
  ];
  const oracle = new LineProcess(["python3", `${root}tests/oracles/complex_oracle.py`]);
  for (const precision of [12, 20]) {
    for (const [input, py] of examples) {
      test(`-p ${precision} ${input}`, async () => {
        const answer = run(["-p", String(precision), input]).out.trim();
        const verdict = JSON.parse(await oracle.ask(JSON.stringify({ py, precision, answer }))) as { ok: boolean; expected: string };
        expect({ input, answer, ok: verdict.ok }).toEqual({ input, answer, ok: true });
      });
    }
  }
});