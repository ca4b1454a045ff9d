// Random expressions for the differential tests: a tree, written as calc source by a printer of our
// own (from the precedence table and the rules of the language, not grammar/unparse.ts), and sent as
// JSON to the oracle. Numbers and booleans: arithmetic, percentages, comparisons, and/or/not,
// if/then/else, and a conversion to a format (to fraction, to hex, …) at the top.
import fc from "fast-check";

export type BinaryOp = "add" | "sub" | "mul" | "div" | "mod" | "fdiv" | "pow";
export type CompareOp = "==" | "!=" | "<" | "<=" | ">" | ">=";
export type Format = "fraction" | "mixed" | "hex" | "bin" | "oct" | "dec" | "%";

/** A node and the way it is written: extra parentheses, spaces, which spelling of its operator. */
export type Tree =
  | { op: "num"; text: string; wrap: boolean }
  | { op: "bool"; value: boolean; wrap: boolean }
  // pct: x% (x/100)
  | { op: "neg" | "fact" | "pct" | "not"; a: Tree; wrap: boolean }
  | { op: BinaryOp; a: Tree; b: Tree; wrap: boolean; spelling: number; spaced: boolean }
  // of: a% of b
  | { op: "of" | "and" | "or"; a: Tree; b: Tree; wrap: boolean }
  | { op: "cmp"; cmp: CompareOp; a: Tree; b: Tree; wrap: boolean; spelling: number }
  | { op: "if"; c: Tree; a: Tree; b: Tree; wrap: boolean }
  // only at the top: a to hex, a -> fraction, a → %
  | { op: "to"; a: Tree; format: Format; spelling: number; wrap: false };

/**
 * The oracle's form: ["num", text] | ["bool", b] | [unary, T] | [binary, T, T] | ["cmp", op, T, T]
 * | ["if", C, T, T] | ["to", format, T], with unary in neg fact pct not and binary in add sub mul
 * div mod fdiv pow of and or.
 */
export type OracleTree = [string, ...(string | boolean | OracleTree)[]];

export function toOracle(tree: Tree): OracleTree {
  switch (tree.op) {
    case "num":
      return ["num", tree.text];
    case "bool":
      return ["bool", tree.value];
    case "neg":
    case "fact":
    case "pct":
    case "not":
      return [tree.op, toOracle(tree.a)];
    case "cmp":
      return ["cmp", tree.cmp, toOracle(tree.a), toOracle(tree.b)];
    case "if":
      return ["if", toOracle(tree.c), toOracle(tree.a), toOracle(tree.b)];
    case "to":
      return ["to", tree.format, toOracle(tree.a)];
    default:
      return [tree.op, toOracle(tree.a), toOracle(tree.b)];
  }
}

// The precedence table, loosest first; a literal or anything in parentheses is an atom.
const CONDITIONAL = 1;
const CONVERSION = 2;
const OR = 3;
const AND = 4;
const NOT = 5;
const COMPARISON = 6;
const ADDITIVE = 7;
const MULTIPLICATIVE = 8;
const UNARY = 9;
const POWER = 10;
const POSTFIX = 11;
const ATOM = 12;

const level: Record<Tree["op"], number> = {
  if: CONDITIONAL,
  to: CONVERSION,
  or: OR,
  and: AND,
  not: NOT,
  cmp: COMPARISON,
  add: ADDITIVE,
  sub: ADDITIVE,
  mul: MULTIPLICATIVE,
  div: MULTIPLICATIVE,
  mod: MULTIPLICATIVE,
  fdiv: MULTIPLICATIVE,
  // `a% of b` takes a signed operand on its right: it is kept whole by parentheses wherever a
  // multiplicative operand would be
  of: MULTIPLICATIVE,
  neg: UNARY,
  pow: POWER,
  fact: POSTFIX,
  pct: POSTFIX,
  num: ATOM,
  bool: ATOM,
};

/** Every way calc lets each operator be written; "" for mul is implicit multiplication: `2(3 + 4)`. */
const spellings: Record<BinaryOp, readonly string[]> = {
  add: ["+"],
  sub: ["-", "−"],
  mul: ["*", "×", "·", ""],
  div: ["/", "÷"],
  mod: ["%", "mod"],
  fdiv: ["//"],
  pow: ["^", "**"],
};
const compareSpellings: Record<CompareOp, readonly string[]> = {
  "==": ["=="],
  "!=": ["!=", "≠"],
  "<": ["<"],
  "<=": ["<=", "≤"],
  ">": [">"],
  ">=": [">=", "≥"],
};
const conversionSpellings = ["to", "->", "→"];

