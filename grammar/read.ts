/**
 * The grammar's face to the rest of calc: a line of input into its statements.
 * The core parses through it (its syntax.ts, with the names it knows); the
 * stages and the hooks the tests use are in stages.ts and testing.ts.
 */
import type { Program } from "./ast.ts";
import type { CoreNames } from "./names.ts";
import { lex, parseTokens } from "./stages.ts";

/** Turns one line of input into its statements, or throws the first LocatedError. */
export function parse(text: string, coreNames: CoreNames): Program {
  return parseTokens(text, lex(text), coreNames);
}
