// Every `input → output` an issue pins, run on the compiled executable, word for word.
import { describe, expect, test } from "bun:test";
import { calc, useBinary } from "./binary.ts";

useBinary();

export interface Run {
  readonly out: string;
  readonly err: string;
  readonly code: number;
}

export function run(args: readonly string[], input?: string): Run {
  const proc = Bun.spawnSync([calc, ...args], { stdin: input === undefined ? "ignore" : Buffer.from(input), env: { ...process.env, NO_COLOR: "1" } });
  return { out: proc.stdout.toString(), err: proc.stderr.toString(), code: proc.exitCode ?? -1 };
}

/** Each line `args… → output`: one run of dist/calc, whose whole stdout must be the output and whose status must be 0. */
export function pinned(cases: readonly (readonly [readonly string[] | string, string])[]): void {
  for (const [args, expected] of cases) {
    const argv = typeof args === "string" ? [args] : args;
    test(`${argv.join(" ")} → ${expected.length > 60 ? `${expected.slice(0, 60)}…` : expected}`, () => {
      const { out, err, code } = run(argv);
      expect({ out, err, code }).toEqual({ out: `${expected}\n`, err: "", code: 0 });
    });
  }
}

describe("issue 10: an exact value whose decimal expansion ends is printed in full", () => {
  pinned([
    ["0.99999999999999999999999", "0.99999999999999999999999"],
    ["1234567890123456789.01 * 3", "3703703670370370367.03"],
    ["1/1024", "0.0009765625"],
    ["2^-20", "9.5367431640625e-7"],
    ["1e-30", "1e-30"],
    ["1.5e25", "15000000000000000000000000"],
    ["1/3", "0.33333333333333333333"],
    ["2/3", "0.66666666666666666667"],
    [["-p", "5", "1/8"], "0.125"],
    [["-p", "5", "1/7"], "0.14286"],
    ["0.1 + 0.2", "0.3"],
    ["123.456 * 1000", "123456"],
    // past the plain range: scientific notation, still every digit
    ["12345678901234567890123.5", "1.23456789012345678901235e22"],
    [["-p", "5", "123456.5"], "1.234565e5"],
  ]);

  test("--json says exact for every terminating expansion", () => {
    expect(run(["--json", "1234567890123456789.01 * 3"]).out).toBe('{"input":"1234567890123456789.01 * 3","value":"3703703670370370367.03","exact":true}\n');
    expect(run(["--json", "-p", "5", "1/8"]).out).toBe('{"input":"1/8","value":"0.125","exact":true}\n');
    expect(run(["--json", "-p", "5", "1/7"]).out).toBe('{"input":"1/7","value":"0.14286","exact":false}\n');
  });

  test("the longest expansion printed in full: 166,097 significant digits (limits.ts MAX_TERMINATING_DIGITS)", () => {
    // a 50,000-digit numerator over the largest power of two that has 50,000 digits
    const longest = run(["(10^50000 - 1) / 2^166096"]);
    expect(longest.code).toBe(0);
    const digits = longest.out.trim().replace(".", "");
    expect(digits).toMatch(/^\d+$/);
    expect(digits.length).toBe(166_097);
    // the exact value is (10^50000 - 1)·5^166096 / 10^166096: check its last digits, from 5^166096's
    const five = 5n ** 166_096n;
    expect(digits.slice(-40)).toBe(((10n ** 50_000n - 1n) * five).toString().slice(-40));
    // one more factor of two and the denominator is past the exact limit: rounded, not exact
    const past = run(["--json", "(10^50000 - 1) / 2^166097"]);
    expect(JSON.parse(past.out)).toEqual({ input: "(10^50000 - 1) / 2^166097", value: "0.66192715758960523703", exact: false });
  });
});

describe("issue 10: arguments that start with '-'", () => {
  pinned([
    [["-sin(pi/2)"], "-1"],
    [["-pi"], "-3.1415926535897932385"],
    [["-p", "5", "-1/3"], "-0.33333"],
  ]);

  test("calc -- -x still ends the options: -x is the expression", () => {
    expect(run(["--", "-x"])).toEqual({ out: "", err: "-x\n ^ unknown name 'x'\n", code: 1 });
    expect(run(["--", "-pi"]).out).toBe("-3.1415926535897932385\n");
  });

  test("calc --bogus is a usage error, status 2", () => {
    const { out, err, code } = run(["--bogus"]);
    expect({ out, code }).toEqual({ out: "", code: 2 });
    expect(err).toBe("calc: unknown option '--bogus'\nusage: calc [options] [expression…]   (calc --help for more)\n");
  });

  test("an option's value is never glued on", () => {
    // -p5 is not -p 5: it is the expression -(p5), and p5 is not a name
    expect(run(["-p5"]).err).toContain("unknown name 'p5'");
    expect(run(["--precision=5", "1/3"])).toMatchObject({ code: 2, err: expect.stringContaining("--precision 5") });
  });

  test("--help says how an argument is classified", () => {
    expect(run(["--help"]).out).toContain("an option's value is always the next");
  });
});
