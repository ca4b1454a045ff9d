/**
 * `help %`, `help to`, `help if`: what the REPL's help says of the language's operators and words,
 * one entry each (the names that spell one thing share it). Every example is calc's real answer
 * (tests/cli/repl.test.ts asks help for each name, and docs/cli.md shows one).
 */

export interface Topic {
  /** The names help takes for it: `help to`, `help ->`. */
  readonly names: readonly string[];
  /** A line that says what it is, then examples, each `input → answer`. */
  readonly lines: readonly string[];
}

export const TOPICS: readonly Topic[] = [
  {
    names: ["%"],
    lines: [
      "a percentage where it ends an operand, else modulo",
      "25% → 0.25   200 + 10% → 220   20% of 50 → 10",
      "0.25 to % → 25%",
      "7 % 3 → 1 (floored modulo; also written mod)",
    ],
  },
  {
    names: ["to", "->", "→"],
    lines: [
      "EXPR to TARGET: the value in a unit, a sum of units or a format",
      "1 mi to km → 1.609344 km",
      "1.75 m to ft + in → 5 ft + 8.89763779528 in",
      "255 to hex → 0xff   0.75 to fraction → 3/4",
      "12345 m to eng → 12.345e3 m",
      "formats: hex bin oct dec fraction mixed sci eng %",
    ],
  },
  {
    names: ["if", "then", "else"],
    lines: [
      "if C then A else B: only the branch taken is computed",
      "if 2 > 1 then 10 else 20 → 10",
    ],
  },
  {
    names: ["and", "or", "not", "true", "false"],
    lines: ["logic; and, or stop at the operand that decides", "true and not false → true   1 < 2 or 1/0 == 0 → true"],
  },
  {
    names: ["==", "!=", "<", "<=", ">", ">=", "≠", "≤", "≥"],
    lines: ["comparisons, exact on exact values; they do not chain", "2/3 == 4/6 → true"],
  },
  {
    names: ["mod", "//"],
    lines: ["floored modulo and floor division", "7 mod -3 → -2   -7 // 2 → -4"],
  },
  {
    names: ["^", "**", "!"],
    lines: ["powers, right-associative, and the factorial", "2^3^2 → 512   5! → 120"],
  },
  {
    names: ["=", ";", "ans", "#"],
    lines: [
      "x = 3 assigns, f(x) = x^2 defines a function",
      "';' separates statements, ans is the last answer, # starts a comment",
      "x = 3; x^2 → 9",
    ],
  },
  {
    names: ["&", "|", "xor", "~", "<<", ">>"],
    lines: [
      "bitwise, on integers of any size (two's complement, as Python)",
      "0xff & 0x0f → 15   5 xor 3 → 6   ~5 → -6   -17 >> 2 → -5",
      "looser than + -, tighter than == <   6 & 3 == 2 → true",
      "1 << 2 + 1 → 8   u8(-5) → 251   u32(-1) to hex → 0xffffffff",
    ],
  },
  {
    names: ["[", "]", "..", "lists"],
    lines: [
      "[a, b] is a list, a..b the integers a to b; + - * / item by item",
      "[1, 2, 3] * 2 → [2, 4, 6]   sum(1..100) → 5050",
      "statistics of a list or of values: mean median mode min max",
      "sum prod len variance stdev variancep stdevp quantile sort reverse",
      "stdev(2, 4, 4, 4, 5, 5, 7, 9) → 2.1380899353",
      "mean([3 m, 40 cm]) → 1.7 m   range(1, 9, 2) → [1, 3, 5, 7, 9]",
    ],
  },
  {
    names: ["units", "per"],
    lines: [
      "a number before a unit is a quantity; :units lists them",
      "60 mph to km/h → 96.56064 km/h   5 ft 3 in to cm → 160.02 cm",
      "60 miles per hour → 60 mi/h   1 sq ft to m^2 → 0.09290304 m^2",
      "30 mpg to L/100km → 7.84048611111 L/100km",
    ],
  },
];

/** The topic help shows for a name, if it is one. */
export function topicOf(name: string): Topic | undefined {
  return TOPICS.find((topic) => topic.names.includes(name));
}
