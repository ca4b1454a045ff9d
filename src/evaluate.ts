/**
 * The evaluator: runs an expression compiled by compile.ts. It reads names
 * through `Bindings` (the session's variables and functions) and never
 * changes them; statements with effects are the session's business.
 *
 * A line's own expression is walked recursively: the parser bounds its
 * nesting (MAX_NESTING), and plain arithmetic pays for nothing more. The body
 * of a user function is compiled (compile.ts) at its first call and run by a
 * machine whose values and calls wait on stacks of its own (its compiled
 * body, where to return, its parameters): the JavaScript stack stays as it is
 * however deep a recursion goes, up to MAX_CALL_DEPTH. Both ways share every
 * operation below. An error inside a function is reported at the outermost
 * call in the line (the body's own spans are in its definition), naming the
 * innermost function.
 */
import { FORMAT_NAMES, type ChainLink, type Expr, type UnitRef } from "../grammar/ast.ts";
import { unparseExpr } from "../grammar/unparse.ts";
import { builtins, factorialOf, type BuiltinFunction } from "./builtins.ts";
import * as C from "./compile.ts";
import { CalcError, type ErrorKind, type Span } from "./errors.ts";
import { checkNotation, type Notation, type NotationPart } from "./format.ts";
import type { Interrupt } from "./interrupt.ts";
import { MAX_CALL_DEPTH } from "./limits.ts";
import { ArithmeticError, isExact, parseLiteral, Rational, type NumberContext } from "./number.ts";
import * as op from "./operations.ts";
import { suggestName } from "./suggest.ts";
import { ambiguousUnit, hasOffset, lookupUnit, notAUnit, offsetScale, unitOfRefs, type Unit } from "./units.ts";
import { Complex } from "./complex.ts";
import type { Clock } from "./clock.ts";
import { dates } from "./load-dates.ts";
import { describe, List, Moment, Quantity, renewListBudget, type Value } from "./value.ts";
import { bits } from "./load-lists.ts";

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
  readonly clock?: Clock;
}

type Node<K extends Expr["kind"]> = Extract<Expr, { kind: K }>;

/**
 * A call of a user function in progress. Frames are kept from call to call, one for each depth,
 * and refilled: a recursion makes no frame objects after its first descent.
 */
interface Frame {
  fn: UserFunction;
  /** Its arguments, by the position of their parameters (the compiled body loads them so: C.LOAD_LOCAL). */
  locals: Value[];
  /** Where the caller goes on: its code and the instruction after the call (none: back to the line's walk). */
  returnCode: C.Code | undefined;
  returnPc: number;
  /** The outermost call in the line, where errors inside any function are shown. */
  site: Span;
}

const NO_ARGUMENTS: Value[] = [];

/** A name as an error message quotes it: a long one is cut (the caret shows all of it). */
function quoted(name: string): string {
  return name.length > QUOTED_NAME ? `'${name.slice(0, QUOTED_NAME)}…'` : `'${name}'`;
}

const QUOTED_NAME = 40;

/** How many instructions run between looks at the interrupt flag: each is microseconds, so a stop is seen at once. */
const INTERRUPT_INTERVAL = 1024;

/** A function's body is compiled at its first call and kept with the definition. */
const compiledBodies = new WeakMap<Expr, C.Code>();

function bodyOf(fn: UserFunction, interrupt: Interrupt | undefined): C.Code {
  let code = compiledBodies.get(fn.body);
  if (!code) {
    code = C.compile(fn.body, interrupt, fn.params);
    compiledBodies.set(fn.body, code);
  }
  return code;
}

/** A call's arguments, off the top of the stack, in order. */
function popArguments(stack: Value[], count: number): Value[] {
  const args = new Array<Value>(count);
  for (let i = count - 1; i >= 0; i--) args[i] = stack.pop()!;
  return args;
}

/** One machine serves every line (a line is never evaluated inside another): no allocation per line. */
let machine: Machine | undefined;

/** A line's answer: its value, and the notation its outermost `to` asks for, if it has one. */
export interface Answer {
  readonly value: Value;
  readonly notation?: Notation;
}

export function evaluate(expr: Expr, env: Environment): Answer {
  machine ??= new Machine();
  machine.start(env);
  return machine.answer(expr);
}

