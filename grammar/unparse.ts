/**
 * Writes an AST back as source: normalised (single spaces, ASCII operators,
 * only the parentheses precedence needs) or fully parenthesised, which shows
 * exactly how a line was parsed.
 */
import type { ChainOp, Expr, Statement, Target, UnitRef } from "./ast.ts";

/** Binding strength of each node kind, as in parser.ts; higher binds tighter. */
const CONDITIONAL = 1;
const CONVERSION = 2;
const OR = 3;
const AND = 4;
const NOT = 5;
const COMPARISON = 6;
const RANGE = 7;
const BIT_OR = 8;
const BIT_XOR = 9;
const BIT_AND = 10;
const SHIFT = 11;
const ADDITIVE = 12;
const MULTIPLICATIVE = 13;
const NEGATE = 14;
const POWER = 15;
const POSTFIX = 16;
const ATOM = 17;

/** The level of a chain's operators. */
const CHAIN_LEVELS: Readonly<Record<ChainOp, number>> = {
  "|": BIT_OR,
  xor: BIT_XOR,
  "&": BIT_AND,
  "<<": SHIFT,
  ">>": SHIFT,
  "+": ADDITIVE,
  "-": ADDITIVE,
  "*": MULTIPLICATIVE,
  "/": MULTIPLICATIVE,
  "%": MULTIPLICATIVE,
  "//": MULTIPLICATIVE,
};

function precedence(expr: Expr): number {
  switch (expr.kind) {
    case "if":
      return CONDITIONAL;
    case "convert":
      return CONVERSION;
    case "logical":
      return expr.op === "or" ? OR : AND;
    case "not":
      return NOT;
    case "compare":
      return COMPARISON;
    case "chain":
      return CHAIN_LEVELS[expr.rest[0]!.op];
    case "call":
      return expr.infix ? RANGE : ATOM;
    // `5 m` is an operand of * and /, but needs parentheses as a base: (5 m)^2 is not 5 m^2
    case "negate":
    case "complement":
    case "quantity":
      return NEGATE;
    case "power":
      return POWER;
    case "factorial":
    case "percent":
      return POSTFIX;
    default:
      return ATOM;
  }
}

/** ft^2, km/h, kg*m/s^2, s^-1: left to right, as the target grammar reads it back. */
export function unparseUnit(refs: readonly UnitRef[]): string {
  return refs
    .map((ref, i) => {
      if (i === 0) return ref.power === 1 ? ref.name : `${ref.name}^${ref.power}`;
      const power = Math.abs(ref.power);
      return `${ref.power < 0 ? "/" : "*"}${ref.name}${power === 1 ? "" : `^${power}`}`;
    })
    .join("");
}

export function unparseTarget(target: Target): string {
  if (target.kind === "format") return target.format === "percent" ? "%" : target.format;
  return target.parts.map((part) => part.text).join(" + ");
}

export function unparseExpr(expr: Expr): string {
  // a subexpression that binds looser than `min` needs parentheses
  const sub = (e: Expr, min: number) => (precedence(e) < min ? `(${unparseExpr(e)})` : unparseExpr(e));
  switch (expr.kind) {
    case "number":
      return expr.text.replaceAll("_", "");
    case "boolean":
      return String(expr.value);
    case "datetime":
      return expr.text;
    case "name":
      return expr.name;
    case "quantity":
      return `${sub(expr.magnitude, MULTIPLICATIVE)} ${unparseUnit([expr.unit])}`;
    case "call":
      // (a..b is range(a, b), written as it was)
      if (expr.infix) return `${sub(expr.args[0]!, BIT_OR)}..${sub(expr.args[1]!, BIT_OR)}`;
      return `${expr.name}(${expr.args.map(unparseExpr).join(", ")})`;
    case "negate":
      return `-${sub(expr.operand, NEGATE)}`;
    case "complement":
      return `~${sub(expr.operand, NEGATE)}`;
    case "list":
      return `[${expr.items.map(unparseExpr).join(", ")}]`;
    case "power":
      // right-associative: the base must bind tighter than ^, the exponent may be another power or a negation
      return `${sub(expr.base, POSTFIX)} ^ ${sub(expr.exponent, NEGATE)}`;
    case "factorial":
      return `${sub(expr.operand, POSTFIX)}!`;
    case "percent":
      return `${sub(expr.operand, POSTFIX)}%`;
    case "chain": {
      const level = precedence(expr);
      let text = sub(expr.first, level);
      for (const link of expr.rest) text += ` ${link.op} ${sub(link.operand, level + 1)}`;
      return text;
    }
    case "compare":
      return `${sub(expr.left, RANGE)} ${expr.op} ${sub(expr.right, RANGE)}`;
    case "not":
      return `not ${sub(expr.operand, NOT)}`;
    case "logical": {
      const level = precedence(expr);
      return expr.operands.map((operand) => sub(operand, level + 1)).join(` ${expr.op} `);
    }
    case "if":
      return `if ${unparseExpr(expr.condition)} then ${unparseExpr(expr.then)} else ${unparseExpr(expr.else)}`;
    case "convert":
      return `${sub(expr.operand, CONVERSION)} to ${unparseTarget(expr.target)}`;
  }
}

/** Every operation in its own parentheses, chains nested to the left: the parse made visible. */
export function unparseParenthesised(expr: Expr): string {
  switch (expr.kind) {
    case "number":
    case "boolean":
    case "datetime":
    case "name":
      return unparseExpr(expr);
    case "quantity":
      return `(${unparseParenthesised(expr.magnitude)} ${unparseUnit([expr.unit])})`;
    case "call":
      if (expr.infix) return `(${unparseParenthesised(expr.args[0]!)}..${unparseParenthesised(expr.args[1]!)})`;
      return `${expr.name}(${expr.args.map(unparseParenthesised).join(", ")})`;
    case "negate":
      return `(-${unparseParenthesised(expr.operand)})`;
    case "complement":
      return `(~${unparseParenthesised(expr.operand)})`;
    case "list":
      return `[${expr.items.map(unparseParenthesised).join(", ")}]`;
    case "power":
      return `(${unparseParenthesised(expr.base)} ^ ${unparseParenthesised(expr.exponent)})`;
    case "factorial":
      return `(${unparseParenthesised(expr.operand)}!)`;
    case "percent":
      return `(${unparseParenthesised(expr.operand)}%)`;
    case "chain":
      return expr.rest.reduce(
        (text, link) => `(${text} ${link.op} ${unparseParenthesised(link.operand)})`,
        unparseParenthesised(expr.first),
      );
    case "compare":
      return `(${unparseParenthesised(expr.left)} ${expr.op} ${unparseParenthesised(expr.right)})`;
    case "not":
      return `(not ${unparseParenthesised(expr.operand)})`;
    case "logical":
      return expr.operands.slice(1).reduce((text, operand) => `(${text} ${expr.op} ${unparseParenthesised(operand)})`, unparseParenthesised(expr.operands[0]!));
    case "if":
      return `(if ${unparseParenthesised(expr.condition)} then ${unparseParenthesised(expr.then)} else ${unparseParenthesised(expr.else)})`;
    case "convert":
      return `(${unparseParenthesised(expr.operand)} to ${unparseTarget(expr.target)})`;
  }
}

export function unparseStatement(statement: Statement, unparse: (expr: Expr) => string = unparseExpr): string {
  switch (statement.kind) {
    case "expression":
      return unparse(statement.expr);
    case "assign":
      return `${statement.name} = ${unparseStatement(statement.value, unparse)}`;
    case "define":
      return `${statement.name}(${statement.params.join(", ")}) = ${unparse(statement.body)}`;
  }
}
