/**
 * The benchmark's inputs, generated from a fixed seed so every run measures
 * the same lines. Each line is built as a small tree and written twice: in
 * calc's syntax and in bc's (every operation parenthesised, since bc's unary
 * minus binds tighter than `^`; `%` through a function with scale=0, since
 * bc's `%` depends on the scale; sqrt/sin/ln/exp as bc -l names them).
 */

/** mulberry32: a small, well-known seeded generator; deterministic across runs and machines. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Node =
  | { kind: "number"; text: string }
  | { kind: "name"; name: string }
  | { kind: "negate"; operand: Node }
  | { kind: "binary"; op: "+" | "-" | "*" | "/" | "^" | "%"; left: Node; right: Node }
  | { kind: "call"; fn: Fn; arg: Node };

type Fn = "sqrt" | "sin" | "cos" | "atan" | "ln" | "exp";
const bcFunction: Record<Fn, string> = { sqrt: "sqrt", sin: "s", cos: "c", atan: "a", ln: "l", exp: "e" };

/** bc's `%` is a - (a/b)*b at the current scale; at scale 0 it is the integer remainder. */
export const BC_PRELUDE = "define m(a, b) { auto s, r; s = scale; scale = 0; r = a % b; scale = s; return r; }\n";

const VARIABLES = ["x", "y", "w"];

class LineMaker {
  private readonly defined = new Set<string>();
  constructor(private readonly next: () => number) {}

  private int(max: number): number {
    return Math.floor(this.next() * max);
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  private numberText(): string {
    const digits = 1 + this.int(this.next() < 0.7 ? 3 : 6);
    const whole = String(1 + this.int(10 ** digits - 1));
    if (this.next() < 0.7) return whole;
    const decimals = String(this.int(1000)).padStart(1 + this.int(3), "0").slice(-3);
    return `${whole}.${decimals}`;
  }

  private leaf(): Node {
    if (this.defined.size > 0 && this.next() < 0.15) return { kind: "name", name: this.pick([...this.defined]) };
    return { kind: "number", text: this.numberText() };
  }

  expression(depth: number, functions: number): Node {
    if (depth <= 0 || this.next() < 0.25) {
      if (functions > 0 && this.next() < functions) {
        return { kind: "call", fn: this.pick(["sqrt", "sin", "cos", "atan", "ln", "exp"] as const), arg: this.functionArgument() };
      }
      const leaf = this.leaf();
      return this.next() < 0.1 ? { kind: "negate", operand: leaf } : leaf;
    }
    const roll = this.next();
    if (roll < 0.06) return { kind: "binary", op: "^", left: this.leaf(), right: { kind: "number", text: String(this.int(6)) } };
    if (roll < 0.1) {
      const integer = () => ({ kind: "number", text: String(1 + this.int(999)) }) as Node;
      return { kind: "binary", op: "%", left: integer(), right: integer() };
    }
    const op = this.pick(["+", "-", "*", "/", "+", "*"] as const);
    const node: Node = { kind: "binary", op, left: this.expression(depth - 1, functions), right: this.expression(depth - 1, functions) };
    return this.next() < 0.05 ? { kind: "negate", operand: node } : node;
  }

  /** Arguments every function accepts: positive, and small enough that exp stays printable. */
  private functionArgument(): Node {
    return { kind: "binary", op: "/", left: { kind: "number", text: String(1 + this.int(999)) }, right: { kind: "number", text: String(1 + this.int(99)) } };
  }

  private readonly values = new Map<string, number>();

  /** One line: mostly an expression, sometimes an assignment to a variable. */
  line(functions: number): { calc: string; bc: string } {
    for (;;) {
      const expr = this.expression(1 + this.int(3), functions);
      // no division by zero: both programs would only print an error, and the outputs would not line up
      const value = roughValue(expr, this.values);
      if (!Number.isFinite(value)) continue;
      if (this.next() < 0.1) {
        const name = this.pick(VARIABLES);
        this.defined.add(name);
        this.values.set(name, value);
        return { calc: `${name} = ${calc(expr, 0)}`, bc: `(${name} = ${bc(expr)})` };
      }
      return { calc: calc(expr, 0), bc: bc(expr) };
    }
  }
}

/** The value in floating point, NaN where a divisor is (nearly) zero: only to reject such lines. */
function roughValue(node: Node, values: ReadonlyMap<string, number>): number {
  switch (node.kind) {
    case "number":
      return Number(node.text);
    case "name":
      return values.get(node.name)!;
    case "call":
      return Math[node.fn === "ln" ? "log" : node.fn](roughValue(node.arg, values));
    case "negate":
      return -roughValue(node.operand, values);
    case "binary": {
      const a = roughValue(node.left, values);
      const b = roughValue(node.right, values);
      if ((node.op === "/" || node.op === "%") && !(Math.abs(b) > 1e-9)) return NaN;
      const ops = { "+": a + b, "-": a - b, "*": a * b, "/": a / b, "^": a ** b, "%": a % b };
      return ops[node.op];
    }
  }
}

const precedence: Record<string, number> = { "+": 1, "-": 1, "*": 2, "/": 2, "%": 2, negate: 3, "^": 4 };

/** calc's syntax, with only the parentheses its precedence rules need. */
function calc(node: Node, context: number): string {
  switch (node.kind) {
    case "number":
      return node.text;
    case "name":
      return node.name;
    case "call":
      return `${node.fn}(${calc(node.arg, 0)})`;
    case "negate": {
      const text = `-${calc(node.operand, precedence.negate! + 1)}`;
      return context > precedence.negate! ? `(${text})` : text;
    }
    case "binary": {
      const p = precedence[node.op]!;
      // left-associative except ^; the right operand of - and / needs brackets at equal precedence
      const left = calc(node.left, node.op === "^" ? p + 1 : p);
      const right = calc(node.right, node.op === "^" ? p : p + 1);
      const text = `${left} ${node.op} ${right}`;
      return context > p ? `(${text})` : text;
    }
  }
}

/** bc's syntax: every operation in parentheses. */
function bc(node: Node): string {
  switch (node.kind) {
    case "number":
      return node.text;
    case "name":
      return node.name;
    case "call":
      return `${bcFunction[node.fn]}(${bc(node.arg)})`;
    case "negate":
      return `(-${bc(node.operand)})`;
    case "binary":
      return node.op === "%" ? `m(${bc(node.left)}, ${bc(node.right)})` : `(${bc(node.left)} ${node.op} ${bc(node.right)})`;
  }
}

/**
 * `count` lines; `functions` is the chance that a leaf is a function call
 * (0.02 for typical lines, 0.5 for the function-heavy file).
 */
export function generate(seed: number, count: number, functions: number): { calc: string[]; bc: string[] } {
  const maker = new LineMaker(random(seed));
  const out = { calc: [] as string[], bc: [] as string[] };
  for (let i = 0; i < count; i++) {
    const line = maker.line(functions);
    out.calc.push(line.calc);
    out.bc.push(line.bc);
  }
  return out;
}

// ---- quantities and logic: calc only (bc has neither) --------------------------

const UNIT_GROUPS: readonly (readonly string[])[] = [
  ["m", "km", "cm", "mm", "ft", "in", "yd", "mi", "nmi"],
  ["g", "kg", "lb", "oz", "t", "st"],
  ["s", "min", "h", "day", "week"],
  ["km/h", "m/s", "mph", "knot", "ft/s"],
  ["L", "mL", "gal", "qt", "cup", "floz", "m^3"],
  ["J", "kJ", "kWh", "cal", "kcal", "eV", "BTU"],
  ["Pa", "kPa", "bar", "atm", "psi", "mmHg"],
  ["W", "kW", "hp"],
  ["B", "kB", "MB", "KiB", "MiB", "bit", "Mbit"],
  ["°C", "°F", "K"],
];

/**
 * Lines with units: conversions, sums and products of quantities, mixed
 * output; every line is valid (one dimension per sum), so every line has
 * an answer.
 */
export function generateUnits(seed: number, count: number): string[] {
  const next = random(seed);
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]) => items[int(items.length)]!;
  const amount = () => (next() < 0.6 ? String(1 + int(999)) : `${1 + int(99)}.${int(100)}`);
  const lines: string[] = [];
  while (lines.length < count) {
    const group = pick(UNIT_GROUPS);
    const roll = next();
    if (group[0] === "°C") {
      lines.push(`${amount()} ${pick(group)} to ${pick(group)}`);
    } else if (roll < 0.45) {
      lines.push(`${amount()} ${pick(group)} to ${pick(group)}`);
    } else if (roll < 0.7) {
      lines.push(`${amount()} ${pick(group)} + ${amount()} ${pick(group)} to ${pick(group)}`);
    } else if (roll < 0.85) {
      lines.push(`${amount()} ${pick(["m", "km", "ft"])} / ${amount()} ${pick(["s", "min", "h"])} to ${pick(["km/h", "m/s", "mph"])}`);
    } else if (roll < 0.95) {
      lines.push(`${amount()} ${pick(["m", "cm", "ft", "in"])} * ${amount()} ${pick(["m", "cm", "ft", "in"])}`);
    } else {
      lines.push(`${amount()} ${pick(["s", "min", "h"])} to h + min + s`);
    }
  }
  return lines;
}