/** calc source for the tree, with only the parentheses the precedence rules need (plus the `wrap`ped ones). */
export function render(tree: Tree): string {
  const text = renderBare(tree);
  return tree.wrap ? `(${text})` : text;
}

function levelOf(tree: Tree): number {
  return tree.wrap ? ATOM : level[tree.op];
}

/** The subtree, in parentheses if it binds looser than `min`. */
function operand(tree: Tree, min: number): string {
  return levelOf(tree) < min ? `(${render(tree)})` : render(tree);
}

function renderBare(tree: Tree): string {
  switch (tree.op) {
    case "num":
      return tree.text;
    case "bool":
      return String(tree.value);
    case "neg":
      return `-${operand(tree.a, UNARY)}`;
    case "fact":
      return `${operand(tree.a, POSTFIX)}!`;
    case "pct":
      return `${operand(tree.a, POSTFIX)}%`;
    case "of":
      return `${operand(tree.a, POSTFIX)}% of ${operand(tree.b, UNARY)}`;
    case "not":
      return `not ${operand(tree.a, NOT)}`;
    case "and":
      return `${operand(tree.a, AND)} and ${operand(tree.b, NOT)}`;
    case "or":
      return `${operand(tree.a, OR)} or ${operand(tree.b, AND)}`;
    case "cmp": {
      // always spaced: `3!==6` would read as 3 != =6
      const choices = compareSpellings[tree.cmp];
      return `${operand(tree.a, ADDITIVE)} ${choices[tree.spelling % choices.length]} ${operand(tree.b, ADDITIVE)}`;
    }
    case "if":
      return `if ${render(tree.c)} then ${render(tree.a)} else ${render(tree.b)}`;
    case "to":
      return `${operand(tree.a, CONVERSION)} ${conversionSpellings[tree.spelling % 3]} ${tree.format}`;
    case "pow": {
      // right-associative, and the exponent may carry a sign: 2^-3, 2^3^2
      const op = spellings.pow[tree.spelling % 2]!;
      const space = tree.spaced ? " " : "";
      return `${operand(tree.a, POSTFIX)}${space}${op}${space}${operand(tree.b, UNARY)}`;
    }
    default: {
      const choices = spellings[tree.op];
      const op = choices[tree.spelling % choices.length]!;
      const bound = level[tree.op];
      let left = operand(tree.a, bound);
      // implicit multiplication never takes a number on its right: here it always takes `( … )`;
      // and a `%` right before `(` would be modulo, so an operand ending in a percentage is closed first
      if (op === "") {
        if (left.endsWith("%")) left = `(${left})`;
        return `${left}${tree.spaced ? " " : ""}(${render(tree.b)})`;
      }
      // left-associative: the right operand must bind tighter; `mod` is a word and needs its spaces
      const right = operand(tree.b, bound + 1);
      const space = tree.spaced || op === "mod" || looksLikeDate(left, op, right) ? " " : "";
      // `%` before a sign is a percentage (10% - 5), so a signed divisor of `%` is put in parentheses
      return `${left}${space}${op}${space}${op === "%" && /^[-+−]/.test(right) ? `(${right})` : right}`;
    }
  }
}

// ---- literals: every form README lists, with the value the oracle will read from the text itself

const digits = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: min, maxLength: max });

/** `1000000` → `1_000_000` (or `10_00000`): underscores between digits. */
function underscored(text: string, cuts: number[]): string {
  const at = new Set(cuts.map((c) => 1 + (c % Math.max(1, text.length - 1))));
  return [...text].map((ch, i) => (at.has(i) && i < text.length ? `_${ch}` : ch)).join("");
}

const smallInteger = fc.integer({ min: 0, max: 12 }).map(String);

export const literal: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: smallInteger, weight: 6 },
  { arbitrary: fc.integer({ min: 0, max: 1_000_000 }).map(String), weight: 3 },
  { arbitrary: fc.bigInt({ min: 0n, max: 10n ** 30n }).map(String), weight: 1 },
  // 12.375, .5, 5.
  { arbitrary: fc.tuple(digits(1, 4), digits(1, 6)).map(([i, f]) => `${i}.${f}`), weight: 3 },
  { arbitrary: digits(1, 4).map((f) => `.${f}`), weight: 1 },
  { arbitrary: digits(1, 3).map((i) => `${i}.`), weight: 1 },
  // 1e3, 2.5E-3, 7e+2
  {
    arbitrary: fc
      .tuple(digits(1, 2), fc.option(digits(1, 3), { nil: undefined }), fc.constantFrom("e", "E"), fc.constantFrom("", "-", "+"), fc.integer({ min: 0, max: 9 }))
      .map(([i, f, e, sign, x]) => `${i}${f === undefined ? "" : `.${f}`}${e}${sign}${x}`),
    weight: 2,
  },
  {
    arbitrary: fc.tuple(digits(2, 9), fc.array(fc.nat(), { minLength: 1, maxLength: 3 })).map(([d, cuts]) => underscored(d, cuts)),
    weight: 1,
  },
  // 0xff, 0B101, 0o17
  {
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 0xfffff }), fc.constantFrom(["x", 16], ["X", 16], ["b", 2], ["B", 2], ["o", 8], ["O", 8]), fc.boolean())
      .map(([n, [prefix, radix], upper]) => `0${prefix}${upper ? n.toString(radix as number).toUpperCase() : n.toString(radix as number)}`),
    weight: 1,
  },
);

