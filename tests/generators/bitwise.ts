// Random integer expressions for tests/oracles/bitwise.test.ts: literals (small, negative, up to
// 2^130, some in hex), + - *, unary - and ~, & | xor << >>, printed with the parentheses precedence
// needs (Python's, which calc's is) and some more at random, so that the precedence is exercised too.
// A shift's count is a literal from -3 to 100 (a negative one must be an error in both).
import fc from "fast-check";

export type BTree =
  | { op: "lit"; value: bigint; hex: boolean }
  | { op: "neg" | "inv"; a: BTree }
  | { op: "+" | "-" | "*" | "&" | "|" | "xor"; a: BTree; b: BTree }
  | { op: "<<" | ">>"; a: BTree; count: number };

/** Python's levels, tighter higher: | < xor < & < shifts < + - < * < unary. */
const LEVEL: Record<string, number> = { "|": 1, xor: 2, "&": 3, "<<": 4, ">>": 4, "+": 5, "-": 5, "*": 6, neg: 7, inv: 7, lit: 8 };

const literal: fc.Arbitrary<BTree> = fc
  .tuple(
    fc.oneof(
      fc.bigInt({ min: 0n, max: 20n }),
      fc.bigInt({ min: 0n, max: 2n ** 16n }),
      fc.bigInt({ min: 0n, max: 2n ** 130n }),
      fc.constantFrom(0xffn, 0xffffn, 2n ** 32n - 1n, 2n ** 64n - 1n, 2n ** 63n),
    ),
    fc.boolean(),
  )
  .map(([value, hex]) => ({ op: "lit" as const, value, hex }));

export const bitwiseExpression: fc.Arbitrary<BTree> = fc.letrec<{ tree: BTree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    literal,
    fc.record({ op: fc.constantFrom("neg" as const, "inv" as const), a: tie("tree") }),
    fc.record({ op: fc.constantFrom("&" as const, "|" as const, "xor" as const, "&" as const, "+" as const, "-" as const, "*" as const), a: tie("tree"), b: tie("tree") }),
    fc.record({ op: fc.constantFrom("<<" as const, ">>" as const), a: tie("tree"), count: fc.integer({ min: -3, max: 100 }) }),
  ),
})).tree;

/** calc's text of a tree (Python's too, with xor for ^): `extra` says which nodes get parentheses anyway. */
export function renderBitwise(tree: BTree, extra: (depth: number) => boolean = () => false, depth = 0): string {
  const wrap = (sub: BTree, min: number) => {
    const text = renderBitwise(sub, extra, depth + 1);
    return LEVEL[sub.op]! < min || (sub.op !== "lit" && extra(depth)) ? `(${text})` : text;
  };
  switch (tree.op) {
    case "lit":
      return tree.hex ? `0x${tree.value.toString(16)}` : tree.value.toString();
    case "neg":
    case "inv":
      // (a literal after '-' must not make '--' nor read as a negative literal: -(-3) stays apart)
      return `${tree.op === "neg" ? "-" : "~"}${wrap(tree.a, LEVEL.neg!)}`;
    case "<<":
    case ">>":
      return `${wrap(tree.a, LEVEL[tree.op]!)} ${tree.op} ${tree.count < 0 ? `(${tree.count})` : tree.count}`;
    default: {
      // left-associative: the right operand must bind tighter
      const level = LEVEL[tree.op]!;
      return `${wrap(tree.a, level)} ${tree.op} ${wrap(tree.b, level + 1)}`;
    }
  }
}

/** Whether a tree's numbers stay small enough for a test (no shift of a shift of a product of 2^130s). */
export function bitsBound(tree: BTree): number {
  switch (tree.op) {
    case "lit":
      return tree.value.toString(2).length;
    case "neg":
    case "inv":
      return bitsBound(tree.a) + 1;
    case "<<":
      return bitsBound(tree.a) + Math.max(0, tree.count);
    case ">>":
      return bitsBound(tree.a);
    case "*":
      return bitsBound(tree.a) + bitsBound(tree.b);
    default:
      return Math.max(bitsBound(tree.a), bitsBound(tree.b)) + 1;
  }
}