class Machine {
  private ctx!: NumberContext;
  /** The session's stop request, if it has one (src/interrupt.ts), from its context. */
  private interrupt: Interrupt | undefined;
  private bindings!: Bindings;
  /** What `now` and `today` read, if the session has a clock. */
  private clock: Clock | undefined;
  private readonly frames: Frame[] = [];
  /** How many of `frames` are calls in progress, and how many the line has used (to let go of their arguments). */
  private depth = 0;
  private deepest = 0;
  /** The arguments of the function being run, if any, and its parameters' names. */
  private locals: Value[] | undefined;
  private localNames: readonly string[] | undefined;

  /** Ready for a new line: its bindings and precision, no calls in progress (an error may have left some). */
  start(env: Environment): void {
    this.statement++;
    this.ctx = env.ctx;
    this.interrupt = env.ctx.interrupt;
    this.bindings = env.bindings;
    this.clock = env.clock;
    renewListBudget();
    // (an error may have left calls in progress; the last line's arguments are let go, not kept alive)
    for (let i = 0; i < this.deepest; i++) this.frames[i]!.locals = NO_ARGUMENTS;
    this.depth = 0;
    this.deepest = 0;
    this.locals = undefined;
    this.localNames = undefined;
  }

  answer(expr: Expr): Answer {
    if (expr.kind !== "convert") return { value: this.evaluate(expr) };
    return this.convert(expr, this.evaluate(expr.operand));
  }

  /** The walk of a line's own expression. */
  evaluate(expr: Expr): Value {
    if (this.interrupt !== undefined && this.interrupted()) throw this.fail("interrupted", "interrupted", expr.span);
    switch (expr.kind) {
      case "number":
        return this.literal(expr);
      case "boolean":
        return expr.value;
      case "datetime":
        return this.literal(expr);
      case "name":
        return this.lookup(expr.name, expr.span);
      case "quantity":
        return this.quantityLiteral(expr, this.evaluate(expr.magnitude));
      case "negate":
        return this.negate(expr, this.evaluate(expr.operand));
      case "complement":
        return this.complement(expr, this.evaluate(expr.operand));
      case "list":
        return this.list(expr, expr.items.map((item) => this.evaluate(item)));
      case "power": {
        const base = this.evaluate(expr.base);
        return this.power(expr, base, this.evaluate(expr.exponent));
      }
      case "factorial":
        return this.factorial(expr, this.evaluate(expr.operand));
      case "percent":
        return this.percent(expr, this.evaluate(expr.operand));
      case "chain": {
        let value = this.evaluate(expr.first);
        for (let i = 0; i < expr.rest.length; i++) {
          const link = expr.rest[i]!;
          value = this.chainOp(link, expr, C.isPercentChange(expr, i), value, this.evaluate(link.operand));
        }
        return value;
      }
      case "compare": {
        const left = this.evaluate(expr.left);
        return this.compare(expr, left, this.evaluate(expr.right));
      }
      case "not":
        return !this.condition(this.evaluate(expr.operand), expr.operand, "not");
      case "logical": {
        // short-circuit: `false and f(1/0)` never evaluates f
        const stopAt = expr.op === "or";
        for (const operand of expr.operands) if (this.condition(this.evaluate(operand), operand, expr.op) === stopAt) return stopAt;
        return !stopAt;
      }
      case "if":
        // only the chosen branch is evaluated
        return this.evaluate(this.condition(this.evaluate(expr.condition), expr.condition, "if") ? expr.then : expr.else);
      case "convert":
        return this.convert(expr, this.evaluate(expr.operand)).value;
      case "call": {
        this.checkCall(expr);
        const args = expr.args.map((arg) => this.evaluate(arg));
        if (builtins.get(expr.name)?.kind === "function") return this.callBuiltin(expr, args);
        const fn = this.bindings.userFunction(expr.name);
        if (!fn) return this.callValue(expr, args);
        this.enter(fn, args, expr, undefined, 0);
        return this.run(bodyOf(fn, this.interrupt));
      }
    }
  }

  /** Whether a stop has been asked for, looked at every INTERRUPT_INTERVAL steps (and at the first). */
  private interrupted(): boolean {
    return this.steps++ % INTERRUPT_INTERVAL === 0 && this.interrupt!.requested();
  }

