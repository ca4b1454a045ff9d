/**
 * The scanner: one line into tokens, by the token table in tokens.ts, with
 * chevrotain's rules for reading it: at each position the token types that can
 * start with the character there are tried in the table's order, the first
 * that matches wins, and a keyword gives way to its `longer_alt` (a name) when
 * that matches more (`toe` is a name, `to` a keyword). Skipped tokens (spaces,
 * comments) are dropped. The tokens are chevrotain's own shape, for its parser.
 *
 * Why not chevrotain's Lexer: making the first one fills a 65,536-entry table,
 * which was a fifth of a one-shot run's time and 2.7 MB of its memory (see
 * docs/performance.md). This reads the same table and gives the same tokens:
 * tests/scanner.test.ts compares the two on every input the tests have.
 */
import { Lexer, type IToken, type TokenType } from "chevrotain";

interface Candidate {
  readonly type: TokenType;
  /** The length of the match at `offset`, or 0. */
  readonly match: (text: string, offset: number) => number;
  readonly skipped: boolean;
  readonly longerAlt: Candidate | undefined;
}

/** A scanned line: its tokens, or where its first unknown character is. */
export interface Scanned {
  readonly tokens: IToken[];
  /** The offset of the first character no token can start with, or -1. */
  readonly unknownAt: number;
}

export class Scanner {
  /** The candidates for each first character (UTF-16 code unit). */
  private readonly byFirst = new Map<number, Candidate[]>();
  /** The same for ASCII, as an array: most characters are. */
  private readonly byAscii: (Candidate[] | undefined)[] = [];

  constructor(types: readonly TokenType[]) {
    const candidates = new Map<TokenType, Candidate>();
    const candidateOf = (type: TokenType): Candidate => {
      let candidate = candidates.get(type);
      if (!candidate) {
        const alts = type.LONGER_ALT === undefined ? [] : [type.LONGER_ALT].flat();
        if (alts.length > 1) throw new Error(`token ${type.name}: the scanner takes one longer_alt`);
        const alt = alts[0];
        candidate = { type, match: matcher(type), skipped: type.GROUP === Lexer.SKIPPED, longerAlt: alt && candidateOf(alt) };
        candidates.set(type, candidate);
      }
      return candidate;
    };
    for (const type of types) {
      if (type.PATTERN === Lexer.NA) continue; // a category, never matched itself
      const firsts = typeof type.PATTERN === "string" ? [type.PATTERN] : type.START_CHARS_HINT;
      if (!firsts) throw new Error(`token ${type.name}: a regular expression needs start_chars_hint`);
      const candidate = candidateOf(type);
      for (const first of firsts) {
        const code = typeof first === "number" ? first : first.charCodeAt(0);
        const list = this.byFirst.get(code) ?? [];
        if (!list.includes(candidate)) list.push(candidate);
        this.byFirst.set(code, list);
        if (code < 128) this.byAscii[code] = list;
      }
    }
  }

  scan(text: string): Scanned {
    const tokens: IToken[] = [];
    let offset = 0;
    while (offset < text.length) {
      const code = text.charCodeAt(offset);
      const list = code < 128 ? this.byAscii[code] : this.byFirst.get(code);
      let found: Candidate | undefined;
      let length = 0;
      if (list) {
        for (const candidate of list) {
          length = candidate.match(text, offset);
          if (length > 0) {
            found = candidate;
            break;
          }
        }
      }
      if (!found) return { tokens, unknownAt: offset };
      const alt = found.longerAlt;
      if (alt) {
        const altLength = alt.match(text, offset);
        if (altLength > length) {
          found = alt;
          length = altLength;
        }
      }
      if (!found.skipped) {
        const type = found.type;
        tokens.push({ image: text.substring(offset, offset + length), startOffset: offset, tokenTypeIdx: type.tokenTypeIdx!, tokenType: type });
      }
      offset += length;
    }
    return { tokens, unknownAt: -1 };
  }
}

function matcher(type: TokenType): (text: string, offset: number) => number {
  const pattern = type.PATTERN;
  if (typeof pattern === "string") {
    if (pattern.length === 1) {
      const code = pattern.charCodeAt(0);
      return (text, offset) => (text.charCodeAt(offset) === code ? 1 : 0);
    }
    return (text, offset) => (text.startsWith(pattern, offset) ? pattern.length : 0);
  }
  if (pattern instanceof RegExp) {
    const sticky = new RegExp(pattern.source, `${pattern.flags.replace(/[gy]/g, "")}y`);
    return (text, offset) => {
      sticky.lastIndex = offset;
      return sticky.test(text) ? sticky.lastIndex - offset : 0;
    };
  }
  throw new Error(`token ${type.name}: only string and regular-expression patterns are scanned`);
}
