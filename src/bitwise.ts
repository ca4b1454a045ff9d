/**
 * Bitwise operations (issue 21) on integers of any size, as infinite two's complement, which is
 * Python's semantics and also JavaScript's BigInt's: ~5 = -6, -17 >> 2 = -5, -1 & 0xff = 255. And
 * the fixed widths, which wrap an integer to n bits as C's unsigned and signed types do
 * (BigInt.asUintN and asIntN): u8(-5) = 251, i8(200) = -56.
 */
import type { BitwiseOp } from "../grammar/ast.ts";
import { ArithmeticError } from "./errors.ts";
import { MAX_EXACT_DIGITS } from "./limits.ts";
import { bitLength, integer, isExact } from "./number.ts";
import { describe, isReal, type Value } from "./value.ts";

/** The most bits a result may have: as many as the longest exact number's digits are worth (166,096). */
export const MAX_BITS = Math.floor(MAX_EXACT_DIGITS * Math.log2(10));

/** The integer a value is, or an error saying what it is instead: "bitwise operations need integers". */
function integerOf(value: Value, needs = "bitwise operations need"): bigint {
  if (isReal(value)) {
    if (isExact(value) && value.den === 1n) return value.num;
    throw new ArithmeticError("type", `${needs} integers`);
  }
  const hint = typeof value === "boolean" ? " (for true and false: and, or, not)" : "";
  throw new ArithmeticError("type", `${needs} integers, not ${describe(value)}${hint}`);
}

export function bitwise(op: BitwiseOp, a: Value, b: Value): Value {
  const x = integerOf(a);
  const y = integerOf(b);
  switch (op) {
    case "&":
      return integer(x & y);
    case "|":
      return integer(x | y);
    case "xor":
      return integer(x ^ y);
    case "<<":
      return integer(shiftLeft(x, y));
    case ">>":
      if (y < 0n) throw negativeShift();
      // (past the number's bits every bit is its sign's: 0 or -1, without a shift that long)
      return integer(y > BigInt(bitLength(x < 0n ? -x : x)) ? (x < 0n ? -1n : 0n) : x >> y);
  }
}

function shiftLeft(x: bigint, count: bigint): bigint {
  if (count < 0n) throw negativeShift();
  if (x === 0n) return 0n;
  const bits = BigInt(bitLength(x < 0n ? -x : x)) + count;
  if (bits > BigInt(MAX_BITS)) {
    throw new ArithmeticError("limit", `shift too large: the result would have ${bits} bits (the limit is ${MAX_BITS}, as many as ${MAX_EXACT_DIGITS} digits)`);
  }
  return x << count;
}

function negativeShift(): ArithmeticError {
  return new ArithmeticError("domain", "negative shift count");
}

/** ~x = -x - 1. */
export function complement(a: Value): Value {
  return integer(~integerOf(a));
}

/** x wrapped to `bits` bits: unsigned (0 … 2^n - 1) or signed, two's complement (-2^(n-1) … 2^(n-1) - 1). */
export function wrap(value: Value, bits: Value, signed: boolean, name: string): Value {
  const x = integerOf(value, `${name} needs`);
  const n = integerOf(bits, `${name}'s width needs`);
  if (n < 1n || n > BigInt(MAX_BITS)) throw new ArithmeticError("domain", `${name}'s width must be from 1 to ${MAX_BITS} bits`);
  return integer(signed ? BigInt.asIntN(Number(n), x) : BigInt.asUintN(Number(n), x));
}
