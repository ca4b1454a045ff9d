// Inputs for the fuzz tests: lines of bytes (not strings, so that invalid UTF-8 and NUL can be in
// them), from random bytes to mutated valid expressions.
import fc from "fast-check";
import { expression, render } from "./expressions.ts";
import { quantityExpression, renderQuantities } from "./quantities.ts";

const encoder = new TextEncoder();
const NEWLINE = 0x0a;

/** Everything the language has, and some of what it has not. */
const tokens = [
  ..."0123456789", "1.5", ".5", "5.", "1e3", "2.5E-3", "1e", "0xff", "0b101", "0o17", "0x", "1_000", "1__0", "_",
  "x", "y", "f", "g", "ans", "pi", "π", "τ", "e", "deg", "sqrt", "sin", "ln", "log", "max", "root", "round", "ncr", "atan2", "mod",
  "+", "-", "−", "*", "×", "·", "÷", "/", "//", "%", "^", "**", "!", "(", ")", ",", ";", "=", "#", " ", "\t", "\r",
  "$", "@", "'", '"', "[", "]", "{", "}", "\\", "&", "|", "?", "~", "`", ":", "\u00a0", "\u200b", "\ufeff", "😀", "é",
  "1e99999", "9^9^9", "99999!", "10^10^10", "f(x)", "f(x) =", "x =", "2(", ")(", "((", "))",
  // comparisons, logic, conditionals, conversions, percentages
  "==", "!=", "≠", "<", "<=", "≤", ">", ">=", "≥", "=<", "=>", "<>", "true", "false", "and", "or", "not", "if", "then", "else",
  "to", "->", "→", "-->", "of", "% of", "20%", "hex", "bin", "oct", "dec", "fraction", "mixed", "to %",
  // units, temperatures, superscripts
  "m", "km", "cm", "ft", "in", "mi", "s", "min", "h", "kg", "g", "lb", "N", "J", "W", "K", "L", "B", "deg", "°", "°C", "°F", "℃", "mph",
  "km/h", "m/s^2", "kg*m/s^2", "ft + in", "1/2 in", "5 ft 3 in", "5 m / 2 s", "²", "³", "⁻¹", "⁻", "⁰", "µm", "Ω", "ton",
  // dates, times and zones (issue 19), and near misses
  "2026-12-04", "2027-02-29", "9999-12-31", "0000-01-01", "09:15", "23:59:59.999999999", "25:00", "2026-12-04 15:24",
  "2026-12-04T10:00:00Z", "2026-12-04T10:00:00+01:00", "2026-12-04T10:00:00+99:99", "2024-07-31 15:24 Europe/Berlin",
  "2027-03-28 02:30 Europe/Berlin", "2025-01-15T09:30:00+01:00[Europe/Berlin]", "2025-01-15T09:30:00+05:00[Europe/Berlin]",
  "Europe/Berlin", "Asia/Kolkata", "UTC", "Nowhere/Zone", "to UTC", "to unixtime", "to date", "to time",
  "now", "today", "weekday", "from_unixtime", "days", "month", "year", "week",
];

const noNewline = (bytes: Uint8Array) => bytes.map((b) => (b === NEWLINE ? 0x20 : b));
const text = (s: string) => noNewline(encoder.encode(s));

/** Bytes that are not UTF-8: stray continuation bytes, overlong forms, surrogates, truncated sequences, > U+10FFFF. */
const invalidUtf8 = fc.constantFrom(
  [0x80], [0xbf], [0xc0, 0x80], [0xc1, 0xbf], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80], [0xff], [0xfe], [0xe2, 0x88], [0xf0, 0x9f, 0x98], [0x00],
);

/** A valid expression: numbers and booleans (comparisons, if, percentages, to hex …), or quantities. */
const valid = (depth: number) => fc.oneof({ arbitrary: expression(depth).map(render), weight: 3 }, { arbitrary: quantityExpression(depth).map(renderQuantities), weight: 1 });

/** A valid expression's text with `edits` insertions, deletions and replacements. */
const mutated = fc
  .tuple(
    valid(3),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom("insert", "delete", "replace"), fc.constantFrom(...tokens)), { minLength: 1, maxLength: 4 }),
  )
  .map(([source, edits]) => {
    let s = source;
    for (const [at, kind, token] of edits) {
      const i = at % (s.length + 1);
      s = kind === "insert" ? s.slice(0, i) + token + s.slice(i) : s.slice(0, i) + (kind === "replace" ? token : "") + s.slice(i + 1);
    }
    return s;
  });

const statement = fc.oneof(
  expression(3).map((e) => `x = ${render(e)}`),
  expression(2).map((e) => `f(x) = x * ${render(e)}`),
  quantityExpression(3).map((e) => `x = ${renderQuantities(e)}`),
  fc.constantFrom("f(2)", "ans * 2", "x + ans", "g(a, b) = a^b + f(b)", "g(2, 3)", "x(2)", "f(x) = f(x) + 1; f(1)",
    "p(n) = q(n); q(n) = p(n); p(1)", "y = x = 3", "x; y; ans", "f(x, y) = x", "sin = 2", "ans = 1",
    // recursion that ends, and cheaply for any argument a later line may give f (a doubly recursive
    // g(735) would run for ages, as any exponential program does, and x * f(x - 1) at 5421.76 takes
    // 11 s of exact products)
    "f(x) = if x < 1 then 0 else 1 + f(x - 1); f(30)",
    "f(x) = if x then 1 else 0; f(2)", "x = 5 m; x to ft", "x to km", "ans to hex", "ans to ft + in", "t = 20 °C; t to °F",
    "p = 1 < 2; p and not p", "x = 1.75 m; x to ft + in", "v = 60 mph * 2 h; v to km"),
);

