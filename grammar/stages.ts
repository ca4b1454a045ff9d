/**
 * Reading a line in its two stages: the scanner makes its tokens, the parser
 * its statements (after units written in words are made one token, phrases.ts), and the first thing wrong with it becomes a LocatedError
 * with its span. read.ts puts them together for the core (its `parse`);
 * testing.ts gives the tests and the bench each stage on its own.
 */
import { EOF, type IRecognitionException, type IToken } from "chevrotain";
import type { Program } from "./ast.ts";
import { LocatedError } from "./errors.ts";
import type { CoreNames } from "./names.ts";
import { CalcParser, describeFound, spanOfToken } from "./parser.ts";
import { RECORDED } from "./analysis-data.ts";
import type { Recording } from "./analysis.ts";
import { readPhrases } from "./phrases.ts";
import { Scanner } from "./scanner.ts";
import * as T from "./tokens.ts";

/**
 * The scanner and the parser are made at the first line, not when the module
 * loads (`calc --help` and the REPL's first prompt never wait for them). The
 * parser is restored from the grammar recorded when calc was built
 * (analysis.ts), without chevrotain's checks of the grammar itself, which
 * the tests run instead (testing.ts, checkGrammar).
 */
let scanner: Scanner | undefined;
let parser: CalcParser | undefined;

/** The scanner, built on first use (the bench times this step of start-up on its own). */
export function theScanner(): Scanner {
  return (scanner ??= new Scanner(T.allTokens));
}

/** The parser, built on first use (the bench times this step of start-up on its own) from the grammar recorded when calc was built. */
export function theParser(): CalcParser {
  return (parser ??= parserFrom(RECORDED));
}

/**
 * A parser restored from a recording; where there is none (the build could not record it) or it does
 * not fit this parser or this chevrotain, one made by chevrotain's own analysis: a slower start, never
 * a broken program. (tests/grammar/recording.test.ts fails, with the cause, when the build's recording is not the grammar.)
 */
export function parserFrom(recording: Recording): CalcParser {
  if ("failed" in recording) return new CalcParser("analyse");
  try {
    return new CalcParser(recording);
  } catch {
    return new CalcParser("analyse");
  }
}

/** Whether the scanner or parser has been built (a test keeps start-up lazy with it). */
export function grammarBuilt(): boolean {
  return scanner !== undefined || parser !== undefined;
}

/** The line's tokens, or the LocatedError for its first unknown character. */
export function lex(text: string): IToken[] {
  const { tokens, unknownAt } = theScanner().scan(text);
  if (unknownAt !== -1) {
    throw new LocatedError("syntax", `unknown character ${describeCharacter(text, unknownAt)}`, {
      start: unknownAt,
      end: unknownAt + (text.codePointAt(unknownAt)! > 0xffff ? 2 : 1),
    });
  }
  return tokens;
}

/** The statements of a lexed line, or the first LocatedError. */
export function parseTokens(text: string, scanned: IToken[], coreNames: CoreNames): Program {
  const parser = theParser();
  const tokens = readPhrases(scanned, text, coreNames);
  const program = parser.parse(text, tokens, coreNames);
  const error = parser.errors[0];
  if (error) throw syntaxError(error, text, tokens);
  return program;
}

function syntaxError(error: IRecognitionException, text: string, tokens: IToken[]): LocatedError {
  const found = error.token;
  // a ',' where no argument list is: 1,5 was meant as a decimal, or 1,000 as a grouping
  if (found.tokenType === T.Comma && (error.name === "NotAllInputParsedException" || error.name === "MismatchedTokenException")) {
    return new LocatedError("syntax", `',' separates arguments${commaHint(tokens, tokens.indexOf(found))}`, spanOfToken(found, text));
  }
  // A missing ')' is best reported at the '(' it should close.
  if (error.name === "MismatchedTokenException" && /^expected '\)'/.test(error.message)) {
    const open = unclosedParen(tokens, found);
    if (open) {
      const where = found.tokenType === EOF ? "end of input" : describeFound(found);
      return new LocatedError("syntax", `unclosed '(' — expected ')' before ${where}`, spanOfToken(open, text));
    }
  }
  return new LocatedError("syntax", error.message, spanOfToken(found, text));
}

/**
 * What a comma between digits was probably meant as: `1,5` a decimal (for a decimal write 1.5), `1,000,000`
 * groups of digits (to group digits write 1_000_000), `1,500` either. Nothing for a comma with spaces.
 */
function commaHint(tokens: IToken[], at: number): string {
  const digits = (token: IToken | undefined) => token !== undefined && token.tokenType === T.NumberLiteral && /^\d+$/.test(token.image);
  const touching = (a: IToken, b: IToken) => a.startOffset + a.image.length === b.startOffset;
  // the run of digits and commas written together around this comma: 1,000,000
  let first = at - 1;
  while (first >= 2 && tokens[first - 1]!.tokenType === T.Comma && digits(tokens[first - 2]) && touching(tokens[first - 2]!, tokens[first - 1]!) && touching(tokens[first - 1]!, tokens[first]!)) first -= 2;
  const groups: string[] = [];
  for (let i = first; digits(tokens[i]); i += 2) {
    if (i > first && !(touching(tokens[i - 2]!, tokens[i - 1]!) && touching(tokens[i - 1]!, tokens[i]!))) break;
    groups.push(tokens[i]!.image);
    if (tokens[i + 1]?.tokenType !== T.Comma) break;
  }
  if (groups.length < 2) return "";
  const grouped = groups[0]!.length <= 3 && groups.slice(1).every((group) => group.length === 3);
  if (groups.length > 2) return grouped ? `; to group digits write ${groups.join("_")}` : "";
  const decimal = `for a decimal write ${groups.join(".")}`;
  return grouped ? `; ${decimal}, to group digits ${groups.join("_")}` : `; ${decimal}`;
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
