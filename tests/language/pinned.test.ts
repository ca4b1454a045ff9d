// Every `input → output` an issue pins, run on the compiled executable, word for word.
import { describe, expect, test } from "bun:test";
import { calc, root, run, useBinary } from "../support/binary.ts";

useBinary();

/**
 * Each line `args… → output`: one run of dist/calc, whose whole stdout must be the output and whose status must be 0.
 * With `precision`, the runs that choose none get `-p precision`: issues before 18 pinned their outputs at 20 digits, the default then.
 */
export function pinned(cases: readonly (readonly [readonly string[] | string, string])[], precision?: number): void {
  for (const [args, expected] of cases) {
    const given = typeof args === "string" ? [args] : args;
    const argv = precision === undefined || given.includes("-p") ? given : ["-p", String(precision), ...given];
    test(`${argv.join(" ")} → ${expected.length > 60 ? `${expected.slice(0, 60)}…` : expected}`, () => {
      const { out, err, code } = run(argv);
      expect({ out, err, code }).toEqual({ out: `${expected}\n`, err: "", code: 0 });
    });
  }
}

/** A refused line, one-shot: its whole stderr is the line, then the caret line with the message; status 1. */
function refused(line: string, caret: string): void {
  test(`${line} → ${caret.trim()}`, () => {
    expect(run([line])).toEqual({ out: "", err: `${line}\n${caret}\n`, code: 1 });
  });
}

describe("issue 10: an exact value whose decimal expansion ends is printed in full", () => {
  pinned([
    ["0.99999999999999999999999", "0.99999999999999999999999"],
    ["1234567890123456789.01 * 3", "3703703670370370367.03"],
    ["1/1024", "0.0009765625"],
    // (issue 18: an exact value is never in e-notation; these were 9.5367431640625e-7 and 1e-30)
    ["2^-20", "0.00000095367431640625"],
    ["1e-30", "0.000000000000000000000000000001"],
    ["1.5e25", "15000000000000000000000000"],
    ["1/3", "0.33333333333333333333"],
    ["2/3", "0.66666666666666666667"],
    [["-p", "5", "1/8"], "0.125"],
    [["-p", "5", "1/7"], "0.14286"],
    ["0.1 + 0.2", "0.3"],
    ["123.456 * 1000", "123456"],
    // past the plain range, still every digit in its place (issue 18; they were 1.23456789012345678901235e22 and 1.234565e5)
    ["12345678901234567890123.5", "12345678901234567890123.5"],
    [["-p", "5", "123456.5"], "123456.5"],
  ], 20);

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
    const past = run(["--json", "-p", "20", "(10^50000 - 1) / 2^166097"]);
    expect(JSON.parse(past.out)).toEqual({ input: "(10^50000 - 1) / 2^166097", value: "0.66192715758960523703", exact: false });
  });
});

