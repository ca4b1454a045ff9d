/**
 * Every token of the language, in one place, in chevrotain's form. Order
 * matters: the scanner (scanner.ts), as chevrotain's Lexer would, tries the
 * patterns first to last, so longer operators come before their prefixes
 * (`**` before `*`, `//` before `/`) and based literals before decimals.
 *
 * Each regular expression comes with the characters it can start with
 * (`start_chars_hint`): the scanner tries a token only at these, and
 * tests/cli/startup.test.ts checks that no other character can start a match.
 */
import { createToken, Lexer, type TokenType } from "chevrotain";
import { NAME } from "./names.ts";

/** The characters from `from` to `to`, both included, as character codes (chevrotain takes either). */
function span(from: string, to: string): number[] {
  const codes: number[] = [];
  for (let code = from.charCodeAt(0); code <= to.charCodeAt(0); code++) codes.push(code);
  return codes;
}

const DIGITS = span("0", "9");

/** The vulgar fractions: ½ ⅓ ⅔ ¼ ¾ ⅕ … ⅞ ⅑ ⅒ (their values are number.ts's VULGAR_FRACTIONS). */
export const VULGAR_FRACTIONS = "¼½¾⅐⅑⅒⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞";

export const WhiteSpace = createToken({
  name: "WhiteSpace",
  pattern: /[ \t\r\n\u00a0]+/,
  start_chars_hint: [" ", "\t", "\r", "\n", "\u00a0"],
  group: Lexer.SKIPPED,
});
export const Comment = createToken({ name: "Comment", pattern: /#[^\n]*/, start_chars_hint: ["#"], group: Lexer.SKIPPED });

// `_` may separate digits (1_000_000); an exponent needs digits, so `2e` is 2·e; `1..5` is a range,
// not 1. then .5. Based literals
// may have a fraction (0x1.8, 0b0.1), so that `to hex` and `to bin` output reads back in. A vulgar
// fraction is a number, alone (½) or after a whole number, with or without a space, as a mixed
// number is written (3¼ and 3 ¼ are 3.25): one literal, so -3 ¼ is -3.25 and 3 ¼^2 is (3¼)².
const based = (digit: string) => `${digit}(?:_?${digit})*(?:\\.${digit}(?:_?${digit})*)?`;
export const NumberLiteral = createToken({
  name: "NumberLiteral",
  pattern: new RegExp(
    `0[xX]${based("[0-9a-fA-F]")}|0[bB]${based("[01]")}|0[oO]${based("[0-7]")}|` +
      `(?:\\d(?:_?\\d)*[ \u00a0]?)?[${VULGAR_FRACTIONS}]|` +
      "(?:\\d(?:_?\\d)*(?:\\.(?!\\.)(?:\\d(?:_?\\d)*)?)?|\\.\\d(?:_?\\d)*)(?:[eE][+-]?\\d+)?",
  ),
  start_chars_hint: [...DIGITS, ".", ...VULGAR_FRACTIONS],
});

// Dates and clock times (issue 19): 2026-12-04, 09:15:30.25, 2026-12-04 15:24 or 2026-12-04T15:24:00,
// with an offset (Z, +01:00) an instant, with a zone after a space or in brackets a zoned date-time
// (2024-07-31 15:24 Europe/Berlin, 2025-01-15T09:30:00+01:00[Europe/Berlin]). Written without spaces
// inside the date, so `2026 - 12 - 4` is still subtraction. Before NumberLiteral, which would take
// the year or the hour; whether the date is real is the evaluator's to say (src/dates.ts), with its span.
const CLOCK = "\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?";
const ZONE = "[A-Z][A-Za-z0-9_+\\-]*(?:/[A-Za-z0-9_+\\-]+)*";
const DATE_TIME = new RegExp(
  `\\d{4}-\\d{2}-\\d{2}(?:[T ]${CLOCK}(?:(?:Z|[+-]\\d{2}:\\d{2})(?:\\[${ZONE}\\])?| ${ZONE})?)?(?![\\w:])|${CLOCK}(?![\\w:.])`,
  "y",
);

/**
 * A date or a clock time: tried at every digit, before a number, so it first looks for the one
 * character each form must have (the '-' of 2026-12-04, the ':' of 9:15 or 09:15) and tries the
 * expression only then: most digits start a plain number, which pays two character reads.
 */
function dateTimeAt(text: string, offset: number): RegExpExecArray | null {
  const dash = text.charCodeAt(offset + 4) === 45;
  const colon = text.charCodeAt(offset + 1) === 58 || text.charCodeAt(offset + 2) === 58;
  if (!dash && !colon) return null;
  DATE_TIME.lastIndex = offset;
  return DATE_TIME.exec(text);
}

export const DateTimeLiteral = createToken({
  name: "DateTimeLiteral",
  pattern: { exec: dateTimeAt },
  line_breaks: false,
  start_chars_hint: DIGITS,
});

// a name (names.ts says what it is made of); the hint lists the same first characters
export const Identifier = createToken({
  name: "Identifier",
  pattern: new RegExp(NAME),
  start_chars_hint: [
    ...span("A", "Z"),
    ...span("a", "z"),
    "_",
    "\u00B5",
    ...span("\u00C0", "\u00D6"),
    ...span("\u00D8", "\u00F6"),
    ...span("\u00F8", "\u024F"),
    ...span("\u0391", "\u03A9"),
    ...span("\u03B1", "\u03C9"),
    ..."\u00B0\u2103\u2109\u2030\u212B\u2126",
  ],
});

/** A keyword: a word the grammar reserves, so it is never a name. */
function keyword(word: string, categories?: TokenType): TokenType {
  const name = word[0]!.toUpperCase() + word.slice(1);
  // a string pattern: chevrotain reads its first character without analysing a regular expression
  return categories ? createToken({ name, pattern: word, longer_alt: Identifier, categories }) : createToken({ name, pattern: word, longer_alt: Identifier });
}

// `x to km`, also written -> and →; `20% of 50`
export const ConvertOp = createToken({ name: "ConvertOp", pattern: Lexer.NA });
export const To = keyword("to", ConvertOp);
export const Arrow = createToken({ name: "Arrow", pattern: /->|→/, start_chars_hint: ["-", "→"], categories: ConvertOp });
export const Of = keyword("of");
export const True = keyword("true");
export const False = keyword("false");
// one category, so that a run of `and`s and `or`s is read in one loop (parser.ts groups them)
export const LogicalOp = createToken({ name: "LogicalOp", pattern: Lexer.NA });
export const And = keyword("and", LogicalOp);
export const Or = keyword("or", LogicalOp);
export const Not = keyword("not");
export const If = keyword("if");
export const Then = keyword("then");
export const Else = keyword("else");

/**
 * The operators between comparison and addition (issue 21), one category so that a run of them is
 * read in one loop and grouped after (parser.ts's `bitwise`): `..` (a range), `|`, `xor`, `&`, and
 * the shifts `<<` `>>`, loosest first, as Python has them (but `..`, which Python has not).
 */
export const BitwiseOp = createToken({ name: "BitwiseOp", pattern: Lexer.NA });
export const Xor = keyword("xor", BitwiseOp);
export const BitAnd = createToken({ name: "BitAnd", pattern: "&", categories: BitwiseOp });
export const BitOr = createToken({ name: "BitOr", pattern: "|", categories: BitwiseOp });
export const ShiftLeft = createToken({ name: "ShiftLeft", pattern: "<<", categories: BitwiseOp });
export const ShiftRight = createToken({ name: "ShiftRight", pattern: ">>", categories: BitwiseOp });
export const DotDot = createToken({ name: "DotDot", pattern: "..", categories: BitwiseOp });
/** ~x: the bitwise complement, a prefix operator as '-' is. */
export const Tilde = createToken({ name: "Tilde", pattern: "~" });

/** What can follow an operand as a postfix operator: !, % and superscripts (parser.ts's `postfixes`). */
export const Postfix = createToken({ name: "Postfix", pattern: Lexer.NA });

// comparisons, in ASCII and in their mathematical signs
export const CompareOp = createToken({ name: "CompareOp", pattern: Lexer.NA });
export const Equal = createToken({ name: "Equal", pattern: "==", categories: CompareOp });
export const NotEqual = createToken({ name: "NotEqual", pattern: /!=|≠/, start_chars_hint: ["!", "≠"], categories: CompareOp });
export const LessEqual = createToken({ name: "LessEqual", pattern: /<=|≤/, start_chars_hint: ["<", "≤"], categories: CompareOp });
export const GreaterEqual = createToken({ name: "GreaterEqual", pattern: />=|≥/, start_chars_hint: [">", "≥"], categories: CompareOp });
export const Less = createToken({ name: "Less", pattern: "<", categories: CompareOp });
export const Greater = createToken({ name: "Greater", pattern: ">", categories: CompareOp });

/** x² x³ and other superscript integers: a power. */
export const Superscript = createToken({ name: "Superscript", pattern: /⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+/, start_chars_hint: [..."⁻⁰¹²³⁴⁵⁶⁷⁸⁹"], categories: Postfix });

// Operator categories let one parser rule accept a whole precedence level.
export const AdditiveOp = createToken({ name: "AdditiveOp", pattern: Lexer.NA });
export const MultiplicativeOp = createToken({ name: "MultiplicativeOp", pattern: Lexer.NA });

export const Mod = createToken({
  name: "Mod",
  pattern: "mod",
  longer_alt: Identifier,
  categories: MultiplicativeOp,
});
export const Power = createToken({ name: "Power", pattern: /\*\*|\^/, start_chars_hint: ["*", "^"] });
export const Times = createToken({ name: "Times", pattern: /[*×·⋅]/, start_chars_hint: [..."*×·⋅"], categories: MultiplicativeOp });
export const FloorDivide = createToken({ name: "FloorDivide", pattern: "//", categories: MultiplicativeOp });
export const Divide = createToken({ name: "Divide", pattern: /[/÷]/, start_chars_hint: ["/", "÷"], categories: MultiplicativeOp });
export const Percent = createToken({ name: "Percent", pattern: "%", categories: [MultiplicativeOp, Postfix] });
export const Plus = createToken({ name: "Plus", pattern: "+", categories: AdditiveOp });
export const Minus = createToken({ name: "Minus", pattern: /[-−]/, start_chars_hint: ["-", "−"], categories: AdditiveOp });
export const Bang = createToken({ name: "Bang", pattern: "!", categories: Postfix });
/** √x and ∛x: the square and cube root of the operand after it (parser.ts, `primary`). */
export const Radical = createToken({ name: "Radical", pattern: /[√∛]/, start_chars_hint: ["√", "∛"] });
export const LParen = createToken({ name: "LParen", pattern: "(" });
export const LBracket = createToken({ name: "LBracket", pattern: "[" });
export const RBracket = createToken({ name: "RBracket", pattern: "]" });
export const RParen = createToken({ name: "RParen", pattern: ")" });
export const Comma = createToken({ name: "Comma", pattern: "," });
export const Semicolon = createToken({ name: "Semicolon", pattern: ";" });
export const Equals = createToken({ name: "Equals", pattern: "=" });

export const allTokens: TokenType[] = [
  WhiteSpace,
  Comment,
  DateTimeLiteral,
  NumberLiteral,
  Mod,
  ConvertOp,
  LogicalOp,
  To,
  Of,
  True,
  False,
  And,
  Or,
  Not,
  If,
  Then,
  Else,
  Xor,
  Identifier,
  Arrow,
  BitwiseOp,
  ShiftLeft,
  ShiftRight,
  BitAnd,
  BitOr,
  DotDot,
  Tilde,
  CompareOp,
  Equal,
  NotEqual,
  LessEqual,
  GreaterEqual,
  Less,
  Greater,
  Superscript,
  Postfix,
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
  Radical,
  LParen,
  RParen,
  LBracket,
  RBracket,
  Comma,
  Semicolon,
  Equals,
];

/** How an error message names a token type it expected. */
export const tokenDescriptions = new Map<TokenType, string>([
  [NumberLiteral, "a number"],
  [DateTimeLiteral, "a date or time"],
  [Identifier, "a name"],
  [LParen, "'('"],
  [Radical, "'√'"],
  [RParen, "')'"],
  [LBracket, "'['"],
  [RBracket, "']'"],
  [Tilde, "'~'"],
  [BitwiseOp, "an operator"],
  [Xor, "an operator"],
  [BitAnd, "an operator"],
  [BitOr, "an operator"],
  [ShiftLeft, "an operator"],
  [ShiftRight, "an operator"],
  [DotDot, "'..'"],
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
  [ConvertOp, "'to'"],
  [To, "'to'"],
  [Arrow, "'to'"],
  [Of, "'of'"],
  [True, "a value"],
  [False, "a value"],
  [LogicalOp, "'and' or 'or'"],
  [And, "'and'"],
  [Or, "'or'"],
  [Not, "'not'"],
  [If, "'if'"],
  [Then, "'then'"],
  [Else, "'else'"],
  [CompareOp, "a comparison"],
  [Equal, "a comparison"],
  [NotEqual, "a comparison"],
  [LessEqual, "a comparison"],
  [GreaterEqual, "a comparison"],
  [Less, "a comparison"],
  [Greater, "a comparison"],
  [Superscript, "a power"],
  [Postfix, "'!', '%' or a power"],
]);
