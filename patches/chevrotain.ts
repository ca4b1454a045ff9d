/**
 * A change to chevrotain 13.2.0, applied after every install (package.json's
 * postinstall, which `npm install` and `bun install --frozen-lockfile` in the
 * Docker build both run): it saves calc 2.4 ms of a 14.6 ms one-shot start
 * (measured side by side, 21 rounds, binaries equally warm).
 *
 * The lexer maps every character code to an "optimized index" (the code
 * itself below 256, a bucket of 255 codes above) through a table it fills
 * with all 65,536 entries when the first lexer is made. The patch computes
 * the same index instead, with the very expression the table was filled
 * with, and makes the filling a no-op: every lookup gives what it gave
 * before (tests/project.test.ts checks that the change is in place and is
 * exactly this one).
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
export const LEXER = `${root}node_modules/chevrotain/lib/src/scan/lexer.js`;

export const CHANGES: readonly (readonly [original: string, patched: string])[] = [
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
];

export function patch(text: string): string {
  for (const [original, patched] of CHANGES) {
    if (text.includes(patched)) continue;
    if (!text.includes(original)) throw new Error(`patches/chevrotain.ts: ${LEXER} is not chevrotain 13.2.0's lexer.js; re-check the patch`);
    text = text.replace(original, patched);
  }
  return text;
}

if (import.meta.main) {
  const before = readFileSync(LEXER, "utf8");
  const after = patch(before);
  if (after !== before) writeFileSync(LEXER, after);
}