describe("issue 10: arguments that start with '-'", () => {
  pinned([
    [["-sin(pi/2)"], "-1"],
    [["-pi"], "-3.1415926535897932385"],
    [["-p", "5", "-1/3"], "-0.33333"],
  ], 20);

  test("calc -- -x still ends the options: -x is the expression", () => {
    expect(run(["--", "-x"])).toEqual({ out: "", err: "-x\n ^ unknown name 'x'\n", code: 1 });
    expect(run(["-p", "20", "--", "-pi"]).out).toBe("-3.1415926535897932385\n");
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

/**
 * A one-shot run that fails: status 1, nothing on stdout, and on stderr the line, then the caret
 * under `underlined` (its first occurrence from `from`) and the message.
 */
export function fails(line: string, underlined: string, message: string | RegExp, from = 0): void {
  test(`${line} → error: ${message}`, () => {
    const { out, err, code } = run([line]);
    expect({ out, code }).toEqual({ out: "", code: 1 });
    const [echo, caret] = err.split("\n") as [string, string];
    expect(echo).toBe(line);
    const start = line.indexOf(underlined, from);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(caret.slice(0, start + underlined.length)).toBe(" ".repeat(start) + "^" + "~".repeat(underlined.length - 1));
    const text = caret.slice(start + underlined.length + 1);
    if (typeof message === "string") expect(text).toBe(message);
    else expect(text).toMatch(message);
  });
}

describe("issue 11: quantities and conversions", () => {
  pinned([
    ["1 mi to km", "1.609344 km"],
    ["60 mph to km/h", "96.56064 km/h"],
    // a unit is a name; a number directly before it is one quantity
    ["5 m", "5 m"],
    ["5m", "5 m"],
    ["2.5 km/h", "2.5 km/h"],
    ["9.81 m/s^2", "9.81 m/s^2"],
    ["3 ft^2", "3 ft^2"],
    ["1 kg*m/s^2", "1 N"], // (issue 18: a product of units is printed in the named unit that is exactly it; it was 1 kg*m/s^2)
    ["3 ft²", "3 ft^2"],
    ["2 m³", "2 m^3"],
    ["5 m / 2 s", "2.5 m/s"],
    ["60 km / 2 h", "30 km/h"],
    ["1/2 in", "0.5 in"],
    ["3/4 cup", "0.75 cup"],
    ["3/4 cup to floz", "6 floz"],
    ["x = 4; 1/2x", "2"],
    // conversion binds loosest, and tighter than assignment
    ["1 ft + 3 in to cm", "38.1 cm"],
    ["x = 5 ft to m", "1.524 m"],
    ["x = 5 ft to m; x", "1.524 m"],
    ["5 ft -> m", "1.524 m"],
    ["5 ft → m", "1.524 m"],
    ["60 mph to km/h", "96.56064 km/h"],
    ["1 acre to m^2", "4046.8564224 m^2"],
    ["1 N to kg*m/s^2", "1 kg*m/s^2"],
    ["1 J/kg/K to J/(g*K)", "0.001 J/(g*K)"],
    // sums of units: every part but the last whole
    ["1.75 m to ft + in", "5 ft + 8.8976377952755905512 in"],
    ["7384 s to h + min + s", "2 h + 3 min + 4 s"],
    ["-1.75 m to ft + in", "-5 ft - 8.8976377952755905512 in"],
    ["10/3 to mixed", "3 1/3"],
    ["-10/3 to mixed", "-3 1/3"],
    // juxtaposed quantities are a sum
    ["5 ft 3 in", "5.25 ft"],
    ["1 h 30 min", "1.5 h"],
    ["2 lb 3 oz", "2.1875 lb"],
    ["5 ft 3 in to in", "63 in"],
    // angles are dimensionless; deg is the unit
    ["sin(30 deg)", "0.5"],
    ["sin(30°)", "0.5"],
    ["1 turn to deg", "360 deg"],
    ["90 deg to turn", "0.25 turn"],
    ["30 deg", "30 deg"],
    // the clashes, decided once
    ["min(3, 2)", "2"],
    ["2 min to s", "120 s"],
    ["1 h to min", "60 min"],
    ["1 t to kg", "1000 kg"],
    ["1 B to bit", "8 bit"],
    ["1 KiB to B", "1024 B"],
    ["1 GB to MB", "1000 MB"],
    ["e", "2.7182818284590452354"],
    ["c", "299792458 m/s"],
    ["speed_of_light", "299792458 m/s"],
    ["1 ly to km", "9460730472580.8 km"],
    ["gravity", "9.80665 m/s^2"],
    ["1 hp to W", "745.69987158227022 W"],
    ["1 gal to L", "3.785411784 L"],
    ["1 BTU to J", "1055.05585262 J"],
    ["1 atm to psi", "14.695948775513448726 psi"],
    ["1 eV to J", "0.0000000000000000001602176634 J"],
    // results: units combine and cancel
    ["1 m + 1 ft", "1.3048 m"],
    ["2 m * 3 m", "6 m^2"],
    ["10 km / 4 h", "2.5 km/h"],
    ["1 m * 20 cm", "0.2 m^2"],
    ["100 km/h * 30 min", "50 km"],
    ["1 km / 1 m", "1000"],
    ["1 ft / 1 in", "12"],
    ["60 mph * 2 h", "120 mi"],
    ["1 kWh / 1 h", "1 kW"],
    ["sqrt(16 m^2)", "4 m"],
    ["sqrt(1 ha)", "100 m"],
    ["(2 m)^3", "8 m^3"],
    ["abs(-3 m)", "3 m"],
    ["round(2.567 m, 2)", "2.57 m"],
    ["max(1 m, 1 ft)", "1 m"],
    ["min(1 m, 1 ft)", "1 ft"],
    ["hypot(3 m, 4 m)", "5 m"],
    // temperatures
    ["100 °F to °C", "37.777777777777777778 °C"],
    ["-40 °C to °F", "-40 °F"],
    ["0 °C to K", "273.15 K"],
    ["30 °C - 20 °C", "10 K"],
    ["20 °C + 5 K", "25 °C"],
    ["20 degC to fahrenheit", "68 fahrenheit"],
    // bases: the output reads back in
    ["255 to hex", "0xff"],
    ["10 to bin", "0b1010"],
    ["8 to oct", "0o10"],
    ["-255 to hex", "-0xff"],
    ["0xff", "255"],
    ["0.5 to bin", "0b0.1"],
    ["0b0.1", "0.5"],
    ["255.5 to hex", "0xff.8"],
    ["1/3 to hex", "0x0.55555555555555555"],
    ["0xff to dec", "255"],
    // fractions
    ["0.75 to fraction", "3/4"],
    ["1/3 + 1/6 to fraction", "1/2"],
    ["2 to fraction", "2"],
    ["0.75 cup to fraction", "3/4 cup"],
    // percent
    ["25%", "0.25"],
    ["0.25 to %", "25%"],
    ["20% of 50", "10"],
    ["50 * 20%", "10"],
    ["10 + 10%", "11"],
    ["200 - 15%", "170"],
    ["100 + 10% + 10%", "121"],
    ["2 m + 10%", "2.2 m"],
    ["10% + 100", "100.1"],
    ["100 + 2 * 10%", "100.2"],
    ["100 / 10%", "1000"],
    ["7 % 3", "1"],
    ["1% to ppm", "10000 ppm"],
  ], 20);

  fails("1 m + 1 s", "1 m + 1 s", "cannot add a length (m) and a time (s)");
  fails("1 m to s", "1 m to s", "cannot convert a length (m) to a time (s)");
  fails("sin(1 m)", "sin(1 m)", "sin needs a plain number or an angle, not a length (m)");
  fails("5 kmh", "kmh", "unknown name 'kmh' — did you mean 'km/h'?");
  fails("1 kg to hex", "hex", "hex is for plain numbers, not a mass (kg)");
  fails("1 mi in km", "in", "'in' is the inch: to convert, write 'to' (1 mi to km)");
  fails("5 3", "3", "expected an operator or end of input but found '3'");
  fails("2 ton", "ton", "'ton' is ambiguous: write short_ton, long_ton or tonne");
  fails("20 °C * 2", "20 °C * 2", /^cannot multiply a temperature on the °C scale.*convert to kelvin first/);
  fails("20 °C + 30 °C", "20 °C + 30 °C", /^cannot add two temperatures on the °C scale.*convert to kelvin first/);
  fails("sqrt(2) to fraction", "fraction", "to fraction needs an exact value, and this one is approximate (rounded to the precision)");
  fails("1 m to ft + s", "ft + s", "the parts of a sum of units must have one dimension: a length (ft) and a time (s)");

  test("--json gives the number, the unit and the dimension", () => {
    expect(run(["--json", "1 mi to km"]).out).toBe('{"input":"1 mi to km","value":"1.609344 km","exact":true,"number":"1.609344","unit":"km","dimension":"length"}\n');
    expect(JSON.parse(run(["--json", "-p", "20", "90 deg to rad"]).out)).toEqual({
      input: "90 deg to rad",
      value: "1.5707963267948966192 rad",
      exact: false,
      number: "1.5707963267948966192",
      unit: "rad",
      dimension: "angle",
    });
  });

  test("piped: units across lines, errors located, at any precision", () => {
    const { out, err, code } = run(["-p", "30"], "d = 26.2 mi\nt = 3 h + 30 min\nd / t to km/h\nd + 1 s\n1 mi to km\n");
    expect(out).toBe("26.2 mi\n3.5 h\n12.0470893714285714285714285714 km/h\n1.609344 km\n");
    // (issue 18: `t` hides the tonne, which piped input now says too)
    expect(err).toBe("line 2: (t is now yours: it hides the unit tonne)\nline 4: cannot add a length (mi) and a time (s)\n  d + 1 s\n  ^~~~~~~\n");
    expect(code).toBe(1);
  });

  test("a variable shadows a unit or a constant of the same name (the grouping stays: 5 m / 2 s)", () => {
    expect(run(["m = 3; 2 m"]).out).toBe("6\n");
    expect(run(["c = 2; c * 3"]).out).toBe("6\n");
    expect(run(["f(t) = t^2; f(3)"]).out).toBe("9\n");
  });
});

describe("issue 12: comparisons, booleans, conditionals, recursion", () => {
  pinned([
    ["0.1 + 0.2 == 0.3", "true"],
    ["1/3 == 0.3333333333", "false"],
    ["2 < 3 and 3 < 2", "false"],
    ["not (1 > 2)", "true"],
    ["if 2 > 1 then 10 else 20", "10"],
    ["1 km > 999 m", "true"],
    ["1 m == 100 cm", "true"],
    ["sqrt(2)^2 == 2", "true"],
    ["pi == 3.14159", "false"],
    ["fact(n) = if n <= 1 then 1 else n * fact(n - 1); fact(30)", "265252859812191058636308480000000"],
    ["fib(n) = if n < 2 then n else fib(n - 1) + fib(n - 2); fib(20)", "6765"],
    ["f(x) = if x > 0 then 1/x else 0; f(0)", "0"],
    ["mean(1, 2, 4)", "2.3333333333333333333"],
    ["median(3, 1, 2)", "2"],
    ["median(4, 1, 3, 2)", "2.5"],
    ["sum(1, 2, 3.5)", "6.5"],
    ["sum(1 m, 50 cm)", "1.5 m"],
    ["count(n) = if n == 0 then 0 else 1 + count(n - 1); count(10000)", "10000"],
    ["if false then 1 else if true then 2 else 3", "2"],
    ["true or 1/0 == 0", "true"],
    ["false and 1/0 == 0", "false"],
    ["1 ≠ 2", "true"],
    ["2 ≤ 2 and 3 ≥ 4", "false"],
    ["1 != 1 or not false", "true"],
  ], 20);

  test("fact(1000) with the recursive definition is the exact 2,568-digit 1000!", () => {
    const { out, code } = run(["fact(n) = if n <= 1 then 1 else n * fact(n - 1); fact(1000)"]);
    expect(code).toBe(0);
    const digits = out.trim();
    expect(digits.length).toBe(2568);
    let factorial = 1n;
    for (let i = 2n; i <= 1000n; i++) factorial *= i;
    expect(digits).toBe(factorial.toString());
  });

  test("--json writes booleans as \"true\" and \"false\"", () => {
    expect(run(["--json", "2 > 1"]).out).toBe('{"input":"2 > 1","value":"true","exact":true}\n');
  });

  fails("1 < x < 3", "<", "comparisons do not chain: write 1 < x and x < 3", 3);
  fails("1 + true", "1 + true", "expected a number, found a boolean");
  fails("if 3 then 1 else 2", "3", "if needs a boolean (true or false), not a number");
  fails("not 2", "2", "not needs a boolean (true or false), not a number");
  fails("1 m < 1 s", "1 m < 1 s", "cannot compare a length (m) and a time (s)");
  fails("count(n) = if n == 0 then 0 else 1 + count(n - 1); count(10001)", "count(10001)", "in count: recursion too deep (more than 10,000 nested calls)");
});

describe("issue 25: units, booleans, calls after a number, mixed parts, nesting, literals", () => {
  pinned([
    // odd roots of negative quantities keep their units, as cbrt(-8) is -2
    ["cbrt(-8 m^3)", "-2 m"],
    ["root(-32 m^5, 5)", "-2 m"],
    ["cbrt(-8)", "-2"],
    // a name followed by ( is a call when the name is a function, as 3 sqrt(4) is
    ["2 min(3, 4)", "6"],
    ["2 min(3)", "6"],
    ["3 sqrt(4)", "6"],
    ["2 min", "2 min"],
    ["5 min to s", "300 s"],
    // parts that are zero are left out, the sign once
    ["-1 s to h + min + s", "-1 s"],
    ["-3661 s to h + min + s", "-1 h - 1 min - 1 s"],
    ["3601 s to h + min + s", "1 h + 1 s"],
    ["0 s to h + min + s", "0 s"],
  ], 20);

  /** One run's error: its message after the caret. */
  const refusal = (line: string) => {
    const { out, err, code } = run(["--json", line]);
    const error = JSON.parse(err) as { error: string; kind: string };
    return { out, code, kind: error.kind, error: error.error };
  };

  test("a fractional power of a unit is refused however near an integer, and one past the limit says so", () => {
    const fractional = (p: string) => `cannot raise a length (m) to the power ${p}: its units would have fractional exponents`;
    expect(refusal("(2 m)^(2.0000000000000001)")).toEqual({ out: "", code: 1, kind: "dimension", error: fractional("20000000000000001/10000000000000000") });
    expect(refusal("(2 m)^(2 + 1/10^15)")).toEqual({ out: "", code: 1, kind: "dimension", error: fractional("2000000000000001/1000000000000000") });
    expect(refusal("m^(3 + 10^-20)")).toMatchObject({ out: "", code: 1, kind: "dimension" });
    expect(refusal("(5 m)^(1/10^309)")).toEqual({ out: "", code: 1, kind: "dimension", error: fractional(`1/1${"0".repeat(37)}…`) });
    expect(refusal("m^(2*10^308)")).toEqual({ out: "", code: 1, kind: "limit", error: `unit power too large: m^2${"0".repeat(39)}… (the limit is 1000)` });
    expect(refusal("sqrt(-4 m^2)")).toEqual({ out: "", code: 1, kind: "domain", error: "an even root of a negative number is not real" });
  });

  test("booleans are never numbers: every numeric built-in refuses them, naming itself", () => {
    for (const name of ["sum", "mean", "median", "hypot", "min", "max"]) {
      for (const args of ["true", "1, true", "false, 2"]) {
        expect({ call: `${name}(${args})`, ...refusal(`${name}(${args})`) }).toEqual({
          call: `${name}(${args})`,
          out: "",
          code: 1,
          kind: "type",
          error: `${name} needs a number, not a boolean`,
        });
      }
    }
  });

  test("nesting: 500 levels are accepted, 501 refused, for parentheses, signs, exponents, not and postfix operators", () => {
    const shapes: [string, (n: number) => string, string][] = [
      ["parentheses", (n) => `${"(".repeat(n)}1${")".repeat(n)}`, "1"],
      ["signs", (n) => `${"-".repeat(n)}1`, "1"],
      ["exponents", (n) => `${"1^".repeat(n)}1`, "1"],
      ["not", (n) => `${"not ".repeat(n)}true`, "true"],
      ["factorials", (n) => `1${"!".repeat(n)}`, "1"],
    ];
    for (const [what, make, value] of shapes) {
      expect({ what, ...run(["--", make(500)]) }).toEqual({ what, out: `${value}\n`, err: "", code: 0 });
      expect({ what, ...refusal(make(501)) }).toEqual({ what, out: "", code: 1, kind: "limit", error: "expression nested too deeply (the limit is 500 levels)" });
    }
  });

  test("a literal past the exact bound is approximate, and `to hex` writes it as it does 1/3 (it was an internal error)", () => {
    const third = run(["--json", "-p", "20", `0.${"3".repeat(50_001)} to hex`]);
    expect(third).toEqual({ out: `{"input":"0.${"3".repeat(50_001)} to hex","value":"0x0.55555555555555555","exact":false}\n`, err: "", code: 0 });
    expect(run(["-p", "20", "1/3 to hex"]).out).toBe("0x0.55555555555555555\n");
  });

  test("a value a notation cannot write is a limit error at its statement, never an internal one", () => {
    expect(refusal("sqrt(2) * 1e-49990 to hex")).toEqual({
      out: "",
      code: 1,
      kind: "limit",
      error: "too many digits to write in base 16: only approximate values with at most 50,000 decimal places can be",
    });
    expect(refusal("1e8999999999999999 to %")).toEqual({ out: "", code: 1, kind: "limit", error: "result too large to represent" });
  });
});

describe("issue 18: 12 digits by default, every digit of an exact value in place", () => {
  pinned([
    ["100 km/h to mph", "62.1371192237 mph"],
    ["1.75 m to ft + in", "5 ft + 8.89763779528 in"],
    ["1/3", "0.333333333333"],
    ["pi", "3.14159265359"],
    [["-p", "20", "pi"], "3.1415926535897932385"],
    ["1234567890123456789.01 * 3", "3703703670370370367.03"],
    ["10^40 + 0.5", "10000000000000000000000000000000000000000.5"],
    ["1e300 * 1e300", `1${"0".repeat(600)}`],
    ["2^-20", "0.00000095367431640625"],
    ["6.02e23 * 2 to sci", "1.204e24"],
    ["12345 m to eng", "12.345e3 m"],
    ["0.00012 to eng", "120e-6"],
    ["-1/3 to sci", "-3.33333333333e-1"],
    ["pi * 10^20 to eng", "314.159265359e18"],
    ["999.9999999999999 to eng", "999.9999999999999e0"],
    ["0 to sci", "0"],
  ]);

  test("100! prints all 158 digits, whatever the precision", () => {
    expect(run(["100!"]).out.trim()).toHaveLength(158);
    expect(run(["-p", "3", "100!"]).out.trim()).toHaveLength(158);
  });

  test("the help says the default", () => {
    expect(run(["--help"]).out).toContain("default 12)");
  });

  test("to sci refuses a boolean at its target", () => {
    expect(run(["true to sci"])).toEqual({ out: "", err: "true to sci\n        ^~~ sci needs a number, not a boolean\n", code: 1 });
  });
});

describe("issue 18: a product of units printed in the named unit that is exactly it", () => {
  pinned([
    ["230 V * 10 A", "2300 W"],
    ["12 V / 4.7 kohm", "2.55319148936 mA"],
    ["3 kg * 9.81 m/s^2", "29.43 N"],
    ["1 N * 1 m", "1 J"],
    ["2 A * 3 s", "6 C"],
    ["1 J / 1 s", "1 W"],
    ["1 N / 1 m^2", "1 Pa"],
    ["1 mA * 1 kohm", "1 V"],
    ["1 kW * 3 h", "3 kWh"],
    ["60 W * 8 h", "480 Wh"],
    // unchanged: no named unit has the dimension and the factor, or it is one unit already
    ["5 m * 2 m", "10 m^2"],
    ["100 km / 2 h", "50 km/h"],
    ["1 lbf * 1 ft", "1 lbf*ft"],
    ["10 m / 2 s", "5 m/s"],
    ["2 kV", "2 kV"],
    // frequency and 1/s, J/kg stay as written
    ["3 / (1 s)", "3 s^-1"],
    ["1 J / 1 kg", "1 J/kg"],
    // an explicit `to` wins
    ["230 V * 10 A to V*A", "2300 V*A"],
    ["1 N * 1 m to N*m", "1 N*m"],
  ]);

  test("only the name changes: the value kept is the product, and converts as one", () => {
    expect(run([], "x = 230 V * 10 A\nx to kW\nx / 10 A\n").out).toBe("2300 W\n2.3 kW\n230 V\n");
    expect(JSON.parse(run(["--json", "230 V * 10 A"]).out)).toEqual({ input: "230 V * 10 A", value: "2300 W", exact: true, number: "2300", unit: "W", dimension: "power" });
  });
});

describe("issue 18: hints and forgiving input", () => {
  pinned([
    ["6 × 7", "42"],
    ["84 ÷ 2", "42"],
    ["√16", "4"],
    ["x = 16; √(x)", "4"],
    ["2√9", "6"],
    ["∛27", "3"],
    ["2 + 2 =", "4"],
    ["½ cup to ml", "118.29411825 ml"],
    ["½ in to mm", "12.7 mm"],
    ["¼ + ¾", "1"],
    // a whole number before a vulgar fraction is a mixed number, with or without a space
    ["3 ¼", "3.25"],
    ["3¼", "3.25"],
    ["-3 ¼", "-3.25"],
    ["5 ft 3 ½ in to cm", "161.29 cm"],
    ["avg(1, 2, 3)", "2"],
    ["factorial(5)", "120"],
    ["choose(5, 2)", "10"],
    ["pow(2, 10)", "1024"],
  ]);


  refused("sqrt 16", "^~~~~~~ write sqrt(16)");
  refused("1,5 + 1", " ^ ',' separates arguments; for a decimal write 1.5");
  refused(
    "350 F to C",
    "^~~~~~~~~~ cannot convert a capacitance (F) to a charge (C): F is the farad and C the coulomb; a temperature is written °F or degF, °C or degC",
  );
  refused("350 F to °C", "^~~~~~~~~~~ cannot convert a capacitance (F) to a temperature (°C): F is the farad; a temperature is written °F or degF");
  refused("hex(255)", "^~~~~~~~ write 255 to hex");
  refused("hex 255", "^~~~~~~ write 255 to hex");
  refused("sin 30 deg", "^~~~~~~~~~ write sin(30 deg)");
  refused("1,000,000", " ^ ',' separates arguments; to group digits write 1_000_000");
  // what the issue found suggested wrongly is now a unit of the table, read as people mean it
  pinned([
    ["100 kph to mph", "62.1371192237 mph"],
    ["10 mins to s", "600 s"],
    ["5 Mb to MB", "0.625 MB"],
  ]);
  // and a suggestion only when it is likely right: kwh is near both kWh and kph
  refused("5 kwh", "  ^~~ unknown name 'kwh'");
  refused("90 kms", "   ^~~ unknown name 'kms' — did you mean 'km'?");
});

describe("issue 18: units written as people write them", () => {
  pinned([
    // a name in words is one unit, and wins over the product of its words (femtolitre × ounce)
    ["1 fl oz to ml", "29.5735295625 ml"],
    ["1 gal to fl oz", "128 fl oz"],
    ["2 nautical miles to km", "3.704 km"],
    ["20 degrees celsius to K", "293.15 K"],
    // sq, square, cu, cubic: the unit squared or cubed
    ["1 sq ft to m^2", "0.09290304 m^2"],
    ["2 cu ft to L", "56.633693184 L"],
    ["3 ft² to in²", "432 in²"],
    ["3 square feet", "3 ft^2"],
    ["1 cubic metre to L", "1000 L"],
    ["1 sq mi to acre", "640 acre"],
    // per divides units; a product or power of units is written with their symbols
    ["60 miles per hour", "60 mi/h"],
    ["60 miles/hour", "60 mi/h"],
    ["5 kilometres per hour to m/s", "1.38888888889 m/s"],
    ["2 feet", "2 feet"],
    // a target of the inverse dimension, with a number in it, asks for the reciprocal
    ["30 mpg to L/100km", "7.84048611111 L/100km"],
    ["30 mpg to km/100 L", "1275.43112229 km/100L"],
    ["7.84048611111 L/100km to mpg", "30 mpg"],
    ["2 s to Hz", "0.5 Hz"],
    // the hectobar is written out: hbar is the reduced Planck constant (its digits: tests/oracles/digits.test.ts)
    ["1 hectobar to kPa", "10000 kPa"],
  ]);

  test("their numbers are the legal definitions' values, written by Python's fractions (not calc)", () => {
    // [the number pinned above, its value from the definitions: ft 0.3048 m, mi 5280 ft, US gal 231 in^3, fl oz gal/128, nmi 1852 m, acre mi^2/640]
    const cases: [string, string][] = [
      ["29.5735295625", "F(231) * F('0.0254')**3 / 128 * 10**6"],
      ["128", "F(1) / (F(1, 128))"],
      ["3.704", "2 * F(1852) / 1000"],
      ["293.15", "20 + F('273.15')"],
      ["0.09290304", "F('0.3048')**2"],
      ["56.633693184", "2 * F('0.3048')**3 * 1000"],
      ["432", "3 * F(12)**2"],
      ["640", "F(5280 * 5280) / F(5280 * 5280, 640)"],
      ["1.38888888889", "F(5000) / 3600"],
      ["7.84048611111", "100 * (F(231) * F('0.0254')**3 * 1000) / (30 * F('1.609344'))"],
      ["1275.43112229", "30 * F('1609.344') / 1000 / (F(231) * F('0.0254')**3 * 1000) * 100"],
      ["0.5", "1 / F(2)"],
      ["10000", "F(10**7) / 1000"],
    ];
    const script = `import sys; sys.path.insert(0, "tests/oracles")\nfrom fractions import Fraction as F\nfrom fractions_oracle import write\n${cases.map(([, py]) => `print(write(${py}, 12))`).join("\n")}\n`;
    const python = Bun.spawnSync(["python3", "-c", script], { cwd: root });
    expect(python.stdout.toString().trim().split("\n")).toEqual(cases.map(([pinned]) => pinned));
  });

  refused("3 sq ft^2", "  ^~~~~~~ write sq ft or ft^2, not both");
  refused("fl oz = 3", "^~~~~ 'fl oz' is a unit written in words; a variable's name is one word");
  refused("0 mpg to L/100km", "         ^~~~~~~ division by zero");
  refused("30 mpg to L/0km", "          ^~~~~ a unit's scale must be a positive number: 0");
  refused("3 dB", "  ^~ unknown name 'dB': the decibel is a logarithmic ratio, not a unit: 10^(x/10) is the power ratio of x dB, 10*log10(r) the decibels of a power ratio r");
  refused("1 W to dB", "       ^~ unknown unit 'dB': the decibel is a logarithmic ratio, not a unit: 10^(x/10) is the power ratio of x dB, 10*log10(r) the decibels of a power ratio r");
  refused("1 L to miles per gallon", "^~~~~~~~~~~~~~~~~~~~~~~ cannot convert a volume (L) to a fuel economy (miles/gallon)");
});

describe("issue 18: every answer of a line", () => {
  // one-shot: each expression statement's value on a line of its own; an assignment or a definition
  // shows only alone, or last on a line of no expression statement (as every such line always did)
  pinned([
    ["gcd(48, 180); lcm(4, 6, 10)", "12\n60"],
    ["x = 3; x^2", "9"],
    ["x = 2; x + 1; x * 3", "3\n6"],
    ["a = 1; b = 2", "2"],
    ["2; y = 3", "2"],
    ["2; ans * 5", "2\n10"],
    ["f(x) = 2x; f(3); f(4)", "6\n8"],
    ["sq(x) = x^2; cube(x) = x^3", "cube(x) = x ^ 3"],
    ["1 ft to in; 255 to hex; 1 < 2", "12 in\n0xff\ntrue"],
    ["1;; 2;", "1\n2"],
  ]);

  test("piped: one output line per input line, the values of a line joined by '; '", () => {
    const { out, err, code } = run([], "gcd(48, 180); lcm(4, 6, 10)\nx = 1; y = 2\nx + y; x - y\n# a comment\n\nx = 5; x^2; 2x\n3\n");
    expect({ out, err, code }).toEqual({ out: "12; 60\n2\n3; -1\n25; 10\n3\n", err: "", code: 0 });
  });

  test("a line is all or nothing: an error in any statement, and nothing of it is shown but the error", () => {
    expect(run(["x = 5; x + 1; 1/0"])).toEqual({ out: "", err: `x = 5; x + 1; 1/0\n${" ".repeat(15)}^~ division by zero\n`, code: 1 });
    const piped = run([], "x = 1\nx = 5; x + 1; 1/0\nx; x + 1\n");
    expect(piped).toEqual({ out: "1\n1; 2\n", err: `line 2: division by zero\n  x = 5; x + 1; 1/0\n  ${" ".repeat(15)}^~\n`, code: 1 });
  });

  test("--json: one object per value, with its statement's number (from 1) when the line has several", () => {
    const line = "x = 3; x^2; 12345 m to eng; f(t) = t";
    expect(run(["--json", line]).out).toBe(
      `{"input":"${line}","statement":2,"value":"9","exact":true}\n` +
        `{"input":"${line}","statement":3,"value":"12345 m","exact":true,"number":"12345","unit":"m","dimension":"length","text":"12.345e3 m"}\n`,
    );
    // a line of one value says no number, as before
    expect(run(["--json", "x = 3; x^2"]).out).toBe('{"input":"x = 3; x^2","value":"9","exact":true}\n');
    const piped = run(["--json"], "1; 2\na = 1; b = 2\n");
    expect(piped.out).toBe(
      '{"input":"1; 2","statement":1,"value":"1","exact":true}\n{"input":"1; 2","statement":2,"value":"2","exact":true}\n' +
        '{"input":"a = 1; b = 2","value":"2","exact":true}\n',
    );
  });

  test("a name that now hides a constant or a unit: a warning on stderr in one-shot and piped input, status 0", () => {
    expect(run(["pi = 3"])).toEqual({ out: "3\n", err: "(pi is now yours: it hides the constant pi)\n", code: 0 });
    expect(run(["pi = 3; 2 pi"])).toEqual({ out: "6\n", err: "(pi is now yours: it hides the constant pi)\n", code: 0 });
    // the line did not take effect: nothing hides anything
    expect(run(["pi = 3; 1/0"])).toEqual({ out: "", err: `pi = 3; 1/0\n${" ".repeat(9)}^~ division by zero\n`, code: 1 });
    // piped: after `line N: `, as errors are; once per name
    const piped = run([], "pi = 3\n2 pi\npi = 4\nm = 2; 3 m\n1/0\n");
    expect(piped).toEqual({
      out: "3\n6\n4\n6\n",
      err:
        "line 1: (pi is now yours: it hides the constant pi)\n" +
        "line 4: (m is now yours: it hides the unit metre)\n" +
        "line 5: division by zero\n  1/0\n   ^~\n",
      code: 1,
    });
    expect(run([], "e = 1\n").code).toBe(0);
    // --json: an object with the warning
    expect(run(["--json", "pi = 3"]).err).toBe('{"input":"pi = 3","warning":"pi is now yours: it hides the constant pi"}\n');
    expect(run(["--json"], "1\nf(m) = m; m(x) = x\n").err).toBe('{"line":2,"input":"f(m) = m; m(x) = x","warning":"m is now yours: it hides the unit metre"}\n');
  });
});

describe("issue 20: complex numbers, exact where the parts are", () => {
  pinned([
    ["sqrt(-9)", "3i"],
    ["(3+4i)*(2-i)", "10 + 5i"],
    ["e^(i*pi)", "-1"],
    ["(2+i)/(1-i)", "0.5 + 1.5i"],
    ["cbrt(-8)", "-2"],
    ["(-8)^(1/3)", "1 + 1.73205080757i"],
    [["-p", "20", "(-8)^(1/3)"], "1 + 1.7320508075688772935i"],
    ["(1-2i)^3", "-11 + 2i"],
    ["sqrt(3+4i)", "2 + i"],
    ["abs(3+4i)", "5"],
    ["1+i to polar", "1.41421356237 * cis(0.785398163397)"],
    ["1+i to polar deg", "1.41421356237 * cis(45°)"],
    ["exp(i*pi/2)", "i"],
    ["(3+4i) ohm * 2 A", "(6 + 8i) V"],
    ["abs((3+4i) ohm)", "5 ohm"],
    // written a + bi, a - bi, bi, i, -i, and read back in
    ["i", "i"],
    ["-i", "-i"],
    ["conj(3+4i)", "3 - 4i"],
    ["0.5 + 1.5i", "0.5 + 1.5i"],
    ["i^2", "-1"],
    ["re(3+4i); im(3+4i); arg(-1)", "3\n4\n3.14159265359"],
    ["2 * cis(pi/3)", "1 + 1.73205080757i"],
    ["1 + i == 1 + i; 1 + i != 1 - i", "true\ntrue"],
    // a part within the precision of the modulus is noise; an exact part never is
    ["exp(i*pi) + 10^-20 i", "-1 + 0.00000000000000000001i"],
  ]);

  refused("1+i < 2", "^~~~~~~ complex numbers are not ordered");
  refused("max(2i, 1)", "^~~~~~~~~~ complex numbers are not ordered");
  refused("floor(1+i)", "^~~~~~~~~~ floor needs a real number, not a complex number");
  refused("(1+i)!", "^~~~~~ ! needs a real number, not a complex number");
  refused("gcd(2i, 4)", "^~~~~~~~~~ gcd needs a real number, not a complex number");
  refused("(1+i) mod 2", "^~~~~~~~~~~ mod needs a real number, not a complex number");
  refused("255i to hex", "        ^~~ to hex needs a real number, not a complex number");

  test("a variable i hides the imaginary unit, with the warning any constant gets", () => {
    expect(run(["i = 5; i * 2"])).toEqual({ out: "10\n", err: "(i is now yours: it hides the constant i)\n", code: 0 });
  });

  test("--json gives each part exactly, and the text", () => {
    expect(JSON.parse(run(["--json", "(1+2i)/2"]).out)).toEqual({ input: "(1+2i)/2", value: "0.5 + i", exact: true, re: "1/2", im: "1" });
    expect(JSON.parse(run(["--json", "(3+4i) ohm"]).out)).toMatchObject({ value: "(3 + 4i) ohm", re: "3", im: "4", unit: "ohm" });
  });
});
describe("issue 19: dates, clock times and time zones", () => {
  pinned([
    // values and literals, and their output, which reads back in
    ["2026-12-04 + 90 days", "2027-03-04"],
    ["2026-12-04 > 2026-11-30", "true"],
    ["2026 - 12 - 4", "2010"],
    ["(2026)-12-04", "2010"],
    ["09:15", "09:15:00"],
    ["09:15:30", "09:15:30"],
    ["09:15:30.25", "09:15:30.25"],
    ["2026-12-04 15:24", "2026-12-04T15:24:00"],
    ["2026-12-04T15:24:00", "2026-12-04T15:24:00"],
    ["2026-12-04T10:00:00Z", "2026-12-04T10:00:00Z"],
    ["2026-12-04T10:00:00+01:00", "2026-12-04T09:00:00Z"],
    ["2024-07-31 15:24 Europe/Berlin", "2024-07-31T15:24:00+02:00[Europe/Berlin]"],
    ["2024-07-31 15:24 UTC", "2024-07-31T15:24:00+00:00[UTC]"],
    ["from_unixtime(1.5)", "1970-01-01T00:00:01.5Z"],
    ["weekday(2027-03-04)", "Thursday"],
    ["2027-03-04", "2027-03-04"],
    ["2026-12-04T11:30:00Z", "2026-12-04T11:30:00Z"],
    ["2025-01-15T09:30:00+01:00[Europe/Berlin]", "2025-01-15T09:30:00+01:00[Europe/Berlin]"],
    ["18:00:00", "18:00:00"],
    // arithmetic and conversion
    ["2025-01-31 + 1 month", "2025-02-28"],
    ["2028-02-29 + 1 year", "2029-02-28"],
    ["1 month to day", "30.4375 day"],
    ["2027-01-01 - 2026-12-04", "28 day"],
    ["2026-12-04T17:05:00Z - 2026-12-04T08:20:00Z to h + min", "8 h + 45 min"],
    ["2027-03-27 12:00 Europe/Berlin + 24 h", "2027-03-28T13:00:00+02:00[Europe/Berlin]"],
    ["2027-03-27 12:00 Europe/Berlin + 1 day", "2027-03-28T12:00:00+02:00[Europe/Berlin]"],
    ["18:10 - 09:25 to h + min", "8 h + 45 min"],
    ["22:30 + 3 h", "01:30:00"],
    ["2025-06-01T12:00:00Z to Asia/Kolkata", "2025-06-01T17:30:00+05:30[Asia/Kolkata]"],
    ["2024-07-31T13:24:00Z to Europe/Berlin", "2024-07-31T15:24:00+02:00[Europe/Berlin]"],
    ["2025-01-15T09:30:00+01:00[Europe/Berlin] to UTC", "2025-01-15T08:30:00Z"],
    ["2026-12-04T10:00:00Z to unixtime", "1796378400"],
    ["from_unixtime(1796378400) == 2026-12-04T10:00:00Z", "true"],
    ["2024-07-31 15:24 Europe/Berlin to date", "2024-07-31"],
    ["2026-12-04 < 2026-12-05", "true"],
    ["09:15 >= 18:00", "false"],
  ]);

  /** One run of dist/calc with a fixed clock (src/cli/clock.ts) and a time zone. */
  function clocked(args: string[], zone: string) {
    const proc = Bun.spawnSync([calc, ...args], { env: { ...process.env, NO_COLOR: "1", CALC_TEST_NOW: "2026-12-04T23:30:00Z", TZ: zone } });
    return { out: proc.stdout.toString(), err: proc.stderr.toString(), code: proc.exitCode };
  }

  test("now is the injected clock's instant; today is its date in TZ", () => {
    expect(clocked(["now"], "UTC")).toEqual({ out: "2026-12-04T23:30:00Z\n", err: "", code: 0 });
    expect(clocked(["today"], "UTC")).toEqual({ out: "2026-12-04\n", err: "", code: 0 });
    expect(clocked(["today"], "Europe/Berlin")).toEqual({ out: "2026-12-05\n", err: "", code: 0 });
    expect(clocked(["today"], "America/New_York")).toEqual({ out: "2026-12-04\n", err: "", code: 0 });
    expect(clocked(["now - 2026-12-04T23:00:00Z to min"], "UTC")).toEqual({ out: "30 min\n", err: "", code: 0 });
  });

  test("--json gives the ISO text and the kind", () => {
    expect(run(["--json", "2027-03-04"]).out).toBe('{"input":"2027-03-04","value":"2027-03-04","exact":true,"kind":"date"}\n');
    expect(run(["--json", "2025-06-01T12:00:00Z to Asia/Kolkata"]).out).toBe(
      '{"input":"2025-06-01T12:00:00Z to Asia/Kolkata","value":"2025-06-01T17:30:00+05:30[Asia/Kolkata]","exact":true,"kind":"zoned"}\n',
    );
    expect(run(["--json", "09:15"]).out).toBe('{"input":"09:15","value":"09:15:00","exact":true,"kind":"time"}\n');
  });

  test("piped input: dates line by line, an error on one line leaves the next answered", () => {
    const { out, err, code } = run([], "d = 2026-12-04\nd + 1 week\n2027-02-29\nweekday(d)\n");
    expect(out).toBe("2026-12-04\n2026-12-11\nFriday\n");
    expect(err).toContain("February 2027 has 28 days");
    expect(code).toBe(1);
  });

  // errors: clear, located (a caret under the span), never a stack trace
  const errors: [string, string, string][] = [
    ["2027-02-29", "February 2027 has 28 days", "^~~~~~~~~~"],
    ["2026-13-01", "there is no month 13: months go from 01 to 12", "^~~~~~~~~~"],
    ["25:00", "there is no hour 25: hours go from 00 to 23", "^~~~~"],
    ["2026-12-04 + 1 m", "cannot add a date and a length (m)", "^~~~~~~~~~~~~~~~"],
    ["2026-12-04 + 5", "cannot add a date and a number: write its unit (90 days, 2 h)", "^~~~~~~~~~~~~~"],
    ["2026-12-04 + 2026-12-05", "cannot add a date and a date: subtract them for the time between", "^"],
    ["2026-12-04 * 2", "cannot multiply a date and a number", "^~~~~~~~~~~~~~"],
    ["2026-12-04T10:00:00Z to Europe/Berln", "unknown time zone 'Europe/Berln' — did you mean 'Europe/Berlin'?", "                        ^~~~~~~~~~~~"],
    ["2024-07-31 15:24 Mars/Olympus", "unknown time zone 'Mars/Olympus'", "^"],
    ["2027-03-28 02:30 Europe/Berlin", "2027-03-28T02:30:00 does not exist in Europe/Berlin, where the clocks skip it (moved past the gap it would be 2027-03-28T03:30:00+02:00[Europe/Berlin])", "^"],
    ["2026-10-25 02:30 Europe/Berlin", "2026-10-25T02:30:00 is ambiguous in Europe/Berlin, where the clocks go back over it: write 2026-10-25T02:30:00+02:00[Europe/Berlin] or 2026-10-25T02:30:00+01:00[Europe/Berlin]", "^"],
    ["2026-12-04 == 2026-12-04T00:00:00Z", "cannot compare a date and an instant: convert one first (to date, to UTC, to a zone)", "^"],
    ["2025-01-31 + 1.5 month", "the calendar moves by whole months: 1.5 month is not a whole number of them", "           ^~~~~~~~~~~"],
    ["2026-12-04 + 36 h", "a date moves by whole days, and 36 h is not", "           ^~~~~~"],
    ["2026-12-04 15:24 to Europe/Berlin", "a date-time is no point in time: give it a zone", "                    ^~~~~~~~~~~~~"],
  ];
  for (const [input, message, caret] of errors) {
    test(`${input} → ${message.slice(0, 50)}…`, () => {
      const { out, err, code } = run([input]);
      expect({ out, code }).toEqual({ out: "", code: 1 });
      const [line, marks] = err.split("\n");
      expect(line).toBe(input);
      expect(marks!.startsWith(caret)).toBe(true);
      expect(marks).toContain(message);
      expect(err).not.toMatch(/\bat .*\.ts:\d+|internal error/);
    });
  }
});

describe("issue 21: bitwise operators, fixed widths, lists and statistics", () => {
  // (tests/oracles/bitwise.test.ts and statistics.test.ts check these and random ones against Python)
  pinned([
    ["~5", "-6"],
    ["-17 >> 2", "-5"],
    ["1 << 64", "18446744073709551616"],
    ["-1 & 0xff", "255"],
    ["0xff & 0x0f", "15"],
    ["1 << 10", "1024"],
    ["1 << 2 + 1", "8"],
    ["6 & 3 == 2", "true"],
    ["5 xor 3; 5 | 2; 2^3", "6\n7\n8"],
    ["u8(-5)", "251"],
    ["i8(200)", "-56"],
    ["u32(-1) to hex", "0xffffffff"],
    ["-5 to bin", "-0b101"],
    ["u8(-5) to bin", "0b11111011"],
    ["uint(-1, 8); int(200, 8); i64(2^63); u64(-1)", "255\n-56\n-9223372036854775808\n18446744073709551615"],
    ["[1, 2, 3]", "[1, 2, 3]"],
    ["[1, 2, 3] * 2; [1, 2] + [3, 4]; -[1, 2]", "[2, 4, 6]\n[4, 6]\n[-1, -2]"],
    ["[1 m, 20 cm] to cm", "[100 cm, 20 cm]"],
    ["sum(1..100)", "5050"],
    ["range(1, 9, 2); range(5, 1, -2); 5..1", "[1, 3, 5, 7, 9]\n[5, 3, 1]\n[]"],
    ["stdev(2, 4, 4, 4, 5, 5, 7, 9)", "2.1380899353"],
    ["variancep(2, 4, 4, 4, 5, 5, 7, 9)", "4"],
    ["variance([2, 4, 4, 4, 5, 5, 7, 9]); stdevp(2, 4, 4, 4, 5, 5, 7, 9)", "4.57142857143\n2"],
    ["mean([3 m, 40 cm])", "1.7 m"],
    ["mean(1, 2, 4); median([3, 1, 4, 1]); mode(1, 2, 2, 3)", "2.33333333333\n2\n2"],
    ["min([3, 1, 2]); max(3, 1, 2); prod(1..5); len([1, 2, 3])", "1\n3\n120\n3"],
    ["quantile([1, 2, 3, 4], 0.25); quantile([1, 2, 3, 4], 1/3)", "1.75\n2"],
    ["sort(3, 1, 2); reverse([1, 2, 3])", "[1, 2, 3]\n[3, 2, 1]"],
    ["xs = [1, 1/3]; xs", "[1, 0.333333333333]"],
  ]);

  refused("5.5 & 1", "^~~~~~~ bitwise operations need integers");
  refused("true | 1", "^~~~~~~~ bitwise operations need integers, not a boolean (for true and false: and, or, not)");
  refused("1 m & 1", "^~~~~~~ bitwise operations need integers, not a length (m)");
  refused("1 << -1", "  ^~~~~ negative shift count");
  refused("1 << 200000", "^~~~~~~~~~~ shift too large: the result would have 200001 bits (the limit is 166096, as many as 50000 digits)");
  refused("u8(1.5)", "^~~~~~~ u8 needs integers");
  refused("mean([3 m, 4 s])", "^~~~~~~~~~~~~~~~ cannot add a length (m) and a time (s)");
  refused("mean([])", "^~~~~~~~ mean needs at least one value, and was given none");
  refused("stdev(3)", "^~~~~~~~ stdev needs at least 2 values, and was given 1");
  refused("[1, 2] + [1, 2, 3]", "^~~~~~~~~~~~~~~~~~ cannot add lists of different lengths (2 and 3)");
  refused("1..10^9", "^~~~~~~ a list of 1000000000 items is too long (the limit is 1,000,000)");
  refused("1.5..3", "^~~~~~ range needs integers");
  refused("1..2..3", "    ^~ a range has one '..': write a..b");
  refused("[1, 2] < [1, 3]", "^~~~~~~~~~~~~~~ lists are equal or not, never < one another");

  test("a line makes lists of at most 3,000,000 items in all, however deep its recursion", () => {
    const { err, code } = run(["f(xs, n) = if n == 0 then len(xs) else f(1..1000000, n - 1); f([], 100)"]);
    expect({ code, message: err.split("\n")[1]!.replace(/^ *\^~*\s*/, "") }).toEqual({ code: 1, message: "in f: this line makes lists of more than 3,000,000 items in all (the limit)" });
  });

  test("--json gives a list's text, whether every item is exact, and each item's text", () => {
    expect(JSON.parse(run(["--json", "[1, 1/4, 2 m]"]).out)).toEqual({ input: "[1, 1/4, 2 m]", value: "[1, 0.25, 2 m]", exact: true, items: ["1", "0.25", "2 m"] });
    expect(JSON.parse(run(["--json", "sort(3, 1/3)"]).out)).toEqual({ input: "sort(3, 1/3)", value: "[0.333333333333, 3]", exact: false, items: ["0.333333333333", "3"] });
  });
});
