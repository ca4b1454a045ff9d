/**
 * A Session is one user's calculator: variables, user functions, the last
 * answer and the precision. Every front end (one-shot, piped, REPL) drives
 * one through `evaluate(line)`, which returns an Outcome and never throws.
 *
 * A line is all or nothing: if any statement in it fails, none of its
 * assignments or definitions take effect and `ans` is unchanged.
 */
import { parseLine } from "./syntax.ts";
import type { Expr, Statement } from "../grammar/ast.ts";
import { builtins } from "./builtins.ts";
import { ArithmeticError, CalcError, lineTooLong, PrecisionShortfall, type Span } from "./errors.ts";
import { evaluate, type Answer, type Bindings, type UserFunction } from "./evaluate.ts";
import { formatValue, isDisplayNotation, sourceText, type FormattedValue, type Notation } from "./format.ts";
import type { Clock } from "./clock.ts";
import type { Interrupt } from "./interrupt.ts";
import { DEFAULT_PRECISION, GUARD_DIGITS, MAX_LINE_LENGTH, MAX_PRECISION, MAX_WORKING_DIGITS, MIN_PRECISION } from "./limits.ts";
import { NumberContext } from "./number.ts";
import { unparseExpr, unparseStatement } from "../grammar/unparse.ts";
import { dimensionName, namedUnitOf } from "./dimension.ts";
import { Rational } from "./number.ts";
import { convert, siUnit } from "./operations.ts";
import { dimensionOf, lookupUnit, prefixName, unitNames } from "./units.ts";
import { isApproximate, Moment, Quantity, type Value } from "./value.ts";

export type NameKind = "function" | "constant" | "unit" | "variable" | "user function";

/** A statement's value, written: what a line of one answer shows, and each of a line of several. */
export type ValueAnswer = {
  readonly kind: "value";
  readonly value: Value;
  /** The answer in the default notation, when `text` is in one that only changes its look (`to sci`): --json's value. */
  readonly valueText?: string;
} & FormattedValue;

/** A definition, normalised: what `f(x) = 2x` shows. */
export type DefinitionAnswer = { readonly kind: "definition"; readonly name: string; readonly text: string };

/** What one statement answers. */
type StatementAnswer = ValueAnswer | DefinitionAnswer;

/**
 * A line's outcome. A line shows the value of each of its expression statements; an assignment or
 * a definition shows only alone on its line, or as the last statement of a line with no expression
 * statement (`a = 1; b = 2` shows `2`, as it always did).
 */
export type Outcome =
  /** A blank or comment-only line. */
  | { readonly kind: "empty" }
  | (ValueAnswer & { readonly shadows?: readonly Shadowing[] })
  | (DefinitionAnswer & { readonly shadows?: readonly Shadowing[] })
  /** A line of two or more expression statements: their values in order, each with its statement's number in the line, from 1. */
  | { readonly kind: "values"; readonly values: readonly (ValueAnswer & { readonly statement: number })[]; readonly shadows?: readonly Shadowing[] }
  | { readonly kind: "error"; readonly error: CalcError };

/** A variable or function the line defined under the name of a built-in constant or a unit, which it now hides. */
export interface Shadowing {
  readonly name: string;
  /** What the name meant before: "the constant speed_of_light", "the unit metre". */
  readonly hidden: string;
}

const RESERVED = "ans";

/** Characters of answers past which evaluateLines stops. */
const BATCH_CHARACTERS = 1 << 20;

export class Session {
  private readonly variables = new Map<string, Value>();
  private readonly functions = new Map<string, UserFunction>();
  /**
   * The source of an approximate variable's value, when it uses no name of the user's (r = sqrt(2)):
   * what :save writes for it, so that it reads back approximate, at the precision of its reader.
   */
  private readonly sources = new Map<string, string>();
  private last: Value | undefined;
  private ctx: NumberContext;

