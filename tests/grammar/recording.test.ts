// calc's parser is restored from the grammar recorded at build time (grammar/analysis.ts), not
// made by chevrotain's self-analysis. These tests hold the restored parser to the one chevrotain
// makes: the same productions, the same decision at every choice for every token, the same errors.
import { describe, expect, test } from "bun:test";
import { serializeGrammar, type TokenType } from "chevrotain";
import fc from "fast-check";
import { generate, generateLogic, generateUnits } from "../../bench/generate.ts";
import { CalcParser } from "../../grammar/parser.ts";
import { lex, parserFrom } from "../../grammar/testing.ts";
import { RECORDED } from "../../grammar/analysis-data.ts";
import type { RecordedGrammar } from "../../grammar/analysis.ts";
import * as T from "../../grammar/tokens.ts";
import { coreNames, parseLine as parse } from "../../src/syntax.ts";
import { calc, useBinary } from "../support/binary.ts";
import { fuzzLine } from "../generators/fuzz-inputs.ts";
import { property } from "../support/processes.ts";

useBinary();

type Decide = (this: unknown, orAlts?: unknown[]) => unknown;
/** chevrotain's decisions, by rule index and key (internal to it: not in its typings). */
const decisionsOf = (parser: CalcParser) => (parser as unknown as { lookAheadFuncsCache: Decide[][] }).lookAheadFuncsCache;
/** The productions chevrotain holds (internal): a restored parser has none until an error needs them. */
const productionsHeld = (parser: CalcParser) => Object.keys((parser as unknown as { gastProductionsCache: object }).gastProductionsCache);

/** The build's recording; a test that needs it fails with the reason the build could not make it. */
function built(): RecordedGrammar {
  if ("failed" in RECORDED) throw new Error(`the build could not record the grammar: ${RECORDED.failed}`);
  return RECORDED;
}

/** What a parser makes of a line: its statements, or its first error. */
function reading(parser: CalcParser, line: string): string {
  let tokens;
  try {
    tokens = lex(line);
  } catch {
    return "unknown character";
  }
  try {
    const program = parser.parse(line, tokens, coreNames);
    const error = parser.errors[0];
    return error ? `${error.name}: ${error.message} at ${error.token.startOffset}` : JSON.stringify(program);
  } catch (error) {
    // the errors the grammar's own actions raise (comparisons that chain, nesting too deep)
    return `thrown: ${(error as Error).message} ${JSON.stringify((error as { span?: unknown }).span)}`;
  }
}

/** The benchmark's lines, and each with one token dropped (mostly errors: the productions describe them). */
function sampleLines(): string[] {
  const lines = [...generate(5, 500, 0.1).calc, ...generateUnits(6, 500), ...generateLogic(7, 500)];
  return lines.flatMap((line) => {
    const words = line.split(" ");
    return [line, words.filter((_, i) => i !== words.length >> 1).join(" ")];
  });
}

describe("the parser restored from the recorded grammar", () => {
  test("the build recorded the grammar (else calc starts slower, on chevrotain's analysis; this prints why)", () => {
    expect("failed" in RECORDED ? RECORDED.failed : "recorded").toBe("recorded");
  });

  test("the recording made at build time is the grammar of this source", () => {
    expect(RECORDED).toEqual(new CalcParser("record").recording!);
  });

  test("has the productions chevrotain records, rule by rule", () => {
    const restored = new CalcParser(built());
    const checked = new CalcParser("check");
    const productions = serializeGrammar(Object.values(checked.getGAstProductions()));
    expect(productions.length).toBeGreaterThan(10);
    expect(serializeGrammar(Object.values(restored.getGAstProductions()))).toEqual(productions);
    // and the fields serializeGrammar leaves out (gates, ambiguities, references)
    const fields = (parser: CalcParser) =>
      JSON.stringify(Object.values(parser.getGAstProductions()), (key, value) =>
        key === "referencedRule" ? value.name : key === "terminalType" || key === "separator" ? (value as TokenType).name : value,
      );
    expect(fields(restored)).toBe(fields(checked));
  });

  test("files a decision wherever chevrotain does, and each decides alike for every next token", () => {
    const checked = new CalcParser("check");
    const ours = decisionsOf(new CalcParser(built()));
    const theirs = decisionsOf(checked);
    const where = (cache: Decide[][]) => cache.flatMap((keys, rule) => Object.keys(keys ?? []).map((key) => `${rule}:${key}`));
    expect(where(ours)).toEqual(where(theirs));
    expect(where(ours).length).toBeGreaterThan(25);
    const next = [...T.allTokens.map((t) => t.tokenTypeIdx!), 0]; // 0: end of input
    const differences: string[] = [];
    theirs.forEach((keys, rule) =>
      Object.entries(keys ?? []).forEach(([key, decide]) => {
        for (const tokenTypeIdx of next) {
          const parser = { LA: () => ({ tokenTypeIdx }), LA_FAST: () => ({ tokenTypeIdx }) };
          const a = ours[rule]![Number(key)]!.call(parser, []);
          const b = decide.call(parser, []);
          if (a !== b) differences.push(`rule ${rule} key ${key} token ${tokenTypeIdx}: ${String(a)} vs ${String(b)}`);
        }
      }),
    );
    expect(differences).toEqual([]);
  });

  test("makes the productions only when an error needs them", () => {
    const parser = new CalcParser(built());
    expect(productionsHeld(parser)).toEqual([]);
    expect(Object.keys(parser.getGAstProductions()).length).toBeGreaterThan(10);
  });

  test("reads every line as chevrotain's analysis would: the same statements, or the same first error", () => {
    const restored = new CalcParser(built());
    const checked = new CalcParser("check");
    const same = (line: string) => expect({ line, read: reading(restored, line) }).toEqual({ line, read: reading(checked, line) });
    for (const line of sampleLines()) same(line);
    const decoder = new TextDecoder();
    fc.assert(
      fc.property(fuzzLine, (bytes) => same(decoder.decode(bytes))),
      property("restored parser vs chevrotain's analysis", 5_000),
    );
  });

  test("describes syntax errors as chevrotain's analysis would, in dist/calc too", () => {
    // each message is made from the productions: what the parser expected where it stopped
    for (const line of ["2 +* 3", "(2", "if 1 then", "5 3", "f(1,", "2 to", "x = = 3", "1 m ^ m"]) {
      let message = "";
      try {
        parse(line);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).not.toBe("");
      const proc = Bun.spawnSync([calc, line], { env: { ...process.env, NO_COLOR: "1" } });
      expect(proc.exitCode).toBe(1);
      expect(proc.stderr.toString()).toContain(message);
    }
  });
});

