/**
 * Every failure the language can report is a CalcError: a message plus the
 * span of the input it is about. Front ends render it; the core never prints.
 */
import { LocatedError, type Span } from "../grammar/errors.ts";
import { MAX_LINE_LENGTH } from "./limits.ts";

export type { Span };

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

export class CalcError extends LocatedError<ErrorKind> {
  constructor(
    kind: ErrorKind,
    message: string,
    span: Span,
    /** The user function whose body failed; the span is then that of the call. */
    readonly inFunction?: string,
  ) {
    super(kind, message, span);
    this.name = "CalcError";
  }

  /** The parser's error as the core reports it: the same kind, message and span. */
  static of(error: LocatedError): CalcError {
    return new CalcError(error.kind, error.message, error.span);
  }
}

/** A failure of arithmetic itself, before any span is known; the evaluator gives it one. */
export class ArithmeticError extends Error {
  constructor(
    readonly kind: "domain" | "limit" | "dimension" | "type" | "name" | "interrupted",
    message: string,
  ) {
    super(message);
  }
}

/**
 * An approximate input carries too few digits for the answer to be right to its last printed digit:
 * sin of an approximate 1.4e25 needs the argument to 25 more digits than it has, sqrt(2)^(10^16) the
 * base to 16 more. The session evaluates the line again from the start with `workingDigits` (the
 * values are recomputed, not padded); it never reaches a front end.
 */
export class PrecisionShortfall extends Error {
  constructor(
    readonly workingDigits: number,
    /** What needed them, for the limit error when even the most calc carries is too few. */
    readonly why: string,
  ) {
    super(`${why} needs ${workingDigits} working digits`);
  }
}

/** A line of `length` characters, past MAX_LINE_LENGTH: the caret goes on the first character too many. */
export function lineTooLong(length: number): CalcError {
  return new CalcError("limit", `line too long: ${length} characters (the limit is ${MAX_LINE_LENGTH})`, {
    start: MAX_LINE_LENGTH,
    end: MAX_LINE_LENGTH + 1,
  });
}
