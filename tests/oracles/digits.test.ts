// Issue 25, "Every digit right": each input the attack found printing wrong digits, on dist/calc,
// against mpmath at enough digits (tests/oracles/mpmath_oracle.py writes the true value as calc
// writes a number, so the comparison is word for word); and what exactness and the bounds promise
// of literals and of round. The random cases are in irrational.test.ts.
import { describe, expect, test } from "bun:test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { calc, root, run, useBinary } from "../support/binary.ts";
import { Terminal, useTerminals } from "../support/terminal.ts";

useBinary();
useTerminals();

/** The true value of an mpmath expression at `dps` digits, as calc writes it at `precision`. */
function trueText(py: string, precision: number, dps = 200): string {
  const oracle = Bun.spawnSync(["python3", `${root}tests/oracles/mpmath_oracle.py`], {
    stdin: Buffer.from(`${JSON.stringify({ py, dps, precision, text: true })}\n`),
    stdout: "pipe",
    stderr: "inherit",
  });
  const answer = JSON.parse(oracle.stdout.toString()) as { text?: string; oracle_failed?: string };
  if (answer.text === undefined) throw new Error(`the oracle failed on ${py}: ${answer.oracle_failed}`);
  return answer.text;
}

/** [calc's arguments, mpmath's expression, precision, mpmath's digits] */
type Case = readonly [readonly string[], string, number?, number?];

function againstMpmath(cases: readonly Case[]): void {
  for (const [args, py, precision = 20, dps = 200] of cases) {
    test(`${args.join(" ")} is ${py} to its last digit`, () => {
      const expected = trueText(py, precision, dps);
      // at 20 digits unless the case says (what issue 25 pinned, before the default was 12)
      const argv = args.includes("-p") ? args : ["-p", String(precision), ...args];
      expect({ args, ...run(argv) }).toEqual({ args, out: `${expected}\n`, err: "", code: 0 });
    });
  }
}

describe("trigonometry of a large exact argument is reduced with as many digits of pi as it needs", () => {
  againstMpmath([
    [["sin(2^100)"], "sin(mpf(2)**100)"],
    [["sin(100!)"], "sin(factorial(100))"],
    [["cos(10^40 + 1)"], "cos(mpf(10)**40 + 1)"],
    [["sin(10^30 + 0.5)"], "sin(mpf(10)**30 + mpf('0.5'))"],
    [["sin(10^30)"], "sin(mpf(10)**30)"],
    [["-p", "1000", "sin(10^2000 + 1)"], "sin(mpf(10)**2000 + 1)", 1000, 3200],
    [["-p", "1000", "sin(10^2000)"], "sin(mpf(10)**2000)", 1000, 3200],
  ]);
});

describe("huge results keep every digit: the exponent's integer part does not eat the precision", () => {
  againstMpmath([
    [["exp(10^15 + 1/3)"], "exp(mpf(10)**15 + mpf(1)/3)"],
    [["10^(10^14 + 1/3)"], "mpf(10)**(mpf(10)**14 + mpf(1)/3)"],
    [["cbrt(10^(9*10^15))"], "cbrt(mpf(10)**(9*10**15))"],
    [["sqrt(2)^(10^16)"], "sqrt(mpf(2))**(10**16)"],
  ]);
});

describe("an approximate input that a function amplifies is computed again with enough digits", () => {
  againstMpmath([
    [["sin(sqrt(2) * 10^25)"], "sin(sqrt(mpf(2)) * mpf(10)**25)"],
    [["x = sqrt(2) * 10^25; sin(x)"], "sin(sqrt(mpf(2)) * mpf(10)**25)"],
    [["exp(sqrt(2) * 10^12)"], "exp(sqrt(mpf(2)) * mpf(10)**12)"],
    [["0.5^(sqrt(2) * 10^16)"], "mpf('0.5')**(sqrt(mpf(2)) * mpf(10)**16)"],
    [["-p", "50", "tan(pi * 10^300 / 7)"], "tan(pi * mpf(10)**300 / 7)", 50, 500],
  ]);

  test("sin of a multiple of pi is zero however large the multiple (the error of pi is the whole answer)", () => {
    expect(run(["sin(pi * 10^25)"])).toEqual({ out: "0\n", err: "", code: 0 });
  });

  test("a kept approximate value too short for the line is refused, not used: the line says what it needs", () => {
    const { out, err, code } = run(["-p", "20"], "x = sqrt(2) * 10^25\nsin(x)\n");
    expect({ out, code }).toEqual({ out: `${trueText("sqrt(mpf(2)) * mpf(10)**25", 20)}\n`, code: 1 });
    expect(err).toBe("line 2: 'x' holds 30 digits, and this line needs its value to 56: compute it in the same line, or set a higher precision\n  sin(x)\n      ^\n");
  });
});

describe("the parts of a large approximate value to h + min + s", () => {
  againstMpmath([
    [["(pi*10^25) s to h + min + s"], "parts(pi * mpf(10)**25, [3600, 60, 1], ['h', 'min', 's'], 20)"],
    [["(pi * 10^40) s to h + min + s"], "parts(pi * mpf(10)**40, [3600, 60, 1], ['h', 'min', 's'], 20)"],
  ]);
});

