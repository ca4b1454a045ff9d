// Random complex expressions for tests/oracles/complex.test.ts: Gaussian rationals (3, -1/2, 2i,
// (3 - 4i), i), + - * / and unary minus, integer powers, and the functions of complex numbers.
// Functions with branch cuts (sqrt, ln, log10, arg, asin, acos, atan, a power that is not an
// integer) take only exact operands, whose side of a cut is known exactly, and so do re and im;
// the others take any.
// Written as calc source by a printer of our own, and as JSON for tests/oracles/complex_oracle.py.
import fc from "fast-check";

export type CTree =
  | { op: "lit"; re: [number, number]; im: [number, number] }
  | { op: "neg"; a: CTree }
  | { op: "add" | "sub" | "mul" | "div"; a: CTree; b: CTree }
  | { op: "pow"; a: CTree; k: number }
  | { op: "root"; a: CTree; q: number }
  | { op: "fn"; name: string; a: CTree };

/** The functions continuous everywhere they are defined, and those with cuts (exact operands only). */
// (re and im take exact operands too: an approximate number is correct to the precision beside its
// modulus, so a part much smaller than the other is not, to its own digits: docs/language.md)
const SMOOTH = ["exp", "sin", "cos", "tan", "sinh", "cosh", "tanh", "abs", "conj"];
const CUT = ["sqrt", "ln", "log10", "arg", "asin", "acos", "atan", "re", "im"];

const fraction = fc.tuple(fc.integer({ min: -9, max: 9 }), fc.constantFrom(1, 1, 1, 2, 3, 4));
const literal: fc.Arbitrary<CTree> = fc
  .tuple(fraction, fraction, fc.boolean())
  .map(([re, im, real]) => ({ op: "lit" as const, re, im: real ? ([0, 1] as [number, number]) : im }));

/** Whether a tree is computed exactly: only literals, + - * / and integer powers. */
export function isExactTree(tree: CTree): boolean {
  switch (tree.op) {
    case "lit":
      return true;
    case "neg":
    case "pow":
      return isExactTree(tree.a);
    case "add":
    case "sub":
    case "mul":
    case "div":
      return isExactTree(tree.a) && isExactTree(tree.b);
    default:
      return false;
  }
}

/** Exact subtrees, for the functions with cuts: small arithmetic over literals. */
const exactTree: fc.Arbitrary<CTree> = fc.letrec<{ tree: CTree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    literal,
    fc.record({ op: fc.constantFrom("add" as const, "sub" as const, "mul" as const, "div" as const), a: tie("tree"), b: tie("tree") }),
    fc.record({ op: fc.constant("pow" as const), a: tie("tree"), k: fc.integer({ min: -3, max: 4 }) }),
  ),
})).tree;

export const complexExpression: fc.Arbitrary<CTree> = fc.letrec<{ tree: CTree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    literal,
    fc.record({ op: fc.constant("neg" as const), a: tie("tree") }),
    fc.record({ op: fc.constantFrom("add" as const, "sub" as const, "mul" as const, "div" as const), a: tie("tree"), b: tie("tree") }),
    fc.record({ op: fc.constant("pow" as const), a: tie("tree"), k: fc.integer({ min: -3, max: 5 }) }),
    fc.record({ op: fc.constant("fn" as const), name: fc.constantFrom(...SMOOTH), a: tie("tree") }),
    fc.record({ op: fc.constant("fn" as const), name: fc.constantFrom(...CUT), a: exactTree }),
    fc.record({ op: fc.constant("root" as const), a: exactTree, q: fc.constantFrom(2, 3) }),
  ),
})).tree;

function part([n, d]: [number, number]): string {
  return d === 1 ? String(n) : `${n}/${d}`;
}

/** calc's source for a tree, fully parenthesised where it matters. */
export function renderComplex(tree: CTree): string {
  switch (tree.op) {
    case "lit": {
      const [re, im] = [tree.re, tree.im];
      if (im[0] === 0) return `(${part(re)})`;
      const imText = im[0] === 1 && im[1] === 1 ? "i" : im[0] === -1 && im[1] === 1 ? "-i" : `${part(im)}i`;
      if (re[0] === 0) return `(${imText})`;
      return `(${part(re)} ${imText.startsWith("-") ? "-" : "+"} ${imText.replace(/^-/, "")})`;
    }
    case "neg":
      return `(-${renderComplex(tree.a)})`;
    case "add":
      return `(${renderComplex(tree.a)} + ${renderComplex(tree.b)})`;
    case "sub":
      return `(${renderComplex(tree.a)} - ${renderComplex(tree.b)})`;
    case "mul":
      return `(${renderComplex(tree.a)} * ${renderComplex(tree.b)})`;
    case "div":
      return `(${renderComplex(tree.a)} / ${renderComplex(tree.b)})`;
    case "pow":
      return `(${renderComplex(tree.a)}^${tree.k < 0 ? `(${tree.k})` : tree.k})`;
    case "root":
      return `(${renderComplex(tree.a)}^(1/${tree.q}))`;
    case "fn":
      return `${tree.name}(${renderComplex(tree.a)})`;
  }
}
