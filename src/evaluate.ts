/**
 * The evaluator: walks an expression and computes its value. It reads names
 * through `Bindings` (the session's variables and functions) and never
 * changes them; statements with effects are the session's business.
 */
import type { ChainOp, Expr } from "./ast.ts";
import { builtins, factorialOf, type BuiltinFunction } from "./builtins.ts";
import { CalcError, type Span } from "./errors.ts";
import { MAX_CALL_DEPTH } from "./limits.ts";
import { ArithmeticError, parseLiteral, type NumberContext, type Value } from "./number.ts";
import { closestName } from "./suggest.ts";

export interface UserFunction {
  readonly name: string;
  readonly params: readonly string[];
  readonly body: Expr;
  /** The definition, normalised: `f(x) = x ^ 2 + 1`. */
  readonly text: string;
}

/** What names mean outside any function call. */
export interface Bindings {
  variable(name: string): Value | undefined;
  userFunction(name: string): UserFunction | undefined;
  /** The last result, if there is one. */
  ans(): Value | undefined;
  variableNames(): Iterable<string>;
  functionNames(): Iterable<string>;
}

export interface Environment {
  readonly ctx: NumberContext;
  readonly bindings: Bindings;
  /** Parameters of the user function being evaluated. */
  readonly locals?: ReadonlyMap<string, Value>;
  /** How many user-function calls deep this evaluation is. */
  readonly depth: number;
}

export function evaluate(expr: Expr, env: Environment): Value {
  switch (expr.kind) {
    case "number":
      try {
        return parseLiteral(expr.text, env.ctx);
      } catch (error) {
        throw located(error, expr.span, expr.span);
      }
    case "name":
      return lookup(expr.name, expr.span, env);
    case "negate": {
      const operand = evaluate(expr.operand, env);
      return env.ctx.negate(operand);
    }
    case "power": {
      const base = evaluate(expr.base, env);
      const exponent = evaluate(expr.exponent, env);
      return arithmetic(expr.span, () => env.ctx.power(base, exponent));
    }
    case "factorial": {
      const operand = evaluate(expr.operand, env);
      return arithmetic(expr.span, () => factorialOf(operand, env.ctx));
    }
    case "chain": {
      let value = evaluate(expr.first, env);
      for (const link of expr.rest) {
        const operand = evaluate(link.operand, env);
        // (try/catch here, not arithmetic(): this loop is the hot path, and a closure per operation costs)
        try {
          value = applyChainOp(link.op, value, operand, env.ctx);
        } catch (error) {
          // a division by zero points at the divisor, anything else at the chain so far
          const end = link.operand.span.end;
          throw located(error, { start: expr.first.span.start, end }, { start: link.opSpan.start, end });
        }
      }
      return value;
    }
    case "call":
      return call(expr, env);
  }
}

function applyChainOp(op: ChainOp, a: Value, b: Value, ctx: NumberContext): Value {
  switch (op) {
    case "+":
      return ctx.add(a, b);
    case "-":
      return ctx.subtract(a, b);
    case "*":
      return ctx.multiply(a, b);
    case "/":
      return ctx.divide(a, b);
    case "%":
      return ctx.modulo(a, b);
    case "//":
      return ctx.floorDivide(a, b);
  }
}

/** Runs arithmetic, turning its failures into located errors. */
function arithmetic<T>(span: Span, compute: () => T, domainSpan: Span = span): T {
  try {
    return compute();
  } catch (error) {
    throw located(error, span, domainSpan);
  }
}

/** An ArithmeticError as a CalcError at its span (a domain error at `domainSpan`); anything else as it is. */
function located(error: unknown, span: Span, domainSpan: Span): unknown {
  if (!(error instanceof ArithmeticError)) return error;
  return new CalcError(error.kind, error.message, error.kind === "domain" ? domainSpan : span);
}