  /**
   * A new session; `interrupt`, if given, is how another thread stops the line being computed
   * (the REPL's Ctrl-C): the line ends with an "interrupted" error, and so does every line while
   * it is raised.
   */
  constructor({ interrupt, clock }: { readonly interrupt?: Interrupt; readonly clock?: Clock } = {}) {
    this.ctx = new NumberContext(DEFAULT_PRECISION, undefined, interrupt);
    this.clock = clock;
  }

  /** What `now` and `today` read (src/clock.ts): the front ends give the system's, tests a fixed one. */
  private readonly clock: Clock | undefined;

  get precision(): number {
    return this.ctx.digits;
  }

  /** Sets the display precision in significant digits; throws a RangeError outside 1–1000. */
  set precision(digits: number) {
    if (!Number.isInteger(digits) || digits < MIN_PRECISION || digits > MAX_PRECISION) {
      throw new RangeError(`precision must be a whole number from ${MIN_PRECISION} to ${MAX_PRECISION}`);
    }
    if (digits !== this.ctx.digits) this.ctx = this.ctx.at(digits);
  }

  get ans(): Value | undefined {
    return this.last;
  }

  /** Variables and their values as the front ends show them. */
  listVariables(): { name: string; text: string }[] {
    return [...this.variables].map(([name, value]) => ({ name, text: this.format(value).text }));
  }

  listFunctions(): UserFunction[] {
    return [...this.functions.values()];
  }

  /**
   * Lines that make the user's variables and functions again, each to the same value (what :save
   * writes): `x = 1/3`, `r = sqrt(2)`, `f(x) = x^2`. An approximate value computed from names of the
   * user's is written with every digit it holds, and reads back as that exact decimal.
   */
  definitionLines(): string[] {
    const variables = [...this.variables].map(([name, value]) => `${name} = ${this.sources.get(name) ?? sourceText(value)}`);
    return [...variables, ...[...this.functions.values()].map((fn) => fn.text)];
  }

  /** Every name a line can use now, with what it is: for completion and help. */
  names(): { readonly name: string; readonly kind: NameKind }[] {
    const names: { name: string; kind: NameKind }[] = [];
    for (const [name, builtin] of builtins) names.push({ name, kind: builtin.kind });
    for (const name of unitNames()) names.push({ name, kind: "unit" });
    for (const name of this.variables.keys()) names.push({ name, kind: "variable" });
    for (const name of this.functions.keys()) names.push({ name, kind: "user function" });
    if (this.last !== undefined) names.push({ name: RESERVED, kind: "variable" });
    return names;
  }