  private steps = 0;
  /** Which statement this is, of all the machine has run: what a CALL's found function is good for. */
  private statement = 0;

  /** Starts a call: its frame, and its arguments become the names in scope. */
  private enter(fn: UserFunction, args: Value[], node: Node<"call">, returnCode: C.Code | undefined, returnPc: number): void {
    if (this.depth >= MAX_CALL_DEPTH + 1) {
      const message = `recursion too deep (more than ${MAX_CALL_DEPTH.toLocaleString("en-US")} nested calls)`;
      throw new CalcError("limit", `in ${fn.name}: ${message}`, this.callSite(node), fn.name);
    }
    const site = this.callSite(node);
    const frame = this.frames[this.depth];
    if (frame === undefined) {
      this.frames.push({ fn, locals: args, returnCode, returnPc, site });
    } else {
      frame.fn = fn;
      frame.locals = args;
      frame.returnCode = returnCode;
      frame.returnPc = returnPc;
      frame.site = site;
    }
    if (++this.depth > this.deepest) this.deepest = this.depth;
    this.locals = args;
    this.localNames = fn.params;
  }

  /** Runs a function's body, and the calls it makes, on the machine's own stacks, to the end of the outermost call. */
  private run(body: C.Code): Value {
    const { ctx } = this;
    const stack: Value[] = [];
    let code = body;
    let { ops, data } = code;
    let pc = 0;
    for (;;) {
      if (pc >= ops.length) {
        // the end of a body: back to the caller, with the result on the stack
        const frame = this.frames[--this.depth]!;
        const caller = this.depth > 0 ? this.frames[this.depth - 1]! : undefined;
        this.locals = caller?.locals;
        this.localNames = caller?.fn.params;
        if (!frame.returnCode) return stack.pop()!;
        code = frame.returnCode;
        ({ ops, data } = code);
        pc = frame.returnPc;
        continue;
      }
      if (this.interrupt !== undefined && this.interrupted()) throw this.fail("interrupted", "interrupted", { start: 0, end: 1 });
      const instruction = ops[pc]!;
      const operand = data[ops[pc + 1]!];
      pc += 2;
      switch (instruction) {
        case C.CONST:
          stack.push(operand as Value);
          break;
        case C.LITERAL:
          stack.push(this.literal(operand as Node<"number" | "datetime">));
          break;
        case C.LOAD: {
          const node = operand as Node<"name">;
          stack.push(this.lookup(node.name, node.span));
          break;
        }
        case C.LOAD_LOCAL:
          stack.push(this.locals![operand as number]!);
          break;
        case C.QUANTITY:
          stack.push(this.quantityLiteral(operand as Node<"quantity">, stack.pop()!));
          break;
        case C.NEGATE:
          stack.push(this.negate(operand as Expr, stack.pop()!));
          break;
        case C.COMPLEMENT:
          stack.push(this.complement(operand as Expr, stack.pop()!));
          break;
        case C.LIST: {
          const node = operand as Node<"list">;
          stack.push(this.list(node, stack.splice(stack.length - node.items.length)));
          break;
        }
        case C.POWER: {
          const exponent = stack.pop()!;
          stack.push(this.power(operand as Expr, stack.pop()!, exponent));
          break;
        }
        case C.FACTORIAL:
          stack.push(this.factorial(operand as Expr, stack.pop()!));
          break;
        case C.PERCENT:
          stack.push(this.percent(operand as Expr, stack.pop()!));
          break;
        case C.CHAIN_OP: {
          const step = operand as C.ChainStep;
          const b = stack.pop()!;
          stack.push(this.chainOp(step.link, step.chain, step.percentChange, stack.pop()!, b));
          break;
        }
        case C.COMPARE: {
          const b = stack.pop()!;
          stack.push(this.compare(operand as Node<"compare">, stack.pop()!, b));
          break;
        }
        case C.NOT:
          stack.push(!this.condition(stack.pop()!, (operand as Node<"not">).operand, "not"));
          break;
        case C.JUMP:
          pc = operand as number;
          break;
        case C.JUMP_IF_FALSE:
          if (!this.condition(stack.pop()!, data[ops[pc - 1]! + 1] as Expr, "if")) pc = operand as number;
          break;
        case C.SHORT_CIRCUIT: {
          const junction = operand as C.Junction;
          const value = this.condition(stack.pop()!, junction.node, junction.stopAt ? "or" : "and");
          if (value === junction.stopAt) {
            stack.push(value);
            pc = junction.end;
          }
          break;
        }
        case C.CHECK_BOOLEAN:
          stack.push(this.condition(stack.pop()!, operand as Expr, "and"));
          break;
        case C.CHECK_CALL: {
          // (once a statement: what a name means, and how many arguments it takes, cannot change in one)
          const slot = ops[pc - 1]!;
          if (code.calleesFoundIn[slot] === this.statement) break;
          this.checkCall(operand as Node<"call">);
          code.calleesFoundIn[slot] = this.statement;
          break;
        }
        case C.BUILTIN: {
          const node = operand as Node<"call">;
          stack.push(this.callBuiltin(node, popArguments(stack, node.args.length)));
          break;
        }
        case C.CALL: {
          const node = operand as Node<"call">;
          const args = popArguments(stack, node.args.length);
          const slot = ops[pc - 1]!;
          let fn: UserFunction | undefined;
          if (code.calleesFoundIn[slot] === this.statement) {
            fn = code.callees[slot] as UserFunction | undefined;
          } else {
            fn = this.bindings.userFunction(node.name);
            code.callees[slot] = fn;
            code.calleesFoundIn[slot] = this.statement;
          }
          if (!fn) {
            stack.push(this.callValue(node, args));
            break;
          }
          this.enter(fn, args, node, code, pc);
          code = bodyOf(fn, this.interrupt);
          ({ ops, data } = code);
          pc = 0;
          break;
        }
        case C.CONVERT:
          stack.push(this.convert(operand as Node<"convert">, stack.pop()!).value);
          break;
      }
    }
  }

