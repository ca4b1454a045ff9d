/**
 * Every token of the language, in one place. Order matters: chevrotain tries
 * the patterns first to last, so longer operators come before their prefixes
 * (`**` before `*`, `//` before `/`) and based literals before decimals.
 */
import { createToken, Lexer, type TokenType } from "chevrotain";

export const WhiteSpace = createToken({
  name: "WhiteSpace",
  pattern: /[ \t\r\n\u00a0]+/,
  group: Lexer.SKIPPED,
});
export const Comment = createToken({ name: "Comment", pattern: /#[^\n]*/, group: Lexer.SKIPPED });

// `_` may separate digits (1_000_000); an exponent needs digits, so `2e` is 2·e.
export const NumberLiteral = createToken({
  name: "NumberLiteral",
  pattern:
    /0[xX][0-9a-fA-F](?:_?[0-9a-fA-F])*|0[bB][01](?:_?[01])*|0[oO][0-7](?:_?[0-7])*|(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d+)?/,
});

// Letters: ASCII, Latin-1/Latin Extended (without × and ÷) and Greek, so π τ φ are names.
const letter = "A-Za-z_\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0391-\\u03A9\\u03B1-\\u03C9";
export const Identifier = createToken({
  name: "Identifier",
  pattern: new RegExp(`[${letter}][${letter}0-9]*`),
});

// Operator categories let one parser rule accept a whole precedence level.
export const AdditiveOp = createToken({ name: "AdditiveOp", pattern: Lexer.NA });
export const MultiplicativeOp = createToken({ name: "MultiplicativeOp", pattern: Lexer.NA });

export const Mod = createToken({
  name: "Mod",
  pattern: /mod/,
  longer_alt: Identifier,
  categories: MultiplicativeOp,
});
export const Power = createToken({ name: "Power", pattern: /\*\*|\^/ });
export const Times = createToken({ name: "Times", pattern: /[*×·⋅]/, categories: MultiplicativeOp });
export const FloorDivide = createToken({ name: "FloorDivide", pattern: /\/\//, categories: MultiplicativeOp });
export const Divide = createToken({ name: "Divide", pattern: /[/÷]/, categories: MultiplicativeOp });
export const Percent = createToken({ name: "Percent", pattern: /%/, categories: MultiplicativeOp });
export const Plus = createToken({ name: "Plus", pattern: /\+/, categories: AdditiveOp });
export const Minus = createToken({ name: "Minus", pattern: /[-−]/, categories: AdditiveOp });
export const Bang = createToken({ name: "Bang", pattern: /!/ });
export const LParen = createToken({ name: "LParen", pattern: /\(/ });
export const RParen = createToken({ name: "RParen", pattern: /\)/ });
export const Comma = createToken({ name: "Comma", pattern: /,/ });
export const Semicolon = createToken({ name: "Semicolon", pattern: /;/ });
export const Equals = createToken({ name: "Equals", pattern: /=/ });

export const allTokens: TokenType[] = [
  WhiteSpace,
  Comment,
  NumberLiteral,
  Mod,
  Identifier,
  AdditiveOp,
  MultiplicativeOp,
  Power,
  Times,
  FloorDivide,
  Divide,
  Percent,
  Plus,
  Minus,
  Bang,
  LParen,
  RParen,
  Comma,
  Semicolon,
  Equals,
];

/** How an error message names a token type it expected. */
export const tokenDescriptions = new Map<TokenType, string>([
  [NumberLiteral, "a number"],
  [Identifier, "a name"],
  [LParen, "'('"],
  [RParen, "')'"],
  [Comma, "','"],
  [Semicolon, "';'"],
  [Equals, "'='"],
  [Power, "'^'"],
  [Bang, "'!'"],
  [AdditiveOp, "an operator"],
  [MultiplicativeOp, "an operator"],
  [Plus, "an operator"],
  [Minus, "an operator"],
  [Times, "an operator"],
  [Divide, "an operator"],
  [FloorDivide, "an operator"],
  [Percent, "an operator"],
  [Mod, "an operator"],
]);