// ---- trees

// one node in ten gets parentheses it does not need (shrinking drops them)
const wrap = fc.integer({ min: 0, max: 9 }).map((n) => n === 9);
const rendering = fc.record({ wrap, spelling: fc.nat({ max: 11 }), spaced: fc.boolean() });

const num = (text: fc.Arbitrary<string>) => fc.record({ text, wrap }).map(({ text, wrap }): Tree => ({ op: "num", text, wrap }));

function binary(op: BinaryOp, a: fc.Arbitrary<Tree>, b: fc.Arbitrary<Tree>): fc.Arbitrary<Tree> {
  return fc.tuple(a, b, rendering).map(([a, b, r]): Tree => ({ op, a, b, ...r }));
}

function unary(op: "neg" | "fact" | "not", a: fc.Arbitrary<Tree>): fc.Arbitrary<Tree> {
  return fc.tuple(a, wrap).map(([a, wrap]): Tree => ({ op, a, wrap }));
}

/** x%: never in parentheses of its own, so that `x + 10%` is always written as a percentage directly. */
const percent = (a: fc.Arbitrary<Tree>) => a.map((a): Tree => ({ op: "pct", a, wrap: false }));

function junction(op: "of" | "and" | "or", a: fc.Arbitrary<Tree>, b: fc.Arbitrary<Tree>): fc.Arbitrary<Tree> {
  return fc.tuple(a, b, wrap).map(([a, b, wrap]): Tree => ({ op, a, b, wrap }));
}

function compare(ops: readonly CompareOp[], a: fc.Arbitrary<Tree>, b: fc.Arbitrary<Tree>): fc.Arbitrary<Tree> {
  return fc.tuple(fc.constantFrom(...ops), a, b, wrap, fc.nat({ max: 5 })).map(([cmp, a, b, wrap, spelling]): Tree => ({ op: "cmp", cmp, a, b, wrap, spelling }));
}

function conditional(c: fc.Arbitrary<Tree>, a: fc.Arbitrary<Tree>, b: fc.Arbitrary<Tree>): fc.Arbitrary<Tree> {
  return fc.tuple(c, a, b, wrap).map(([c, a, b, wrap]): Tree => ({ op: "if", c, a, b, wrap }));
}

const ALL_COMPARISONS: readonly CompareOp[] = ["==", "!=", "<", "<=", ">", ">="];
const zero = num(fc.constantFrom("0", "0.0", "0x0"));

/**
 * Expressions `depth` operators deep at most: numbers over + - * / % // ^ ! unary minus,
 * percentages (x%, x + y%, x - y%, y% of x) and if/then/else; booleans from comparisons, and, or,
 * not, true, false; at the top, sometimes a conversion to a format, and rarely a misuse of a
 * boolean or a number (a type error).
 */
