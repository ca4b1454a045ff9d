/**
 * The grammar: one parser rule per precedence level, lowest first, so the
 * nesting of the rules is the precedence table.
 *
 *   program    := statement? (';' statement?)*
 *   statement  := expression ('=' statement)?          assignment, right-assoc
 *   expression := term (('+' | '-') term)*
 *   term       := unary (('*' | '/' | '%' | '//' | 'mod') unary | power)*
 *                 (the bare `power` is implicit multiplication: 2pi, 2(3+4))
 *   unary      := ('+' | '-') unary | power
 *   power      := postfix (('^' | '**') unary)?        right-assoc
 *   postfix    := primary '!'*
 *   primary    := number | name ('(' arguments? ')')? | '(' expression ')'
 *
 * The parser builds the AST directly (no CST, no evaluation) and reports the
 * first error as a CalcError with the span of the offending token.
 */
import {
  EmbeddedActionsParser,
  EOF,
  Lexer,
  type IParserErrorMessageProvider,
  type IRecognitionException,
  type IToken,
  type TokenType,
} from "chevrotain";
import type { ChainLink, ChainOp, Expr, Program, Statement } from "../src/ast.ts";
import { CalcError, type Span } from "../src/errors.ts";
import { MAX_NESTING } from "../src/limits.ts";
import * as T from "./tokens.ts";

function spanOfToken(token: IToken, text: string): Span {
  // chevrotain's end-of-input token has no offset: point just past the text
  if (token.tokenType === EOF || Number.isNaN(token.startOffset)) return { start: text.length, end: text.length + 1 };
  return { start: token.startOffset, end: token.startOffset + token.image.length };
}

