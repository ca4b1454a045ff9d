// Random expressions with units for the differential test: quantities (5 ft, 3/4 in, 2 s^-1,
// 3 ft²), plain numbers, + - * / unary minus, small whole powers, sums written side by side
// (5 ft 3 in) and conversions (`to`), written as calc source by a printer of our own and sent as
// JSON to tests/oracles/quantities_oracle.py, which knows the units' definitions; this file knows
// only which units measure the same thing, to choose targets that mostly fit.
import { looksLikeDate } from "./expressions.ts";
import fc from "fast-check";

export const UNITS = {
  length: ["m", "cm", "km", "ft", "in"],
  time: ["s", "min", "h"],
  mass: ["kg", "g", "lb"],
} as const;
type Kind = keyof typeof UNITS;
const KINDS = Object.keys(UNITS) as Kind[];
const ALL_UNITS = KINDS.flatMap((k) => UNITS[k]);
const kindOf = (unit: string) => KINDS.find((k) => (UNITS[k] as readonly string[]).includes(unit))!;

/** Powers of length, time and mass. */
type Dims = Record<Kind, number>;
const NONE: Dims = { length: 0, time: 0, mass: 0 };

/** A target: units and their powers, and how it is written (km/h, ft^2*lb, s^-1). */
export interface Target {
  factors: [string, number][];
  text: string;
}

export type QTree =
  // a number written directly before a unit; `magnitude` may be a ratio of integers: 3/4 in
  | { op: "q"; magnitude: string; unit: string; power: number; superscript: boolean }
  | { op: "n"; text: string }
  | { op: "neg"; a: QTree }
  | { op: "pow"; a: QTree; exponent: number }
  | { op: "add" | "sub" | "mul" | "div"; a: QTree; b: QTree; spaced: boolean; spelling: number }
  // 5 ft 3 in: quantities side by side are a sum
  | { op: "sum"; parts: [string, string][] }
  | { op: "to"; a: QTree; target: Target; spelling: number };

export function toQuantityOracle(tree: QTree): unknown {
  switch (tree.op) {
    case "q":
      return ["q", tree.magnitude, tree.unit, tree.power];
    case "n":
      return ["n", tree.text];
    case "neg":
      return ["neg", toQuantityOracle(tree.a)];
    case "pow":
      return ["pow", toQuantityOracle(tree.a), tree.exponent];
    case "sum":
      return ["sum", ...tree.parts];
    case "to":
      return ["to", toQuantityOracle(tree.a), tree.target.factors];
    default:
      return [tree.op, toQuantityOracle(tree.a), toQuantityOracle(tree.b)];
  }
}

// levels, loosest first (as in expressions.ts); a quantity is one operand, but `(5 m)^2` needs its
// parentheses: 5 m^2 is five square metres
const CONVERSION = 2;
const ADDITIVE = 7;
const MULTIPLICATIVE = 8;
const UNARY = 9;
const POSTFIX = 11;
const ATOM = 12;

const level: Record<QTree["op"], number> = {
  to: CONVERSION,
  add: ADDITIVE,
  sub: ADDITIVE,
  mul: MULTIPLICATIVE,
  div: MULTIPLICATIVE,
  neg: UNARY,
  q: UNARY,
  sum: UNARY,
  pow: 10,
  n: ATOM,
};

const SUPERSCRIPT: Record<number, string> = { 2: "²", 3: "³", [-1]: "⁻¹" };
const spellings = { add: ["+"], sub: ["-", "−"], mul: ["*", "×", "·"], div: ["/", "÷"] };
const arrows = ["to", "->", "→"];

const operand = (tree: QTree, min: number) => (level[tree.op] < min ? `(${renderQuantities(tree)})` : renderQuantities(tree));
const unitText = (unit: string, power: number, superscript: boolean) =>
  power === 1 ? unit : superscript ? `${unit}${SUPERSCRIPT[power]}` : `${unit}^${power}`;

