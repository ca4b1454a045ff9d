// Bitwise operators (issue 21) against Python's int, whose semantics (infinite two's complement)
// and precedence (shifts, &, xor, |, between + - and the comparisons) calc promises: random integer
// expressions, each printed word for word as Python computes it, or an error in both. Seeded as the
// other differential tests (FC_SEED; `npm run fuzz` scales it).
import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { calc, root, run, useBinary } from "../support/binary.ts";
import { bitsBound, bitwiseExpression, renderBitwise, type BTree } from "../generators/bitwise.ts";
import { calcProcess, LineProcess, property, runs, scale, type CalcAnswer } from "../support/processes.ts";

useBinary();

describe("bitwise operators against Python's int", () => {
  test("random expressions over & | xor ~ << >> + - * and unary minus, with and without parentheses", async () => {
    const oracle = new LineProcess(["python3", `${root}tests/oracles/bitwise_oracle.py`]);
    const process = calcProcess(calc);
    const counts = { values: 0, errors: 0 };
    await fc.assert(
      fc.asyncProperty(bitwiseExpression.filter((tree: BTree) => bitsBound(tree) <= 4000), fc.integer({ min: 0, max: 3 }), async (tree: BTree, seed: number) => {
        // parentheses at random where none are needed: on the nodes at depths that are multiples of seed + 2
        const input = renderBitwise(tree, (depth) => seed > 0 && depth % (seed + 2) === 0);
        const answer = JSON.parse(await process.ask(input)) as CalcAnswer;
        const expected = JSON.parse(await oracle.ask(input)) as { value?: string; error?: string; oracle_failed?: string };
        if (expected.oracle_failed) throw new Error(expected.oracle_failed);
        if ("value" in answer) counts.values++;
        else counts.errors++;
        const got = "value" in answer ? { value: answer.value } : { error: true };
        expect({ input, ...got }).toEqual({ input, ...(expected.value !== undefined ? { value: expected.value } : { error: true }) });
      }),
      property("bitwise oracle", 2000),
    );
    console.log(`bitwise oracle: ${counts.values} values and ${counts.errors} errors compared`);
    expect(counts.values).toBeGreaterThan(runs(2000) * 0.8);
  }, 120_000 * Math.max(1, scale));
});

describe("the issue's examples against the same oracle", () => {
  const oracle = new LineProcess(["python3", `${root}tests/oracles/bitwise_oracle.py`]);
  for (const input of ["~5", "-17 >> 2", "1 << 64", "-1 & 0xff", "0xff & 0x0f", "1 << 10", "1 << 2 + 1", "5 xor 3", "5 | 2", "2 ** 3 << 1"]) {
    test(input, async () => {
      const expected = JSON.parse(await oracle.ask(input)) as { value: string };
      expect(run([input]).out).toBe(`${expected.value}\n`);
    });
  }
  test("6 & 3 == 2 compares (6 & 3) with 2, as Python does", () => {
    expect(run(["6 & 3 == 2"]).out).toBe(`${(6 & 3) === 2}\n`);
  });
  test("fixed widths wrap as Python's x % 2**n and its signed form", () => {
    const wrap = (x: bigint, n: bigint, signed: boolean) => {
      const m = ((x % (1n << n)) + (1n << n)) % (1n << n);
      return signed && m >= 1n << (n - 1n) ? m - (1n << n) : m;
    };
    const cases: [string, bigint][] = [
      ["u8(-5)", wrap(-5n, 8n, false)],
      ["i8(200)", wrap(200n, 8n, true)],
      ["u32(-1)", wrap(-1n, 32n, false)],
      ["i64(2^63)", wrap(2n ** 63n, 64n, true)],
      ["uint(-12345, 12)", wrap(-12345n, 12n, false)],
      ["int(3000, 12)", wrap(3000n, 12n, true)],
    ];
    for (const [input, value] of cases) expect({ input, out: run([input]).out }).toEqual({ input, out: `${value}\n` });
  });
});
