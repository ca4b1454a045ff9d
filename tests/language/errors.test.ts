// Errors are values with a kind, a message and the span they are about; they never change the session.
import { describe, expect, test } from "bun:test";
import type { ErrorKind } from "../../src/errors.ts";
import { renderError } from "../../src/excerpt.ts";
import { Session } from "../../src/session.ts";

function failure(line: string, session = new Session()) {
  const outcome = session.evaluate(line);
  if (outcome.kind !== "error") throw new Error(`${line} did not fail: ${JSON.stringify(outcome)}`);
  const { kind, message, span } = outcome.error;
  return { kind, message, span: line.slice(span.start, span.end), at: span.start };
}

describe("rendering", () => {
  test("the caret sits under the offending token", () => {
    const outcome = new Session().evaluate("1 + * 2");
    expect(outcome.kind).toBe("error");
    if (outcome.kind !== "error") return;
    expect(renderError("1 + * 2", outcome.error)).toBe("1 + * 2\n    ^ expected a number, a name or '(' but found '*'");
  });

  test("a longer span is underlined", () => {
    const outcome = new Session().evaluate("2 + ln(0)");
    if (outcome.kind !== "error") throw new Error("expected an error");
    expect(renderError("2 + ln(0)", outcome.error)).toBe("2 + ln(0)\n    ^~~~~ ln is undefined for zero and negative numbers");
  });

  test("a very long line is cut around the error", () => {
    const line = `${"1+".repeat(5000)}*`;
    const outcome = new Session().evaluate(line);
    if (outcome.kind !== "error") throw new Error("expected an error");
    const [text, caret] = renderError(line, outcome.error).split("\n");
    expect(text!.length).toBeLessThan(110);
    expect(text![caret!.indexOf("^")]).toBe("*");
  });
});

