/**
 * The compiler: a user function's body becomes a flat list of instructions
 * for the machine in evaluate.ts, operands before their operator (2 * (3 + x)
 * is 2, 3, x, +, *), with jumps for `if`, `and` and `or`. The machine keeps
 * calls on a stack of its own, so a recursion 10,000 calls deep never
 * deepens the JavaScript stack; compiling is a walk of the tree, whose depth
 * the parser bounds (MAX_NESTING).
 *
 * Each instruction is an opcode and one operand: an index into `data` (the
 * node it came from, which carries its span for errors) or a jump target.
 */
import type { ChainLink, Expr } from "../grammar/ast.ts";
import { builtins } from "./builtins.ts";
import type { Interrupt } from "./interrupt.ts";
import { exactLiteral } from "./number.ts";
import type { Value } from "./value.ts";

export const CONST = 0; // push data[a]
export const LITERAL = 1; // push the number literal node data[a], read at the working precision
export const LOAD = 2; // push the value of the name node data[a]
export const QUANTITY = 3; // pop a magnitude, push it times the unit of the quantity node data[a]
export const NEGATE = 4;
export const POWER = 5;
export const FACTORIAL = 6;
export const PERCENT = 7;
export const CHAIN_OP = 8; // pop b and a, push a op b; data[a] is a ChainStep
export const COMPARE = 9;
export const NOT = 10;
export const JUMP = 11; // to a
export const JUMP_IF_FALSE = 12; // pop a condition (data[a+1]'s node checks it), jump to data[a] if false
export const SHORT_CIRCUIT = 13; // `and`/`or`: data[a] is a Junction
export const CHECK_BOOLEAN = 14; // the top of the stack must be a boolean (the last operand of and/or)
export const BUILTIN = 15; // call the built-in function of the call node data[a] on its arguments
export const CHECK_CALL = 16; // before a call's arguments: the call node data[a] can be made (arity, existence)
export const CALL = 17; // call a user function, or multiply by a value written like one: x(3)
export const CONVERT = 18;
export const COMPLEMENT = 19; // ~x
export const LIST = 20; // pop as many values as the list node data[a] has items, push the list
export const LOAD_LOCAL = 21; // push the argument at position data[a] of the call being run

/** One operator of a chain, where it is, and whether its operand was written as a percentage. */
export interface ChainStep {
  readonly link: ChainLink;
  /** The chain so far, for the span of an error. */
  readonly chain: Expr;
  /** x + 10%: the right operand is a percentage, and the left is not one. */
  readonly percentChange: boolean;
}

/** `and` stops at the first false, `or` at the first true. */
export interface Junction {
  readonly node: Expr;
  readonly stopAt: boolean;
  /** Where to go when it stops. */
  end: number;
}

export interface Code {
  readonly ops: number[];
  readonly data: unknown[];
  /**
   * The user function each CALL found, by its operand's index, and the statement it was found in
   * (evaluate.ts): within one statement a name keeps its meaning, so it is looked up once.
   */
  readonly callees: unknown[];
  readonly calleesFoundIn: number[];
}

/** x + 10% and x - 10%: the link's operand is written as a percentage, and the left one is not (5% + 10% is 0.15). */
export function isPercentChange(chain: Extract<Expr, { kind: "chain" }>, i: number): boolean {
  const link = chain.rest[i]!;
  return (link.op === "+" || link.op === "-") && link.operand.kind === "percent" && !(i === 0 && chain.first.kind === "percent");
}

/**
 * Code being compiled, with the session's stop request for the literals folded on the way (a
 * literal's gcd can be long), and the parameters of the function whose body it is.
 */
interface Building extends Code {
  readonly interrupt: Interrupt | undefined;
  readonly params: readonly string[];
}

export function compile(expr: Expr, interrupt?: Interrupt, params: readonly string[] = []): Code {
  const code: Building = { ops: [], data: [], callees: [], calleesFoundIn: [], interrupt, params };
  emitExpr(code, expr);
  return { ops: code.ops, data: code.data, callees: code.callees, calleesFoundIn: code.calleesFoundIn };
}

