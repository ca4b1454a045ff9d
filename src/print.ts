/**
 * Writes an AST back as source: normalised (single spaces, ASCII operators,
 * only the parentheses precedence needs) or fully parenthesised, which shows
 * exactly how a line was parsed.
 */
import type { ChainOp, Expr, Statement } from "./ast.ts";

/** Binding strength of each node kind; higher binds tighter. */
const ADDITIVE = 1;
const MULTIPLICATIVE = 2;
const NEGATE = 3;
const POWER = 4;
const FACTORIAL = 5;
const ATOM = 6;

function precedence(expr: Expr): number {
  switch (expr.kind) {
    case "chain":
      return isAdditive(expr.rest[0]!.op) ? ADDITIVE : MULTIPLICATIVE;
    case "negate":
      return NEGATE;
    case "power":
      return POWER;
    case "factorial":
      return FACTORIAL;
    default:
      return ATOM;
  }
}

function isAdditive(op: ChainOp): boolean {
  return op === "+" || op === "-";
}

export function printExpr(expr: Expr): string {
  // a subexpression that binds looser than `min` needs parentheses
  const sub = (e: Expr, min: number) => (precedence(e) < min ? `(${printExpr(e)})` : printExpr(e));
  switch (expr.kind) {
    case "number":
      return expr.text.replaceAll("_", "");
    case "name":
      return expr.name;
    case "call":
      return `${expr.name}(${expr.args.map(printExpr).join(", ")})`;
    case "negate":
      return `-${sub(expr.operand, NEGATE)}`;
    case "power":
      // right-associative: the base must bind tighter than ^, the exponent may be another power or a negation
      return `${sub(expr.base, FACTORIAL)} ^ ${sub(expr.exponent, NEGATE)}`;
    case "factorial":
      return `${sub(expr.operand, FACTORIAL)}!`;
    case "chain": {
      const level = precedence(expr);
      let text = sub(expr.first, level);
      for (const link of expr.rest) text += ` ${link.op} ${sub(link.operand, level + 1)}`;
      return text;
    }
  }
}

/** Every operation in its own parentheses, chains nested to the left: the parse made visible. */
export function printParenthesised(expr: Expr): string {
  switch (expr.kind) {
    case "number":
    case "name":
      return printExpr(expr);
    case "call":
      return `${expr.name}(${expr.args.map(printParenthesised).join(", ")})`;
    case "negate":
      return `(-${printParenthesised(expr.operand)})`;
    case "power":
      return `(${printParenthesised(expr.base)} ^ ${printParenthesised(expr.exponent)})`;
    case "factorial":
      return `(${printParenthesised(expr.operand)}!)`;
    case "chain":
      return expr.rest.reduce(
        (text, link) => `(${text} ${link.op} ${printParenthesised(link.operand)})`,
        printParenthesised(expr.first),
      );
  }
}

export function printStatement(statement: Statement, print: (expr: Expr) => string = printExpr): string {
  switch (statement.kind) {
    case "expression":
      return print(statement.expr);
    case "assign":
      return `${statement.name} = ${printStatement(statement.value, print)}`;
    case "define":
      return `${statement.name}(${statement.params.join(", ")}) = ${print(statement.body)}`;
  }
}