/**
 * Lines of logic: comparisons (also across units), conditionals, and calls
 * of recursive functions defined at the top of the file.
 */
export function generateLogic(seed: number, count: number): string[] {
  const next = random(seed);
  const int = (max: number) => Math.floor(next() * max);
  const lines = [
    "fib(n) = if n < 2 then n else fib(n - 1) + fib(n - 2)",
    "fact(n) = if n <= 1 then 1 else n * fact(n - 1)",
    "gcd2(a, b) = if b == 0 then a else gcd2(b, a % b)",
    "sign2(x) = if x > 0 then 1 else if x < 0 then -1 else 0",
  ];
  while (lines.length < count) {
    const roll = next();
    const a = 1 + int(999);
    const b = 1 + int(999);
    if (roll < 0.25) lines.push(`${a} / ${b} ${["<", "<=", "==", "!=", ">", ">="][int(6)]} ${b} / ${a}`);
    else if (roll < 0.4) lines.push(`${a} < ${b} and ${b} < ${a + b} or not (${a} == ${b})`);
    else if (roll < 0.55) lines.push(`if ${a} % 2 == 0 then ${a} / 2 else 3 * ${a} + 1`);
    else if (roll < 0.7) lines.push(`fib(${int(12)})`);
    else if (roll < 0.8) lines.push(`fact(${int(30)})`);
    else if (roll < 0.9) lines.push(`gcd2(${a}, ${b})`);
    else lines.push(`${a} m > ${b} ft`);
  }
  return lines;
}
