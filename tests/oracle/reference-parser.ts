// A second parser for calc's expressions, kept in the tests and written from README's precedence
// table alone (not from grammar/parser.ts): a Pratt parser with binding powers, where calc's is
// recursive descent with one rule per level. It prints the parse fully parenthesised, in the format
// of printParenthesised: every operation in parentheses, chains nested to the left, `mod` as `%`.
//
//   level (loosest first)          binding power   associativity
//   + - (−)                        10              left
//   * / % mod // (× · ⋅ ÷), implicit multiplication
//                                  20              left; implicit only before a name or '(' (never a number)
//   unary - +                      30 (prefix)     -2^2 is -(2^2); +x is x
//   ^ **                           40              right; the exponent may have a sign: 2^-1
//   ! and % (postfix)              50 (postfix)    3!^2 is (3!)^2; `%` is a percentage unless an
//                                                  operand (a number, a name or '(') follows it:
//                                                  then it is modulo (level 20)
//   numbers, names, calls f(a, b), ( … )

export type Token = string;

const additive = new Map([["+", "+"], ["-", "-"], ["−", "-"]]);
const multiplicative = new Map([
  ["*", "*"], ["×", "*"], ["·", "*"], ["⋅", "*"],
  ["/", "/"], ["÷", "/"], ["%", "%"], ["mod", "%"], ["//", "//"],
]);
const isNumber = (t: Token | undefined) => t !== undefined && /^(\d|\.\d)/.test(t);
const isName = (t: Token | undefined) => t !== undefined && t !== "mod" && /^[A-Za-z_πτφ]/.test(t);

class Reject extends Error {}

/** The fully parenthesised parse of `tokens`, or undefined if they are not one expression. */
export function referenceParse(tokens: readonly Token[]): string | undefined {
  let at = 0;
  const peek = () => tokens[at];
  const next = () => {
    if (at >= tokens.length) throw new Reject();
    return tokens[at++]!;
  };
  const expect = (t: Token) => {
    if (next() !== t) throw new Reject();
  };

  /** What the token at `at` does after a complete operand: [left binding power, kind]. */
  function infix(t: Token | undefined): [number, "add" | "mul" | "implicit" | "pow" | "bang" | "percent"] | undefined {
    if (t === undefined) return undefined;
    if (t === "%") {
      const after = tokens[at + 1];
      return isNumber(after) || isName(after) || after === "(" ? [20, "mul"] : [50, "percent"];
    }
    if (additive.has(t)) return [10, "add"];
    if (multiplicative.has(t)) return [20, "mul"];
    if (t === "^" || t === "**") return [40, "pow"];
    if (t === "!") return [50, "bang"];
    if (t === "(" || isName(t)) return [20, "implicit"];
    return undefined;
  }

  function parse(minPower: number): string {
    let left = prefix();
    for (;;) {
      const op = infix(peek());
      if (!op || op[0] <= minPower) return left;
      const [power, kind] = op;
      switch (kind) {
        case "bang":
          next();
          left = `(${left}!)`;
          break;
        case "percent":
          next();
          left = `(${left}%)`;
          break;
        case "pow":
          next();
          left = `(${left} ^ ${parse(power - 1)})`; // right-associative
          break;
        case "add":
          left = `(${left} ${additive.get(next())} ${parse(power)})`;
          break;
        case "mul":
          left = `(${left} ${multiplicative.get(next())} ${parse(power)})`;
          break;
        case "implicit":
          left = `(${left} * ${parse(power)})`;
          break;
      }
    }
  }

  function prefix(): string {
    const t = next();
    if (t === "-" || t === "−") return `(-${parse(30)})`;
    if (t === "+") return parse(30);
    if (t === "(") {
      const inner = parse(0);
      expect(")");
      return inner;
    }
    if (isNumber(t)) return t.replaceAll("_", "");
    if (isName(t)) {
      if (peek() !== "(") return t;
      next();
      const args: string[] = [];
      if (peek() === ")") next();
      else {
        for (;;) {
          args.push(parse(0));
          if (next() === ")") break;
          if (tokens[at - 1] !== ",") throw new Reject();
        }
      }
      return `${t}(${args.join(", ")})`;
    }
    throw new Reject();
  }

  try {
    const result = parse(0);
    return at === tokens.length ? result : undefined;
  } catch (error) {
    if (error instanceof Reject) return undefined;
    throw error;
  }
}
