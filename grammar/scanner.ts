/**
 * The scanner: one line into tokens, by the token table in tokens.ts, with
 * chevrotain's rules for reading it: at each position the token types that can
 * start with the character there are tried in the table's order, the first
 * that matches wins, and a keyword gives way to its `longer_alt` (a name) when
 * that matches more (`toe` is a name, `to` a keyword). Skipped tokens (spaces,
 * comments) are dropped. The tokens are chevrotain's own shape, for its parser.
 *
 * Why not chevrotain's Lexer: making the first one fills a 65,536-entry table,
 * which was much of a one-shot run's time and memory (docs/performance.md,
 * "chevrotain's Lexer, replaced by a scanner", has the figures). This reads the same table and gives the same tokens:
 * tests/grammar/scanner.test.ts compares the two on every input the tests have.
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
  /** The candidates for each ASCII first character, in the table's order. */
  private readonly byAscii: (Candidate[] | undefined)[] = [];
  /** The same for other first characters (UTF-16 code units), each found at its first use. */
  private readonly byOther = new Map<number, Candidate[] | undefined>();
  /** Every candidate, in the table's order, with the first characters it may start with. */
  private readonly all: { readonly candidate: Candidate; readonly firsts: readonly number[] }[] = [];

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
      const hint = typeof type.PATTERN === "string" ? [type.PATTERN] : type.START_CHARS_HINT;
      if (!hint) throw new Error(`token ${type.name}: a regular expression needs start_chars_hint`);
      const candidate = candidateOf(type);
      const firsts = hint.map((first) => (typeof first === "number" ? first : first.charCodeAt(0)));
      this.all.push({ candidate, firsts });
      // most characters of most lines are ASCII: their lists are made now, the rest when met
      for (const code of firsts) {
        if (code >= 128) continue;
        const list = (this.byAscii[code] ??= []);
        if (!list.includes(candidate)) list.push(candidate);
      }
    }
  }

  /** The candidates for a non-ASCII first character (ASCII ones are read from byAscii in scan). */
  private otherCandidates(code: number): Candidate[] | undefined {
    if (!this.byOther.has(code)) {
      const list = this.all.filter(({ firsts }) => firsts.includes(code)).map(({ candidate }) => candidate);
      this.byOther.set(code, list.length > 0 ? list : undefined);
    }
    return this.byOther.get(code);
  }

  scan(text: string): Scanned {
    const tokens: IToken[] = [];
    let offset = 0;
    while (offset < text.length) {
      const code = text.charCodeAt(offset);
      const list = code < 128 ? this.byAscii[code] : this.otherCandidates(code);
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
  // a custom pattern, as chevrotain takes it: an exec at an offset, a match array or null
  if (typeof pattern === "object" && pattern !== null && "exec" in pattern) {
    const exec = (pattern as { exec: (text: string, offset: number) => RegExpExecArray | null }).exec;
    return (text, offset) => exec(text, offset)?.[0].length ?? 0;
  }
  throw new Error(`token ${type.name}: only string, regular-expression and custom (exec) patterns are scanned`);
}