  // ---- operations, shared by the walk and the machine ----------------------------------

  private literal(node: Node<"number" | "datetime">): Value {
    if (node.kind === "datetime") return this.arithmetic(() => dates().readMoment(node.text), node.span);
    return this.arithmetic(() => parseLiteral(node.text, this.ctx), node.span);
  }

  private negate(node: Expr, a: Value): Value {
    return this.arithmetic(() => op.negate(a, this.ctx), node.span);
  }

  private list(node: Node<"list">, items: Value[]): Value {
    return this.arithmetic(() => new List(items), node.span);
  }

  private complement(node: Expr, a: Value): Value {
    return this.arithmetic(() => bits().complement(a), node.span);
  }

  private power(node: Expr, base: Value, exponent: Value): Value {
    return this.arithmetic(() => op.power(base, exponent, this.ctx), node.span);
  }

  private factorial(node: Expr, a: Value): Value {
    return this.arithmetic(() => factorialOf(op.toReal(a, "!", this.ctx), this.ctx), node.span);
  }

  private percent(node: Expr, a: Value): Value {
    return this.arithmetic(() => op.divide(a, HUNDRED, this.ctx), node.span);
  }

  private compare(node: Node<"compare">, a: Value, b: Value): boolean {
    // (no closure, as in chainOp: a recursion compares at every call)
    try {
      return op.compare(node.op, a, b, this.ctx);
    } catch (error) {
      if (!(error instanceof ArithmeticError)) throw error;
      throw this.fail(error.kind, error.message, node.span);
    }
  }

  /** `x(3)`: a value written like a call is a product. */
  private callValue(node: Node<"call">, args: Value[]): Value {
    const factor = this.lookup(node.name, node.nameSpan);
    return this.arithmetic(() => op.multiply(factor, args[0]!, this.ctx), node.span);
  }

  // ---- errors ----------------------------------------------------------------------

  /** Where an error inside a function is shown: the outermost call in the line. */
  private callSite(node: Node<"call">): Span {
    return this.depth > 0 ? this.frames[0]!.site : node.span;
  }