const cases: [string, { kind: ErrorKind; message: string; span: string }][] = [
  ["1 + * 2", { kind: "syntax", message: "expected a number, a name or '(' but found '*'", span: "*" }],
  ["1 +", { kind: "syntax", message: "expected a number, a name or '(' but found end of input", span: "" }],
  ["2 3", { kind: "syntax", message: "expected an operator or end of input but found '3'", span: "3" }],
  ["(1 + 2", { kind: "syntax", message: "unclosed '(' — expected ')' before end of input", span: "(" }],
  ["((1 + 2) * 3", { kind: "syntax", message: "unclosed '(' — expected ')' before end of input", span: "(" }],
  ["1 + 2)", { kind: "syntax", message: "unmatched ')'", span: ")" }],
  ["sqrt(4", { kind: "syntax", message: "unclosed '(' — expected ')' before end of input", span: "(" }],
  ["1 $ 2", { kind: "syntax", message: "unknown character '$' (U+0024)", span: "$" }],
  ["1 \u0000 2", { kind: "syntax", message: "unknown character U+0000", span: "\u0000" }],
  ["max(1,)", { kind: "syntax", message: "expected a number, a name or '(' but found ')'", span: ")" }],
  ["sqr(4)", { kind: "name", message: "unknown function 'sqr' — did you mean 'sqrt'?", span: "sqr" }],
  ["y + 1", { kind: "name", message: "unknown name 'y'", span: "y" }],
  ["pii", { kind: "name", message: "unknown name 'pii' — did you mean 'pi'?", span: "pii" }],
  ["sqrt + 1", { kind: "name", message: "'sqrt' is a function: call it as sqrt(…)", span: "sqrt" }],
  ["ans", { kind: "name", message: "'ans' has no value yet: it is the last result", span: "ans" }],
  ["sin = 3", { kind: "name", message: "cannot assign to 'sin': it is a built-in function", span: "sin" }],
  ["sqrt(x) = x", { kind: "name", message: "cannot assign to 'sqrt': it is a built-in function", span: "sqrt" }],
  ["ans = 1", { kind: "name", message: "cannot assign to 'ans': it is always the last result", span: "ans" }],
  ["2x = 4", { kind: "name", message: "only a name or a function signature like f(x) can be assigned to", span: "2x " }],
  ["f(2) = 4", { kind: "syntax", message: "a function's parameters must be plain names", span: "2" }],
  ["f(x, x) = x", { kind: "syntax", message: "parameter 'x' appears twice", span: "x" }],
  ["sqrt(1, 2)", { kind: "arity", message: "sqrt takes 1 argument but was given 2", span: "sqrt(1, 2)" }],
  ["log(1, 2, 3)", { kind: "arity", message: "log takes 1 or 2 arguments but was given 3", span: "log(1, 2, 3)" }],
  ["max()", { kind: "arity", message: "max takes at least 1 argument but was given 0", span: "max()" }],
  ["1/0", { kind: "domain", message: "division by zero", span: "/0" }],
  ["5 % 0", { kind: "domain", message: "modulo by zero", span: "% 0" }],
  ["7 // (1 - 1)", { kind: "domain", message: "division by zero", span: "// (1 - 1)" }],
  ["0^-1", { kind: "domain", message: "division by zero (0 to a negative power)", span: "0^-1" }],
  ["ln(0)", { kind: "domain", message: "ln is undefined for zero and negative numbers", span: "ln(0)" }],
  ["log(0)", { kind: "domain", message: "log is undefined for zero and negative numbers", span: "log(0)" }],
  ["log(8, 1)", { kind: "domain", message: "a logarithm's base must be positive and not 1", span: "log(8, 1)" }],
  // (issue 20: below -1 they are complex; above 1 they are on the cut where conventions disagree)
  [
    "asin(2)",
    {
      kind: "domain",
      message: "asin of a real number above 1 lies on its branch cut, where calculators disagree on the sign of the imaginary part: add a small imaginary part to choose a side",
      span: "asin(2)",
    },
  ],
  ["1 + i < 2", { kind: "type", message: "complex numbers are not ordered", span: "1 + i < 2" }],
  ["floor(2i)", { kind: "type", message: "floor needs a real number, not a complex number", span: "floor(2i)" }],
  ["atan(i)", { kind: "domain", message: "atan is undefined at i and -i", span: "atan(i)" }],
  ["tan(pi/2)", { kind: "domain", message: "tan is undefined at odd multiples of pi/2", span: "tan(pi/2)" }],
  ["root(-16, 4)", { kind: "domain", message: "an even root of a negative number is not real", span: "root(-16, 4)" }],
  ["(-1)!", { kind: "domain", message: "factorial is defined only for non-negative integers", span: "(-1)!" }],
  ["2.5!", { kind: "domain", message: "factorial is defined only for non-negative integers", span: "2.5!" }],
  ["gcd(2.5, 5)", { kind: "domain", message: "gcd's arguments must be an integer", span: "gcd(2.5, 5)" }],
  ["root(2, 0)", { kind: "domain", message: "a root's degree must not be zero", span: "root(2, 0)" }],
  [
    "root(-8, 2.5)",
    { kind: "domain", message: "a root of a negative number is real only for an odd integer degree", span: "root(-8, 2.5)" },
  ],
  [
    "(10^15)!",
    {
      kind: "limit",
      message:
        "result too large: 1000000000000000! has about 14,565,705,518,096,754 digits (the limit for approximate results is 9,000,000,000,000,001)",
      span: "(10^15)!",
    },
  ],
  [
    "ncr(10^17, 5*10^16)",
    {
      kind: "limit",
      message: "result too large: about 30,102,999,566,398,210 digits (the limit for approximate results is 9,000,000,000,000,001)",
      span: "ncr(10^17, 5*10^16)",
    },
  ],
  ["exp(10^20)", { kind: "limit", message: "result too large to represent", span: "exp(10^20)" }],
  ["1e99999999999999999999", { kind: "limit", message: "number too large to represent", span: "1e99999999999999999999" }],
  ["round(1, 20000)", { kind: "limit", message: "round takes from -10000 to 10000 decimal places", span: "round(1, 20000)" }],
  [
    "sin(10^10000)",
    { kind: "limit", message: "argument too large: sin, cos and tan take arguments below 1e10000", span: "sin(10^10000)" },
  ],
  // regressions (found by tests/generators/fuzz.test.ts): an internal error, and powers rounded past 2^53
  ["1e99999 to hex", { kind: "limit", message: "too large to write in base 2, 8 or 16: only approximate values from 1e-50000 to 1e50000 can be", span: "hex" }],
  ["1e-99999 to oct", { kind: "limit", message: "too small to write in base 2, 8 or 16: only approximate values from 1e-50000 to 1e50000 can be", span: "oct" }],
  ["1 m^9007199254740993", { kind: "limit", message: "unit power too large: m^9007199254740993 (the limit is 1000)", span: "m^9007199254740993" }],
  [`1 m^-${"9".repeat(400)}`, { kind: "limit", message: "unit power too large: m^-999999999… (400 digits) (the limit is 1000)", span: `m^-${"9".repeat(400)}` }],
  ["1 m^1.5", { kind: "syntax", message: "a unit's power must be a whole number", span: "1.5" }],
];

