// Precedence and associativity pinned against another parser: calc's parse (grammar/parser.ts,
// shown by unparseParenthesised) must equal the reference parser's (tests/oracles/reference-parser.ts,
// written from the precedence table) on generated expressions, on near misses of them (a token
// inserted, deleted or replaced) and on token soup: both reject it, or both read it the same way.
import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { parseLine as parse } from "../../src/syntax.ts";
import { unparseParenthesised } from "../../grammar/unparse.ts";
import { isUnitName } from "../../src/units.ts";
import { property, scale } from "../support/processes.ts";
import { referenceParse, UNIT_NAMES, type Token } from "../oracles/reference-parser.ts";

const numbers = ["2", "3", "10", "0.5", ".5", "1_000", "0xff", "0b101", "0o17", "1e3", "2.5E-3"];
/** Date and time literals (issue 19): operands as numbers are, but never a quantity's magnitude nor implicitly multiplied. */
const moments = ["2026-12-04", "09:15", "2026-12-04 15:24", "2026-12-04T10:00:00Z", "2024-07-31 15:24 Europe/Berlin"];
/** Names that are not units (checked below against calc's table). */
const names = ["x", "y", "pi", "π", "e", "f", "sqrt"];
/** Units after a number; units used as plain names (not `in`: `x in y` is an error, see the inch rule). */
const units = ["m", "s", "km", "h", "ft", "in"];
const unitsAsNames = ["m", "s", "km", "h"];
const binary = ["+", "-", "−", "*", "×", "·", "⋅", "/", "÷", "%", "mod", "//"];
const powers = ["^", "**"];
const signs = ["-", "+", "−", "~"];
/** The bitwise operators (issue 21), Python's levels: | xor & << >>. */
const bitwiseOps = ["&", "|", "xor", "<<", ">>"];
const comparisons = ["==", "!=", "≠", "<", "<=", "≤", ">", ">=", "≥"];
const converts = ["to", "->", "→"];
const superscripts = ["²", "³", "⁻¹"];
const targets: Token[][] = [
  ["m"], ["km", "/", "h"], ["ft", "+", "in"], ["m", "^", "2"], ["m", "²"], ["s", "^", "-", "1"], ["N", "m"],
  ["kg", "*", "m", "/", "s", "^", "2"], ["m", "/", "(", "s", "*", "s", ")"], ["(", "km", "/", "h", ")"],
  ["hex"], ["bin"], ["oct"], ["dec"], ["fraction"], ["mixed"], ["%"], ["hex", "^", "1"], ["(", "hex", ")"],
];

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
  return statement?.kind === "expression" ? unparseParenthesised(statement.expr) : undefined;
}


/** calc and the reference agree on `tokens`; returns the reference's parse. */
function agree(tokens: readonly Token[]): string | undefined {
  const reference = referenceParse(tokens);
  const calc = calcParse(tokens);
  const text = tokens.join(" ");
  expect({ text, parse: calc }).toEqual({ text, parse: reference });
  return reference;
}

/** Mostly absent: one time in five. */
function sometimes<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary, weight: 1 });
}

interface Piece {
  tokens: Token[];
  /** It ends with a unit name without a power: a `^` after it would be the unit's power. */
  unitEnd: boolean;
}

const piece = (tokens: Token[], unitEnd = false): Piece => ({ tokens, unitEnd });

/** 5 m, 3 ft ^ 2, 1 / 2 in, 2 s ²,  5 ft 3 in: a quantity literal. */
const quantity: fc.Arbitrary<Piece> = fc
  .tuple(
    fc.oneof(
      { arbitrary: fc.constantFrom(...numbers).map((n) => [n]), weight: 3 },
      { arbitrary: fc.tuple(fc.constantFrom("1", "3", "10"), fc.constantFrom("/", "÷"), fc.constantFrom("2", "4", "0.5")).map((t) => [...t]), weight: 1 },
    ),
    fc.array(fc.tuple(fc.constantFrom(...units), fc.constantFrom<Token[]>([], [], [], ["^", "2"], ["**", "-", "1"], ["²"], ["^", "-", "2"])), {
      minLength: 1,
      maxLength: 2,
    }),
    fc.constantFrom("2", "3", "0.5"),
  )
  .map(([magnitude, parts, more]) => {
    const tokens = [...magnitude, parts[0]![0], ...parts[0]![1]];
    // a second part: another number and unit, added (5 ft 3 in)
    for (const [unit, power] of parts.slice(1)) tokens.push(more, unit, ...power);
    return piece(tokens, parts.at(-1)![1].length === 0);
  });

