/**
 * The syntax tree the parser builds and the evaluator walks. Every node keeps
 * the span of source it came from, so any error can point at it.
 */
import type { Span } from "./errors.ts";

/** Left-associative operators; a chain holds operators of one precedence level. */
export type ChainOp = "+" | "-" | "*" | "/" | "%" | "//";

export type Expr =
  | { readonly kind: "number"; readonly text: string; readonly span: Span }
  | { readonly kind: "name"; readonly name: string; readonly span: Span }
  | {
      readonly kind: "call";
      readonly name: string;
      readonly nameSpan: Span;
      readonly args: readonly Expr[];
      readonly span: Span;
    }
  | { readonly kind: "negate"; readonly operand: Expr; readonly span: Span }
  | { readonly kind: "power"; readonly base: Expr; readonly exponent: Expr; readonly span: Span }
  | { readonly kind: "factorial"; readonly operand: Expr; readonly span: Span }
  | {
      // n-ary rather than a left-deep tree, so a line of a million terms is
      // evaluated by a loop instead of a million nested calls
      readonly kind: "chain";
      readonly first: Expr;
      readonly rest: readonly ChainLink[];
      readonly span: Span;
    };

export interface ChainLink {
  readonly op: ChainOp;
  readonly opSpan: Span;
  readonly operand: Expr;
}

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