export function expression(depth = 5): fc.Arbitrary<Tree> {
  const { top } = fc.letrec<{ top: Tree; tree: Tree; bool: Tree; small: Tree; exponent: Tree; misuse: Tree }>((tie) => ({
    top: fc.oneof(
      { arbitrary: tie("tree"), weight: 14 },
      { arbitrary: tie("bool"), weight: 3 },
      {
        arbitrary: fc
          .tuple(tie("tree"), fc.constantFrom<Format>("fraction", "mixed", "hex", "bin", "oct", "dec", "%"), fc.nat({ max: 2 }))
          .map(([a, format, spelling]): Tree => ({ op: "to", a, format, spelling, wrap: false })),
        weight: 5,
      },
      { arbitrary: tie("misuse"), weight: 1 },
    ),
    tree: fc.oneof(
      { maxDepth: depth, depthIdentifier: "tree" },
      { arbitrary: num(literal), weight: 8 },
      { arbitrary: unary("neg", tie("tree")), weight: 4 },
      ...(["add", "sub", "mul", "div", "mod", "fdiv"] as const).map((op) => ({
        arbitrary: binary(op, tie("tree"), tie("tree")),
        weight: op === "mod" || op === "fdiv" ? 2 : 6,
      })),
      { arbitrary: binary("pow", tie("tree"), tie("exponent")), weight: 4 },
      { arbitrary: unary("fact", tie("small")), weight: 2 },
      // percentages: x%, x + y% and x - y% (a change by y percent), y% of x
      { arbitrary: percent(tie("tree")), weight: 2 },
      { arbitrary: binary("add", tie("tree"), percent(tie("tree"))), weight: 2 },
      { arbitrary: binary("sub", tie("tree"), percent(tie("tree"))), weight: 2 },
      { arbitrary: junction("of", tie("tree"), tie("tree")), weight: 2 },
      { arbitrary: conditional(tie("bool"), tie("tree"), tie("tree")), weight: 2 },
      // a division by zero in the branch not taken is no error
      {
        arbitrary: fc
          .tuple(tie("bool"), tie("tree"), binary("div", tie("tree"), zero), fc.boolean(), wrap)
          .map(([c, a, z, zeroFirst, wrap]): Tree => ({ op: "if", c, a: zeroFirst ? z : a, b: zeroFirst ? a : z, wrap })),
        weight: 1,
      },
    ),
    bool: fc.oneof(
      { maxDepth: depth, depthIdentifier: "tree" },
      { arbitrary: compare(ALL_COMPARISONS, tie("tree"), tie("tree")), weight: 8 },
      { arbitrary: fc.tuple(fc.boolean(), wrap).map(([value, wrap]): Tree => ({ op: "bool", value, wrap })), weight: 2 },
      { arbitrary: unary("not", tie("bool")), weight: 2 },
      { arbitrary: junction("and", tie("bool"), tie("bool")), weight: 2 },
      { arbitrary: junction("or", tie("bool"), tie("bool")), weight: 2 },
      // booleans are equal or not
      { arbitrary: compare(["==", "!="], tie("bool"), tie("bool")), weight: 1 },
      { arbitrary: conditional(tie("bool"), tie("bool"), tie("bool")), weight: 1 },
    ),
    // factorials of small numbers mostly, sometimes of an expression (which may not be a whole number)
    small: fc.oneof(
      { maxDepth: 1, depthIdentifier: "small" },
      { arbitrary: num(fc.integer({ min: 0, max: 25 }).map(String)), weight: 4 },
      { arbitrary: tie("tree"), weight: 1 },
    ),
    // small whole exponents mostly, both signs; sometimes 0.5, 2/3 or any expression
    exponent: fc.oneof(
      { maxDepth: 1, depthIdentifier: "exponent" },
      { arbitrary: num(fc.integer({ min: 0, max: 7 }).map(String)), weight: 6 },
      { arbitrary: unary("neg", num(fc.integer({ min: 1, max: 5 }).map(String))), weight: 2 },
      { arbitrary: num(fc.constantFrom("0.5", ".5", "1.5", "0.25", "2.5", "0.75")), weight: 1 },
      { arbitrary: binary("div", num(fc.integer({ min: 1, max: 6 }).map(String)), num(fc.integer({ min: 1, max: 4 }).map(String))), weight: 1 },
      { arbitrary: tie("tree"), weight: 1 },
    ),
    // a boolean where a number belongs, or the other way round
    misuse: fc.oneof(
      { maxDepth: 1, depthIdentifier: "misuse" },
      fc.constantFrom(...(["add", "mul", "pow", "mod"] as const)).chain((op) => fc.oneof(binary(op, tie("bool"), tie("tree")), binary(op, tie("tree"), tie("bool")))),
      unary("neg", tie("bool")),
      unary("fact", tie("bool")),
      percent(tie("bool")),
      unary("not", tie("tree")),
      junction("and", tie("tree"), tie("bool")),
      junction("or", tie("bool"), tie("tree")),
      conditional(tie("tree"), tie("tree"), tie("tree")),
      compare(["<", "<=", ">", ">="], tie("bool"), tie("bool")),
      compare(ALL_COMPARISONS, tie("bool"), tie("tree")),
      fc.tuple(tie("bool"), fc.constantFrom<Format>("hex", "fraction", "%")).map(([a, format]): Tree => ({ op: "to", a, format, spelling: 0, wrap: false })),
    ),
  }));
  return top;
}

/**
 * Whether `left-right` unspaced would read as a date or a clock time (issue 19: 2026-12-04 is a date,
 * not 2026 - 12 - 4): such a subtraction is written with spaces, as the language asks.
 */
export function looksLikeDate(left: string, op: string, right: string): boolean {
  return op === "-" && /(?:^|[^\w.])\d{4}(?:-\d{2})?$/.test(left) && /^\d{2}(?![\w.])/.test(right);
}