/** Token sequences that are expressions by construction (parentheses `depth` deep at most), precedence left to the parsers. */
function validExpression(depth: number): fc.Arbitrary<Token[]> {
  const inner = depth > 0 ? validExpression(depth - 1) : undefined;
  const group = inner?.map((e) => ["(", ...e, ")"]);
  // no quantities: safe before `^`
  const plain = fc.oneof(
    { arbitrary: fc.constantFrom(...numbers).map((n) => [n]), weight: 5 },
    { arbitrary: fc.constantFrom(...moments).map((n) => [n]), weight: 1 },
    { arbitrary: fc.constantFrom(...names).map((n) => [n]), weight: 4 },
    { arbitrary: fc.constantFrom(...unitsAsNames, "true", "false").map((n) => [n]), weight: 1 },
    ...(inner && group
      ? [
          { arbitrary: group, weight: 1 },
          {
            arbitrary: fc
              .tuple(fc.constantFrom("f", "max", "sqrt"), fc.array(inner, { minLength: 1, maxLength: 2 }))
              .map(([f, args]) => [f, "(", ...args.flatMap((a, i) => (i === 0 ? a : [",", ...a])), ")"]),
            weight: 1,
          },
          {
            // a list: [], [a], [a, b]
            arbitrary: fc.array(inner, { maxLength: 2 }).map((items) => ["[", ...items.flatMap((a, i) => (i === 0 ? a : [",", ...a])), "]"]),
            weight: 1,
          },
        ]
      : []),
  );
  const primary = fc.oneof({ arbitrary: plain.map((t) => piece(t)), weight: 4 }, { arbitrary: quantity, weight: 1 });
  const bangs = (max: number) => fc.array(fc.constant("!"), { maxLength: max });
  // `20 % of U`: U is a signed operand
  const ofOperand = fc.tuple(fc.array(fc.constantFrom(...signs), { maxLength: 1 }), plain, bangs(1)).map(([s, p, b]) => [...s, ...p, ...b]);
  const postfix = fc.oneof(
    { arbitrary: fc.constantFrom("!", "%", ...superscripts).map((t) => [t]), weight: 4 },
    { arbitrary: ofOperand.map((u) => ["%", "of", ...u]), weight: 1 },
  );
  // signs, a primary, postfix operators, and a right-leaning tower of powers, each exponent with signs of its own
  const factor = fc
    .tuple(
      fc.array(fc.constantFrom(...signs), { maxLength: 2 }),
      primary,
      fc.array(postfix, { maxLength: 2 }),
      fc.array(fc.tuple(fc.constantFrom(...powers), fc.array(fc.constantFrom(...signs), { maxLength: 1 }), plain, bangs(1)), { maxLength: 2 }),
    )
    // `2 m ^ x` would make x the unit's power: no tower right after a bare unit
    .map(([s, p, post, tower]) => [...s, ...p.tokens, ...post.flat(), ...(p.unitEnd && post.length === 0 ? [] : tower.flatMap(([op, sg, q, b1]) => [op, ...sg, ...q, ...b1]))]);
  // implicit multiplication: a name, a boolean or a parenthesis right after an operand (never a number)
  const juxtaposed = fc
    .tuple(
      fc.oneof(fc.constantFrom("x", "pi", "π", "true").map((n) => [n]), ...(group ? [group] : [])),
      bangs(1),
      fc.option(fc.tuple(fc.constantFrom(...powers), fc.constantFrom("2", "x")), { nil: undefined }),
    )
    .map(([p, b, power]) => [...p, ...b, ...(power ?? [])]);
  const arithmetic = fc
    .tuple(factor, fc.array(fc.oneof(fc.tuple(fc.constantFrom(...binary), factor).map(([op, f]) => [op, ...f]), juxtaposed), { maxLength: 2 }))
    .map(([first, rest]) => [...first, ...rest.flat()]);
  // the levels above arithmetic, each present one time in five: the bitwise operators (any of them,
  // mixed), a range (never two), a comparison (never two), not, and, or, conversions
  const bitwise = fc
    .tuple(arithmetic, sometimes(fc.array(fc.tuple(fc.constantFrom(...bitwiseOps), arithmetic), { minLength: 1, maxLength: 3 })))
    .map(([a, rest]) => [...a, ...(rest ?? []).flatMap(([op, b]) => [op, ...b])]);
  const range = fc.tuple(bitwise, sometimes(bitwise)).map(([a, b]) => (b ? [...a, "..", ...b] : a));
  const comparison = fc
    .tuple(range, sometimes(fc.tuple(fc.constantFrom(...comparisons), range)))
    .map(([a, c]) => (c ? [...a, c[0], ...c[1]] : a));
  const negation = fc.tuple(sometimes(fc.constantFrom(["not"], ["not", "not"])), comparison).map(([n, c]) => [...(n ?? []), ...c]);
  const chainOf = (operand: fc.Arbitrary<Token[]>, op: Token) =>
    fc.tuple(operand, sometimes(fc.array(operand, { minLength: 1, maxLength: 2 }))).map(([first, rest]) => [...first, ...(rest ?? []).flatMap((r) => [op, ...r])]);
  const conversion = fc
    .tuple(chainOf(chainOf(negation, "and"), "or"), sometimes(fc.array(fc.tuple(fc.constantFrom(...converts), fc.constantFrom(...targets)), { minLength: 1, maxLength: 2 })))
    .map(([d, convs]) => [...d, ...(convs ?? []).flatMap(([op, t]) => [op, ...t])]);
  if (!inner) return conversion;
  const conditional = fc.tuple(inner, inner, inner).map(([c, a, b]) => ["if", ...c, "then", ...a, "else", ...b]);
  return fc.oneof({ arbitrary: conversion, weight: 6 }, { arbitrary: conditional, weight: 1 });
}

