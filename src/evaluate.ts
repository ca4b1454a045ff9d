/**
 * The evaluator: walks an expression and computes its value. It reads names
 * through `Bindings` (the session's variables and functions) and never
 * changes them; statements with effects are the session's business.
 *
 * A user function's body is evaluated by a tail call, and errors inside it
 * are located when they are made (at the outermost call in the line, with
 * the innermost function's name) rather than caught and re-thrown at every
 * level: so a recursion 10,000 calls deep stays within the JavaScript stack.
 */
import type { ChainOp, Expr, Target, UnitRef } from "./ast.ts";
import { builtins, factorialOf, type BuiltinFunction } from "./builtins.ts";
import { CalcError, type ErrorKind, type Span } from "./errors.ts";
import { MAX_CALL_DEPTH } from "./limits.ts";
import { ArithmeticError, isExact, parseLiteral, Rational, type NumberContext } from "./number.ts";
import * as op from "./operations.ts";
import { suggestName } from "./suggest.ts";
import { ambiguousUnit, compatibleUnits, hasOffset, lookupUnit, offsetScale, unitOfRefs, type Unit } from "./units.ts";
import { describe, isReal, Quantity, type Value } from "./value.ts";

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
  /** Inside a user function: the innermost function, and the span of the outermost call in the line. */
  readonly call?: { readonly name: string; readonly site: Span };
}

/**
 * An error at `span`, or, inside a user function (whose body's spans are in
 * the definition, not in this line), at the call in the line, named.
 */
function fail(env: Environment, kind: ErrorKind, message: string, span: Span): CalcError {
  if (!env.call) return new CalcError(kind, message, span);
  return new CalcError(kind, `in ${env.call.name}: ${message}`, env.call.site, env.call.name);
}

/** An ArithmeticError as a located CalcError (a domain error at `domainSpan`); anything else as it is. */
function locate(error: unknown, env: Environment, span: Span, domainSpan: Span = span): unknown {
  if (!(error instanceof ArithmeticError)) return error;
  return fail(env, error.kind, error.message, error.kind === "domain" ? domainSpan : span);
}

export function evaluate(expr: Expr, env: Environment): Value {
  switch (expr.kind) {
    case "number":
      try {
        return parseLiteral(expr.text, env.ctx);
      } catch (error) {
        throw locate(error, env, expr.span);
      }
    case "boolean":
      return expr.value;
    case "name":
      return lookup(expr.name, expr.span, env);
    case "quantity":
      return quantityLiteral(expr, env);
    case "negate": {
      const operand = evaluate(expr.operand, env);
      try {
        return op.negate(operand, env.ctx);
      } catch (error) {
        throw locate(error, env, expr.span);
      }
    }
    case "power": {
      const base = evaluate(expr.base, env);
      const exponent = evaluate(expr.exponent, env);
      try {
        return op.power(base, exponent, env.ctx);
      } catch (error) {
        throw locate(error, env, expr.span);
      }
    }
    case "factorial": {
      const operand = evaluate(expr.operand, env);
      try {
        return factorialOf(op.toReal(operand, "!", env.ctx), env.ctx);
      } catch (error) {
        throw locate(error, env, expr.span);
      }
    }
    case "percent": {
      const operand = evaluate(expr.operand, env);
      try {
        return op.divide(operand, HUNDRED, env.ctx);
      } catch (error) {
        throw locate(error, env, expr.span);
      }
    }
    case "chain":
      return evaluateChain(expr, env);
    case "compare": {
      const left = evaluate(expr.left, env);
      const right = evaluate(expr.right, env);
      try {
        return op.compare(expr.op, left, right, env.ctx);
      } catch (error) {
        throw locate(error, env, expr.span);
      }
    }
    case "not":
      return !condition(expr.operand, env, "not");
    case "logical": {
      // short-circuit: `false and f(1/0)` never evaluates f
      const stopAt = expr.op === "or";
      for (const operand of expr.operands) if (condition(operand, env, expr.op) === stopAt) return stopAt;
      return !stopAt;
    }
    case "if":
      // only the chosen branch is evaluated, by a tail call
      return evaluate(condition(expr.condition, env, "if") ? expr.then : expr.else, env);
    case "convert":
      return convert(expr, env);
    case "call":
      return call(expr, env);
  }
}

const HUNDRED = new Rational(100n, 1n);
const ONE = new Rational(1n, 1n);

/** A condition's value, which must be a boolean. */
function condition(expr: Expr, env: Environment, what: string): boolean {
  const value = evaluate(expr, env);
  if (typeof value === "boolean") return value;
  throw fail(env, "type", `${what} needs a boolean (true or false), not ${describe(value)}`, expr.span);
}

