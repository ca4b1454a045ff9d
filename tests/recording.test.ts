// calc's parser is restored from the grammar recorded at build time (grammar/recording.ts), not
// made by chevrotain's self-analysis. These tests hold the restored parser to the one chevrotain
// makes: the same productions, the same decision at every choice for every token, the same errors.
import { describe, expect, test } from "bun:test";
import { serializeGrammar, type TokenType } from "chevrotain";
import fc from "fast-check";
import { generate, generateLogic, generateUnits } from "../bench/generate.ts";
import { CalcParser } from "../grammar/parser.ts";
import { lex, parse } from "../grammar/read.ts";
import { RECORDED } from "../grammar/recorded.ts";
import * as T from "../grammar/tokens.ts";
import { calc, useBinary } from "./binary.ts";
import { fuzzLine } from "./oracle/fuzz-inputs.ts";
import { property } from "./oracle/support.ts";

useBinary();

type Decide = (this: unknown, orAlts?: unknown[]) => unknown;
/** chevrotain's decisions, by rule index and key (internal to it: not in its typings). */
const decisionsOf = (parser: CalcParser) => (parser as unknown as { lookAheadFuncsCache: Decide[][] }).lookAheadFuncsCache;

describe("the parser restored from the recorded grammar", () => {
  const recorded = new CalcParser("record");
  const restored = new CalcParser(RECORDED);

  test("the recording made at build time is the grammar of this source", () => {
    expect(RECORDED).toEqual(recorded.recording!);
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
    const parser = new CalcParser(RECORDED);
    const cache = () => (parser as unknown as { gastProductionsCache: object }).gastProductionsCache;
    expect(Object.keys(cache())).toEqual([]);
    expect(Object.keys(parser.getGAstProductions()).length).toBeGreaterThan(10);
  });

  test("reads every line as chevrotain's analysis would: the same statements, or the same first error", () => {
    const checked = new CalcParser("check");
    const reading = (parser: CalcParser, line: string) => {
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
    };
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