/** One line of input for the fuzzer (no newline in it). */
export const fuzzLine: fc.Arbitrary<Uint8Array> = fc.oneof(
  // random bytes
  { arbitrary: fc.uint8Array({ maxLength: 60 }).map(noNewline), weight: 3 },
  // random code points, any plane, lone surrogates included
  { arbitrary: fc.string({ unit: "binary", maxLength: 30 }).map(text), weight: 2 },
  // token soup
  { arbitrary: fc.array(fc.constantFrom(...tokens), { maxLength: 25 }).chain((t) => fc.constantFrom(t.join(""), t.join(" "))).map(text), weight: 4 },
  // truncated valid expressions
  { arbitrary: fc.tuple(valid(3), fc.nat()).map(([s, n]) => text(s.slice(0, n % (s.length + 1)))), weight: 2 },
  { arbitrary: mutated.map(text), weight: 4 },
  // valid expressions with bytes that are not UTF-8, or NUL, spliced in
  {
    arbitrary: fc.tuple(valid(2), fc.nat(), invalidUtf8).map(([s, n, bad]) => {
      const bytes = text(s);
      const i = n % (bytes.length + 1);
      return new Uint8Array([...bytes.subarray(0, i), ...bad, ...bytes.subarray(i)]);
    }),
    weight: 2,
  },
  { arbitrary: statement.map(text), weight: 2 },
  { arbitrary: valid(4).map(text), weight: 2 },
);

/** Lines that stretch a limit, each on its own: they may take time, so they are measured one by one. */
export function extremes(): [string, string][] {
  const nested = (n: number) => `${"(".repeat(n)}1${")".repeat(n)}`;
  return [
    ["100,000 levels of parentheses", nested(100_000)],
    ["99,999 levels of parentheses (just under the line limit)", nested(99_999)],
    ["100,000 open parentheses", "(".repeat(100_000)],
    ["100,000 unary minuses", `${"-".repeat(100_000)}1`],
    ["100,000 factorial signs", `3${"!".repeat(100_000)}`],
    ["a tower of 50,000 powers", `${"2^".repeat(50_000)}2`],
    ["1,000,000 terms", `${"1+".repeat(999_999)}1`],
    ["99,999 terms (just under the line limit)", `${"1+".repeat(99_999)}1`],
    ["66,000 implicit products", `2${"(1)".repeat(66_000)}`],
    ["a 1 MB line of digits", "9".repeat(1_000_000)],
    ["a 199,999-digit number", "9".repeat(199_999)],
    ["huge exponents", "2^2^2^2^2^2"],
    ["a tower of tens", "10^10^10^10"],
    ["9^9^9", "9^9^9"],
    ["a huge negative exponent", "(1/3)^-99999"],
    ["a huge odd power of a negative number", "(-2)^(10^15+1)"],
    ["an exponent beyond any float", "2^(10^400)"],
    ["a factorial of 10^100", "(10^100)!"],
    ["9999999!", "9999999!"],
    ["13000!", "13000!"],
    ["factorials of factorials", "3!!!!"],
    ["a factorial of a huge power", "(2^64)!"],
    ["infinite recursion", "f(x) = f(x) + 1; f(1)"],
    ["mutual recursion", "f(x) = g(x); g(x) = f(x); f(1)"],
    ["doubly recursive", "f(x) = f(x - 1) + f(x - 2); f(30)"],
    ["recursion in an exponent", "f(x) = 2^f(x); f(1)"],
    ["huge sin argument", "sin(10^9999)"],
    ["exp of 10^20", "exp(10^20)"],
    ["a 50,000-digit numerator over a 50,000-digit denominator", "(10^49999 + 1)/(10^49999 - 1) + 1/3^40000"],
    ["ncr of huge numbers", "ncr(10^12, 5*10^11)"],
    ["round to a billion places", "round(pi, 10^9)"],
    // conditionals, logic, conversions, percentages and units
    ["9,000 nested ifs", `${"if true then ".repeat(9_000)}1${" else 1".repeat(9_000)}`],
    ["20,001 operands of and", `${"true and ".repeat(20_000)}true`],
    ["40,000 nots", `${"not ".repeat(40_000)}true`],
    ["40,000 chained comparisons", `${"1 < ".repeat(40_000)}1`],
    ["100,000 percent signs", `5${"%".repeat(100_000)}`],
    ["20,000 percentages of percentages", `${"20% of ".repeat(20_000)}1`],
    ["20,000 conversions", `1 m${" to ft to m".repeat(10_000)}`],
    ["39,000 quantities side by side (a sum)", "1 ft ".repeat(39_000)],
    ["20,001 quantities added", `1 m${" + 1 ft".repeat(20_000)}`],
    ["units to the power 999,999,999", "1 m^999999999 * 1 m^999999999"],
    ["a 50,000-digit number to mixed", "10^49999/3 to mixed"],
    ["2^-166096 to bin (166,096 binary places)", "2^-166096 to bin"],
    ["recursion with if, 9,999 calls deep", "f(x) = if x < 1 then 0 else 1 + f(x - 1); f(9999)"],
    ["recursion with if past the call limit", "f(x) = if x < 1 then 0 else 1 + f(x - 1); f(100000)"],
    ["doubly recursive with if", "g(n) = if n <= 1 then n else g(n - 1) + g(n - 2); g(22)"],
  ];
}