export function renderQuantities(tree: QTree): string {
  switch (tree.op) {
    case "q":
      return `${tree.magnitude} ${unitText(tree.unit, tree.power, tree.superscript)}`;
    case "n":
      return tree.text;
    case "neg":
      return `-${operand(tree.a, UNARY)}`;
    case "pow":
      return `${operand(tree.a, POSTFIX)}^${tree.exponent}`;
    case "sum":
      return tree.parts.map(([n, u]) => `${n} ${u}`).join(" ");
    case "to":
      return `${operand(tree.a, CONVERSION)} ${arrows[tree.spelling % 3]} ${tree.target.text}`;
    default: {
      const choices = spellings[tree.op];
      const op = choices[tree.spelling % choices.length]!;
      const bound = level[tree.op];
      const left = operand(tree.a, bound);
      let right = operand(tree.b, bound + 1);
      // `1 / 2 in` is half an inch: an integer before `/` and a quantity after it would be read as one number
      if (/\d$/.test(left) && /^\d/.test(right) && (op === "/" || op === "÷")) right = `(${right})`;
      const space = tree.spaced || looksLikeDate(left, op, right) ? " " : "";
      return `${left}${space}${op}${space}${right}`;
    }
  }
}

// ---- dimensions, for choosing targets

function dimsOf(tree: QTree): Dims {
  switch (tree.op) {
    case "q":
      return { ...NONE, [kindOf(tree.unit)]: tree.power };
    case "n":
      return NONE;
    case "neg":
    case "to":
      return dimsOf(tree.a);
    case "pow": {
      const d = dimsOf(tree.a);
      return { length: d.length * tree.exponent, time: d.time * tree.exponent, mass: d.mass * tree.exponent };
    }
    case "sum":
      return { ...NONE, [kindOf(tree.parts[0]![1])]: 1 };
    case "add":
    case "sub":
      return dimsOf(tree.a);
    case "mul":
    case "div": {
      const a = dimsOf(tree.a);
      const b = dimsOf(tree.b);
      const s = tree.op === "mul" ? 1 : -1;
      return { length: a.length + s * b.length, time: a.time + s * b.time, mass: a.mass + s * b.mass };
    }
  }
}

/** km/h, ft^2*lb, kg*m/s^2, s^-1: the positive powers first, then each negative one after a `/`. */
export function writeTarget(factors: [string, number][]): string {
  const up = factors.filter(([, p]) => p > 0);
  const down = factors.filter(([, p]) => p < 0);
  const power = (u: string, p: number) => (p === 1 ? u : `${u}^${p}`);
  if (up.length === 0) return [power(down[0]![0], down[0]![1]), ...down.slice(1).map(([u, p]) => `/${power(u, -p)}`)].join("");
  return up.map(([u, p]) => power(u, p)).join("*") + down.map(([u, p]) => `/${power(u, -p)}`).join("");
}

/** A target of the tree's dimension in other units (km/h for m/s) mostly; sometimes any unit (mostly a mismatch). */
function targetFor(tree: QTree, choices: number[], fits: boolean): Target | undefined {
  if (!fits) {
    const unit = ALL_UNITS[choices[0]! % ALL_UNITS.length]!;
    return { factors: [[unit, 1]], text: unit };
  }
  const dims = dimsOf(tree);
  const factors: [string, number][] = KINDS.filter((k) => dims[k] !== 0).map((k, i) => [UNITS[k][choices[i]! % UNITS[k].length]!, dims[k]]);
  if (factors.length === 0) return undefined;
  return { factors, text: writeTarget(factors) };
}

