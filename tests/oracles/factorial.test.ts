// Factorials, ncr and npr on the compiled executable (dist/calc), against digits Python computed from
// its exact integers (tests/fixtures/factorial_reference.py → factorial_reference.json): exact within
// 50,000 digits, correctly rounded approximations past that, refused past the approximate range.
import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { calc, useBinary } from "../support/binary.ts";

useBinary();

interface Reference {
  /** The decimal exponent E: the value is d.ddd… × 10^E. */
  exponent: number;
  /** The leading 60 significant digits, truncated. */
  leading: string;
  /** Every digit, for the values that are printed exactly. */
  digits?: string;
}

const reference = JSON.parse(readFileSync(new URL("../fixtures/factorial_reference.json", import.meta.url), "utf8")) as Record<string, Reference>;

/** dist/calc at 20 digits unless the arguments choose (the references were written at 20, the default before issue 18). */
function run(...args: string[]) {
  const argv = args.includes("-p") ? args : ["-p", "20", ...args];
  const result = Bun.spawnSync([calc, ...argv], { stdin: "ignore", env: { PATH: process.env.PATH ?? "" } });
  return { out: result.stdout.toString(), err: result.stderr.toString(), code: result.exitCode };
}

/**
 * The reference rounded half away from zero to `digits` significant digits, in calc's scientific
 * notation (d.ddd…e<E>, trailing zeros dropped; every value here has far more digits before its
 * point than the precision). The 60 truncated digits decide the rounding for up to 59: a tail from
 * 0.5 up rounds up whatever follows it, one below 0.5 does not.
 */
function rounded({ exponent, leading }: Reference, digits: number): string {
  expect(digits).toBeLessThan(leading.length);
  let kept = BigInt(leading.slice(0, digits));
  if (leading[digits]! >= "5") kept += 1n;
  let significand = kept.toString();
  if (significand.length > digits) {
    // 9.99…95 rounds to 10.0…
    significand = significand.slice(0, digits);
    exponent += 1;
  }
  significand = significand.replace(/0+$/, "");
  const rest = significand.slice(1);
  return `${significand[0]}${rest ? `.${rest}` : ""}e${exponent}`;
}

describe("exact within 50,000 digits", () => {
  test("3000! prints every one of its 9,131 digits", () => {
    const { digits } = reference["3000!"]!;
    expect(digits!.length).toBe(9131);
    expect(run("3000!")).toEqual({ out: `${digits}\n`, err: "", code: 0 });
    expect(JSON.parse(run("--json", "3000!").out)).toEqual({ input: "3000!", value: digits, exact: true });
  });
});

describe("approximate past 50,000 digits, correctly rounded", () => {
  const cases = ["49999!", "(10^6)!", "ncr(10^6, 5*10^5)", "npr(10^6, 10^4)", "ncr(10^15, 5000)", "npr(10^40, 1500)"];
  for (const input of cases) {
    test(input, () => {
      const value = reference[input]!;
      expect(run(input)).toEqual({ out: `${rounded(value, 20)}\n`, err: "", code: 0 });
      expect(run("-p", "50", input)).toEqual({ out: `${rounded(value, 50)}\n`, err: "", code: 0 });
      expect(run("-p", "3", input).out).toBe(`${rounded(value, 3)}\n`);
      expect(JSON.parse(run("--json", input).out)).toEqual({ input, value: rounded(value, 20), exact: false });
    });
  }

  test("the reference's notation, spelled out for two of them", () => {
    expect(run("(10^6)!").out).toBe("8.2639316883312400624e5565708\n");
    expect(run("ncr(10^6, 5*10^5)").out).toBe("7.8995787722769708418e301026\n");
  });
});

describe("refused past the approximate range", () => {
  test("a factorial with more than 9e15 + 1 digits: the size in the message, status 1", () => {
    const { out, err, code } = run("(10^15)!");
    expect(out).toBe("");
    expect(err).toContain(
      "result too large: 1000000000000000! has about 14,565,705,518,096,754 digits (the limit for approximate results is 9,000,000,000,000,001)",
    );
    expect(code).toBe(1);
  });

  test("a binomial likewise", () => {
    const { out, err, code } = run("ncr(10^17, 5*10^16)");
    expect(out).toBe("");
    expect(err).toContain("result too large: about 30,102,999,566,398,210 digits");
    expect(code).toBe(1);
  });
});

describe("root(x, n) = x^(1/n), for any n but 0", () => {
  test("root(2, 2.5) is 2^(1/2.5)", () => {
    expect(run("root(2, 2.5)")).toEqual({ out: "1.3195079107728942594\n", err: "", code: 0 });
  });

  test("exact where the power is, negative degrees, and odd roots of negative numbers", () => {
    const cases = { "root(4, 2/3)": "8", "root(8, -3)": "0.5", "root(-8, -3)": "-0.5", "root(-32, 5)": "-2", "root(0, 2.5)": "0" };
    for (const [input, value] of Object.entries(cases)) expect(JSON.parse(run("--json", input).out)).toEqual({ input, value, exact: true });
  });

  test("a negative number needs an odd integer degree, and no degree is 0", () => {
    expect(run("root(-8, 2.5)").err).toContain("a root of a negative number is real only for an odd integer degree");
    expect(run("root(-16, 4)").err).toContain("an even root of a negative number is not real");
    expect(run("root(2, 0)").err).toContain("a root's degree must not be zero");
  });
});