const soupTokens = [...numbers.slice(0, 4), ...moments.slice(0, 2), ...names.slice(0, 4), ...binary.slice(0, 6), ...powers, "!", "(", ")", ","];
const newTokens = [
  "m", "km", "in", "h", "<", "==", "≠", ">=", "and", "or", "not", "if", "then", "else", "to", "->", "→", "of", "true", "false", "²", "⁻¹", "hex", "%",
  "&", "|", "xor", "<<", ">>", "..", "~", "[", "]",
];
const soup = fc.array(fc.constantFrom(...soupTokens), { minLength: 1, maxLength: 10 });
/** The new levels' tokens among the old: one token in three is new. */
const richSoup = fc.array(fc.oneof({ arbitrary: fc.constantFrom(...soupTokens), weight: 2 }, { arbitrary: fc.constantFrom(...newTokens), weight: 1 }), {
  minLength: 1,
  maxLength: 10,
});

/** A valid expression with one or two tokens inserted, deleted or replaced. */
const nearMiss = fc
  .tuple(validExpression(1), fc.array(fc.tuple(fc.nat(), fc.constantFrom("insert", "delete", "replace"), fc.constantFrom(...soupTokens, ...newTokens)), { minLength: 1, maxLength: 2 }))
  .map(([tokens, edits]) => {
    const t = [...tokens];
    for (const [at, kind, token] of edits) {
      const i = at % (t.length + 1);
      if (kind === "insert") t.splice(i, 0, token);
      else if (i < t.length) t.splice(i, 1, ...(kind === "replace" ? [token] : []));
    }
    return t;
  })
  .filter((t) => t.length > 0);