  /** An error at `span`, or, inside a user function, at the outermost call, naming the innermost function. */
  private fail(kind: ErrorKind, message: string, span: Span): CalcError {
    const inner = this.depth > 0 ? this.frames[this.depth - 1] : undefined;
    if (!inner) return new CalcError(kind, message, span);
    const { site } = this.frames[0]!;
    return new CalcError(kind, kind === "interrupted" ? message : `in ${inner.fn.name}: ${message}`, site, inner.fn.name);
  }

  /** Runs arithmetic; an ArithmeticError becomes a CalcError at its span (a domain error at `domainSpan`). */
  private arithmetic<T>(compute: () => T, span: Span, domainSpan: Span = span): T {
    try {
      return compute();
    } catch (error) {
      if (!(error instanceof ArithmeticError)) throw error;
      throw this.fail(error.kind, error.message, error.kind === "domain" ? domainSpan : span);
    }
  }

  private condition(value: Value, node: Expr, what: string): boolean {
    if (typeof value === "boolean") return value;
    throw this.fail("type", `${what} needs a boolean (true or false), not ${describe(value)}`, node.span);
  }

  // ---- operators ---------------------------------------------------------------------

  /** One operator of a chain (`chain` is the whole chain, for the span of an error). */
  private chainOp(link: ChainLink, chain: Expr, percentChange: boolean, a: Value, b: Value): Value {
    const { ctx } = this;
    // (no closure here, unlike arithmetic(): this is the hot path of plain arithmetic)
    try {
      if (percentChange) {
        // x + 10% is x increased by ten percent
        return op.multiply(a, link.op === "+" ? op.add(ONE, b, ctx) : op.subtract(ONE, b, ctx), ctx);
      }
      switch (link.op) {
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
        default:
          return bits().bitwise(link.op, a, b);
      }
    } catch (error) {
      if (!(error instanceof ArithmeticError)) throw error;
      // a division by zero points at the divisor, anything else at the chain so far
      const end = link.operand.span.end;
      const span = error.kind === "domain" ? { start: link.opSpan.start, end } : { start: chain.span.start, end };
      throw this.fail(error.kind, error.message, span);
    }
  }

  // ---- names ------------------------------------------------------------------------

  /** A user's value for a name: a parameter, or a variable; these shadow constants and units. */
  /**
   * A value kept from an earlier line, in a line computed again with more digits (PrecisionShortfall):
   * an approximate one has only the digits it was computed with, and the line's answer needs more.
   */
  private fresh(name: string, value: Value, span: Span): Value {
    const whole = value instanceof Quantity ? value.magnitude : value;
    // (a complex number's digits are held in its parts: the real one says how many)
    const magnitude = whole instanceof Complex ? (isExact(whole.re) ? whole.im : whole.re) : whole;
    // (a list's items are kept as they were computed)
    if (typeof magnitude === "boolean" || magnitude instanceof Moment || magnitude instanceof List || isExact(magnitude) || this.localNames?.includes(name)) return value;
    const held = (magnitude.constructor as unknown as { precision: number }).precision;
    if (held >= this.ctx.workingDigits) return value;
    throw this.fail(
      "limit",
      `'${name}' holds ${held} digits, and this line needs its value to ${this.ctx.workingDigits}: compute it in the same line, or set a higher precision`,
      span,
    );
  }

  private userValue(name: string): Value | undefined {
    if (this.localNames !== undefined) {
      const index = this.localNames.indexOf(name);
      if (index >= 0) return this.locals![index];
    }
    return this.bindings.variable(name);
  }

  private lookup(name: string, span: Span): Value {
    const value = this.userValue(name);
    if (value !== undefined) return this.ctx.widened ? this.fresh(name, value, span) : value;
    const builtin = builtins.get(name);
    if (builtin?.kind === "constant") return this.arithmetic(() => builtin.value(this.ctx, this.clock), span);
    // a bare `min` is the minute (min(…) is the function); a user's function hides a unit
    if (!this.bindings.userFunction(name) && lookupUnit(name)) return this.unitQuantity([{ name, power: 1, span }]);
    if (name === "ans") {
      const ans = this.bindings.ans();
      if (ans === undefined) throw this.fail("name", "'ans' has no value yet: it is the last result", span);
      return this.ctx.widened ? this.fresh(name, ans, span) : ans;
    }
    if (builtin || this.bindings.userFunction(name)) {
      throw this.fail("name", `'${name}' is a function: call it as ${name}(…)`, span);
    }
    throw this.unknownName(name, span);
  }

