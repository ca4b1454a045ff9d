// Random arithmetic expressions for the differential tests: a tree, written as calc source by a
// printer of our own (from README "The language", not src/print.ts), and sent as JSON to the oracle.
import fc from "fast-check";

export type BinaryOp = "add" | "sub" | "mul" | "div" | "mod" | "fdiv" | "pow";

/** A node and the way it is written: extra parentheses, spaces, which spelling of its operator. */
export type Tree =
  | { op: "num"; text: string; wrap: boolean }
  | { op: "neg" | "fact"; a: Tree; wrap: boolean }
  | { op: BinaryOp; a: Tree; b: Tree; wrap: boolean; spelling: number; spaced: boolean };

/** The oracle's form: ["num", text] | ["neg", T] | ["fact", T] | [op, T, T]. */
export type OracleTree = [string, ...(string | OracleTree)[]];

export function toOracle(tree: Tree): OracleTree {
  switch (tree.op) {
    case "num":
      return ["num", tree.text];
    case "neg":
    case "fact":
      return [tree.op, toOracle(tree.a)];
    default:
      return [tree.op, toOracle(tree.a), toOracle(tree.b)];
  }
}

// README's precedence table, loosest first; a literal or anything in parentheses is an atom.
const ADDITIVE = 1;
const MULTIPLICATIVE = 2;
const UNARY = 3;
const POWER = 4;
const POSTFIX = 5;
const ATOM = 6;

const level: Record<Tree["op"], number> = {
  add: ADDITIVE,
  sub: ADDITIVE,
  mul: MULTIPLICATIVE,
  div: MULTIPLICATIVE,
  mod: MULTIPLICATIVE,
  fdiv: MULTIPLICATIVE,
  neg: UNARY,
  pow: POWER,
  fact: POSTFIX,
  num: ATOM,
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
    case "neg":
      return `-${operand(tree.a, UNARY)}`;
    case "fact":
      return `${operand(tree.a, POSTFIX)}!`;
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
      const left = operand(tree.a, bound);
      // implicit multiplication never takes a number on its right: here it always takes `( … )`
      if (op === "") return `${left}${tree.spaced ? " " : ""}(${render(tree.b)})`;
      // left-associative: the right operand must bind tighter; `mod` is a word and needs its spaces
      const space = tree.spaced || op === "mod" ? " " : "";
      const right = operand(tree.b, bound + 1);
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

function unary(op: "neg" | "fact", a: fc.Arbitrary<Tree>): fc.Arbitrary<Tree> {
  return fc.tuple(a, wrap).map(([a, wrap]): Tree => ({ op, a, wrap }));
}

/** Expressions over + - * / % // ^ ! and unary minus, `depth` operators deep at most. */
export function expression(depth = 5): fc.Arbitrary<Tree> {
  const { tree } = fc.letrec<{ tree: Tree; small: Tree; exponent: Tree }>((tie) => ({
    tree: fc.oneof(
      { maxDepth: depth, depthIdentifier: "tree" },
      { arbitrary: num(literal), weight: 4 },
      { arbitrary: unary("neg", tie("tree")), weight: 2 },
      ...(["add", "sub", "mul", "div", "mod", "fdiv"] as const).map((op) => ({
        arbitrary: binary(op, tie("tree"), tie("tree")),
        weight: op === "mod" || op === "fdiv" ? 1 : 3,
      })),
      { arbitrary: binary("pow", tie("tree"), tie("exponent")), weight: 2 },
      { arbitrary: unary("fact", tie("small")), weight: 1 },
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
  }));
  return tree;
}
