// A second parser for calc's expressions, kept in the tests and written from the precedence table
// (docs/language.md, and the rules listed below) alone, not from grammar/parser.ts: precedence
// climbing over token levels, where calc's is recursive descent with one rule per level. It prints
// the parse fully parenthesised, in the format of unparseParenthesised: every operation in
// parentheses, chains nested to the left, operators in ASCII (`mod` as `%`, `−` as `-`, `≤` as `<=`,
// `->` and `→` as `to`), a percentage as `(x%)`, a quantity as `(5 m)` or `(3 ft^2)`.
//
//   level (loosest first)                     associativity and notes
//    1 if C then A else B                     an expression of its own: only where a whole
//                                             expression may stand (the top, ( … ), an argument,
//                                             the parts of another if); `else` is required
//    2 to -> → TARGET                         left: x to m to km; the target is not an expression
//    3 or                                     left
//    4 and                                    left
//    5 not (prefix)                           not not a; not a < b is not (a < b)
//    6 == != < <= > >= (≠ ≤ ≥)                no chains: a < b < c is an error, and so is
//                                             (a < b) to m < c
//    7 ..                                     none: a..b..c is an error (printed (a..b))
//    8 |                                      left (the bitwise levels are Python's)
//    9 xor                                    left
//   10 &                                      left
//   11 << >>                                  left
//   12 + - (−)                                left
//   13 * / % mod // (× · ⋅ ÷), implicit       left; implicit multiplication before a name, '(',
//                                             true or false (never a number, '[' or '~'); its right
//                                             operand is a power, not a signed operand; the bare
//                                             name `in` (the inch) as that operand, followed by a
//                                             name, is an error (1 mi in km: write `to`)
//   14 unary - + ~                            -2^2 is -(2^2); +x is x; ~x printed (~x)
//   15 ^ **                                   right; the exponent may carry a sign: 2^-1
//   16 postfix ! % ² ³ ⁻¹ …, and `% of U`     3!^2 is (3!)^2; `%` is a percentage unless an
//                                             operand (a number, a name, '(', '[', '~', true, false) follows
//                                             it: then it is modulo (level 13); `20% of U` is
//                                             (20%) * U where U is a signed operand (level 14)
//   17 numbers, true, false, names, calls f(a, b), ( … ), quantities, date and time literals,
//      lists [a, b] (any expressions, printed [a, b]; [] is empty)
//
// A date or time literal (2026-12-04, 09:15, 2026-12-04 15:24 Europe/Berlin: one token) is an
// operand as a number is, but never a quantity's magnitude: a unit name after it is a name. A
// date, a space and a clock time are one literal, a date-time (2026-12-04 09:15), and so are a
// date-time, a space and a name that starts with a capital, its zone (… 15:24 Europe/Berlin).
//
// Quantities: a number directly followed by a unit name is one operand, `5 m`; the unit may carry
// one whole power (`3 ft^2`, `s^-1`, `m²`); `1/2 in`, two integer literals and a slash right
// before a unit, is one number; `5 ft 3 in`, quantities side by side, is their sum (one operand).
// A unit name anywhere else is a name. A target: `%`, or products of unit names with whole powers,
// `*` `/` or juxtaposition and parentheses, joined by `+` (ft + in), a number directly after a `/`
// scaling the one unit after it (L/100km); a lone hex, bin, oct, dec,
// fraction or mixed (power 1) is a format. It is printed as written without spaces, a juxtaposition
// written `*` (`N m` → N*m).

export type Token = string;

const IF = 1;
const TO = 2;
const OR = 3;
const AND = 4;
const NOT = 5;
const CMP = 6;
const RANGE = 7;
const BOR = 8;
const BXOR = 9;
const BAND = 10;
const SHIFT = 11;
const ADD = 12;
const MUL = 13;
const UNARY = 14;
const POW = 15;
const POSTFIX = 16;
const ATOM = 17;

/** The unit names the tests use: a stand-in for calc's unit table, checked against it in the test. */
export const UNIT_NAMES = new Set(["m", "s", "km", "h", "ft", "in", "cm", "min", "kg", "g", "lb", "N", "°C"]);
const FORMATS = new Set(["hex", "bin", "oct", "dec", "fraction", "mixed"]);
const KEYWORDS = new Set(["to", "of", "true", "false", "and", "or", "not", "if", "then", "else", "mod", "xor"]);