  private unknownName(name: string, span: Span): CalcError {
    const choices = ambiguousUnit(name);
    if (choices) return this.fail("name", `'${name}' is ambiguous: write ${choices.slice(0, -1).join(", ")} or ${choices.at(-1)}`, span);
    const instead = notAUnit(name);
    if (instead) return this.fail("name", `unknown name ${quoted(name)}: ${instead}`, span);
    const suggestion = suggestName(name, this.valueNames());
    return this.fail("name", `unknown name ${quoted(name)}${suggestion ? ` — did you mean '${suggestion}'?` : ""}`, span);
  }

  private *valueNames(): Iterable<string> {
    if (this.localNames) yield* this.localNames;
    yield* this.bindings.variableNames();
    for (const [name, builtin] of builtins) if (builtin.kind === "constant") yield name;
    if (this.bindings.ans() !== undefined) yield "ans";
  }

  private *functionNames(): Iterable<string> {
    yield* this.bindings.functionNames();
    for (const [name, builtin] of builtins) if (builtin.kind === "function") yield name;
  }

  // ---- units --------------------------------------------------------------------------

  /** `5 m`, `3 ft^2`, `1/2 in`: the magnitude times the unit (or times a variable that shadows the unit's name). */
  private quantityLiteral(expr: Node<"quantity">, magnitude: Value): Value {
    const { ctx } = this;
    const { unit: ref } = expr;
    return this.arithmetic(() => {
      if (this.userValue(ref.name) !== undefined || this.bindings.userFunction(ref.name)) {
        const factor = this.lookup(ref.name, ref.span);
        return op.multiply(magnitude, ref.power === 1 ? factor : op.power(factor, new Rational(BigInt(ref.power), 1n), ctx), ctx);
      }
      // a temperature on its own scale is a quantity as written (20 °C is not 20 × 1 °C, which would be arithmetic)
      const scale = ref.power === 1 ? lookupUnit(ref.name) : undefined;
      if (scale?.kind.offset !== undefined) return new Quantity(op.toReal(magnitude, ref.name, ctx), [{ unit: scale, power: 1 }]);
      return op.multiply(magnitude, this.unitQuantity([ref]), ctx);
    }, expr.span);
  }

  /** 1 of a unit written as names and powers; °C and °F only alone. */
  private unitQuantity(refs: readonly UnitRef[]): Value {
    const unit = this.resolveUnit(refs);
    if (hasOffset(unit) && !offsetScale(unit)) {
      throw this.fail("dimension", `${unit[0]!.unit.name} is a temperature scale: it can only stand alone, not in a product or power`, refs[0]!.span);
    }
    return op.quantity(ONE, unit, this.ctx);
  }

  /** Unit names as a unit: each must be in the table (a variable never is a unit here). */
  private resolveUnit(refs: readonly UnitRef[]): Unit {
    const span = { start: refs[0]!.span.start, end: refs.at(-1)!.span.end };
    const resolved = this.arithmetic(() => unitOfRefs(refs), span);
    if ("unknown" in resolved) throw this.unknownUnit(resolved.unknown);
    return resolved.unit;
  }

  private unknownUnit(ref: UnitRef): CalcError {
    const choices = ambiguousUnit(ref.name);
    if (choices) return this.fail("name", `'${ref.name}' is ambiguous: write ${choices.slice(0, -1).join(", ")} or ${choices.at(-1)}`, ref.span);
    const instead = notAUnit(ref.name);
    if (instead) return this.fail("name", `unknown unit ${quoted(ref.name)}: ${instead}`, ref.span);
    const suggestion = suggestName(ref.name, []);
    return this.fail("name", `unknown unit ${quoted(ref.name)}${suggestion ? ` — did you mean '${suggestion}'?` : ""}`, ref.span);
  }

