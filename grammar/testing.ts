/**
 * What the tests and the bench reach into the grammar for, which the core does
 * not (it has only read.ts's `parse`): each stage on its own, the parsers made
 * from a recording, chevrotain's checks and its own Lexer to compare with.
 */
import { Lexer, type Rule } from "chevrotain";
import { CalcParser } from "./parser.ts";
import { theParser } from "./stages.ts";
import * as T from "./tokens.ts";

export { grammarBuilt, lex, parserFrom, parseTokens, theParser, theScanner } from "./stages.ts";

/**
 * chevrotain's own Lexer of the token table, as calc made it before it had a scanner: the tests'
 * reference for the scanner, and the bench's comparison. With `validate`, chevrotain checks the
 * table first; throws what it finds.
 */
export function chevrotainLexer(validate: boolean): Lexer {
  const lexer = new Lexer(T.allTokens, { positionTracking: "onlyOffset", ensureOptimizations: true, skipValidations: !validate });
  if (lexer.lexerDefinitionErrors.length > 0) throw new Error(lexer.lexerDefinitionErrors.map((e) => e.message).join("\n"));
  return lexer;
}

/** Runs all of chevrotain's checks of the token table (by making its Lexer of it) and of the grammar; throws what they find. */
export function checkGrammar(): void {
  chevrotainLexer(true);
  new CalcParser("check");
}

/** The recorded grammar, rule by rule (a test compares the lookahead decisions with chevrotain's own). */
export function grammarRules(): Rule[] {
  return Object.values(theParser().getGAstProductions());
}
