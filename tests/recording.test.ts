// calc's parser is restored from the grammar recorded at build time (grammar/recording.ts), not
// made by chevrotain's self-analysis. These tests hold the restored parser to the one chevrotain
// makes: the same productions, the same decision at every choice for every token, the same errors.
import { describe, expect, test } from "bun:test";
import { serializeGrammar, type TokenType } from "chevrotain";
import fc from "fast-check";
import { generate, generateLogic, generateUnits } from "../bench/generate.ts";
import { CalcParser } from "../grammar/parser.ts";
import { lex, parse, parserFrom } from "../grammar/read.ts";
import { RECORDED } from "../grammar/recorded.ts";
import type { RecordedGrammar } from "../grammar/recording.ts";
import * as T from "../grammar/tokens.ts";
import { calc, useBinary } from "./binary.ts";
import { fuzzLine } from "./oracle/fuzz-inputs.ts";
import { property } from "./oracle/support.ts";

useBinary();

type Decide = (this: unknown, orAlts?: unknown[]) => unknown;
/** chevrotain's decisions, by rule index and key (internal to it: not in its typings). */
const decisionsOf = (parser: CalcParser) => (parser as unknown as { lookAheadFuncsCache: Decide[][] }).lookAheadFuncsCache;

/**
 * The build's recording. Where the build could not record the grammar (a chevrotain whose internals
 * differ from the pinned one's), calc still works, analysing its grammar at every start: this says
 * why, and fails.
 */
function recordedGrammar(): RecordedGrammar {
  if ("failed" in RECORDED) {
    throw new Error(`the build could not record the grammar, and calc analyses it at every start instead:\n${RECORDED.failed}`);
  }
  return RECORDED;
}

/** How a parser reads a line: its statements, or its first error, as one string. */
function reading(parser: CalcParser, line: string): string {
  let tokens;
  try {
    tokens = lex(line);
  } catch {
    return "unknown character";
  }
  try {
    const program = parser.parse(line, tokens);
    const error = parser.errors[0];
    return error ? `${error.name}: ${error.message} at ${error.token.startOffset}` : JSON.stringify(program);
  } catch (error) {
    // the errors the grammar's own actions raise (comparisons that chain, nesting too deep)
    return `thrown: ${(error as Error).message} ${JSON.stringify((error as { span?: unknown }).span)}`;
  }
}

describe("the parser restored from the recorded grammar", () => {
  const recorded = new CalcParser("record");
  const restored = new CalcParser(recordedGrammar());

  test("the recording made at build time is the grammar of this source", () => {
    expect(recordedGrammar()).toEqual(recorded.recording!);
  });

  test("has the productions chevrotain records, rule by rule", () => {
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
    const ours = decisionsOf(restored);
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
    const parser = new CalcParser(recordedGrammar());
    const cache = () => (parser as unknown as { gastProductionsCache: object }).gastProductionsCache;
    expect(Object.keys(cache())).toEqual([]);
    expect(Object.keys(parser.getGAstProductions()).length).toBeGreaterThan(10);
  });

  test("a recording that does not fit, or none at all, gives a parser made by chevrotain's own analysis", () => {
    const good = recordedGrammar();
    const misfits: [string, Parameters<typeof parserFrom>[0]][] = [
      ["no recording (the build could not make one)", { failed: "a chevrotain whose internals differ" }],
      ["a decision filed under a rule the parser does not have", { ...good, decisions: good.decisions.map((d, i) => (i === 0 ? { ...d, rule: "noSuchRule" } : d)) }],
    ];
    const lines = ["1 + 2 * 3", "x = 5 m to ft + in", "f(x) = if x > 1 then x else -x", "2 min(3, 4)", "(1 + 2", "1 < 2 < 3", "not not true"];
    for (const [what, recording] of misfits) {
      const parser = parserFrom(recording);
      // chevrotain's analysis made it: its productions were recorded at once, not restored on demand
      expect({ what, analysed: Object.keys((parser as unknown as { gastProductionsCache: object }).gastProductionsCache).length > 10 }).toEqual({
        what,
        analysed: true,
      });
      for (const line of lines) expect({ what, line, read: reading(parser, line) }).toEqual({ what, line, read: reading(restored, line) });
    }
  });

  test("reads every line as chevrotain's analysis would: the same statements, or the same first error", () => {
    const checked = new CalcParser("check");
    const same = (line: string) => expect({ line, read: reading(restored, line) }).toEqual({ line, read: reading(checked, line) });
    // the benchmark's lines, and each with one token dropped (mostly errors: the productions describe them)
    const lines = [...generate(5, 500, 0.1).calc, ...generateUnits(6, 500), ...generateLogic(7, 500)];
    for (const line of lines) {
      same(line);
      const words = line.split(" ");
      same(words.filter((_, i) => i !== words.length >> 1).join(" "));
    }
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