describe("the parser chevrotain analyses when the recording does not fit (stages.ts, parserFrom)", () => {
  // recordings a build could hand calc: what the macro returns when chevrotain's internals are not the
  // ones analysis.ts knows, and recordings of a grammar that is not this parser's
  const misfits = (recorded: RecordedGrammar) => ({
    "a failed recording": { failed: "chevrotain filed a lookahead decision calc did not see it ask for" },
    "a rule renamed": { ...recorded, decisions: recorded.decisions.map((d) => (d.rule === "term" ? { ...d, rule: "product" } : d)) },
    "a token calc does not have": {
      ...recorded,
      decisions: recorded.decisions.map((d) => (d.kind === "optional" ? { ...d, tokens: [...d.tokens, "Ellipsis"] } : d)),
    },
  });

  /** What `make` writes to the terminal while it runs, and what it returns. */
  function quietly<R>(make: () => R): { printed: unknown[][]; made: R } {
    const printed: unknown[][] = [];
    const saved = { log: console.log, warn: console.warn, error: console.error, out: process.stdout.write, err: process.stderr.write };
    const note = (...args: unknown[]) => void printed.push(args);
    console.log = console.warn = console.error = note;
    process.stdout.write = process.stderr.write = ((...args: unknown[]) => (note(...args), true)) as typeof process.stdout.write;
    try {
      return { printed, made: make() };
    } finally {
      Object.assign(console, { log: saved.log, warn: saved.warn, error: saved.error });
      process.stdout.write = saved.out;
      process.stderr.write = saved.err;
    }
  }

  test("the build's recording is restored, with no analysis at start-up", () => {
    const { printed, made } = quietly(() => parserFrom(built()));
    expect(printed).toEqual([]);
    expect(productionsHeld(made)).toEqual([]); // analysis would have made them all
  });

  test("a recording that does not fit is refused, and the parser is analysed instead, silently", () => {
    for (const [what, misfit] of Object.entries(misfits(built()))) {
      if (!("failed" in misfit)) expect(() => new CalcParser(misfit), what).toThrow();
      const { printed, made } = quietly(() => parserFrom(misfit));
      expect({ what, printed }).toEqual({ what, printed: [] });
      expect(productionsHeld(made).length, what).toBeGreaterThan(10);
    }
  });

  test("the analysed parser reads every line as the restored one: the same statements, or the same first error", () => {
    const restored = new CalcParser(built());
    const fallbacks = Object.entries(misfits(built())).map(([what, misfit]) => [what, parserFrom(misfit)] as const);
    const decoder = new TextDecoder();
    const fuzzed = fc.sample(fuzzLine, { seed: 22, numRuns: 1_000 }).map((bytes) => decoder.decode(bytes));
    for (const line of [...sampleLines(), ...fuzzed]) {
      const read = reading(restored, line);
      for (const [what, fallback] of fallbacks) expect({ what, line, read: reading(fallback, line) }).toEqual({ what, line, read });
    }
  });
});
