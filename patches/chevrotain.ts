/**
 * Two changes to chevrotain 13.2.0's lexer, applied after every install
 * (package.json's postinstall, which `npm install` and `bun install
 * --frozen-lockfile` in the Docker build both run); neither changes what the
 * lexer does, only what it costs (tests/project.test.ts checks that they are
 * in place and are exactly these):
 *
 * 1. The lexer maps every character code to an "optimized index" (the code
 *    itself below 256, a bucket of 255 codes above) through a table it fills
 *    with all 65,536 entries when the first lexer is made. The patch computes
 *    the same index instead, with the very expression the table was filled
 *    with, and makes the filling a no-op. It saves calc 2.4 ms of a 14.6 ms
 *    one-shot start (measured side by side, 21 rounds, binaries equally warm).
 * 2. Every call of tokenize() made a new empty array and froze it, to stand
 *    for "no pattern starts with this character"; the patch makes that one
 *    frozen array, made once. Object.freeze was 7% of a piped run of short
 *    lines in a CPU profile.
 *
 * Upstream: to be offered to github.com/Chevrotain/chevrotain (the comment
 * above initCharCodeToOptimizedIndexMap there already proposes making it
 * lazy); not sent from here, which has no network beyond the npm registry.
 *
 * Run: bun patches/chevrotain.ts (idempotent; fails if the file is not the
 * one expected, so a new chevrotain version cannot be patched blindly).
 */
import { readFileSync, writeFileSync } from "node:fs";

const root = new URL("..", import.meta.url).pathname;
const SCAN = `${root}node_modules/chevrotain/lib/src/scan`;
export const LEXER = `${SCAN}/lexer.js`;
export const LEXER_PUBLIC = `${SCAN}/lexer_public.js`;

/** Each file, and the changes to it: [what chevrotain has, what it becomes]. */
export const CHANGES: readonly { readonly file: string; readonly changes: readonly (readonly [original: string, patched: string])[] }[] = [
  {
    file: LEXER,
    changes: [
      [
        `        : charCodeToOptimizedIdxMap[charCode];`,
        `        : 255 + ~~(charCode / 255); // calc: computed, not read from a 65,536-entry table (patches/chevrotain.ts)`,
      ],
      [
        `    if (charCodeToOptimizedIdxMap.length === 0) {
        charCodeToOptimizedIdxMap = new Array(65536);
        for (let i = 0; i < 65536; i++) {
            charCodeToOptimizedIdxMap[i] = i > 255 ? 255 + ~~(i / 255) : i;
        }
    }`,
        `    // calc: nothing to fill, charCodeToOptimizedIndex computes the index (patches/chevrotain.ts)`,
      ],
    ],
  },
  {
    file: LEXER_PUBLIC,
    changes: [
      [
        `        const emptyArray = [];
        Object.freeze(emptyArray);`,
        `        const emptyArray = frozenEmptyArray; // calc: made once, not at every tokenize (patches/chevrotain.ts)`,
      ],
      [`export class Lexer {`, `const frozenEmptyArray = Object.freeze([]); // calc (patches/chevrotain.ts)\nexport class Lexer {`],
    ],
  },
];

/** The text with the changes made (again: idempotent); throws if it is not the text they were written for. */
export function patch(text: string, changes: (typeof CHANGES)[number]["changes"], file: string): string {
  for (const [original, patched] of changes) {
    if (text.includes(patched)) continue;
    if (!text.includes(original)) throw new Error(`patches/chevrotain.ts: ${file} is not chevrotain 13.2.0's; re-check the patch`);
    text = text.replace(original, patched);
  }
  return text;
}

if (import.meta.main) {
  for (const { file, changes } of CHANGES) {
    const before = readFileSync(file, "utf8");
    const after = patch(before, changes, file);
    if (after !== before) writeFileSync(file, after);
  }
}
