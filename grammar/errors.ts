/**
 * What the grammar can find wrong with a line, and where: a kind, a message
 * and the span of the input it is about. The core's CalcError is one of these
 * with the core's kinds; the core turns the parser's into it.
 */

/** Offsets into one input line: `start` inclusive, `end` exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * The kinds the grammar reports: "syntax", the line does not parse; "limit", it nests past
 * MAX_NESTING or writes a unit's power past MAX_UNIT_POWER (limits.ts); "name", it assigns to
 * something that is neither a name nor a function signature.
 */
export type SyntaxErrorKind = "syntax" | "limit" | "name";

/** A failure located in one input line. */
export class LocatedError<Kind extends string = SyntaxErrorKind> extends Error {
  constructor(
    readonly kind: Kind,
    message: string,
    readonly span: Span,
  ) {
    super(message);
  }
}