function describeFound(token: IToken): string {
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

class CalcParser extends EmbeddedActionsParser {
  /** Nesting depth of `unary`, which every recursive path passes through. */
  private depth = 0;
  private text = "";

  constructor(validate: boolean) {
    super(T.allTokens, { recoveryEnabled: false, maxLookahead: 1, errorMessageProvider: errorMessages, skipValidations: !validate });
    this.performSelfAnalysis();
  }

  parse(text: string, tokens: IToken[]): Program {
    this.text = text;
    this.depth = 0;
    this.input = tokens;
    return this.program();
  }

  private span(first: IToken, last: IToken): Span {
    return { start: first.startOffset, end: last.startOffset + last.image.length };
  }

  private program = this.RULE("program", (): Program => {
    const statements: Statement[] = [];
    this.OPTION(() => statements.push(this.SUBRULE(this.statement)));
    this.MANY(() => {
      this.CONSUME(T.Semicolon);
      this.OPTION2(() => statements.push(this.SUBRULE2(this.statement)));
    });
    return statements;
  });

  private statement = this.RULE("statement", (): Statement => {
    const target = this.SUBRULE(this.expression);
    let equals: IToken | undefined;
    let value: Statement | undefined;
    this.OPTION(() => {
      equals = this.CONSUME(T.Equals);
      value = this.SUBRULE(this.statement);
    });
    return this.ACTION(() => (value ? assignment(target, value, spanOfToken(equals!, this.text)) : expressionStatement(target)));
  });

  private expression = this.RULE("expression", (): Expr => {
    const first = this.SUBRULE(this.term);
    const rest: ChainLink[] = [];
    this.MANY(() => {
      const op = this.CONSUME(T.AdditiveOp);
      const operand = this.SUBRULE2(this.term);
      this.ACTION(() => rest.push({ op: chainOps.get(op.tokenType)!, opSpan: spanOfToken(op, this.text), operand }));
    });
    return this.ACTION(() => chain(first, rest));
  });

  private term = this.RULE("term", (): Expr => {
    const first = this.SUBRULE(this.unary);
    const rest: ChainLink[] = [];
    this.MANY({
      GATE: this.noNumberNext,
      DEF: () => {
        const link = this.OR(this.termLinks);
        this.ACTION(() => rest.push(link));
      },
    });
    return this.ACTION(() => chain(first, rest));
  });

  // `2 3` is not a product: implicit multiplication never takes a number on its right
  private readonly noNumberNext = () => this.LA(1).tokenType !== T.NumberLiteral;

  // Alternatives of OR are kept in fields, not written inline: chevrotain's performance guide
  // (an inline array of closures is built again at every call, and OR runs for every operand).
  private readonly termLinks = [
    {
      ALT: (): ChainLink => {
        const op = this.CONSUME(T.MultiplicativeOp);
        const operand = this.SUBRULE2(this.unary);
        return this.ACTION(() => ({ op: chainOps.get(op.tokenType)!, opSpan: spanOfToken(op, this.text), operand }));
      },
    },
    {
      ALT: (): ChainLink => {
        const operand = this.SUBRULE(this.power);
        return this.ACTION(() => ({ op: "*", opSpan: { start: operand.span.start, end: operand.span.start }, operand }));
      },
    },
  ];

  private unary = this.RULE("unary", (): Expr => {
    this.ACTION(() => {
      if (++this.depth > MAX_NESTING) {
        throw new CalcError("limit", `expression nested too deeply (the limit is ${MAX_NESTING} levels)`, spanOfToken(this.LA(1), this.text));
      }
    });
    const result = this.OR(this.signedOrNot);
    this.ACTION(() => this.depth--);
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
    { ALT: (): Expr => this.SUBRULE(this.power) },
  ];

  private power = this.RULE("power", (): Expr => {
    const base = this.SUBRULE(this.postfix);
    let exponent: Expr | undefined;
    this.OPTION(() => {
      this.CONSUME(T.Power);
      exponent = this.SUBRULE(this.unary);
    });
    return this.ACTION((): Expr =>
      exponent ? { kind: "power", base, exponent, span: { start: base.span.start, end: exponent.span.end } } : base,
    );
  });

  private postfix = this.RULE("postfix", (): Expr => {
    let operand = this.SUBRULE(this.primary);
    this.MANY(() => {
      const bang = this.CONSUME(T.Bang);
      this.ACTION(() => {
        operand = { kind: "factorial", operand, span: { start: operand.span.start, end: bang.startOffset + 1 } };
      });
    });
    return operand;
  });

  private primary = this.RULE("primary", (): Expr => this.OR(this.primaries));

  private readonly primaries = [
    {
      ALT: (): Expr => {
        const token = this.CONSUME(T.NumberLiteral);
        return this.ACTION((): Expr => ({ kind: "number", text: token.image, span: spanOfToken(token, this.text) }));
      },
    },
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
  ];

  private nameOrCall = this.RULE("nameOrCall", (): Expr => {
    const name = this.CONSUME(T.Identifier);
    const args: Expr[] = [];
    let close: IToken | undefined;
    this.OPTION(() => {
      this.CONSUME(T.LParen);
      this.MANY_SEP({ SEP: T.Comma, DEF: () => args.push(this.SUBRULE(this.expression)) });
      close = this.CONSUME(T.RParen);
    });
    return this.ACTION((): Expr => {
      const nameSpan = spanOfToken(name, this.text);
      return close
        ? { kind: "call", name: name.image, nameSpan, args, span: this.span(name, close) }
        : { kind: "name", name: name.image, span: nameSpan };
    });
  });
}

function chain(first: Expr, rest: ChainLink[]): Expr {
  if (rest.length === 0) return first;
  return { kind: "chain", first, rest, span: { start: first.span.start, end: rest.at(-1)!.operand.span.end } };
}

function expressionStatement(expr: Expr): Statement {
  return { kind: "expression", expr, span: expr.span };
}

/** `name = value` assigns a variable; `name(a, b) = body` defines a function. */
function assignment(target: Expr, value: Statement, equalsSpan: Span): Statement {
  const span = { start: target.span.start, end: value.span.end };
  if (target.kind === "name") return { kind: "assign", name: target.name, nameSpan: target.span, value, span };
  if (target.kind === "call") {
    const params = target.args.map((arg) => {
      if (arg.kind !== "name") throw new CalcError("syntax", "a function's parameters must be plain names", arg.span);
      return arg.name;
    });
    const seen = new Set<string>();
    for (const [i, param] of params.entries()) {
      if (seen.has(param)) throw new CalcError("syntax", `parameter '${param}' appears twice`, target.args[i]!.span);
      seen.add(param);
    }
    if (value.kind !== "expression") {
      throw new CalcError("syntax", "a function body must be an expression, not an assignment", value.span);
    }
    return { kind: "define", name: target.name, nameSpan: target.nameSpan, params, body: value.expr, span };
  }
  throw new CalcError("name", "only a name or a function signature like f(x) can be assigned to", {
    start: target.span.start,
    end: equalsSpan.start,
  });
}

/**
 * Building the lexer and the parser is most of calc's start-up: chevrotain
 * analyses the token patterns and records the grammar. So it happens at the
 * first parse, not when the module loads (`calc --help` and the REPL's first
 * prompt never wait for it), and without chevrotain's checks of the grammar
 * itself, which the tests run instead (checkGrammar).
 */
interface Grammar {
  readonly lexer: Lexer;
  readonly parser: CalcParser;
}

let grammar: Grammar | undefined;

function buildGrammar(validate: boolean): Grammar {
  const lexer = new Lexer(T.allTokens, { positionTracking: "onlyOffset", ensureOptimizations: true, skipValidations: !validate });
  if (lexer.lexerDefinitionErrors.length > 0) throw new Error(lexer.lexerDefinitionErrors.map((e) => e.message).join("\n"));
  return { lexer, parser: new CalcParser(validate) };
}

/** Builds the lexer and parser with all of chevrotain's validations; throws what they find. */
export function checkGrammar(): void {
  buildGrammar(true);
}

/** Whether the lexer and parser have been built (a test keeps start-up lazy with it). */
export function grammarBuilt(): boolean {
  return grammar !== undefined;
}

/** Turns one line of input into its statements, or throws the first CalcError. */
export function parse(text: string): Program {
  grammar ??= buildGrammar(false);
  const { lexer, parser } = grammar;
  const lexed = lexer.tokenize(text);
  if (lexed.errors.length > 0) {
    const { offset } = lexed.errors[0]!;
    throw new CalcError("syntax", `unknown character ${describeCharacter(text, offset)}`, {
      start: offset,
      end: offset + (text.codePointAt(offset)! > 0xffff ? 2 : 1),
    });
  }
  const program = parser.parse(text, lexed.tokens);
  const error = parser.errors[0];
  if (error) throw syntaxError(error, text, lexed.tokens);
  return program;
}

function syntaxError(error: IRecognitionException, text: string, tokens: IToken[]): CalcError {
  const found = error.token;
  // A missing ')' is best reported at the '(' it should close.
  if (error.name === "MismatchedTokenException" && /^expected '\)'/.test(error.message)) {
    const open = unclosedParen(tokens, found);
    if (open) {
      const where = found.tokenType === EOF ? "end of input" : describeFound(found);
      return new CalcError("syntax", `unclosed '(' — expected ')' before ${where}`, spanOfToken(open, text));
    }
  }
  return new CalcError("syntax", error.message, spanOfToken(found, text));
}

function unclosedParen(tokens: IToken[], before: IToken): IToken | undefined {
  const open: IToken[] = [];
  for (const token of tokens) {
    if (token === before) break;
    if (token.tokenType === T.LParen) open.push(token);
    else if (token.tokenType === T.RParen) open.pop();
  }
  return open.at(-1);
}

function describeCharacter(text: string, offset: number): string {
  const code = text.codePointAt(offset)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  // invisible and control characters are named by code point only
  return code < 0x20 || (code >= 0x7f && code <= 0xa0) || /\p{Cf}|\p{Zs}/u.test(String.fromCodePoint(code))
    ? hex
    : `'${String.fromCodePoint(code)}' (${hex})`;
}