describe("precedence and associativity against a second parser", () => {
  test("the test's names are what they claim: units are units in calc's table, names are not", () => {
    for (const unit of [...units, ...UNIT_NAMES]) expect({ unit, isUnit: isUnitName(unit) }).toEqual({ unit, isUnit: true });
    for (const name of [...names, "max", "f", "hex", "bin", "oct", "dec", "fraction", "mixed"]) {
      expect({ name, isUnit: isUnitName(name) }).toEqual({ name, isUnit: false });
    }
  });

  test("hand-picked cases mean what the precedence table says", () => {
    // the reference parser is itself checked on examples whose meaning is written out by hand
    const cases: [string, string | undefined][] = [
      // README's examples
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
      ["2 3", undefined],
      // if … then … else: an expression of its own, else required, the else part reaches to the end
      ["if x then 1 else 2 + 3", "(if x then 1 else (2 + 3))"],
      ["if x then y else z to km", "(if x then y else (z to km))"],
      ["if if x then y else e then 1 else 2", "(if (if x then y else e) then 1 else 2)"],
      ["1 + if x then 1 else 2", undefined],
      ["not if x then y else e", undefined],
      ["if x then 1", undefined],
      // conversion: looser than or, left-associative; a target is units or a format, not an expression
      ["x + 1 to km", "((x + 1) to km)"],
      ["x or y to hex", "((x or y) to hex)"],
      ["2 km / h -> m / s", "(((2 km) / h) to m/s)"],
      ["x → m to km", "((x to m) to km)"],
      ["x to ft + in", "(x to ft + in)"],
      ["x to N m", "(x to N*m)"],
      ["x to kg * m / s ^ 2", "(x to kg*m/s^2)"],
      ["x to ( hex )", "(x to hex)"],
      ["x to %", "(x to %)"],
      ["x to m + 1", undefined],
      ["x to m * 2", undefined],
      ["x to m or y", undefined],
      ["x to m < y", undefined],
      // or, and, not
      ["x or y and e", "(x or (y and e))"],
      ["x and y or e", "((x and y) or e)"],
      ["not x and y", "((not x) and y)"],
      ["not not x", "(not (not x))"],
      ["x or y or e", "((x or y) or e)"],
      // comparisons: between or and +, and they do not chain
      ["not x < y", "(not (x < y))"],
      ["x + 1 < y * 2", "((x + 1) < (y * 2))"],
      ["x < y and y ≤ e", "((x < y) and (y <= e))"],
      ["x ≠ y", "(x != y)"],
      ["true == not false", undefined],
      ["1 < 2 < 3", undefined],
      ["1 == 2 != 3", undefined],
      ["( 1 < 2 ) == true", "((1 < 2) == true)"],
      ["1 < - x", "(1 < (-x))"],
      // percentages: postfix, unless an operand follows (then modulo); `of` takes a signed operand
      ["x + 10 %", "(x + (10%))"],
      ["10 % - 5", "((10%) - 5)"],
      ["7 % 3", "(7 % 3)"],
      ["7 % x", "(7 % x)"],
      ["7 % ( 3 )", "(7 % 3)"],
      ["5 % true", "(5 % true)"],
      ["20 % of 50", "((20%) * 50)"],
      ["20 % of 50 ^ 2 + 1", "(((20%) * (50 ^ 2)) + 1)"],
      ["20 % of - 50", "((20%) * (-50))"],
      ["2 ^ 20 % of 50", "(2 ^ ((20%) * 50))"],
      ["10 % %", "((10%)%)"],
      ["10 % % 3", "((10%) % 3)"],
      ["x of y", undefined],
      // superscripts are powers, postfix
      ["x ²", "(x ^ 2)"],
      ["x ⁻¹", "(x ^ -1)"],
      ["- x ²", "(-(x ^ 2))"],
      ["x ² ^ 3", "((x ^ 2) ^ 3)"],
      ["2 ^ x ²", "(2 ^ (x ^ 2))"],
      // true and false are operands
      ["true", "true"],
      ["2 true", "(2 * true)"],
      ["not true or false", "((not true) or false)"],
      // quantities: a number directly before a unit is one operand
      ["5 m", "(5 m)"],
      ["5 m / 2 s", "((5 m) / (2 s))"],
      ["2.5 km / h", "((2.5 km) / h)"],
      ["3 ft ^ 2", "(3 ft^2)"],
      ["3 ft ^ 2 ^ 2", "((3 ft^2) ^ 2)"],
      ["2 s ^ - 1", "(2 s^-1)"],
      ["2 m ²", "(2 m^2)"],
      ["- 5 m", "(-(5 m))"],
      ["2 m ^ x", undefined],
      ["2 m ^ 0.5", undefined],
      ["x m", "(x * m)"],
      ["( 2 ) m", "(2 * m)"],
      ["2 m x", "((2 m) * x)"],
      ["m ( 3 )", "m(3)"],
      ["1 / 2 in", "((1 / 2) in)"],
      ["3 ÷ 4 in", "((3 / 4) in)"],
      ["x / 2 in", "(x / (2 in))"],
      ["1 / 2 / 4 in", "(1 / ((2 / 4) in))"],
      ["0.5 / 2 in", "(0.5 / (2 in))"],
      ["5 ft 3 in", "((5 ft) + (3 in))"],
      ["2 * 5 ft 3 in", "(2 * ((5 ft) + (3 in)))"],
      ["5 ft 3 in ^ 2", "((5 ft) + (3 in^2))"],
      ["5 ft 3", undefined],
      ["5 ft 1 / 2 in", undefined],
      // `in` is the inch: a name after a lone `in` meant a conversion
      ["x in m", undefined],
      ["2 in m", "((2 in) * m)"],
      ["x in to m", "((x * in) to m)"],
      // the bitwise levels (issue 21): Python's, between the comparisons and + -
      ["1 << 2 + 1", "(1 << (2 + 1))"],
      ["6 & 3 == 2", "((6 & 3) == 2)"],
      ["1 | 2 xor 3 & 4 << 5", "(1 | (2 xor (3 & (4 << 5))))"],
      ["1 << 2 >> 3", "((1 << 2) >> 3)"],
      ["x & y & e", "((x & y) & e)"],
      ["x | y & e xor f", "(x | ((y & e) xor f))"],
      ["a < b | c", "(a < (b | c))"],
      ["not 1 & 2 == 0", "(not ((1 & 2) == 0))"],
      ["x & y to hex", "((x & y) to hex)"],
      ["- x & y", "((-x) & y)"],
      ["~ - x", "(~(-x))"],
      ["~ x ^ 2", "(~(x ^ 2))"],
      ["2 ^ ~ x", "(2 ^ (~x))"],
      ["x ~ y", undefined],
      ["x & ", undefined],
      // a range: looser than the bitwise levels, one per range
      ["1 .. 2 + 3", "(1..(2 + 3))"],
      ["1 .. x | y", "(1..(x | y))"],
      ["1 .. 2 .. 3", undefined],
      ["x .. y == e", "((x..y) == e)"],
      // lists: operands of any expressions
      ["[ 1 , 2 + 3 ]", "[1, (2 + 3)]"],
      ["[ ]", "[]"],
      ["[ 1 .. 3 , x to km ]", "[(1..3), (x to km)]"],
      ["[ 1 , 2 ] * 2", "([1, 2] * 2)"],
      ["2 [ 1 ]", undefined],
      ["7 % [ 1 ]", "(7 % [1])"],
      ["7 % ~ x", "(7 % (~x))"],
      ["[ 1 , ]", undefined],
    ];
    for (const [text, meaning] of cases) {
      const tokens = text.split(" ");
      expect({ text, reference: referenceParse(tokens), calc: calcParse(tokens) }).toEqual({ text, reference: meaning, calc: meaning });
    }
  });

  test("generated expressions parse the same way", () => {
    fc.assert(
      fc.property(validExpression(2), (tokens) => {
        expect({ text: tokens.join(" "), valid: agree(tokens) !== undefined }).toEqual({ text: tokens.join(" "), valid: true });
      }),
      property("precedence", 1500),
    );
  }, 60_000 * Math.max(1, scale));

  test("near misses of them: both reject, or both read the same way", () => {
    let accepted = 0;
    fc.assert(
      fc.property(nearMiss, (tokens) => {
        if (agree(tokens) !== undefined) accepted++;
      }),
      property("near misses", 1500),
    );
    expect(accepted).toBeGreaterThan(100);
  }, 60_000 * Math.max(1, scale));

  test("token soup: both reject it, or both read it the same way", () => {
    let accepted = 0;
    fc.assert(
      fc.property(soup, (tokens) => {
        if (agree(tokens) !== undefined) accepted++;
      }),
      property("token soup", 3000),
    );
    expect(accepted).toBeGreaterThan(100);
    let richAccepted = 0;
    fc.assert(
      fc.property(richSoup, (tokens) => {
        if (agree(tokens) !== undefined) richAccepted++;
      }),
      property("token soup with comparisons, keywords, conversions, units and superscripts", 3000),
    );
    expect(richAccepted).toBeGreaterThan(100);
    console.log(`token soup: ${accepted} and ${richAccepted} of each 3,000 accepted by both`);
  }, 60_000 * Math.max(1, scale));
});
