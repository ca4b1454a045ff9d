/**
 * Every failure the language can report is a CalcError: a message plus the
 * span of the input it is about. Front ends render it; the core never prints.
 */
import { MAX_LINE_LENGTH } from "./limits.ts";

/** Offsets into one input line: `start` inclusive, `end` exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type ErrorKind =
  | "syntax" // the line does not parse
  | "name" // unknown variable or function, or a bad assignment target
  | "arity" // wrong number of arguments
  | "domain" // division by zero, sqrt(-1), ln(0), …
  | "dimension" // units that do not fit: 1 m + 1 s, sin(1 m)
  | "type" // a boolean where a number is needed, or the other way round
  | "limit" // the result or the work would exceed a documented bound
  | "interrupted" // the user stopped the computation
  | "internal"; // a bug in calc, reported rather than crashing

export class CalcError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly span: Span,
    /** The user function whose body failed; the span is then that of the call. */
    readonly inFunction?: string,
  ) {
    super(message);
    this.name = "CalcError";
  }
}

/** A failure of arithmetic itself, before any span is known; the evaluator gives it one. */
export class ArithmeticError extends Error {
  constructor(
    readonly kind: "domain" | "limit" | "dimension" | "type",
    message: string,
  ) {
    super(message);
  }
}

/** A line of `length` characters, past MAX_LINE_LENGTH: the caret goes on the first character too many. */
export function lineTooLong(length: number): CalcError {
  return new CalcError("limit", `line too long: ${length} characters (the limit is ${MAX_LINE_LENGTH})`, {
    start: MAX_LINE_LENGTH,
    end: MAX_LINE_LENGTH + 1,
  });
}