function lookup(name: string, span: Span, env: Environment): Value {
  const value = env.locals?.get(name) ?? env.bindings.variable(name);
  if (value !== undefined) return value;
  const builtin = builtins.get(name);
  if (builtin?.kind === "constant") return builtin.value(env.ctx);
  if (name === "ans") {
    const ans = env.bindings.ans();
    if (ans === undefined) throw new CalcError("name", "'ans' has no value yet: it is the last result", span);
    return ans;
  }
  if (builtin || env.bindings.userFunction(name)) {
    throw new CalcError("name", `'${name}' is a function: call it as ${name}(…)`, span);
  }
  const suggestion = closestName(name, valueNames(env));
  throw new CalcError("name", `unknown name '${name}'${suggestion ? ` — did you mean '${suggestion}'?` : ""}`, span);
}

function* valueNames(env: Environment): Iterable<string> {
  if (env.locals) yield* env.locals.keys();
  yield* env.bindings.variableNames();
  for (const [name, builtin] of builtins) if (builtin.kind === "constant") yield name;
  if (env.bindings.ans() !== undefined) yield "ans";
}

function* functionNames(env: Environment): Iterable<string> {
  yield* env.bindings.functionNames();
  for (const [name, builtin] of builtins) if (builtin.kind === "function") yield name;
}

function call(expr: Extract<Expr, { kind: "call" }>, env: Environment): Value {
  const { name, args, span } = expr;
  const builtin = builtins.get(name);
  const user = builtin ? undefined : env.bindings.userFunction(name);
  if (builtin?.kind === "function") {
    checkArity(name, builtin.arity, args.length, span);
    const values = args.map((arg) => evaluate(arg, env));
    return arithmetic(span, () => builtin.apply(values, env.ctx));
  }
  if (user) {
    checkArity(name, [user.params.length, user.params.length], args.length, span);
    const values = args.map((arg) => evaluate(arg, env));
    return callUser(user, values, span, env);
  }
  // `x(3)` with x a number is a product, like `2(3)`
  if (builtin || env.locals?.has(name) || env.bindings.variable(name) !== undefined || name === "ans") {
    if (args.length !== 1) throw new CalcError("name", `'${name}' is a number, not a function`, expr.nameSpan);
    const factor = lookup(name, expr.nameSpan, env);
    return env.ctx.multiply(factor, evaluate(args[0]!, env));
  }
  const suggestion = closestName(name, functionNames(env));
  throw new CalcError("name", `unknown function '${name}'${suggestion ? ` — did you mean '${suggestion}'?` : ""}`, expr.nameSpan);
}

function checkArity(name: string, [min, max]: BuiltinFunction["arity"], count: number, span: Span): void {
  if (count >= min && count <= max) return;
  const plural = (n: number) => `${n} argument${n === 1 ? "" : "s"}`;
  const expected =
    max === Infinity ? `at least ${plural(min)}` : min === max ? plural(min) : `${min} or ${plural(max)}`;
  throw new CalcError("arity", `${name} takes ${expected} but was given ${count}`, span);
}

function callUser(fn: UserFunction, args: Value[], span: Span, env: Environment): Value {
  if (env.depth >= MAX_CALL_DEPTH) {
    throw new CalcError("limit", `in ${fn.name}: recursion too deep (more than ${MAX_CALL_DEPTH} nested calls)`, span, fn.name);
  }
  const locals = new Map(fn.params.map((param, i) => [param, args[i]!]));
  try {
    return evaluate(fn.body, { ctx: env.ctx, bindings: env.bindings, locals, depth: env.depth + 1 });
  } catch (error) {
    // the body's spans are in the definition, not in this line: point at the call instead
    if (error instanceof CalcError) {
      // the innermost function names itself; outer calls only move the span
      const message = error.inFunction ? error.message : `in ${fn.name}: ${error.message}`;
      throw new CalcError(error.kind, message, span, error.inFunction ?? fn.name);
    }
    throw error;
  }
}