  /**
   * `x to km/h` and `x to ft + in` convert to the (first) unit; `x to hex` leaves the value as it
   * is. Either way the value comes back with its notation, which format.ts checks (a refusal is an
   * error at the target) and writes; only a line's outermost `to` is written in it.
   */
  private convert(expr: Node<"convert">, value: Value): Answer {
    const { target } = expr;
    // a date or time converts to a zone (to Europe/Berlin), to UTC, unixtime, date or time, never to a unit
    if (target.kind === "units" && target.parts.length === 1 && (value instanceof Moment || MOMENT_WORDS.has(target.parts[0]!.text))) {
      const text = target.parts[0]!.text;
      return { value: this.arithmetic(() => dates().convertMoment(value, text), target.span) };
    }
    // `5 to Europe/Berlin`: a zone, for a number; said so rather than "unknown unit 'Europe'"
    if (target.kind === "units" && target.parts.length === 1 && ZONE_LIKE.test(target.parts[0]!.text) && dates().isZoneName(target.parts[0]!.text)) {
      throw this.fail("type", `to ${target.parts[0]!.text} converts an instant or a zoned date-time, not ${describe(value)}`, target.span);
    }
    const notation: Notation =
      target.kind === "format"
        ? { kind: "format", format: target.format, ...(target.angle && { angle: { unit: this.resolveUnit(target.angle.refs), text: target.angle.text } }) }
        : { kind: "parts", parts: target.parts.map((part) => ({ unit: this.resolveUnit(part.refs), text: part.text })) };
    this.arithmetic(() => checkNotation(value, notation, this.ctx), target.span);
    if (notation.kind === "format") return { value, notation };
    const [{ unit, text }] = notation.parts as [NotationPart];
    // (a list converts item by item: [1 m, 20 cm] to cm)
    const converted = (v: Value): Value => (v instanceof List ? new List(v.items.map(converted)) : op.convert(v, unit, this.ctx, text));
    return { value: this.arithmetic(() => converted(value), expr.span, target.span), notation };
  }

  // ---- calls ----------------------------------------------------------------------------

  /** Before a call's arguments are computed: that there is such a function, taking that many. */
  private checkCall(expr: Node<"call">): void {
    const { name, args, span } = expr;
    const builtin = builtins.get(name);
    if (builtin?.kind === "function") return this.checkArity(name, builtin.arity, args.length, span);
    const user = this.bindings.userFunction(name);
    if (user) return this.checkArity(name, [user.params.length, user.params.length], args.length, span);
    if (builtin || this.userValue(name) !== undefined || name === "ans" || lookupUnit(name)) {
      if (args.length !== 1) throw this.fail("name", `'${name}' is not a function`, expr.nameSpan);
      return;
    }
    // hex(255): a format written as a function
    if (Object.hasOwn(FORMAT_NAMES, name)) {
      const [arg] = args;
      const operand = args.length === 1 ? (arg!.kind === "if" ? `(${unparseExpr(arg!)})` : unparseExpr(arg!)) : "x";
      throw this.fail("name", `write ${operand} to ${name}`, span);
    }
    const suggestion = suggestName(name, this.functionNames());
    throw this.fail("name", `unknown function ${quoted(name)}${suggestion ? ` — did you mean '${suggestion}'?` : ""}`, expr.nameSpan);
  }

  private checkArity(name: string, [min, max]: BuiltinFunction["arity"], count: number, span: Span): void {
    if (count >= min && count <= max) return;
    const plural = (n: number) => `${n} argument${n === 1 ? "" : "s"}`;
    const expected = max === Infinity ? `at least ${plural(min)}` : min === max ? plural(min) : `${min} or ${plural(max)}`;
    throw this.fail("arity", `${name} takes ${expected} but was given ${count}`, span);
  }

  private callBuiltin(expr: Node<"call">, args: Value[]): Value {
    const builtin = builtins.get(expr.name) as BuiltinFunction;
    const { ctx } = this;
    return this.arithmetic(() => builtin.apply(builtin.takes === "real" ? args.map((v) => op.toReal(v, expr.name, ctx)) : args, ctx), expr.span);
  }
}

const HUNDRED = new Rational(100n, 1n);
/** The targets that only a date or time has (a zone name is one too, but only a Moment is converted to it). */
const MOMENT_WORDS = new Set(["date", "time", "unixtime", "UTC"]);
/** What a zone name looks like (Europe/Berlin), before the dates module is asked whether it is one. */
const ZONE_LIKE = /^[A-Z][\w+-]*\//;
const ONE = new Rational(1n, 1n);