  /** What a unit name means, as help shows it: "kilometre: length, 1000 m". Undefined if it is not a unit. */
  describeUnit(name: string): { readonly summary: string; readonly definition?: string; readonly source: string } | undefined {
    const unit = lookupUnit(name);
    if (!unit) return undefined;
    const { kind } = unit;
    const dimension = dimensionOf([{ unit, power: 1 }]);
    const longName = unit.prefix ? `${prefixName(name, unit)}${kind.longName}` : kind.longName;
    let value: string;
    if (kind.offset !== undefined) {
      const factor = this.format(kind.factor, { kind: "format", format: "fraction" }).text;
      value = `x ${name} is (x + ${this.format(kind.offset).text})${factor === "1" ? "" : ` × ${factor}`} K`;
    } else {
      // in the SI unit named for the dimension (J for energy), or in base units when that is the unit itself
      const named = namedUnitOf(dimension);
      const target = named && named !== name ? [{ unit: lookupUnit(named)!, power: 1 }] : siUnit(dimension);
      value = this.format(convert(new Quantity(new Rational(1n, 1n), [{ unit, power: 1 }]), target, this.ctx)).text;
    }
    const base = /^\[|^\d*\/?\d* ?\[/.test(kind.row.is);
    return {
      summary: `${longName}: ${dimensionName(dimension)}, ${value}`,
      definition: base || unit.prefix ? undefined : kind.row.is,
      source: kind.row.source,
    };
  }

  /** Forgets variables, user functions and ans; keeps the precision. */
  clear(): void {
    this.variables.clear();
    this.functions.clear();
    this.sources.clear();
    this.last = undefined;
  }

  format(value: Value, notation?: Notation): FormattedValue {
    return formatValue(value, notation, this.ctx);
  }

  /**
   * Evaluates lines in order, from the first, and stops early once their answers' text reaches
   * BATCH_CHARACTERS: the outcomes of the lines it evaluated (at least one). A front end that
   * answers a batch of lines at once holds all their answers, so a batch of lines with long answers
   * (47,713-digit numbers) must be short; the caller asks again for the rest.
   */
  evaluateLines(lines: readonly string[]): Outcome[] {
    const outcomes: Outcome[] = [];
    let characters = 0;
    for (const line of lines) {
      const outcome = this.evaluate(line);
      outcomes.push(outcome);
      characters += answerLength(outcome);
      if (characters >= BATCH_CHARACTERS) break;
    }
    return outcomes;
  }

  evaluate(line: string): Outcome {
    return this.evaluateLine(line, true);
  }

  /**
   * What `line` would answer, without any effect: its assignments and definitions give their value
   * but bind nothing, and `ans` stays as it is (the REPL's live preview). `interrupt`, if given,
   * stops it in place of the session's own stop request, so that abandoning a preview can never stop
   * a line, nor Ctrl-C a preview.
   */
  preview(line: string, interrupt?: Interrupt): Outcome {
    const usual = this.ctx;
    this.ctx = new NumberContext(usual.digits, usual.workingDigits, interrupt);
    try {
      return this.evaluateLine(line, false);
    } finally {
      this.ctx = usual;
    }
  }

  private evaluateLine(line: string, takeEffect: boolean): Outcome {
    if (line.length > MAX_LINE_LENGTH) return { kind: "error", error: lineTooLong(line.length) };
    const usual = this.ctx;
    try {
      const statements = parseLine(line);
      for (;;) {
        try {
          return this.runLine(statements, takeEffect);
        } catch (error) {
          if (!(error instanceof PrecisionShortfall)) throw error;
          // an approximate input had too few digits for the answer: the whole line again, with enough
          if (error.workingDigits > MAX_WORKING_DIGITS) {
            throw new CalcError("limit", `${error.why} needs more than ${MAX_WORKING_DIGITS.toLocaleString("en-US")} working digits`, {
              start: 0,
              end: Math.max(1, line.length),
            });
          }
          this.ctx = usual.at(usual.digits, Math.max(error.workingDigits, this.ctx.workingDigits + GUARD_DIGITS));
        }
      }
    } catch (error) {
      if (error instanceof CalcError) return { kind: "error", error };
      if (error instanceof RangeError && /call stack/i.test(error.message)) {
        // the JavaScript stack ran out: the MAX_NESTING and MAX_CALL_DEPTH checks should come first
        return failure("limit", "too deeply nested: the computation ran out of stack", { start: 0, end: Math.max(1, line.length) });
      }
      // a bug: the session survives it, and says so plainly rather than with a stack trace
      const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return failure("internal", `internal error, a bug in calc (please report it): ${what}`, { start: 0, end: Math.max(1, line.length) });
    } finally {
      this.ctx = usual;
    }
  }

  /** Runs a line's statements; every one succeeded when it returns, and the line has taken effect. */
  private runLine(statements: readonly Statement[], takeEffect: boolean): Outcome {
    const pending = new LineTransaction(this.variables, this.functions, this.last);
    let last: StatementAnswer | undefined;
    /** A line of several statements shows the values of its expression statements, numbered (made at the first). */
    let values: (ValueAnswer & { statement: number })[] | undefined;
    for (let i = 0; i < statements.length; i++) {
      const statement = statements[i]!;
      last = this.run(statement, pending);
      if (statements.length > 1 && statement.kind === "expression" && last.kind === "value") (values ??= []).push({ ...last, statement: i + 1 });
    }
    // one value is shown as a line of one statement shows it; none, and the line shows its last statement, as it always did
    let outcome: Outcome = values === undefined ? (last ?? { kind: "empty" }) : values.length === 1 ? withoutNumber(values[0]!) : { kind: "values", values };
    const shadows = pending.shadowings();
    if (shadows && outcome.kind !== "empty") outcome = { ...outcome, shadows };
    // every statement succeeded: now the line takes effect (unless it is only a preview)
    if (!takeEffect) return outcome;
    pending.commit(this.variables, this.functions, this.sources);
    this.last = pending.ans();
    return outcome;
  }

  private run(statement: Statement, line: LineTransaction): StatementAnswer {
    switch (statement.kind) {
      case "expression":
      case "assign": {
        const answer = this.assignOrEvaluate(statement, line);
        const { value } = answer;
        line.setAns(value);
        const shown = this.formatStatement(answer, statement);
        const fields = isDisplayNotation(answer.notation) ? this.format(value) : shown;
        const { text, exact } = shown;
        const { quantity, complex, moment, items } = fields;
        // (fields only where there are some: most answers are a plain number's text)
        const answered: { -readonly [K in keyof ValueAnswer]: ValueAnswer[K] } = { kind: "value", value, text, exact };
        if (quantity) answered.quantity = quantity;
        if (complex) answered.complex = complex;
        if (moment) answered.moment = moment;
        if (items) answered.items = items;
        if (fields !== shown) answered.valueText = fields.text;
        return answered;
      }
      case "define": {
        checkDefinable(statement.name, statement.nameSpan);
        if (line.variable(statement.name) !== undefined) {
          throw new CalcError("name", `'${statement.name}' is a variable; a function needs another name`, statement.nameSpan);
        }
        for (const param of statement.params) {
          if (builtins.get(param)?.kind === "function" || param === RESERVED) {
            throw new CalcError("name", `parameter '${param}' would hide the built-in '${param}'`, statement.nameSpan);
          }
        }
        const text = unparseStatement(statement);
        line.define({ name: statement.name, params: statement.params, body: statement.body, text });
        line.noteShadowing(statement.name);
        return { kind: "definition", name: statement.name, text };
      }
    }
  }

  /** The statement's value in its notation; a value the notation cannot write is an error at the statement. */
  private formatStatement({ value, notation }: Answer, statement: Statement): FormattedValue {
    try {
      return this.format(value, notation);
    } catch (error) {
      if (!(error instanceof ArithmeticError)) throw error;
      throw new CalcError(error.kind, error.message, statement.span);
    }
  }

  /** The statement's answer; an assignment's is its value's (`x = 1.75 m to ft + in` is written in feet and inches). */
  private assignOrEvaluate(statement: Exclude<Statement, { kind: "define" }>, line: LineTransaction): Answer {
    if (statement.kind === "expression") return evaluate(statement.expr, { ctx: this.ctx, bindings: line, clock: this.clock });
    checkDefinable(statement.name, statement.nameSpan);
    if (line.userFunction(statement.name)) {
      throw new CalcError("name", `'${statement.name}' is a function; a variable needs another name`, statement.nameSpan);
    }
    if (statement.value.kind === "define") {
      throw new CalcError("syntax", "a function definition cannot be assigned", statement.value.span);
    }
    const answer = this.assignOrEvaluate(statement.value, line);
    const { value } = answer;
    const approximate = isApproximate(value);
    const source = approximate && statement.value.kind === "expression" && usesNoUserName(statement.value.expr, line) ? unparseExpr(statement.value.expr) : undefined;
    line.assign(statement.name, value, source);
    line.noteShadowing(statement.name);
    return answer;
  }
}

/** Whether an expression uses no variable or function of the user's, nor ans: its source means the same in any session. */
function usesNoUserName(expr: Expr, line: LineTransaction): boolean {
  let closed = true;
  const visit = (node: unknown): void => {
    if (!closed || typeof node !== "object" || node === null) return;
    if (Array.isArray(node)) return node.forEach(visit);
    // a name, a call, and a unit's name too (a variable of that name is its value: after m = 3, 2 m is 6)
    const { name } = node as { name?: unknown };
    if (typeof name === "string") {
      if (name === RESERVED || line.variable(name) !== undefined || line.userFunction(name) !== undefined) closed = false;
    }
    for (const value of Object.values(node)) visit(value);
  };
  visit(expr);
  return closed;
}

/** Built-in functions keep their names; constants and units may be hidden by the user's own. */
function checkDefinable(name: string, span: Span): void {
  const builtin = builtins.get(name);
  if (builtin?.kind === "function") throw new CalcError("name", `cannot assign to '${name}': it is a built-in function`, span);
  if (name === RESERVED) throw new CalcError("name", "cannot assign to 'ans': it is always the last result", span);
}

/** What a name means before the user defines it, if anything: a constant or a unit. */
function builtinMeaning(name: string): string | undefined {
  if (builtins.get(name)?.kind === "constant") return `the constant ${name}`;
  const unit = lookupUnit(name);
  return unit ? `the unit ${unit.prefix ? name : unit.kind.longName}` : undefined;
}

function withoutNumber({ statement: _, ...value }: ValueAnswer & { statement: number }): ValueAnswer {
  return value;
}

/** The characters of an outcome's answers, as the front ends show them (less the separators). */
function answerLength(outcome: Outcome): number {
  switch (outcome.kind) {
    case "value":
    case "definition":
      return outcome.text.length;
    case "values":
      return outcome.values.reduce((sum, value) => sum + value.text.length, 0);
    default:
      return 0;
  }
}

function failure(kind: CalcError["kind"], message: string, span: Span): Outcome {
  return { kind: "error", error: new CalcError(kind, message, span) };
}

/** The session's bindings as seen from inside one line, with that line's changes held apart. */
class LineTransaction implements Bindings {
  // each made at the line's first assignment or definition: most lines have neither
  private newVariables: Map<string, Value> | undefined;
  private newFunctions: Map<string, UserFunction> | undefined;
  private newSources: Map<string, string> | undefined;
  /** Made at the first name that hides something: most lines define nothing. */
  private shadowed: Map<string, string> | undefined;

  constructor(
    private readonly variables: ReadonlyMap<string, Value>,
    private readonly functions: ReadonlyMap<string, UserFunction>,
    private last: Value | undefined,
  ) {}

  variable(name: string): Value | undefined {
    return this.newVariables?.get(name) ?? this.variables.get(name);
  }

  userFunction(name: string): UserFunction | undefined {
    return this.newFunctions?.get(name) ?? this.functions.get(name);
  }

  ans(): Value | undefined {
    return this.last;
  }

  *variableNames(): Iterable<string> {
    if (this.newVariables) yield* this.newVariables.keys();
    yield* this.variables.keys();
  }

  *functionNames(): Iterable<string> {
    if (this.newFunctions) yield* this.newFunctions.keys();
    yield* this.functions.keys();
  }

  /** (With the source of an approximate value that uses no name of the user's: Session.sources.) */
  assign(name: string, value: Value, source?: string): void {
    (this.newVariables ??= new Map()).set(name, value);
    // (most values are exact and have no source: no map is made for them)
    if (source !== undefined) (this.newSources ??= new Map()).set(name, source);
    else this.newSources?.delete(name);
  }

  define(fn: UserFunction): void {
    (this.newFunctions ??= new Map()).set(fn.name, fn);
  }

  setAns(value: Value): void {
    this.last = value;
  }

  /** Remembers that `name` now hides a constant or unit, if it does. */
  noteShadowing(name: string): void {
    const hidden = builtinMeaning(name);
    if (hidden) (this.shadowed ??= new Map()).set(name, hidden);
  }

  shadowings(): Shadowing[] | undefined {
    return this.shadowed && [...this.shadowed].map(([name, hidden]) => ({ name, hidden }));
  }

  commit(variables: Map<string, Value>, functions: Map<string, UserFunction>, sources: Map<string, string>): void {
    if (this.newVariables) {
      for (const [name, value] of this.newVariables) {
        variables.set(name, value);
        const source = this.newSources?.get(name);
        if (source !== undefined) sources.set(name, source);
        else if (sources.size > 0) sources.delete(name);
      }
    }
    if (this.newFunctions) for (const [name, fn] of this.newFunctions) functions.set(name, fn);
  }
}
