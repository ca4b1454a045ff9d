/**
 * The syntax tree the parser builds and the evaluator walks. Every node keeps
 * the span of source it came from, so any error can point at it.
 */
import type { Span } from "./errors.ts";

/**
 * Left-associative operators; a chain holds operators of one precedence level: `+ -`, `* / % //`,
 * and the bitwise levels (issue 21) `<< >>`, `&`, `xor`, `|`.
 */
export type ChainOp = "+" | "-" | "*" | "/" | "%" | "//" | BitwiseOp;

export type BitwiseOp = "&" | "|" | "xor" | "<<" | ">>";

export type CompareOp = "==" | "!=" | "<" | "<=" | ">" | ">=";

/** A unit name as written, with its power: `ft^2` in `3 ft^2`, `s^-2` in `to m/s^2`. */
export interface UnitRef {
  readonly name: string;
  readonly power: number;
  readonly span: Span;
  /** In a target, the number written before the unit after a '/': 100 in `to L/100km`. */
  readonly scale?: { readonly text: string; readonly span: Span };
}

export type Expr =
  | { readonly kind: "number"; readonly text: string; readonly span: Span }
  | { readonly kind: "boolean"; readonly value: boolean; readonly span: Span }
  /** A date, clock time, date-time, instant or zoned date-time as written: `2026-12-04`, `09:15` (src/dates.ts reads it). */
  | { readonly kind: "datetime"; readonly text: string; readonly span: Span }
  | { readonly kind: "name"; readonly name: string; readonly span: Span }
  | {
      // a number written directly before a unit: one operand (`5 m / 2 s` is (5 m)/(2 s))
      readonly kind: "quantity";
      readonly magnitude: Expr;
      readonly unit: UnitRef;
      readonly span: Span;
    }
  | {
      readonly kind: "call";
      readonly name: string;
      readonly nameSpan: Span;
      readonly args: readonly Expr[];
      readonly span: Span;
      /** `a..b`: range(a, b) as an operator */
      readonly infix?: true;
    }
  | { readonly kind: "negate"; readonly operand: Expr; readonly span: Span }
  /** ~x, the bitwise complement */
  | { readonly kind: "complement"; readonly operand: Expr; readonly span: Span }
  /** [1, 2, 3] */
  | { readonly kind: "list"; readonly items: readonly Expr[]; readonly span: Span }
  | { readonly kind: "power"; readonly base: Expr; readonly exponent: Expr; readonly span: Span }
  | { readonly kind: "factorial"; readonly operand: Expr; readonly span: Span }
  | { readonly kind: "percent"; readonly operand: Expr; readonly span: Span }
  | {
      // n-ary rather than a left-deep tree, so a line of a million terms is
      // evaluated by a loop instead of a million nested calls
      readonly kind: "chain";
      readonly first: Expr;
      readonly rest: readonly ChainLink[];
      readonly span: Span;
    }
  | {
      readonly kind: "compare";
      readonly op: CompareOp;
      readonly left: Expr;
      readonly right: Expr;
      readonly opSpan: Span;
      readonly span: Span;
    }
  | { readonly kind: "not"; readonly operand: Expr; readonly span: Span }
  | { readonly kind: "logical"; readonly op: "and" | "or"; readonly operands: readonly Expr[]; readonly span: Span }
  | { readonly kind: "if"; readonly condition: Expr; readonly then: Expr; readonly else: Expr; readonly span: Span }
  | { readonly kind: "convert"; readonly operand: Expr; readonly target: Target; readonly span: Span };

export interface ChainLink {
  readonly op: ChainOp;
  readonly opSpan: Span;
  readonly operand: Expr;
}

/** A unit in a `to` target: its names and powers, and the text the result prints it with. */
export interface UnitPart {
  readonly refs: readonly UnitRef[];
  /** As the user wrote it, spaces dropped (but in a name of words, `fl oz`): `J/(kg*K)`, `L/100km`. */
  readonly text: string;
}

/** Ways a result can be written: `to hex`, `to fraction`, `to %`, … */
export type Format = "hex" | "bin" | "oct" | "dec" | "fraction" | "mixed" | "percent" | "sci" | "eng" | "polar";

/**
 * The formats a `to` target names (a target that is one of these names is the format, not a unit);
 * the core reads it too, to answer `hex(255)` with `write 255 to hex`.
 */
export const FORMAT_NAMES: Readonly<Record<string, Format>> = {
  hex: "hex",
  bin: "bin",
  oct: "oct",
  dec: "dec",
  fraction: "fraction",
  mixed: "mixed",
  sci: "sci",
  eng: "eng",
  polar: "polar",
};

/** What `to` converts to: a unit (`to km/h`), a sum of units (`to ft + in`) or a format. */
export type Target =
  | { readonly kind: "units"; readonly parts: readonly UnitPart[]; readonly span: Span }
  /** (`to polar deg`: the angle's unit after the format) */
  | { readonly kind: "format"; readonly format: Format; readonly angle?: UnitPart; readonly span: Span };

export type Statement =
  | { readonly kind: "expression"; readonly expr: Expr; readonly span: Span }
  | {
      readonly kind: "assign";
      readonly name: string;
      readonly nameSpan: Span;
      readonly value: Statement;
      readonly span: Span;
    }
  | {
      readonly kind: "define";
      readonly name: string;
      readonly nameSpan: Span;
      readonly params: readonly string[];
      readonly body: Expr;
      readonly span: Span;
    };

/** One input line: zero or more statements separated by `;`. */
export type Program = readonly Statement[];
