// The scanner (grammar/scanner.ts) must read the token table exactly as chevrotain's own Lexer
// does: the same tokens, images and offsets, and the same first unknown character, on every input.
// chevrotain's Lexer, built here from the same table, is the reference.
import { describe, expect, test } from "bun:test";
import type { IToken } from "chevrotain";
import fc from "fast-check";
import { chevrotainLexer } from "../../grammar/testing.ts";
import { Scanner } from "../../grammar/scanner.ts";
import { allTokens } from "../../grammar/tokens.ts";
import { generate, generateLogic, generateUnits } from "../../bench/generate.ts";
import { fuzzLine } from "../generators/fuzz-inputs.ts";
import { property } from "../support/processes.ts";

const reference = chevrotainLexer(true);
const scanner = new Scanner(allTokens);
const decoder = new TextDecoder();

const shape = (tokens: IToken[]) => tokens.map((t) => `${t.tokenType.name}@${t.startOffset}:${t.image}`);

/** Both readings of a line, up to the first unknown character (where calc stops). */
function both(text: string) {
  const lexed = reference.tokenize(text);
  const firstError = lexed.errors[0]?.offset ?? -1;
  // chevrotain goes on past an unknown character; calc reports the first one, so compare up to it
  const expected = firstError === -1 ? lexed.tokens : lexed.tokens.filter((t) => t.startOffset < firstError);
  const scanned = scanner.scan(text);
  return { expected: { tokens: shape(expected), unknownAt: firstError }, actual: { tokens: shape(scanned.tokens), unknownAt: scanned.unknownAt } };
}

describe("the scanner reads as chevrotain's Lexer does", () => {
  test("on hand-picked lines: keywords and their longer names, operators and their prefixes, symbols", () => {
    const lines = [
      "", " ", "1 + 2", "to toe tot to2 mod modulo model ifx if then thence else elsewhere and andy or order not note",
      "true truest false falsey of off", "2**3 2^3 2*3 2×3 2·3 2⋅3 7//2 7/2 7÷2 7%2 5! 1 -> 2 1 → 2 1 - 2 1 − 2",
      "a == b != c ≠ d <= e ≤ f >= g ≥ h < i > j = k", "x² x³ x⁻¹ x⁻ ⁰¹²³", "20 °C to °F 30° ℃ ℉ ‰ Å Ω µm kΩ π τ φ",
      "0x1F 0b101 0o17 0x1.8 0b0.1 1_000 1__0 1e3 1e 2.5E-3 .5 5. 1.2.3", "# a comment", "1 + 1 # and a comment",
      "f(x, y) = x; g(2)", "\u00a0\t\r1", "$", "1 + @", "😀", "é è ÿ Ā ɏ Ɐ", "×÷", "ans", "→→", "---->",
      // dates and times (issue 19), and near misses of them
      "2026-12-04 2026-12-04T10:00:00Z 2026-12-04 15:24 Europe/Berlin 09:15 9:15:30.25 2026-12-4 2026-12-04T 12:30.5",
      "2025-01-15T09:30:00+01:00[Europe/Berlin] 25:00 1234-56-78x 2026-12-04 15:24 to UTC 2026-12-04T10:00:00+0100 12:3 123:45",
    ];
    for (const line of lines) {
      const { expected, actual } = both(line);
      expect({ line, ...actual }).toEqual({ line, ...expected });
    }
  });

  test("on every character from U+0080 to U+03FF and every symbol a token starts with, alone and before a name", () => {
    // the scanner finds the candidates for a non-ASCII character when it first meets it
    const symbols = "°℃℉‰ÅΩ→≠≤≥⁻⁰¹²³⁴⁵⁶⁷⁸⁹×·⋅÷−";
    const chars = [...Array.from({ length: 0x380 }, (_, i) => String.fromCharCode(0x80 + i)), ...symbols];
    for (const char of chars) {
      for (const line of [char, `${char}x2`, `1${char}`]) {
        const { expected, actual } = both(line);
        if (JSON.stringify(actual) !== JSON.stringify(expected)) expect({ line, ...actual }).toEqual({ line, ...expected });
      }
    }
  });

  test("on the benchmark's lines: typical, function-heavy, units and logic", () => {
    const lines = [
      ...generate(1, 2000, 0.02).calc,
      ...generate(2, 500, 0.5).calc,
      ...generateUnits(3, 2000),
      ...generateLogic(4, 2000),
    ];
    let compared = 0;
    for (const line of lines) {
      const { expected, actual } = both(line);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) expect({ line, ...actual }).toEqual({ line, ...expected });
      compared++;
    }
    expect(compared).toBe(6500);
  });

  test("on the fuzz tests' lines (random bytes, random code points, token soup, mutated expressions)", () => {
    fc.assert(
      fc.property(fuzzLine, (bytes) => {
        const line = decoder.decode(bytes);
        const { expected, actual } = both(line);
        expect({ line, ...actual }).toEqual({ line, ...expected });
      }),
      property("scanner vs chevrotain's Lexer", 20_000),
    );
  });
});