/** Appends an instruction; returns where its operand is, to patch a jump later. */
function emit(code: Code, op: number, operand: unknown): number {
  code.ops.push(op, code.data.length);
  code.data.push(operand);
  return code.data.length - 1;
}

function emitExpr(code: Building, expr: Expr): void {
  switch (expr.kind) {
    case "number": {
      const exact = exactLiteral(expr.text, code.interrupt);
      if (exact) emit(code, CONST, exact);
      else emit(code, LITERAL, expr);
      return;
    }
    case "boolean":
      emit(code, CONST, expr.value satisfies Value);
      return;
    case "datetime":
      emit(code, LITERAL, expr);
      return;
    case "name": {
      // a parameter by its position: no name is looked up when the call runs
      const index = code.params.indexOf(expr.name);
      if (index >= 0) emit(code, LOAD_LOCAL, index);
      else emit(code, LOAD, expr);
      return;
    }
    case "quantity":
      emitExpr(code, expr.magnitude);
      emit(code, QUANTITY, expr);
      return;
    case "negate":
      emitExpr(code, expr.operand);
      emit(code, NEGATE, expr);
      return;
    case "complement":
      emitExpr(code, expr.operand);
      emit(code, COMPLEMENT, expr);
      return;
    case "list":
      for (const item of expr.items) emitExpr(code, item);
      emit(code, LIST, expr);
      return;
    case "power":
      emitExpr(code, expr.base);
      emitExpr(code, expr.exponent);
      emit(code, POWER, expr);
      return;
    case "factorial":
      emitExpr(code, expr.operand);
      emit(code, FACTORIAL, expr);
      return;
    case "percent":
      emitExpr(code, expr.operand);
      emit(code, PERCENT, expr);
      return;
    case "chain":
      emitExpr(code, expr.first);
      for (const [i, link] of expr.rest.entries()) {
        emitExpr(code, link.operand);
        emit(code, CHAIN_OP, { link, chain: expr, percentChange: isPercentChange(expr, i) } satisfies ChainStep);
      }
      return;
    case "compare":
      emitExpr(code, expr.left);
      emitExpr(code, expr.right);
      emit(code, COMPARE, expr);
      return;
    case "not":
      emitExpr(code, expr.operand);
      emit(code, NOT, expr);
      return;
    case "logical": {
      const junctions: Junction[] = [];
      for (const [i, operand] of expr.operands.entries()) {
        emitExpr(code, operand);
        if (i < expr.operands.length - 1) {
          const junction: Junction = { node: operand, stopAt: expr.op === "or", end: 0 };
          junctions.push(junction);
          emit(code, SHORT_CIRCUIT, junction);
        } else {
          emit(code, CHECK_BOOLEAN, operand);
        }
      }
      for (const junction of junctions) junction.end = code.ops.length;
      return;
    }
    case "if": {
      emitExpr(code, expr.condition);
      const test = emit(code, JUMP_IF_FALSE, 0);
      code.data.push(expr.condition);
      emitExpr(code, expr.then);
      const skip = emit(code, JUMP, 0);
      code.data[test] = code.ops.length;
      emitExpr(code, expr.else);
      code.data[skip] = code.ops.length;
      return;
    }
    case "convert":
      emitExpr(code, expr.operand);
      emit(code, CONVERT, expr);
      return;
    case "call": {
      const builtin = builtins.get(expr.name);
      if (builtin?.kind === "function") {
        emit(code, CHECK_CALL, expr);
        for (const arg of expr.args) emitExpr(code, arg);
        emit(code, BUILTIN, expr);
        return;
      }
      // a user function, or a product like x(3): known only when the line runs
      emit(code, CHECK_CALL, expr);
      for (const arg of expr.args) emitExpr(code, arg);
      emit(code, CALL, expr);
      return;
    }
  }
}