describe("round of an approximate value computes the digits it rounds to, and is never exact", () => {
  againstMpmath([
    [["round(pi, 30)"], "nint(pi * mpf(10)**30) / mpf(10)**30"],
    [["-p", "40", "round(pi, 30)"], "nint(pi * mpf(10)**30) / mpf(10)**30", 40],
    [["-p", "40", "round(pi, 24)"], "nint(pi * mpf(10)**24) / mpf(10)**24", 40],
    [["-p", "30", "round(sqrt(2) * 10^40, -3)"], "nint(sqrt(mpf(2)) * mpf(10)**37) * 1000", 30],
  ]);

  test("--json: round(pi, 30) is not exact, and differs from round(pi, 24) where their digits do", () => {
    const value = trueText("nint(pi * mpf(10)**30) / mpf(10)**30", 20);
    expect(run(["--json", "-p", "20", "round(pi, 30)"]).out).toBe(`{"input":"round(pi, 30)","value":"${value}","exact":false}\n`);
    expect(run(["-p", "40", "round(pi, 30) == round(pi, 24)"]).out).toBe("false\n");
  });
});

describe("literals are held to the documented bounds", () => {
  const hex = (seed: number) => {
    let x = seed;
    let text = "";
    for (let i = 0; i < 199_990; i++) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      text += "0123456789abcdef"[x % 16];
    }
    return `0x1${text}`;
  };

  test("a 199,990-digit hex literal is approximate like any result past 50,000 digits, and gcd refuses it at once", () => {
    const literal = hex(1);
    const value = JSON.parse(run(["--json", "-p", "20", "-"], `${literal}\n`).out) as { value: string; exact: boolean };
    expect(value.exact).toBe(false);
    expect(value.value).toMatch(/^\d\.\d{19}e240812$/);
    const started = performance.now();
    const { err, code } = run([], `a = ${literal}\nb = ${hex(2)}\ngcd(a, b)\n`);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(code).toBe(1);
    expect(err).toMatch(/^line 3: gcd's arguments must have at most 50,000 digits\n {2}gcd\(a, b\)\n/);
  });

  test("a literal too small to represent says so (and one too large)", () => {
    expect(run(["1e-99999999999999999999"])).toEqual({
      out: "",
      err: "1e-99999999999999999999\n^~~~~~~~~~~~~~~~~~~~~~~ number too small to represent\n",
      code: 1,
    });
    expect(run(["1e99999999999999999999"]).err).toMatch(/number too large to represent\n$/);
    expect(run(["1e-10000000000000000"]).err).toMatch(/number too small to represent\n$/);
  });
});

describe("Ctrl-C inside one long operation", () => {
  test("a gcd of two 50,000-digit numbers looks for it: 'interrupted' within 0.5 s, and the session goes on", async () => {
    const dir = mkdtempSync(`${tmpdir()}/calc-digits-`);
    const terminal = await Terminal.start([calc], { CALC_HISTORY: `${dir}/history`, NO_COLOR: "1" });
    try {
      await terminal.waitFor(/^>$/m);
      // each gcd is about 100,000 steps of Euclid on 50,000-digit numbers: a third of a second here
      const terms = Array.from({ length: 30 }, (_, k) => `gcd(3^104000 + ${k}, 2^166000 + 1)`).join(" + ");
      await terminal.type(terms);
      await terminal.press("Enter");
      await Bun.sleep(1000);
      const sent = performance.now();
      await terminal.press("C-c");
      await terminal.waitFor(/^interrupted$/m, 5000);
      const elapsed = performance.now() - sent;
      console.log(`Ctrl-C to 'interrupted' inside gcd: ${elapsed.toFixed(0)} ms (including tmux and this test's polling)`);
      expect(elapsed).toBeLessThan(500);
      await terminal.type("1+1");
      await terminal.press("Enter");
      await terminal.waitFor(/^2$/m);
    } finally {
      terminal.close();
    }
  }, 30_000);
});

describe("a sum of small approximate numbers keeps its digits: only cancellation beside the operands is zero", () => {
  againstMpmath([
    [["sqrt(2)*1e-20 + sqrt(2)*1e-20"], "sqrt(2)*mpf('1e-20') * 2", 12],
    [["sqrt(2)*1e-20 - sqrt(2)*1e-21"], "sqrt(2)*mpf('1e-20') - sqrt(2)*mpf('1e-21')", 12],
    [["pi * 10^-30 + e * 10^-30"], "(pi + exp(1)) * mpf(10)**-30", 12],
  ]);
  test("sqrt(2)^2 - 2 is still zero", () => expect(run(["sqrt(2)^2 - 2"]).out).toBe("0\n"));
});

describe("a logarithm of an exact number near 1 keeps every digit of its distance from 1", () => {
  againstMpmath([
    [["ln(1 + 3^-27)"], "log(1 + mpf(3)**-27)", 12],
    [["ln(1 + 10^-30)"], "log(1 + mpf(10)**-30)", 12],
    [["ln(1 - 10^-40)"], "log(1 - mpf(10)**-40)", 20],
    [["log10(1 + 3^-27)"], "log10(1 + mpf(3)**-27)", 12],
    [["log(2, 1 + 10^-25)"], "log(2) / log(1 + mpf(10)**-25)", 12],
  ]);
});

describe("ħ (hbar) is the Planck constant over 2π, to the last digit of any precision", () => {
  for (const precision of [12, 30, 100]) {
    test(`-p ${precision}`, () => {
      const expected = trueText("mpf('6.62607015e-34') / (2 * pi)", precision);
      for (const name of ["hbar", "ħ"]) expect(run(["-p", String(precision), name])).toEqual({ out: `${expected} J*s\n`, err: "", code: 0 });
    });
  }
});
