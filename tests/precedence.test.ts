// Precedence and associativity pinned against another parser: calc's parse (grammar/parser.ts,
// shown by printParenthesised) must equal the reference parser's (tests/oracle/reference-parser.ts,
// written from README's precedence table) on generated expressions, and both must reject the same
// token soup.
import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { parse } from "../grammar/parser.ts";
import { printParenthesised } from "../src/print.ts";
import { property } from "./oracle/support.ts";
import { referenceParse, type Token } from "./oracle/reference-parser.ts";

const numbers = ["2", "3", "10", "0.5", ".5", "1_000", "0xff", "0b101", "0o17", "1e3", "2.5E-3"];
const names = ["x", "y", "pi", "π", "e", "f", "sqrt"];
const binary = ["+", "-", "−", "*", "×", "·", "⋅", "/", "÷", "%", "mod", "//"];
const powers = ["^", "**"];
const signs = ["-", "+", "−"];

/** What calc's parser makes of the tokens (spaces between them), fully parenthesised, or undefined. */
function calcParse(tokens: readonly Token[]): string | undefined {
  let program;
  try {
    program = parse(tokens.join(" "));
  } catch {
    return undefined;
  }
  const statement = program[0];
  expect({ statements: program.length, kind: statement?.kind }).toEqual({ statements: 1, kind: "expression" });
  return statement?.kind === "expression" ? printParenthesised(statement.expr) : undefined;
}

/** Token sequences that are expressions by construction (parentheses `depth` deep at most), precedence left to the parsers. */
function validExpression(depth: number): fc.Arbitrary<Token[]> {
  const inner = depth > 0 ? validExpression(depth - 1) : undefined;
  const group = inner?.map((e) => ["(", ...e, ")"]);
  const primary = fc.oneof(
    fc.constantFrom(...numbers).map((n) => [n]),
    fc.constantFrom(...names).map((n) => [n]),
    ...(inner && group
      ? [
          group,
          fc
            .tuple(fc.constantFrom("f", "max", "sqrt"), fc.array(inner, { minLength: 1, maxLength: 2 }))
            .map(([f, args]) => [f, "(", ...args.flatMap((a, i) => (i === 0 ? a : [",", ...a])), ")"]),
        ]
      : []),
  );
  const bangs = (max: number) => fc.array(fc.constant("!"), { maxLength: max });
  // signs, a primary, factorials, and a right-leaning tower of powers, each exponent with signs of its own
  const factor = fc
    .tuple(
      fc.array(fc.constantFrom(...signs), { maxLength: 2 }),
      primary,
      bangs(2),
      fc.array(fc.tuple(fc.constantFrom(...powers), fc.array(fc.constantFrom(...signs), { maxLength: 1 }), primary, bangs(1)), { maxLength: 2 }),
    )
    .map(([s, p, b, tower]) => [...s, ...p, ...b, ...tower.flatMap(([op, sg, q, b1]) => [op, ...sg, ...q, ...b1])]);
  // implicit multiplication: a name or a parenthesis right after an operand (never a number)
  const juxtaposed = fc
    .tuple(fc.oneof(fc.constantFrom("x", "pi", "π").map((n) => [n]), ...(group ? [group] : [])), bangs(1), fc.option(fc.tuple(fc.constantFrom(...powers), fc.constantFrom("2", "x")), { nil: undefined }))
    .map(([p, b, power]) => [...p, ...b, ...(power ?? [])]);
  return fc
    .tuple(factor, fc.array(fc.oneof(fc.tuple(fc.constantFrom(...binary), factor).map(([op, f]) => [op, ...f]), juxtaposed), { maxLength: 3 }))
    .map(([first, rest]) => [...first, ...rest.flat()]);
}

const soup = fc.array(fc.constantFrom(...numbers.slice(0, 4), ...names.slice(0, 4), ...binary.slice(0, 6), ...powers, "!", "(", ")", ","), {
  minLength: 1,
  maxLength: 10,
});

describe("precedence and associativity against a second parser", () => {
  test("hand-picked cases mean what README says", () => {
    // the reference parser is itself checked on the README's own examples
    const cases: [string, string][] = [
      ["1 + 2 * 3", "(1 + (2 * 3))"],
      ["10 - 4 - 3", "((10 - 4) - 3)"],
      ["2 ^ 3 ^ 2", "(2 ^ (3 ^ 2))"],
      ["- 2 ^ 2", "(-(2 ^ 2))"],
      ["2 ^ - 1", "(2 ^ (-1))"],
      ["3 ! ^ 2", "((3!) ^ 2)"],
      ["1 / 2 x", "((1 / 2) * x)"],
      ["2 ( 3 + 4 )", "(2 * (3 + 4))"],
      ["- - 3", "(-(-3))"],
      ["7 mod - 3", "(7 % (-3))"],
    ];
    for (const [text, meaning] of cases) {
      const tokens = text.split(" ");
      expect({ text, reference: referenceParse(tokens), calc: calcParse(tokens) }).toEqual({ text, reference: meaning, calc: meaning });
    }
    expect(referenceParse(["2", "3"])).toBeUndefined();
    expect(calcParse(["2", "3"])).toBeUndefined();
  });

  test("generated expressions parse the same way", () => {
    fc.assert(
      fc.property(validExpression(2), (tokens) => {
        const reference = referenceParse(tokens);
        expect(reference).toBeDefined();
        expect({ text: tokens.join(" "), parse: calcParse(tokens) }).toEqual({ text: tokens.join(" "), parse: reference });
      }),
      property("precedence", 600),
    );
  });

  test("token soup: both reject it, or both read it the same way", () => {
    let accepted = 0;
    fc.assert(
      fc.property(soup, (tokens) => {
        const reference = referenceParse(tokens);
        if (reference !== undefined) accepted++;
        expect({ text: tokens.join(" "), parse: calcParse(tokens) }).toEqual({ text: tokens.join(" "), parse: reference });
      }),
      property("token soup", 3000),
    );
    expect(accepted).toBeGreaterThan(100);
  });
});
