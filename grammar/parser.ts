/**
 * The grammar: one parser rule per precedence level, lowest first, so the
 * nesting of the rules is the precedence table.
 *
 *   program     := statement? (';' statement?)*
 *   statement   := expression ('=' statement?)?         assignment, right-assoc; a trailing '=' asks for the value (2 + 2 =)
 *   expression  := 'if' expression 'then' expression 'else' expression | conversion
 *   conversion  := disjunction (('to' | '->' | '→') target)*
 *   disjunction := conjunction ('or' conjunction)*
 *   conjunction := negation ('and' negation)*
 *   negation    := 'not' negation | comparison
 *   comparison  := range (('==' | '!=' | '<' | '<=' | '>' | '>=') range)?   no chains
 *   range       := bitor ('..' bitor)?                   1..100, range(1, 100)
 *   bitor       := bitxor ('|' bitxor)*                   the bitwise levels are Python's
 *   bitxor      := bitand ('xor' bitand)*
 *   bitand      := shift ('&' shift)*
 *   shift       := additive (('<<' | '>>') additive)*
 *   additive    := term (('+' | '-') term)*
 *   term        := unary (('*' | '/' | '%' | '//' | 'mod') unary | power)*
 *                  (the bare `power` is implicit multiplication: 2pi, 2(3+4), 5 N m)
 *   unary       := ('+' | '-' | '~') unary | power
 *   power       := postfix (('^' | '**') unary)?         right-assoc
 *   postfix     := primary ('!' | '%' ('of' unary)? | superscript)*
 *                  ('%' is a percentage unless an operand follows it: then it is modulo)
 *   primary     := quantity | number | datetime | 'true' | 'false' | name ('(' arguments? ')')? | '(' expression ')'
 *                  | '[' (expression (',' expression)*)? ']'    a list
 *                  | ('√' | '∛') unary                  √16, 2√3, √(x): sqrt and cbrt of what follows, as '-' takes it
 *   quantity    := magnitude unit (number unit)*        5 m, 1/2 in, 5 ft 3 in (a sum)
 *   magnitude   := number | integer '/' integer          (the ratio only before a unit)
 *   unit        := name (('^' | '**') integer | superscript)?   a name in the unit table
 *   target      := '%' | format | units ('+' units)*     to hex, to km/h, to ft + in
 *   units       := factor (('*' | '/')? factor)*,  factor := name power? | '(' units ')'
 *
 * (Levels every line passes through share a parser rule where that saves chevrotain a rule call:
 * conversion, disjunction and conjunction are read in `expression`, negation with comparison,
 * range and the bitwise levels (one loop, grouped after: `bitwise`), postfix, primary, number and
 * quantity in `power`; each is still a method or a table of its own
 * named for its level.)
 *
 * The parser builds the AST directly (no CST, no evaluation) and reports the
 * first error as a LocatedError with the span of the offending token. Whether a
 * name is a unit (or a built-in function) the core tells it with each line
 * (CoreNames, names.ts); the unit table is static, and a variable of the
 * same name changes the value, not the grouping (see the core's evaluate.ts).
 */
import {
  EmbeddedActionsParser,
  EOF,
  tokenMatcher,
  type IParserErrorMessageProvider,
  type IToken,
  type Rule,
  type TokenType,
} from "chevrotain";
import { FORMAT_NAMES, type ChainLink, type ChainOp, type CompareOp, type Expr, type Program, type Statement, type Target, type UnitRef } from "./ast.ts";
import { LocatedError, type Span } from "./errors.ts";
import { MAX_NESTING, MAX_UNIT_POWER } from "./limits.ts";
import { unparseExpr } from "./unparse.ts";
import { LL1Lookahead } from "./lookahead.ts";
import type { CoreNames } from "./names.ts";
import { recordingOf, restore, restoreProductions, type RecordedGrammar } from "./analysis.ts";
import { phraseName, phrasePower, phraseText } from "./phrases.ts";
import * as T from "./tokens.ts";

export function spanOfToken(token: IToken, text: string): Span {
  // chevrotain's end-of-input token has no offset: point just past the text
  if (token.tokenType === EOF || Number.isNaN(token.startOffset)) return { start: text.length, end: text.length + 1 };
  return { start: token.startOffset, end: token.startOffset + token.image.length };
}

export function describeFound(token: IToken): string {
  return token.tokenType === EOF ? "end of input" : `'${token.image}'`;
}

const operandStart = "a number, a name or '('";