const additive = new Map([["+", "+"], ["-", "-"], ["−", "-"]]);
const multiplicative = new Map([
  ["*", "*"], ["×", "*"], ["·", "*"], ["⋅", "*"],
  ["/", "/"], ["÷", "/"], ["%", "%"], ["mod", "%"], ["//", "//"],
]);
const comparisons = new Map([
  ["==", "=="], ["!=", "!="], ["≠", "!="], ["<", "<"], ["<=", "<="], ["≤", "<="], [">", ">"], [">=", ">="], ["≥", ">="],
]);
const conversions = new Set(["to", "->", "→"]);
/** The bitwise operators, each with its level and the level of its right operand (one tighter). */
const bitwiseLevels = new Map([
  ["|", BOR],
  ["xor", BXOR],
  ["&", BAND],
  ["<<", SHIFT],
  [">>", SHIFT],
]);
const SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

const isMoment = (t: Token | undefined) => t !== undefined && /^\d{4}-\d\d-\d\d|^\d\d?:\d\d/.test(t);
const isNumber = (t: Token | undefined) => t !== undefined && /^(\d|\.\d)/.test(t) && !isMoment(t);
const isName = (t: Token | undefined) => t !== undefined && !KEYWORDS.has(t) && /^[A-Za-z_πτφ°µ]/.test(t);
const isUnit = (t: Token | undefined) => t !== undefined && UNIT_NAMES.has(t);
const isSuperscript = (t: Token | undefined) => t !== undefined && /^⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/.test(t);
/** What can start an operand: after `%`, one of these makes the `%` modulo (a list and `~x` too). */
const startsOperand = (t: Token | undefined) => isNumber(t) || isMoment(t) || isName(t) || t === "(" || t === "true" || t === "false" || t === "[" || t === "~";

function superscriptValue(t: Token): number {
  const digits = Number([...t.replace("⁻", "")].map((c) => SUPERSCRIPTS.indexOf(c)).join(""));
  return t.startsWith("⁻") ? -digits : digits;
}

class Reject extends Error {}

interface Node {
  readonly text: string;
  readonly level: number;
}

