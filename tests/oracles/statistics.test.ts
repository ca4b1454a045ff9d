// Statistics over lists (issue 21) against Python's statistics module on Fractions, a type-7
// quantile written from its definition, and mpmath's square roots (tests/oracles/statistics_oracle.py):
// random data of small rationals, each function called on a list or on its values. Exact answers
// word for word; a standard deviation that is irrational to the last digit calc prints.
import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { calc, root, run, useBinary } from "../support/binary.ts";
import { calcProcess, LineProcess, property, runs, scale, type CalcAnswer } from "../support/processes.ts";

useBinary();

const FUNCTIONS = ["mean", "median", "mode", "min", "max", "sum", "prod", "len", "variance", "variancep", "stdev", "stdevp", "quantile"];
const QS: [number, number][] = [[0, 1], [1, 4], [1, 2], [9, 10], [1, 1], [1, 3]];

const item = fc.tuple(fc.integer({ min: -20, max: 20 }), fc.constantFrom(1, 1, 1, 2, 3, 4));
const text = ([n, d]: [number, number]) => (d === 1 ? String(n) : `${n}/${d}`);

describe("statistics against Python's statistics and fractions", () => {
  test("random data, each function on a list or on its values, at 12 and 20 digits", async () => {
    const oracle = new LineProcess(["python3", `${root}tests/oracles/statistics_oracle.py`]);
    const processes = new Map([12, 20].map((p) => [p, calcProcess(calc, ["-p", String(p)])]));
    const counts = { values: 0, errors: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.array(item, { minLength: 0, maxLength: 12 }),
        fc.constantFrom(...FUNCTIONS),
        fc.boolean(),
        fc.constantFrom(...QS),
        fc.constantFrom(12, 20),
        async (data, fn, asList, q, precision) => {
          const items = data.map(text).join(", ");
          // (quantile takes a list; the others a list or their values, and no values at all is no call)
          const input = fn === "quantile" ? `quantile([${items}], ${text(q)})` : asList || data.length === 0 ? `${fn}([${items}])` : `${fn}(${items})`;
          const answer = JSON.parse(await processes.get(precision)!.ask(input)) as CalcAnswer;
          const got = "value" in answer ? answer.value : null;
          if (got === null) counts.errors++;
          else counts.values++;
          const verdict = JSON.parse(await oracle.ask(JSON.stringify({ fn, data, q: fn === "quantile" ? q : null, precision, answer: got }))) as { ok?: boolean; expected?: string; oracle_failed?: string };
          if (verdict.oracle_failed) throw new Error(`the oracle failed on ${input}: ${verdict.oracle_failed}`);
          expect({ input, precision, answer: got ?? ("error" in answer ? answer.error : ""), ok: verdict.ok }).toEqual({
            input,
            precision,
            answer: got ?? ("error" in answer ? answer.error : ""),
            ok: true,
            ...(verdict.ok ? {} : { expected: verdict.expected }),
          });
        },
      ),
      property("statistics oracle", 1000),
    );
    console.log(`statistics oracle: ${counts.values} values and ${counts.errors} errors compared`);
    expect(counts.values).toBeGreaterThan(runs(1000) * 0.7);
  }, 120_000 * Math.max(1, scale));
});

describe("the issue's examples", () => {
  const oracle = new LineProcess(["python3", `${root}tests/oracles/statistics_oracle.py`]);
  const data = [2, 4, 4, 4, 5, 5, 7, 9].map((n) => [n, 1]);
  for (const [input, fn, expected] of [
    ["stdev(2, 4, 4, 4, 5, 5, 7, 9)", "stdev", "2.1380899353"],
    ["variancep(2, 4, 4, 4, 5, 5, 7, 9)", "variancep", "4"],
  ] as const) {
    test(`${input} → ${expected}, as Python computes it`, async () => {
      const verdict = JSON.parse(await oracle.ask(JSON.stringify({ fn, data, q: null, precision: 12, answer: expected }))) as { ok: boolean };
      expect({ out: run([input]).out, oracle: verdict.ok }).toEqual({ out: `${expected}\n`, oracle: true });
    });
  }
  test("mean([3 m, 40 cm]) → 1.7 m, and sum(1..100) → 5050 (Python: sum(range(1, 101)))", () => {
    expect(run(["mean([3 m, 40 cm])"]).out).toBe("1.7 m\n");
    expect(run(["sum(1..100)"]).out).toBe(`${(100 * 101) / 2}\n`);
  });
});