function evaluateChain(expr: Extract<Expr, { kind: "chain" }>, env: Environment): Value {
  let value = evaluate(expr.first, env);
  const { ctx } = env;
  for (let i = 0; i < expr.rest.length; i++) {
    const link = expr.rest[i]!;
    const operand = evaluate(link.operand, env);
    // (try/catch here, not a helper taking a closure: this loop is the hot path)
    try {
      // x + 10% is x increased by ten percent (unless x itself is written as a percentage: 5% + 10%)
      if ((link.op === "+" || link.op === "-") && link.operand.kind === "percent" && !(i === 0 && expr.first.kind === "percent")) {
        const factor = link.op === "+" ? op.add(ONE, operand, ctx) : op.subtract(ONE, operand, ctx);
        value = op.multiply(value, factor, ctx);
      } else {
        value = applyChainOp(link.op, value, operand, ctx);
      }
    } catch (error) {
      // a division by zero points at the divisor, anything else at the chain so far
      const end = link.operand.span.end;
      throw locate(error, env, { start: expr.first.span.start, end }, { start: link.opSpan.start, end });
    }
  }
  return value;
}

function applyChainOp(operator: ChainOp, a: Value, b: Value, ctx: NumberContext): Value {
  switch (operator) {
    case "+":
      return op.add(a, b, ctx);
    case "-":
      return op.subtract(a, b, ctx);
    case "*":
      return op.multiply(a, b, ctx);
    case "/":
      return op.divide(a, b, ctx);
    case "%":
      return op.modulo(a, b, ctx);
    case "//":
      return op.floorDivide(a, b, ctx);
  }
}

// ---- names ------------------------------------------------------------------------

/** A user's value for a name: a parameter, or a variable; these shadow constants and units. */
function userValue(name: string, env: Environment): Value | undefined {
  return env.locals?.get(name) ?? env.bindings.variable(name);
}

function lookup(name: string, span: Span, env: Environment): Value {
  const value = userValue(name, env);
  if (value !== undefined) return value;
  const builtin = builtins.get(name);
  if (builtin?.kind === "constant") return builtin.value(env.ctx);
  // a bare `min` is the minute (min(…) is the function); a user's function hides a unit
  if (!env.bindings.userFunction(name)) {
    const unit = lookupUnit(name);
    if (unit) return unitQuantity([{ name, power: 1, span }], env);
  }
  if (name === "ans") {
    const ans = env.bindings.ans();
    if (ans === undefined) throw fail(env, "name", "'ans' has no value yet: it is the last result", span);
    return ans;
  }
  if (builtin || env.bindings.userFunction(name)) {
    throw fail(env, "name", `'${name}' is a function: call it as ${name}(…)`, span);
  }
  throw unknownName(name, span, env);
}