/** The fully parenthesised parse of `tokens`, or undefined if they are not one expression. */
export function referenceParse(given: readonly Token[]): string | undefined {
  const tokens: Token[] = [];
  for (const t of given) {
    const last = tokens.at(-1);
    const date = last !== undefined && /^\d{4}-\d\d-\d\d$/.test(last);
    const dateTime = last !== undefined && /^\d{4}-\d\d-\d\d[ T]\d\d?:\d\d(:\d\d(\.\d+)?)?$/.test(last);
    if ((date && /^\d\d?:\d\d/.test(t)) || (dateTime && /^[A-Z]/.test(t))) tokens[tokens.length - 1] = `${last} ${t}`;
    else tokens.push(t);
  }
  const isInteger = (t: Token | undefined) =>
    t !== undefined && /^(\d(_?\d)*|0[xX][0-9a-fA-F](_?[0-9a-fA-F])*|0[bB][01](_?[01])*|0[oO][0-7](_?[0-7])*)$/.test(t);
  let at = 0;
  const peek = (k = 0) => tokens[at + k];
  const next = () => {
    if (at >= tokens.length) throw new Reject();
    return tokens[at++]!;
  };
  const expect = (t: Token) => {
    if (next() !== t) throw new Reject();
  };
  const wholeNumber = (t: Token) => Number(t.replaceAll("_", ""));

  /** `^ 2`, `** -1`, `²` after a unit name: its power (1 when there is none). */
  function unitPower(): number {
    if (peek() === "^" || peek() === "**") {
      next();
      let sign = 1;
      if (additive.has(peek()!)) sign = additive.get(next()) === "-" ? -1 : 1;
      const exponent = next();
      if (!isInteger(exponent)) throw new Reject();
      return sign * wholeNumber(exponent);
    }
    if (isSuperscript(peek())) return superscriptValue(next());
    return 1;
  }

  const unitText = (name: string, power: number) => (power === 1 ? name : `${name}^${power}`);

  /** A number, or a number directly before a unit name (and more such parts: a sum). */
  function numberOrQuantity(first: Token): Node {
    let magnitude = first.replaceAll("_", "");
    if (isInteger(first) && (peek() === "/" || peek() === "÷") && isInteger(peek(1)) && isUnit(peek(2))) {
      next();
      magnitude = `(${magnitude} / ${next().replaceAll("_", "")})`;
    }
    if (!isUnit(peek())) return { text: magnitude, level: ATOM };
    const unit = next();
    let text = `(${magnitude} ${unitText(unit, unitPower())})`;
    while (isNumber(peek()) && isUnit(peek(1))) {
      const n = next().replaceAll("_", "");
      const u = next();
      text = `(${text} + (${n} ${unitText(u, unitPower())}))`;
    }
    return { text, level: ATOM };
  }

  function prefix(min: number): Node {
    const t = next();
    if (t === "if") {
      if (min > IF) throw new Reject();
      const condition = parse(IF);
      expect("then");
      const then = parse(IF);
      expect("else");
      const otherwise = parse(IF);
      return { text: `(if ${condition.text} then ${then.text} else ${otherwise.text})`, level: IF };
    }
    if (t === "not") {
      if (min > NOT) throw new Reject();
      return { text: `(not ${parse(NOT).text})`, level: NOT };
    }
    if (additive.has(t) || t === "~") {
      if (min > UNARY) throw new Reject();
      const operand = parse(UNARY);
      if (t === "~") return { text: `(~${operand.text})`, level: UNARY };
      return additive.get(t) === "-" ? { text: `(-${operand.text})`, level: UNARY } : operand;
    }
    if (t === "[") {
      const items: string[] = [];
      if (peek() === "]") next();
      else {
        for (;;) {
          items.push(parse(IF).text);
          const after = next();
          if (after === "]") break;
          if (after !== ",") throw new Reject();
        }
      }
      return { text: `[${items.join(", ")}]`, level: ATOM };
    }
    if (t === "(") {
      const inner = parse(IF);
      expect(")");
      return { text: inner.text, level: ATOM };
    }
    if (t === "true" || t === "false") return { text: t, level: ATOM };
    if (isMoment(t)) return { text: t, level: ATOM };
    if (isNumber(t)) return numberOrQuantity(t);
    if (isName(t)) {
      if (peek() !== "(") return { text: t, level: ATOM };
      next();
      const args: string[] = [];
      if (peek() === ")") next();
      else {
        for (;;) {
          args.push(parse(IF).text);
          const after = next();
          if (after === ")") break;
          if (after !== ",") throw new Reject();
        }
      }
      return { text: `${t}(${args.join(", ")})`, level: ATOM };
    }
    throw new Reject();
  }

  type Infix = {
    level: number;
    leftMin: number;
    kind: "to" | "or" | "and" | "cmp" | "range" | "bitwise" | "add" | "mul" | "implicit" | "pow" | "bang" | "percent" | "super";
  };

  /** What the next token does after a complete operand, if anything. */
  function infix(): Infix | undefined {
    const t = peek();
    if (t === undefined) return undefined;
    if (conversions.has(t)) return { level: TO, leftMin: TO, kind: "to" };
    if (t === "or") return { level: OR, leftMin: OR, kind: "or" };
    if (t === "and") return { level: AND, leftMin: AND, kind: "and" };
    if (comparisons.has(t)) return { level: CMP, leftMin: RANGE, kind: "cmp" };
    if (t === "..") return { level: RANGE, leftMin: BOR, kind: "range" };
    if (bitwiseLevels.has(t)) return { level: bitwiseLevels.get(t)!, leftMin: bitwiseLevels.get(t)!, kind: "bitwise" };
    if (additive.has(t)) return { level: ADD, leftMin: ADD, kind: "add" };
    if (t === "%" && !startsOperand(peek(1))) return { level: POSTFIX, leftMin: POSTFIX, kind: "percent" };
    if (multiplicative.has(t)) return { level: MUL, leftMin: MUL, kind: "mul" };
    if (t === "^" || t === "**") return { level: POW, leftMin: POSTFIX, kind: "pow" };
    if (t === "!") return { level: POSTFIX, leftMin: POSTFIX, kind: "bang" };
    if (isSuperscript(t)) return { level: POSTFIX, leftMin: POSTFIX, kind: "super" };
    if (t === "(" || t === "true" || t === "false" || isName(t)) return { level: MUL, leftMin: MUL, kind: "implicit" };
    return undefined;
  }

  /** An expression whose loosest operator is at `min` or tighter. */
  function parse(min: number): Node {
    let left = prefix(min);
    for (;;) {
      const op = infix();
      if (!op || op.level < min || left.level < op.leftMin) return left;
      switch (op.kind) {
        case "to":
          next();
          left = { text: `(${left.text} to ${target()})`, level: TO };
          break;
        case "or":
          next();
          left = { text: `(${left.text} or ${parse(AND).text})`, level: OR };
          break;
        case "and":
          next();
          left = { text: `(${left.text} and ${parse(NOT).text})`, level: AND };
          break;
        case "cmp": {
          const symbol = comparisons.get(next())!;
          left = { text: `(${left.text} ${symbol} ${parse(RANGE).text})`, level: CMP };
          if (comparisons.has(peek()!)) throw new Reject(); // no chains
          break;
        }
        case "range":
          next();
          left = { text: `(${left.text}..${parse(BOR).text})`, level: RANGE };
          if (peek() === "..") throw new Reject(); // one per range
          break;
        case "bitwise": {
          const symbol = next();
          left = { text: `(${left.text} ${symbol} ${parse(op.level + 1).text})`, level: op.level };
          break;
        }
        case "add":
          left = { text: `(${left.text} ${additive.get(next())} ${parse(MUL).text})`, level: ADD };
          break;
        case "mul":
          left = { text: `(${left.text} ${multiplicative.get(next())} ${parse(UNARY).text})`, level: MUL };
          break;
        case "implicit": {
          const right = parse(POW);
          // 1 mi in km: `in` is the inch, and a name after it means a conversion was meant
          if (right.text === "in" && isName(peek())) throw new Reject();
          left = { text: `(${left.text} * ${right.text})`, level: MUL };
          break;
        }
        case "pow":
          next();
          left = { text: `(${left.text} ^ ${parse(UNARY).text})`, level: POW };
          break;
        case "bang":
          next();
          left = { text: `(${left.text}!)`, level: POSTFIX };
          break;
        case "super":
          left = { text: `(${left.text} ^ ${superscriptValue(next())})`, level: POSTFIX };
          break;
        case "percent":
          next();
          left = { text: `(${left.text}%)`, level: POSTFIX };
          if (peek() === "of") {
            next();
            left = { text: `(${left.text} * ${parse(UNARY).text})`, level: POSTFIX };
          }
          break;
      }
    }
  }

  /** After `to`: `%`, or unit products joined by `+`. */
  function target(): string {
    if (peek() === "%") {
      next();
      return "%";
    }
    const parts = [product()];
    while (peek() === "+") {
      next();
      parts.push(product());
    }
    const only = parts.length === 1 && parts[0]!.factors.length === 1 ? parts[0]!.factors[0]! : undefined;
    if (only && only.power === 1 && FORMATS.has(only.name)) return only.name;
    return parts.map((p) => written(p.tokens)).join(" + ");
  }

  interface Product {
    factors: { name: string; power: number }[];
    tokens: Token[];
  }

  /** km/h, kg*m/s^2, N m, (m s)^…: names with powers, `*`, `/`, juxtaposition, parentheses. */
  function product(): Product {
    const start = at;
    const factors = [...factor()];
    for (;;) {
      const t = peek();
      let sign = 1;
      let scaled = false;
      if (t === "*" || t === "×" || t === "·" || t === "⋅" || t === "/" || t === "÷") {
        next();
        if (t === "/" || t === "÷") sign = -1;
        // L/100km: a number after '/' scales the one unit after it
        if (sign === -1 && isNumber(peek())) {
          next();
          scaled = true;
        }
      } else if (!(isName(t) || t === "(")) break;
      const scaledFactors = factor();
      if (scaled && scaledFactors.length !== 1) throw new Reject();
      for (const f of scaledFactors) factors.push({ name: f.name, power: f.power * sign });
    }
    return { factors, tokens: tokens.slice(start, at) };
  }

  function factor(): { name: string; power: number }[] {
    const t = next();
    if (t === "(") {
      const inner = product();
      expect(")");
      return inner.factors;
    }
    if (!isName(t)) throw new Reject();
    return [{ name: t, power: unitPower() }];
  }

  /** A target as written, without spaces: a space between two factors is a `*`. */
  function written(parts: Token[]): string {
    let text = "";
    for (const [i, t] of parts.entries()) {
      const scale = i > 1 && isNumber(parts[i - 1]) && /^[/÷]$/.test(parts[i - 2]!);
      if (i > 0 && !scale && /[\p{L}\d°)⁰¹²³⁴⁵⁶⁷⁸⁹]$/u.test(parts[i - 1]!) && /^[\p{L}°(]/u.test(t)) text += "*";
      text += t;
    }
    return text;
  }

  try {
    const result = parse(IF);
    return at === tokens.length ? result.text : undefined;
  } catch (error) {
    if (error instanceof Reject) return undefined;
    throw error;
  }
}