function describeExpected(types: readonly TokenType[]): string {
  // Anything that can start an operand is summarised the same way everywhere.
  if (types.some((t) => t === T.NumberLiteral || t === T.Identifier)) return operandStart;
  const names = [...new Set(types.map((t) => (t === EOF ? "end of input" : (T.tokenDescriptions.get(t) ?? t.name))))];
  if (names.length <= 1) return names[0] ?? "more input";
  return `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}

const errorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, actual }) =>
    `expected ${describeExpected([expected])} but found ${describeFound(actual)}`,
  buildNotAllInputParsedMessage: ({ firstRedundant }) =>
    firstRedundant.tokenType === T.RParen
      ? "unmatched ')'"
      : `expected an operator or end of input but found ${describeFound(firstRedundant)}`,
  buildNoViableAltMessage: ({ expectedPathsPerAlt, actual }) =>
    `expected ${describeExpected(expectedPathsPerAlt.flat().map((path) => path[0]!))} but found ${describeFound(actual[0]!)}`,
  buildEarlyExitMessage: ({ expectedIterationPaths, actual }) =>
    `expected ${describeExpected(expectedIterationPaths.map((path) => path[0]!))} but found ${describeFound(actual[0]!)}`,
};

const chainOps = new Map<TokenType, ChainOp>([
  [T.Plus, "+"],
  [T.Minus, "-"],
  [T.Times, "*"],
  [T.Divide, "/"],
  [T.FloorDivide, "//"],
  [T.Percent, "%"],
  [T.Mod, "%"],
]);

/** The operators read in `bitwise`, and their levels: tighter is higher ('..' is 0). */
const bitwiseOps = new Map<TokenType, { op: ChainOp | ".."; level: number }>([
  [T.DotDot, { op: "..", level: 0 }],
  [T.BitOr, { op: "|", level: 1 }],
  [T.Xor, { op: "xor", level: 2 }],
  [T.BitAnd, { op: "&", level: 3 }],
  [T.ShiftLeft, { op: "<<", level: 4 }],
  [T.ShiftRight, { op: ">>", level: 4 }],
]);
const TIGHTEST_BITWISE = 4;

const compareOps = new Map<TokenType, CompareOp>([
  [T.Equal, "=="],
  [T.NotEqual, "!="],
  [T.Less, "<"],
  [T.LessEqual, "<="],
  [T.Greater, ">"],
  [T.GreaterEqual, ">="],
]);


/** In a unit written with spaces, a space between these is a product (N m, m^2 s), but after a scale (100 km). */
const unitEnds = new Set<TokenType>([T.Identifier, T.RParen, T.Superscript, T.NumberLiteral]);
const unitStarts = new Set<TokenType>([T.Identifier, T.LParen]);

/** Tokens that can start an operand: after one of them, `%` is modulo rather than a percentage. */
const operandStarts = new Set<TokenType>([T.NumberLiteral, T.DateTimeLiteral, T.Identifier, T.LParen, T.True, T.False, T.Radical]);
/** And what else makes a `%` before it modulo: a list, a complement (neither is multiplied implicitly). */
const moduloOperandStarts = new Set<TokenType>([...operandStarts, T.LBracket, T.Tilde]);

/**
 * The token indexes that are a `type`: its own, and those of its category's members. (A table
 * rather than chevrotain's tokenMatcher, whose category lookup is slow on a hot path.)
 */
function matching(type: TokenType): Uint8Array {
  const indexes = [type.tokenTypeIdx!, ...((type as { categoryMatches?: number[] }).categoryMatches ?? [])];
  const matches = new Uint8Array(Math.max(...indexes) + 1);
  for (const index of indexes) matches[index] = 1;
  return matches;
}

const matchesByType: Uint8Array[] = [];

const SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/** ² → "2", ⁻¹ → "-1": as text, so that no exponent is rounded (⁹⁰⁰⁷¹⁹⁹²⁵⁴⁷⁴⁰⁹⁹³ stays odd). */
function superscriptDigits(text: string): string {
  return [...text].map((c) => (c === "⁻" ? "-" : SUPERSCRIPT_DIGITS.indexOf(c))).join("");
}

/** An integer literal in any base: 12, 1_000, 0x10 (not 1.5, 1e3). */
const isInteger = (token: IToken) => /^(?:[0-9_]+|0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+)$/.test(token.image);

export class CalcParser extends EmbeddedActionsParser {
  /** Nesting depth of the rules every recursive path passes through. */
  private depth = 0;
  private text = "";
  /** What the core says of the line's names (never asked while the grammar is recorded). */
  private coreNames!: CoreNames;

  /** The recording the parser was restored from, until its productions are asked for. */
  private unrestored: RecordedGrammar | undefined;
  /** What chevrotain's self-analysis made of the grammar, when the parser was made to record it. */
  readonly recording: RecordedGrammar | undefined;

  /**
   * "check": chevrotain's own analysis with all its checks of the grammar (the tests); "analyse": its
   * analysis without them (the fallback when the recording does not fit); "record": the analysis,
   * recorded, kept as data in `recording` (the build, see analysis-macro.ts); a recording: restored
   * from it (calc at run time, see analysis.ts).
   */
  constructor(analysis: "check" | "analyse" | "record" | RecordedGrammar) {
    super(T.allTokens, {
      recoveryEnabled: false,
      maxLookahead: 1,
      lookaheadStrategy: new LL1Lookahead(),
      errorMessageProvider: errorMessages,
      skipValidations: analysis !== "check",
    });
    if (analysis === "check" || analysis === "analyse") {
      this.performSelfAnalysis();
    } else if (analysis === "record") {
      this.recording = recordingOf(this, T.allTokens, () => this.performSelfAnalysis());
    } else {
      restore(this, analysis, T.allTokens);
      this.unrestored = analysis;
    }
  }

  /** The grammar's productions; a restored parser makes them when first asked (to describe an error). */
  override getGAstProductions(): Record<string, Rule> {
    if (this.unrestored !== undefined) {
      restoreProductions(this, this.unrestored, T.allTokens);
      this.unrestored = undefined;
    }
    return super.getGAstProductions();
  }

  parse(text: string, tokens: IToken[], coreNames: CoreNames): Program {
    this.text = text;
    this.coreNames = coreNames;
    this.depth = 0;
    this.input = tokens;
    return this.program();
  }

  private span(first: IToken, last: IToken): Span {
    return { start: first.startOffset, end: last.startOffset + last.image.length };
  }

  private tokenSpan(token: IToken): Span {
    return spanOfToken(token, this.text);
  }

  /**
   * Counts one level of nesting; past MAX_NESTING the line is refused before the stack runs out.
   * (Not in an ACTION, which would make a closure at every operand: recording the grammar calls
   * each rule once, so the count stays small there.)
   */
  private enter(): void {
    // (the outermost operand is a level of its own, not a nesting: 500 parentheses are 501 levels)
    if (++this.depth > MAX_NESTING + 1) {
      throw new LocatedError("limit", `expression nested too deeply (the limit is ${MAX_NESTING} levels)`, this.tokenSpan(this.LA(1)));
    }
  }

  private leave(): void {
    this.depth--;
  }

  /**
   * Whether the next token is a `type`, or the grammar is being recorded. The OPTIONs and MANYs
   * that every line or every operand passes are entered only then: it is the test chevrotain's
   * lookahead would make first, without the cost of entering them (most operands have no `^`,
   * `!` or `to` after them), and during recording they are always entered, so the grammar is whole.
   */
  private next(type: TokenType): boolean {
    if (this.RECORDING_PHASE) return true;
    const matches = (matchesByType[type.tokenTypeIdx!] ??= matching(type));
    return matches[this.LA(1).tokenTypeIdx] === 1;
  }

  private program = this.RULE("program", (): Program => {
    const statements: Statement[] = [];
    this.OPTION(() => statements.push(this.SUBRULE(this.statement)));
    if (this.next(T.Semicolon)) this.MANY(() => {
      this.CONSUME(T.Semicolon);
      this.OPTION2(() => statements.push(this.SUBRULE2(this.statement)));
    });
    return statements;
  });

  private statement = this.RULE("statement", (): Statement => {
    const target = this.SUBRULE(this.expression);
    let equals: IToken | undefined;
    let value: Statement | undefined;
    if (this.next(T.Equals)) this.OPTION(() => {
      equals = this.CONSUME(T.Equals);
      // `2 + 2 =`, as on a pocket calculator: the line's value
      this.OPTION2(() => (value = this.SUBRULE(this.statement)));
    });
    return this.ACTION(() => (value ? assignment(target, value, this.tokenSpan(equals!)) : expressionStatement(target)));
  });

  private expression = this.RULE("expression", (): Expr => this.OR(this.conditionalOrConversion));

  private readonly conditionalOrConversion = [
    {
      ALT: (): Expr => {
        this.enter();
        const start = this.CONSUME(T.If);
        const condition = this.SUBRULE(this.expression);
        this.CONSUME(T.Then);
        const then = this.SUBRULE2(this.expression);
        this.CONSUME(T.Else);
        const otherwise = this.SUBRULE3(this.expression);
        this.leave();
        return this.ACTION((): Expr => ({ kind: "if", condition, then, else: otherwise, span: { start: start.startOffset, end: otherwise.span.end } }));
      },
    },
    { ALT: (): Expr => this.conversion() },
  ];

  // conversion, disjunction and conjunction are read within `expression`'s rule, and negation
  // with comparison: a rule call is most of what chevrotain spends on a level, and every line
  // passes through all of them. The precedence between them is kept by `logical` below.

  /** conversion := disjunction (('to' | '->' | '→') target)* */
  private conversion(): Expr {
    let operand = this.disjunction();
    if (this.next(T.ConvertOp)) this.MANY(() => {
      this.CONSUME(T.ConvertOp);
      const target = this.SUBRULE(this.target);
      this.ACTION(() => {
        operand = { kind: "convert", operand, target, span: { start: operand.span.start, end: target.span.end } };
      });
    });
    return operand;
  }

  /** disjunction := conjunction ('or' conjunction)*, conjunction := negation ('and' negation)*: one list, grouped after. */
  private disjunction(): Expr {
    const operands = [this.SUBRULE(this.negation)];
    const operators: IToken[] = [];
    if (this.next(T.LogicalOp)) this.MANY2(() => {
      operators.push(this.CONSUME(T.LogicalOp));
      operands.push(this.SUBRULE2(this.negation));
    });
    return this.ACTION(() => (operators.length === 0 ? operands[0]! : orOfAnds(operands, operators)));
  }

  /** negation := 'not'* comparison;  comparison := additive (compareOp additive)?  (comparisons do not chain) */
  private negation = this.RULE("negation", (): Expr => {
    let nots: IToken[] | undefined;
    if (this.next(T.Not)) this.MANY(() => {
      const not = this.CONSUME(T.Not);
      this.ACTION(() => (nots ??= []).push(not));
    });
    const left = this.bitwise(1);
    let result = left;
    if (this.next(T.CompareOp)) this.OPTION(() => {
      const op = this.CONSUME(T.CompareOp);
      const right = this.bitwise(2);
      this.ACTION(() => {
        result = { kind: "compare", op: compareOps.get(op.tokenType)!, left, right, opSpan: this.tokenSpan(op), span: { start: left.span.start, end: right.span.end } };
        const next = this.LA(1);
        if (tokenMatcher(next, T.CompareOp)) {
          const third = `${unparseExpr(right)} ${next.image} ${this.operandTextAfter(2)}`;
          throw new LocatedError(
            "syntax",
            `comparisons do not chain: write ${unparseExpr(left)} ${op.image} ${unparseExpr(right)} and ${third}`,
            this.tokenSpan(next),
          );
        }
      });
    });
    return this.ACTION(() => {
      if (!nots) return result;
      // a run of `not`s nests as deeply as parentheses would
      if (nots.length + this.depth > MAX_NESTING) {
        throw new LocatedError("limit", `expression nested too deeply (the limit is ${MAX_NESTING} levels)`, this.tokenSpan(nots[Math.max(0, MAX_NESTING - this.depth)]!));
      }
      for (let i = nots.length - 1; i >= 0; i--) result = { kind: "not", operand: result, span: { start: nots[i]!.startOffset, end: result.span.end } };
      return result;
    });
  });

  /**
   * range, bitor, bitxor, bitand and shift (issue 21): operands of `additive` and the operators
   * between them in one loop, grouped by level after (`groupBitwise`), within `negation`'s rule
   * (`k` tells its two places apart: the two sides of a comparison).
   */
  private bitwise(k: 1 | 2): Expr {
    const operands = [this.subrule(k, this.additive, undefined)];
    const operators: IToken[] = [];
    if (this.next(T.BitwiseOp)) this.many(k, () => {
      operators.push(this.consume(k, T.BitwiseOp));
      operands.push(this.subrule(k + 2, this.additive, undefined));
    });
    return this.ACTION(() => (operators.length === 0 ? operands[0]! : this.groupBitwise(operands, operators)));
  }

  /** a | b xor c & d << e: each level's runs become chains, tightest first; then at most one '..'. */
  private groupBitwise(operands: Expr[], operators: IToken[]): Expr {
    let items = operands;
    let ops = operators;
    for (let level = TIGHTEST_BITWISE; level >= 1; level--) {
      const nextItems = [items[0]!];
      const nextOps: IToken[] = [];
      for (let i = 0; i < ops.length; ) {
        if (bitwiseOps.get(ops[i]!.tokenType)!.level !== level) {
          nextOps.push(ops[i]!);
          nextItems.push(items[++i]!);
          continue;
        }
        const first = nextItems.pop()!;
        const rest: ChainLink[] = [];
        for (; i < ops.length && bitwiseOps.get(ops[i]!.tokenType)!.level === level; i++) {
          rest.push({ op: bitwiseOps.get(ops[i]!.tokenType)!.op as ChainOp, opSpan: this.tokenSpan(ops[i]!), operand: items[i + 1]! });
        }
        nextItems.push(chain(first, rest));
      }
      items = nextItems;
      ops = nextOps;
    }
    if (ops.length === 0) return items[0]!;
    if (ops.length > 1) throw new LocatedError("syntax", "a range has one '..': write a..b", this.tokenSpan(ops[1]!));
    const [from, to] = [items[0]!, items[1]!];
    return { kind: "call", name: "range", nameSpan: this.tokenSpan(ops[0]!), args: [from, to], span: { start: from.span.start, end: to.span.end }, infix: true };
  }

  /** The source of the operand starting at LA(k), up to what ends it (and, or, then, ')' …): for messages. */
  private operandTextAfter(k: number): string {
    const enders = [T.And, T.Or, T.Then, T.Else, T.ConvertOp, T.CompareOp, T.Semicolon, T.Comma, T.Equals];
    let depth = 0;
    let last: IToken | undefined;
    const first = this.LA(k);
    for (let token = first; token.tokenType !== EOF; token = this.LA(++k)) {
      if (depth === 0 && (enders.some((t) => tokenMatcher(token, t)) || token.tokenType === T.RParen)) break;
      if (token.tokenType === T.LParen) depth++;
      if (token.tokenType === T.RParen) depth--;
      last = token;
    }
    return last ? this.text.slice(first.startOffset, last.startOffset + last.image.length) : "…";
  }

  private additive = this.RULE("additive", (): Expr => {
    const first = this.SUBRULE(this.term);
    const rest: ChainLink[] = [];
    if (this.next(T.AdditiveOp)) this.MANY(() => {
      const op = this.CONSUME(T.AdditiveOp);
      const operand = this.SUBRULE2(this.term);
      this.ACTION(() => rest.push({ op: chainOps.get(op.tokenType)!, opSpan: this.tokenSpan(op), operand }));
    });
    return this.ACTION(() => chain(first, rest));
  });

  private term = this.RULE("term", (): Expr => {
    const first = this.SUBRULE(this.unary);
    const rest: ChainLink[] = [];
    if (this.RECORDING_PHASE || this.productAhead()) this.MANY({
      GATE: this.noNumberNext,
      DEF: () => {
        const link = this.OR(this.termLinks);
        this.ACTION(() => rest.push(link));
      },
    });
    return this.ACTION(() => chain(first, rest));
  });

  // `2 3` is not a product: implicit multiplication never takes a number (or a date, or a list:
  // `x [1]` looks like an index, which calc has not) on its right
  private readonly noNumberNext = () => {
    const { tokenType } = this.LA(1);
    return tokenType !== T.NumberLiteral && tokenType !== T.DateTimeLiteral && tokenType !== T.LBracket;
  };

  /** An operator of `term`, or an operand (implicit multiplication), is next: see `next`. */
  private productAhead(): boolean {
    const { tokenType } = this.LA(1);
    return (tokenType !== T.NumberLiteral && tokenType !== T.DateTimeLiteral && operandStarts.has(tokenType)) || this.next(T.MultiplicativeOp);
  }

  // Alternatives of OR are kept in fields, not written inline: chevrotain's performance guide
  // (an inline array of closures is built again at every call, and OR runs for every operand).
  private readonly termLinks = [
    {
      ALT: (): ChainLink => {
        const op = this.CONSUME(T.MultiplicativeOp);
        const operand = this.SUBRULE2(this.unary);
        return this.ACTION(() => ({ op: chainOps.get(op.tokenType)!, opSpan: this.tokenSpan(op), operand }));
      },
    },
    {
      ALT: (): ChainLink => {
        const operand = this.SUBRULE(this.power);
        return this.ACTION(() => {
          // `1 mi in km`: `in` is the inch, and a unit name after it means a conversion was meant
          if (operand.kind === "name" && operand.name === "in" && tokenMatcher(this.LA(1), T.Identifier)) {
            throw new LocatedError("syntax", `'in' is the inch: to convert, write 'to' (1 mi to km)`, operand.span);
          }
          return { op: "*" as const, opSpan: { start: operand.span.start, end: operand.span.start }, operand };
        });
      },
    },
  ];

  private unary = this.RULE("unary", (): Expr => {
    this.enter();
    const result = this.OR(this.signedOrNot);
    this.leave();
    return result;
  });

  private readonly signedOrNot = [
    {
      ALT: (): Expr => {
        const sign = this.CONSUME(T.AdditiveOp);
        const operand = this.SUBRULE(this.unary);
        return this.ACTION((): Expr => {
          const span = { start: sign.startOffset, end: operand.span.end };
          return sign.tokenType === T.Minus ? { kind: "negate", operand, span } : ({ ...operand, span } as Expr);
        });
      },
    },
    {
      ALT: (): Expr => {
        const tilde = this.CONSUME(T.Tilde);
        const operand = this.SUBRULE2(this.unary);
        return this.ACTION((): Expr => ({ kind: "complement", operand, span: { start: tilde.startOffset, end: operand.span.end } }));
      },
    },
    { ALT: (): Expr => this.SUBRULE(this.power) },
  ];

  // postfix operators are read here rather than in a rule of their own: a rule call is most of
  // what chevrotain spends per operand, and every operand passes through this level
  private power = this.RULE("power", (): Expr => {
    const base = this.postfixes(this.OR(this.primaries));
    let exponent: Expr | undefined;
    if (this.next(T.Power)) this.OPTION4(() => {
      this.CONSUME(T.Power);
      exponent = this.SUBRULE2(this.unary);
    });
    return this.ACTION((): Expr =>
      exponent ? { kind: "power", base, exponent, span: { start: base.span.start, end: exponent.span.end } } : base,
    );
  });

  /** postfix := primary ('!' | '%' ('of' unary)? | superscript)*, within `power`'s rule. */
  private postfixes(primary: Expr): Expr {
    let operand = primary;
    let count = 0;
    if (this.next(T.Postfix)) this.MANY2({
      // `7 % 3` is modulo: the `%` is for `term`
      GATE: this.postfixAhead,
      DEF: () => {
        const next = this.OR2(this.postfixOps);
        this.ACTION(() => {
          // a long run of postfix operators nests as deeply as parentheses would
          if (++count + this.depth > MAX_NESTING + 1) {
            throw new LocatedError("limit", `expression nested too deeply (the limit is ${MAX_NESTING} levels)`, next.span);
          }
          operand = next.apply(operand);
        });
      },
    });
    return operand;
  }

  private readonly postfixAhead = () => this.LA(1).tokenType !== T.Percent || !moduloOperandStarts.has(this.LA(2).tokenType);

  /** Each postfix operator as a span and the node it makes of its operand. */
  private readonly postfixOps = [
    {
      ALT: () => {
        const bang = this.CONSUME(T.Bang);
        return this.ACTION(() => ({
          span: this.tokenSpan(bang),
          apply: (operand: Expr): Expr => ({ kind: "factorial", operand, span: { start: operand.span.start, end: bang.startOffset + 1 } }),
        }));
      },
    },
    {
      // a percentage, unless an operand follows (see postfix's gate)
      ALT: () => {
        const percent = this.CONSUME(T.Percent);
        let of: Expr | undefined;
        let ofToken: IToken | undefined;
        this.OPTION3(() => {
          ofToken = this.CONSUME(T.Of);
          of = this.SUBRULE(this.unary);
        });
        return this.ACTION(() => ({
          span: this.tokenSpan(percent),
          apply: (operand: Expr): Expr => {
            const share: Expr = { kind: "percent", operand, span: { start: operand.span.start, end: percent.startOffset + 1 } };
            if (!of) return share;
            // 20% of 50 is 20% * 50
            return chain(share, [{ op: "*", opSpan: this.tokenSpan(ofToken!), operand: of }]);
          },
        }));
      },
    },
    {
      ALT: () => {
        const sup = this.CONSUME(T.Superscript);
        return this.ACTION(() => {
          const exponent: Expr = { kind: "number", text: superscriptDigits(sup.image), span: this.tokenSpan(sup) };
          return {
            span: this.tokenSpan(sup),
            apply: (base: Expr): Expr => ({ kind: "power", base, exponent, span: { start: base.span.start, end: sup.startOffset + sup.image.length } }),
          };
        });
      },
    },
  ];

  /** primary := quantity | number | 'true' | 'false' | name ('(' arguments? ')')? | '(' expression ')', within `power`'s rule. */
  private readonly primaries = [
    { ALT: (): Expr => this.numberOrQuantity() },
    { ALT: (): Expr => this.SUBRULE(this.nameOrCall) },
    {
      ALT: (): Expr => {
        const open = this.CONSUME(T.LParen);
        const inner = this.SUBRULE(this.expression);
        const close = this.CONSUME(T.RParen);
        // the parentheses widen the span, so an error about `(1 + 2)` underlines all of it
        return this.ACTION((): Expr => ({ ...inner, span: this.span(open, close) }) as Expr);
      },
    },
    {
      // [1, 2, 3]: a list
      ALT: (): Expr => {
        const open = this.CONSUME(T.LBracket);
        const items: Expr[] = [];
        this.MANY_SEP({ SEP: T.Comma, DEF: () => items.push(this.SUBRULE2(this.expression)) });
        const close = this.CONSUME(T.RBracket);
        return this.ACTION((): Expr => ({ kind: "list", items, span: this.span(open, close) }));
      },
    },
    {
      // √16 is sqrt(16): a call of the core's sqrt (or cbrt), as written with the name
      ALT: (): Expr => {
        const radical = this.CONSUME(T.Radical);
        const operand = this.SUBRULE3(this.unary);
        return this.ACTION((): Expr => {
          const nameSpan = this.tokenSpan(radical);
          return { kind: "call", name: radical.image === "∛" ? "cbrt" : "sqrt", nameSpan, args: [operand], span: { start: nameSpan.start, end: operand.span.end } };
        });
      },
    },
    {
      // 2026-12-04, 09:15, 2026-12-04T10:00:00Z: read by the core (src/dates.ts), which knows the calendar
      ALT: (): Expr => {
        const token = this.CONSUME(T.DateTimeLiteral);
        return this.ACTION((): Expr => ({ kind: "datetime", text: token.image, span: this.tokenSpan(token) }));
      },
    },
    {
      ALT: (): Expr => {
        const token = this.CONSUME(T.True);
        return this.ACTION((): Expr => ({ kind: "boolean", value: true, span: this.tokenSpan(token) }));
      },
    },
    {
      ALT: (): Expr => {
        const token = this.CONSUME(T.False);
        return this.ACTION((): Expr => ({ kind: "boolean", value: false, span: this.tokenSpan(token) }));
      },
    },
  ];

  /**
   * Whether the token at `k` is a unit's name, and not a call of a built-in function of that
   * name: `2 min` is two minutes, `2 min(3, 4)` twice the smaller (as `3 sqrt(4)` is 3·sqrt(4)).
   */
  private unitAt(k: number): boolean {
    const token = this.LA(k);
    if (token.tokenType !== T.Identifier || !this.coreNames.isUnit(phraseName(token.image))) return false;
    return this.LA(k + 1).tokenType !== T.LParen || !this.coreNames.isFunction(token.image);
  }

  /** A number, or a number directly before a unit (and more such parts: 5 ft 3 in). */
  // gates as fields, not closures made at every number (LA(0) is the number just consumed)
  private readonly ratioBeforeUnitAhead = () =>
    this.LA(1).tokenType === T.Divide && this.LA(2).tokenType === T.NumberLiteral && this.unitAt(3) && isInteger(this.LA(0)) && isInteger(this.LA(2));
  private readonly quantityPartAhead = () => this.unitAt(1) || this.ratioBeforeUnitAhead();
  private readonly quantityAhead = () => this.LA(1).tokenType === T.NumberLiteral && this.unitAt(2);

  /** Within `power`'s rule, as `primary` is (one rule call less for every number). */
  private numberOrQuantity(): Expr {
    const number = this.CONSUME(T.NumberLiteral);
    let quantity: Expr | undefined;
    if (this.RECORDING_PHASE || this.quantityPartAhead()) this.OPTION({
      GATE: this.quantityPartAhead,
      DEF: () => {
        let magnitude: Expr = this.ACTION((): Expr => ({ kind: "number", text: number.image, span: this.tokenSpan(number) }));
        // 1/2 in, 3/4 cup: a ratio of two integers directly before a unit is one number
        this.OPTION2({
          GATE: this.ratioBeforeUnitAhead,
          DEF: () => {
            const slash = this.CONSUME(T.Divide);
            const denominator = this.CONSUME2(T.NumberLiteral);
            this.ACTION(() => {
              const operand: Expr = { kind: "number", text: denominator.image, span: this.tokenSpan(denominator) };
              magnitude = chain(magnitude, [{ op: "/", opSpan: this.tokenSpan(slash), operand }]);
            });
          },
        });
        const unit = this.SUBRULE(this.unitRef);
        // 5 ft 3 in, 1 h 30 min: a sum
        const rest: ChainLink[] = [];
        this.MANY({
          GATE: this.quantityAhead,
          DEF: () => {
            const more = this.CONSUME3(T.NumberLiteral);
            const moreUnit = this.SUBRULE2(this.unitRef);
            this.ACTION(() => {
              const part: Expr = { kind: "number", text: more.image, span: this.tokenSpan(more) };
              const span = { start: more.startOffset, end: moreUnit.span.end };
              rest.push({ op: "+", opSpan: { start: span.start, end: span.start }, operand: { kind: "quantity", magnitude: part, unit: moreUnit, span } });
            });
          },
        });
        this.ACTION(() => {
          quantity = chain({ kind: "quantity", magnitude, unit, span: { start: magnitude.span.start, end: unit.span.end } }, rest);
        });
      },
    });
    return this.ACTION((): Expr => quantity ?? { kind: "number", text: number.image, span: this.tokenSpan(number) });
  }

  /** A unit name with an optional integer power: m, ft^2, s^-1, m². */
  private unitRef = this.RULE("unitRef", (): UnitRef => {
    const name = this.CONSUME(T.Identifier);
    let power = 1;
    let end: IToken = name;
    this.OPTION(() => {
      const written = this.OR(this.unitPowers);
      this.ACTION(() => {
        const [text, token] = written;
        if (phrasePower(name.image) !== 1) {
          throw new LocatedError("syntax", `write ${phraseText(name.image)} or ${phraseName(name.image)}^${phrasePower(name.image)}, not both`, this.span(name, token));
        }
        power = Number(text.replaceAll("_", "").replace(/^-(.*)/, "$1")) * (text.startsWith("-") ? -1 : 1);
        end = token;
        // here rather than at evaluation, while the power is still the text written (2^53 + 1, 9…9)
        if (!(Math.abs(power) <= MAX_UNIT_POWER)) {
          const shown = text.length > 20 ? `${text.slice(0, 10)}… (${text.replace("-", "").length} digits)` : text;
          throw new LocatedError("limit", `unit power too large: ${name.image}^${shown} (the limit is ${MAX_UNIT_POWER})`, this.span(name, token));
        }
      });
    });
    // sq ft: the unit to the power its word says
    return this.ACTION(() => ({ name: phraseName(name.image), power: power * phrasePower(name.image), span: this.span(name, end) }));
  });

  private readonly unitPowers = [
    {
      ALT: (): [string, IToken] => {
        this.CONSUME(T.Power);
        let sign = 1;
        this.OPTION2(() => {
          const s = this.CONSUME(T.AdditiveOp);
          this.ACTION(() => {
            if (s.tokenType === T.Minus) sign = -1;
          });
        });
        const exponent = this.CONSUME(T.NumberLiteral);
        return this.ACTION(() => {
          if (!isInteger(exponent)) throw new LocatedError("syntax", "a unit's power must be a whole number", this.tokenSpan(exponent));
          return [`${sign < 0 ? "-" : ""}${exponent.image}`, exponent] as [string, IToken];
        });
      },
    },
    {
      ALT: (): [string, IToken] => {
        const sup = this.CONSUME(T.Superscript);
        return this.ACTION(() => [superscriptDigits(sup.image), sup] as [string, IToken]);
      },
    },
  ];

  private target = this.RULE("target", (): Target => this.OR(this.targets));

  private readonly targets = [
    {
      ALT: (): Target => {
        const percent = this.CONSUME(T.Percent);
        return this.ACTION((): Target => ({ kind: "format", format: "percent", span: this.tokenSpan(percent) }));
      },
    },
    {
      ALT: (): Target => {
        const parts = [this.SUBRULE(this.unitProduct)];
        this.MANY(() => {
          this.CONSUME(T.Plus);
          parts.push(this.SUBRULE2(this.unitProduct));
        });
        return this.ACTION((): Target => {
          const span = { start: parts[0]!.span.start, end: parts.at(-1)!.span.end };
          const only = parts.length === 1 && parts[0]!.factors.length === 1 ? parts[0]!.factors[0]! : undefined;
          if (only && only.power === 1 && Object.hasOwn(FORMAT_NAMES, only.name)) return { kind: "format", format: FORMAT_NAMES[only.name]!, span };
          // to polar deg: the polar form, its angle in a unit
          const [first, ...angle] = parts.length === 1 ? parts[0]!.factors : [];
          if (first?.name === "polar" && first.power === 1 && angle.length > 0) {
            const text = this.writtenUnit({ start: angle[0]!.span.start, end: span.end });
            return { kind: "format", format: "polar", angle: { refs: angle, text }, span };
          }
          return { kind: "units", parts: parts.map((part) => ({ refs: part.factors, text: this.writtenUnit(part.span) })), span };
        });
      },
    },
  ];

  /** km/h, kg*m/s^2, J/(kg*K), N m: unit names multiplied and divided. */
  private unitProduct = this.RULE("unitProduct", (): { factors: UnitRef[]; span: Span } => {
    const factors: UnitRef[] = [];
    let start = 0;
    let end = 0;
    const first = this.SUBRULE(this.unitFactor);
    this.ACTION(() => {
      factors.push(...first.factors);
      start = first.span.start;
      end = first.span.end;
    });
    this.MANY(() => {
      let sign = 1;
      let scale: IToken | undefined;
      this.OPTION(() => {
        const op = this.OR(this.unitOps);
        this.ACTION(() => {
          if (op.tokenType === T.Divide) sign = -1;
          scale = op.scale;
        });
      });
      const next = this.SUBRULE2(this.unitFactor);
      this.ACTION(() => {
        const scaled = next.factors.map((f) => ({ ...f, power: f.power * sign }));
        if (scale) {
          // (100 km): one unit, a hundred kilometres
          if (next.factors.length !== 1) throw new LocatedError("syntax", "a number in a unit stands before one unit: L/100km", this.tokenSpan(scale));
          scaled[0] = { ...scaled[0]!, scale: { text: scale.image, span: this.tokenSpan(scale) } };
        }
        factors.push(...scaled);
        end = next.span.end;
      });
    });
    return { factors, span: { start, end } };
  });

  private readonly unitOps = [
    { ALT: (): { tokenType: TokenType; scale?: IToken } => this.CONSUME(T.Times) },
    {
      // L/100km, km/100 L: a number after '/' scales the unit after it
      ALT: (): { tokenType: TokenType; scale?: IToken } => {
        const op = this.CONSUME(T.Divide);
        let scale: IToken | undefined;
        this.OPTION5(() => (scale = this.CONSUME(T.NumberLiteral)));
        return { tokenType: op.tokenType, scale };
      },
    },
  ];

  private unitFactor = this.RULE("unitFactor", (): { factors: UnitRef[]; span: Span } => this.OR(this.unitFactors));

  private readonly unitFactors = [
    {
      ALT: () => {
        const ref = this.SUBRULE(this.unitRef);
        return this.ACTION(() => ({ factors: [ref], span: ref.span }));
      },
    },
    {
      ALT: () => {
        const open = this.CONSUME(T.LParen);
        const inner = this.SUBRULE(this.unitProduct);
        const close = this.CONSUME(T.RParen);
        return this.ACTION(() => ({ factors: inner.factors, span: this.span(open, close) }));
      },
    },
  ];

  /**
   * A target unit as written, from its tokens, without spaces: `km / h` is km/h, `N m` is N*m,
   * `miles per hour` miles/hour, `L/100 km` L/100km; a name of words keeps one space (fl oz).
   */
  private writtenUnit(span: Span): string {
    let text = "";
    let previous: IToken | undefined;
    let scale = false;
    for (const token of this.input) {
      if (token.startOffset < span.start) continue;
      if (token.startOffset >= span.end) break;
      const spaced = previous !== undefined && token.startOffset > previous.startOffset + previous.image.length;
      if (spaced && !scale && unitEnds.has(previous!.tokenType) && unitStarts.has(token.tokenType)) text += "*";
      text += token.tokenType === T.Identifier ? phraseText(token.image) : token.tokenType === T.Divide && token.image === "per" ? "/" : token.image;
      // the number after a '/' scales the unit after it
      scale = token.tokenType === T.NumberLiteral && previous?.tokenType === T.Divide;
      previous = token;
    }
    return text;
  }

  /**
   * `sqrt 16` and `hex 255`: a function or a format before a number without parentheses (a number
   * never multiplies on the right, so the line could not be read anyway) is refused with what to
   * type: `write sqrt(16)`, `write 255 to hex`. The argument is the number and the unit names after it.
   */
  private refuseBareArgument(name: IToken): void {
    const isFunction = this.coreNames.isFunction(name.image);
    if (!isFunction && !Object.hasOwn(FORMAT_NAMES, name.image)) return;
    let last = this.LA(1);
    for (let k = 2; this.LA(k).tokenType === T.Identifier && this.coreNames.isUnit(this.LA(k).image); k++) last = this.LA(k);
    const argument = this.text.slice(this.LA(1).startOffset, last.startOffset + last.image.length);
    const write = isFunction ? `${name.image}(${argument})` : `${argument} to ${name.image}`;
    throw new LocatedError("syntax", `write ${write}`, this.span(name, last));
  }

  private nameOrCall = this.RULE("nameOrCall", (): Expr => {
    const name = this.CONSUME(T.Identifier);
    const args: Expr[] = [];
    let close: IToken | undefined;
    if (this.next(T.LParen)) this.OPTION(() => {
      this.CONSUME(T.LParen);
      this.MANY_SEP({ SEP: T.Comma, DEF: () => args.push(this.SUBRULE(this.expression)) });
      close = this.CONSUME(T.RParen);
    });
    return this.ACTION((): Expr => {
      const nameSpan = this.tokenSpan(name);
      if (!close && this.LA(1).tokenType === T.NumberLiteral) this.refuseBareArgument(name);
      if (close) return { kind: "call", name: phraseName(name.image), nameSpan, args, span: this.span(name, close) };
      const named: Expr = { kind: "name", name: phraseName(name.image), span: nameSpan };
      // sq ft alone: the unit squared
      const power = phrasePower(name.image);
      return power === 1 ? named : { kind: "power", base: named, exponent: { kind: "number", text: String(power), span: nameSpan }, span: nameSpan };
    });
  });
}


function chain(first: Expr, rest: ChainLink[]): Expr {
  if (rest.length === 0) return first;
  return { kind: "chain", first, rest, span: { start: first.span.start, end: rest.at(-1)!.operand.span.end } };
}

function logical(op: "and" | "or", operands: Expr[]): Expr {
  if (operands.length === 1) return operands[0]!;
  return { kind: "logical", op, operands, span: { start: operands[0]!.span.start, end: operands.at(-1)!.span.end } };
}

/** a and b or c and d → (a and b) or (c and d): `and` binds tighter than `or`. */
function orOfAnds(operands: Expr[], operators: IToken[]): Expr {
  const disjuncts: Expr[] = [];
  let conjuncts = [operands[0]!];
  for (let i = 0; i < operators.length; i++) {
    if (operators[i]!.tokenType === T.Or) {
      disjuncts.push(logical("and", conjuncts));
      conjuncts = [];
    }
    conjuncts.push(operands[i + 1]!);
  }
  disjuncts.push(logical("and", conjuncts));
  return logical("or", disjuncts);
}

function expressionStatement(expr: Expr): Statement {
  return { kind: "expression", expr, span: expr.span };
}

/** `name = value` assigns a variable; `name(a, b) = body` defines a function. */
function assignment(target: Expr, value: Statement, equalsSpan: Span): Statement {
  const span = { start: target.span.start, end: value.span.end };
  if (target.kind === "name" && /\s/.test(target.name)) {
    throw new LocatedError("name", `'${target.name}' is a unit written in words; a variable's name is one word`, target.span);
  }
  if (target.kind === "name") return { kind: "assign", name: target.name, nameSpan: target.span, value, span };
  if (target.kind === "call") {
    const params = target.args.map((arg) => {
      if (arg.kind !== "name") throw new LocatedError("syntax", "a function's parameters must be plain names", arg.span);
      return arg.name;
    });
    const seen = new Set<string>();
    for (const [i, param] of params.entries()) {
      if (seen.has(param)) throw new LocatedError("syntax", `parameter '${param}' appears twice`, target.args[i]!.span);
      seen.add(param);
    }
    if (value.kind !== "expression") {
      throw new LocatedError("syntax", "a function body must be an expression, not an assignment", value.span);
    }
    return { kind: "define", name: target.name, nameSpan: target.nameSpan, params, body: value.expr, span };
  }
  throw new LocatedError("name", "only a name or a function signature like f(x) can be assigned to", {
    start: target.span.start,
    end: equalsSpan.start,
  });
}