function unknownName(name: string, span: Span, env: Environment): CalcError {
  const choices = ambiguousUnit(name);
  if (choices) return fail(env, "name", `'${name}' is ambiguous: write ${choices.slice(0, -1).join(", ")} or ${choices.at(-1)}`, span);
  const suggestion = suggestName(name, valueNames(env));
  return fail(env, "name", `unknown name '${name}'${suggestion ? ` — did you mean '${suggestion}'?` : ""}`, span);
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

/** `5 m`, `3 ft^2`, `1/2 in`: the magnitude times the unit (or times a variable that shadows the unit's name). */
function quantityLiteral(expr: Extract<Expr, { kind: "quantity" }>, env: Environment): Value {
  const magnitude = evaluate(expr.magnitude, env);
  const { unit: ref } = expr;
  try {
    // a temperature on its own scale is a quantity as written (20 °C is not 20 × 1 °C, which would be arithmetic)
    const scale = ref.power === 1 && userValue(ref.name, env) === undefined ? lookupUnit(ref.name) : undefined;
    if (scale?.kind.offset !== undefined) return new Quantity(op.toReal(magnitude, ref.name, env.ctx), [{ unit: scale, power: 1 }]);
    if (userValue(ref.name, env) !== undefined || env.bindings.userFunction(ref.name)) {
      const factor = lookup(ref.name, ref.span, env);
      return op.multiply(magnitude, ref.power === 1 ? factor : op.power(factor, new Rational(BigInt(ref.power), 1n), env.ctx), env.ctx);
    }
    return op.multiply(magnitude, unitQuantity([ref], env), env.ctx);
  } catch (error) {
    throw locate(error, env, expr.span);
  }
}

/** 1 of a unit written as names and powers; °C and °F only alone. */
function unitQuantity(refs: readonly UnitRef[], env: Environment): Value {
  const unit = resolveUnit(refs, env);
  if (hasOffset(unit) && !offsetScale(unit)) {
    throw fail(env, "dimension", `${unit[0]!.unit.name} is a temperature scale: it can only stand alone, not in a product or power`, refs[0]!.span);
  }
  return op.quantity(ONE, unit, env.ctx);
}

/** Unit names as a unit: each must be in the table (a variable never is a unit here). */
function resolveUnit(refs: readonly UnitRef[], env: Environment): Unit {
  const resolved = unitOfRefs(refs);
  if ("unknown" in resolved) throw unknownUnit(resolved.unknown, env);
  return resolved.unit;
}

function unknownUnit(ref: UnitRef, env: Environment): CalcError {
  const choices = ambiguousUnit(ref.name);
  if (choices) return fail(env, "name", `'${ref.name}' is ambiguous: write ${choices.slice(0, -1).join(", ")} or ${choices.at(-1)}`, ref.span);
  const suggestion = suggestName(ref.name, []);
  return fail(env, "name", `unknown unit '${ref.name}'${suggestion ? ` — did you mean '${suggestion}'?` : ""}`, ref.span);
}

// ---- conversion -------------------------------------------------------------------

/**
 * `x to km/h` converts; `x to ft + in` converts to the first unit (the
 * session writes the parts); `x to hex` checks that the format fits and
 * leaves the value as it is (the session writes it in that format).
 */
function convert(expr: Extract<Expr, { kind: "convert" }>, env: Environment): Value {
  const value = evaluate(expr.operand, env);
  const { target } = expr;
  try {
    if (target.kind === "format") return checkFormat(value, target, env);
    const units = target.parts.map((part) => resolveUnit(part.refs, env));
    for (const unit of units.slice(1)) {
      if (!compatibleUnits(units[0]!, unit)) {
        throw fail(env, "dimension", `the parts of a sum of units must have one dimension: ${describe(new Quantity(ONE, units[0]!))} and ${describe(new Quantity(ONE, unit))}`, target.span);
      }
      if (hasOffset(unit)) throw fail(env, "dimension", "a temperature scale cannot be a part of a sum of units", target.span);
    }
    return op.convert(value, units[0]!, env.ctx, target.parts[0]!.text);
  } catch (error) {
    throw locate(error, env, expr.span, target.span);
  }
}

function checkFormat(value: Value, target: Extract<Target, { kind: "format" }>, env: Environment): Value {
  const { format } = target;
  if (format === "fraction" || format === "mixed") {
    const magnitude = value instanceof Quantity ? value.magnitude : value;
    if (typeof magnitude === "boolean") throw fail(env, "type", `${format} needs a number, not a boolean`, target.span);
    if (!isExact(magnitude)) {
      throw fail(env, "domain", `to ${format} needs an exact value, and this one is approximate (rounded to the precision)`, target.span);
    }
    return value;
  }
  if (!isReal(value)) {
    const name = format === "percent" ? "%" : format;
    throw fail(env, value instanceof Quantity ? "dimension" : "type", `${name} is for plain numbers, not ${describe(value)}`, target.span);
  }
  return value;
}

// ---- calls --------------------------------------------------------------------------

function call(expr: Extract<Expr, { kind: "call" }>, env: Environment): Value {
  const { name, args, span } = expr;
  const builtin = builtins.get(name);
  if (builtin?.kind === "function") {
    checkArity(name, builtin.arity, args.length, span, env);
    const values = args.map((arg) => evaluate(arg, env));
    try {
      return builtin.apply(builtin.takes === "real" ? values.map((v) => op.toReal(v, name, env.ctx)) : values, env.ctx);
    } catch (error) {
      throw locate(error, env, span);
    }
  }
  const user = env.bindings.userFunction(name);
  if (user) {
    checkArity(name, [user.params.length, user.params.length], args.length, span, env);
    const locals = new Map<string, Value>();
    for (let i = 0; i < args.length; i++) locals.set(user.params[i]!, evaluate(args[i]!, env));
    // the calls in progress inside the outermost one: count(10000) needs 10,000 of them
    if (env.depth > MAX_CALL_DEPTH) {
      throw new CalcError("limit", `in ${user.name}: recursion too deep (more than ${MAX_CALL_DEPTH.toLocaleString("en-US")} nested calls)`, env.call?.site ?? span, user.name);
    }
    const inner: Environment = { ctx: env.ctx, bindings: env.bindings, locals, depth: env.depth + 1, call: { name: user.name, site: env.call?.site ?? span } };
    return evaluate(user.body, inner);
  }
  // `x(3)` with x a number (or a unit) is a product, like `2(3)`
  if (builtin || userValue(name, env) !== undefined || name === "ans" || lookupUnit(name)) {
    if (args.length !== 1) throw fail(env, "name", `'${name}' is not a function`, expr.nameSpan);
    const factor = lookup(name, expr.nameSpan, env);
    const operand = evaluate(args[0]!, env);
    try {
      return op.multiply(factor, operand, env.ctx);
    } catch (error) {
      throw locate(error, env, span);
    }
  }
  const suggestion = suggestName(name, functionNames(env));
  throw fail(env, "name", `unknown function '${name}'${suggestion ? ` — did you mean '${suggestion}'?` : ""}`, expr.nameSpan);
}

function checkArity(name: string, [min, max]: BuiltinFunction["arity"], count: number, span: Span, env: Environment): void {
  if (count >= min && count <= max) return;
  const plural = (n: number) => `${n} argument${n === 1 ? "" : "s"}`;
  const expected =
    max === Infinity ? `at least ${plural(min)}` : min === max ? plural(min) : `${min} or ${plural(max)}`;
  throw fail(env, "arity", `${name} takes ${expected} but was given ${count}`, span);
}