describe("messages and spans", () => {
  for (const [line, expected] of cases) {
    test(line.replace("\u0000", "\\0"), () => {
      const { kind, message, span } = failure(line);
      expect({ kind, message, span }).toEqual(expected);
    });
  }
});

describe("errors inside user functions", () => {
  test("are reported at the call, naming the function", () => {
    const s = new Session();
    s.evaluate("f(x) = x / (x - 1)");
    expect(failure("2 + f(1)", s)).toMatchObject({ message: "in f: division by zero", span: "f(1)" });
  });

  test("name the innermost function when calls nest", () => {
    const s = new Session();
    s.evaluate("g(x) = ln(x)");
    s.evaluate("h(x) = g(x) + 1");
    expect(failure("h(0)", s)).toMatchObject({ message: "in g: ln is undefined for zero and negative numbers", span: "h(0)" });
  });

  test("recursion is bounded", () => {
    const s = new Session();
    s.evaluate("f(x) = f(x - 1) + 1");
    expect(failure("f(10)", s)).toMatchObject({
      kind: "limit",
      message: "in f: recursion too deep (more than 10,000 nested calls)",
      span: "f(10)",
    });
  });

  test("unknown names in a body are found at call time", () => {
    const s = new Session();
    expect(s.evaluate("f(x) = x + k").kind).toBe("definition");
    expect(failure("f(1)", s)).toMatchObject({ message: "in f: unknown name 'k'", span: "f(1)" });
  });

  test("a variable and a function cannot share a name", () => {
    const s = new Session();
    s.evaluate("v = 1");
    s.evaluate("u(x) = x");
    expect(failure("v(x) = x", s).message).toBe("'v' is a variable; a function needs another name");
    expect(failure("u = 2", s).message).toBe("'u' is a function; a variable needs another name");
  });

  test("a parameter may not hide a built-in function (it may hide a constant or a unit)", () => {
    expect(failure("f(sin) = sin + 1").message).toBe("parameter 'sin' would hide the built-in 'sin'");
    const s = new Session();
    s.evaluate("f(e, t) = e * t");
    expect(s.evaluate("f(2, 3)")).toMatchObject({ kind: "value", text: "6" });
  });
});

describe("an error leaves the session unchanged", () => {
  test("a failed assignment does not touch the variable or ans", () => {
    const s = new Session();
    s.evaluate("x = 5");
    failure("x = 1/0", s);
    const x = s.evaluate("x");
    expect(x.kind === "value" && x.text).toBe("5");
    expect(s.evaluate("ans").kind === "value" && (s.evaluate("ans") as { text: string }).text).toBe("5");
  });

  test("a line is all or nothing", () => {
    const s = new Session();
    failure("a = 1; f(t) = t; b = 1/0", s);
    expect(failure("a", s).message).toBe("unknown name 'a'");
    expect(failure("f(1)", s).message).toBe("unknown function 'f'");
    expect(s.ans).toBeUndefined();
  });

  test("the session keeps working after every kind of error", () => {
    const s = new Session();
    for (const line of ["1 +", "sqr(2)", "1/0", "(10^15)!", "(".repeat(100_000), "f(x) = f(x); f(1)"]) failure(line, s);
    const outcome = s.evaluate("6 * 7");
    expect(outcome.kind === "value" && outcome.text).toBe("42");
  });
});
