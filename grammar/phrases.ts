/**
 * Units written in words, read between the scanner and the parser:
 *   fl oz, nautical miles, miles per gallon   a run of names that the core says is one unit
 *                                            (`fl_oz`, `nautical_mile`, …) is one name token
 *   sq ft, square metres, cu ft, cubic feet   a unit squared or cubed: one name token, which
 *                                            the parser reads as the unit to that power
 *   miles per hour                           `per` between two units divides (a `/` token)
 * Which words are one unit the core says (CoreNames.isUnit, asked with the words joined by
 * spaces); which words make powers and quotients is the grammar's. A phrase wins over the
 * product of its words: `fl oz` is the US fluid ounce, not a femtolitre times an ounce.
 */
import type { IToken } from "chevrotain";
import type { CoreNames } from "./names.ts";
import * as T from "./tokens.ts";

/** The words that raise the unit after them to a power: `sq ft` is ft^2. */
const POWER_WORDS: Readonly<Record<string, number>> = { sq: 2, square: 2, cu: 3, cubic: 3 };

/** The most words one unit's name has: pounds per square inch (the units test checks the table keeps to it). */
export const MOST_WORDS = 5;

/** The name of the unit a name token means, without its power word, its spaces made single: "fl oz", "ft" for "sq ft". */
export function phraseName(image: string): string {
  if (!hasSpace(image)) return image;
  const words = image.split(/\s+/);
  return (Object.hasOwn(POWER_WORDS, words[0]!) ? words.slice(1) : words).join(" ");
}

/** The power a name token's power word gives its unit: 2 for "sq ft", 1 for a name without one. */
export function phrasePower(image: string): number {
  if (!hasSpace(image)) return 1;
  const first = image.split(/\s/, 1)[0]!;
  return Object.hasOwn(POWER_WORDS, first) ? POWER_WORDS[first]! : 1;
}

/** A name token as it is written in a unit: its spaces made single ("fl oz", "sq ft"). */
export function phraseText(image: string): string {
  return hasSpace(image) ? image.split(/\s+/).join(" ") : image;
}

function hasSpace(image: string): boolean {
  return /\s/.test(image);
}

/**
 * The tokens with every unit phrase made one token: the same array when the line has none (most
 * lines: a phrase needs two names side by side, which is looked for first).
 */
export function readPhrases(tokens: IToken[], text: string, names: CoreNames): IToken[] {
  if (!hasAdjacentNames(tokens)) return tokens;
  const merged: IToken[] = [];
  for (let i = 0; i < tokens.length; ) {
    const length = phraseAt(tokens, i, text, names);
    merged.push(length > 1 ? joined(tokens, i, length, text) : tokens[i]!);
    i += length;
  }
  for (let i = 1; i + 1 < merged.length; i++) {
    const word = merged[i]!;
    if (isName(word) && word.image === "per" && isUnitToken(merged[i - 1]!, names) && isUnitToken(merged[i + 1]!, names)) {
      merged[i] = { ...word, tokenType: T.Divide, tokenTypeIdx: T.Divide.tokenTypeIdx! };
    }
  }
  return merged;
}

function hasAdjacentNames(tokens: IToken[]): boolean {
  for (let i = 1; i < tokens.length; i++) if (isWord(tokens[i]!) && isName(tokens[i - 1]!)) return true;
  return false;
}

function isName(token: IToken): boolean {
  return token.tokenType === T.Identifier;
}

/** A word after the first of a unit's name: a name, or `of` (inches of mercury). */
function isWord(token: IToken): boolean {
  return token.tokenType === T.Identifier || token.tokenType === T.Of;
}

/** How many tokens from `i` make one unit's name (1 if none but the token itself). */
function phraseAt(tokens: IToken[], i: number, text: string, names: CoreNames): number {
  if (!isName(tokens[i]!)) return 1;
  // the longest run of names, separated only by spaces, that is one unit
  let run = 1;
  while (run < MOST_WORDS && i + run < tokens.length && isWord(tokens[i + run]!) && onlySpaceBetween(tokens[i + run - 1]!, tokens[i + run]!, text)) run++;
  let unit = 1;
  for (let n = run; n > 1; n--) {
    if (names.isUnit(wordsOf(tokens, i, n))) {
      unit = n;
      break;
    }
  }
  // sq ft, cubic nautical miles: a power word before a unit (itself perhaps a phrase)
  if (unit === 1 && run > 1 && Object.hasOwn(POWER_WORDS, tokens[i]!.image)) {
    const after = phraseAt(tokens, i + 1, text, names);
    if (after > 1 || names.isUnit(tokens[i + 1]!.image)) return 1 + after;
  }
  return unit;
}

function wordsOf(tokens: IToken[], i: number, n: number): string {
  return tokens.slice(i, i + n).map((token) => token.image).join(" ");
}

function onlySpaceBetween(a: IToken, b: IToken, text: string): boolean {
  return /^\s+$/.test(text.slice(a.startOffset + a.image.length, b.startOffset));
}

/** One name token for `length` tokens from `i`, its image the text they span (so spans stay right). */
function joined(tokens: IToken[], i: number, length: number, text: string): IToken {
  const first = tokens[i]!;
  const last = tokens[i + length - 1]!;
  return { ...first, image: text.slice(first.startOffset, last.startOffset + last.image.length) };
}

function isUnitToken(token: IToken, names: CoreNames): boolean {
  return isName(token) && names.isUnit(phraseName(token.image));
}