/** A product of quantities (or a number) with the given dimension: 3 ft^2 * 2 lb for area·mass. */
function treeWithDims(dims: Dims, choices: number[], magnitudes: string[]): QTree {
  const parts = KINDS.filter((k) => dims[k] !== 0).map(
    (k, i): QTree => ({ op: "q", magnitude: magnitudes[i]!, unit: UNITS[k][choices[i]! % UNITS[k].length]!, power: dims[k], superscript: false }),
  );
  if (parts.length === 0) return { op: "n", text: magnitudes[0]! };
  return parts.reduce((a, b): QTree => ({ op: "mul", a, b, spaced: true, spelling: 0 }));
}

// ---- the generator

const magnitude = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 12 }).map(String), weight: 8 },
  { arbitrary: fc.constantFrom("2.5", "0.75", "12.375", "1.5", "0.3048", "100", "1000", "3.6"), weight: 4 },
  { arbitrary: fc.constantFrom("1/2", "3/4", "5/8", "2/3", "7/16"), weight: 2 },
  { arbitrary: fc.constant("0"), weight: 1 },
);
const quantity = fc
  .tuple(magnitude, fc.constantFrom(...ALL_UNITS), fc.constantFrom(1, 1, 1, 1, 2, -1, 3), fc.boolean())
  .map(([m, unit, power, superscript]): QTree => ({ op: "q", magnitude: m, unit, power, superscript }));
const sum = fc
  .tuple(fc.constantFrom(...ALL_UNITS), fc.constantFrom(...ALL_UNITS), fc.boolean(), fc.integer({ min: 1, max: 12 }), fc.constantFrom("3", "0.5", "7", "11"))
  .map(([u1, u2, same, n1, n2]): QTree => ({ op: "sum", parts: [[String(n1), u1], [n2, same ? UNITS[kindOf(u1)][ALL_UNITS.indexOf(u2) % UNITS[kindOf(u1)].length]! : u2]] }));
const choices = fc.array(fc.nat(), { minLength: 3, maxLength: 3 });

export function quantityExpression(depth = 4): fc.Arbitrary<QTree> {
  const { tree } = fc.letrec<{ tree: QTree }>((tie) => ({
    tree: fc.oneof(
      { maxDepth: depth, depthIdentifier: "q" },
      { arbitrary: quantity, weight: 5 },
      { arbitrary: fc.constantFrom("2", "3", "0.5", "10").map((text): QTree => ({ op: "n", text })), weight: 1 },
      { arbitrary: sum, weight: 1 },
      ...(["add", "sub", "mul", "div"] as const).map((op) => ({
        arbitrary: fc.tuple(tie("tree"), tie("tree"), fc.boolean(), fc.nat({ max: 5 })).map(([a, b, spaced, spelling]): QTree => ({ op, a, b, spaced, spelling })),
        // two random operands rarely have one dimension: a sum of them is mostly an error
        weight: op === "add" || op === "sub" ? 1 : 3,
      })),
      // a + b between operands of one dimension, in other units
      {
        arbitrary: fc
          .tuple(tie("tree"), choices, fc.array(magnitude, { minLength: 3, maxLength: 3 }), fc.constantFrom("add" as const, "sub" as const), fc.boolean(), fc.boolean())
          .map(([a, c, mags, op, spaced, swap]): QTree => {
            const b = treeWithDims(dimsOf(a), c, mags);
            return { op, a: swap ? b : a, b: swap ? a : b, spaced, spelling: c[0]! };
          }),
        weight: 4,
      },
      { arbitrary: tie("tree").map((a): QTree => ({ op: "neg", a })), weight: 1 },
      { arbitrary: fc.tuple(tie("tree"), fc.constantFrom(2, 3, -1)).map(([a, exponent]): QTree => ({ op: "pow", a, exponent })), weight: 1 },
      {
        arbitrary: fc.tuple(tie("tree"), choices, fc.integer({ min: 0, max: 4 }), fc.nat()).map(([a, c, fit, spelling]): QTree => {
          const target = targetFor(a, c, fit > 0) ?? targetFor(a, c, false)!;
          return { op: "to", a, target, spelling };
        }),
        weight: 3,
      },
    ),
  }));
  return tree;
}
