// Start-up is most of a one-shot run, so the work that can wait is made lazy (see bench/ and the
// README's performance section). These tests fail if it becomes eager again; none of them times anything.
import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { checkGrammar } from "../../grammar/testing.ts";

const root = new URL("../../", import.meta.url).pathname;

describe("start-up stays lazy", () => {
  test("chevrotain's grammar checks, skipped at run time, pass here", () => {
    expect(() => checkGrammar()).not.toThrow();
  });

  test("loading the core builds no lexer or parser (the first line does) and exact arithmetic never loads decimal.js", () => {
    const script = `
      const grammar = await import("${root}grammar/testing.ts");
      const { Session } = await import("${root}src/session.ts");
      await import("${root}src/cli/present.ts");
      const session = new Session();
      const before = grammar.grammarBuilt();
      const decimal = () => Object.keys(require.cache).some((path) => path.includes("decimal.js"));
      session.evaluate("1 + 2/3 * 4^5 - 7 % 3");
      const exactOnly = decimal();
      session.evaluate("sqrt(2)");
      console.log(JSON.stringify({ before, after: grammar.grammarBuilt(), exactOnly, approximate: decimal() }));`;
    const result = Bun.spawnSync([process.execPath, "-e", script], { stdout: "pipe", stderr: "pipe" });
    expect(result.stderr.toString()).toBe("");
    // decimal.js is loaded by the first approximate result, not before
    expect(JSON.parse(result.stdout.toString())).toEqual({ before: false, after: true, exactOnly: false, approximate: true });
  });

  test("a line without a date never loads the dates module (src/dates.ts); the first date does", () => {
    const script = `
      const { Session } = await import("${root}src/session.ts");
      const session = new Session();
      const dates = () => Object.keys(require.cache).some((path) => path.endsWith("/src/dates.ts"));
      session.evaluate("1 + 2/3 * 4^5 - 7 % 3; 5 ft to cm; 90 days to h; 1 month; 2 < 3");
      const plain = dates();
      const date = session.evaluate("2026-12-04 + 90 days");
      console.log(JSON.stringify({ plain, date: "text" in date && date.text, loaded: dates() }));`;
    const result = Bun.spawnSync([process.execPath, "-e", script], { stdout: "pipe", stderr: "pipe" });
    expect(result.stderr.toString()).toBe("");
    expect(JSON.parse(result.stdout.toString())).toEqual({ plain: false, date: "2027-03-04", loaded: true });
  });

  test("a line without a list or a bitwise operator never loads src/lists.ts or src/bitwise.ts; the first one does", () => {
    const script = `
      const { Session } = await import("${root}src/session.ts");
      const session = new Session();
      const loaded = (name) => Object.keys(require.cache).some((path) => path.endsWith("/src/" + name));
      session.evaluate("1 + 2/3 * 4^5 - 7 % 3; 5 ft to cm; 2 < 3; sqrt(2)");
      const plain = [loaded("lists.ts"), loaded("bitwise.ts")];
      session.evaluate("6 & 3");
      const afterBits = [loaded("lists.ts"), loaded("bitwise.ts")];
      session.evaluate("sum([1, 2])");
      console.log(JSON.stringify({ plain, afterBits, afterList: loaded("lists.ts") }));`;
    const result = Bun.spawnSync([process.execPath, "-e", script], { stdout: "pipe", stderr: "pipe" });
    expect(result.stderr.toString()).toBe("");
    expect(JSON.parse(result.stdout.toString())).toEqual({ plain: [false, false], afterBits: [false, true], afterList: true });
  });

  test("the entry point loads the session, colours, the REPL and node:tty only when a mode needs them", () => {
    const main = readFileSync(`${root}src/main.ts`, "utf8");
    const staticImports = [...main.matchAll(/^import (?!type ).* from "([^"]+)";$/gm)].map((match) => match[1]);
    for (const lazy of ["chalk", "../session.ts", "./repl.ts", "./piped.ts", "./present.ts", "node:tty", "node:readline"]) {
      expect(staticImports).not.toContain(lazy);
    }
    // and nothing it does import statically pulls them in
    for (const module of staticImports.filter((name) => name!.startsWith("./"))) {
      const source = readFileSync(`${root}src/${module!.slice(2)}`, "utf8");
      expect(source).not.toMatch(/^import (?!type )[^;]*from "(chalk|node:tty|node:readline|\.\.?\/session\.ts)";$/m);
    }
  });

  test("the REPL's own modules load neither the grammar nor the function and unit tables (its session's thread does)", () => {
    const script = `
      await import("${root}src/cli/repl.ts");
      await import("${root}src/cli/remote.ts");
      console.log(JSON.stringify(Object.keys(require.cache)));`;
    const result = Bun.spawnSync([process.execPath, "-e", script], { stdout: "pipe", stderr: "pipe" });
    expect(result.stderr.toString()).toBe("");
    const loaded = JSON.parse(result.stdout.toString()) as string[];
    expect(loaded.length).toBeGreaterThan(3);
    expect(loaded.filter((path) => /chevrotain|decimal\.js|\/(builtins|units|unit-table|session|tokens|number)\.ts$/.test(path))).toEqual([]);
  });

  test("--version builds no lexer or parser", () => {
    const script = `
      process.argv = [process.argv[0], "calc", "--version"];
      await import("${root}src/main.ts");
      const { grammarBuilt } = await import("${root}grammar/testing.ts");
      console.error(grammarBuilt());`;
    const result = Bun.spawnSync([process.execPath, "-e", script], { stdout: "pipe", stderr: "pipe" });
    expect(result.stdout.toString()).toMatch(/^calc \d+\.\d+\.\d+\n$/);
    expect(result.stderr.toString()).toBe("false\n");
  });
});

describe("the tokens' start-character hints", () => {
  // the scanner tries a token only at the characters of its hint, so a character missing from it
  // would never be read as that token: every character that can start a match must be there
  test("every character a token's expression can start with is in its hint", async () => {
    const T = await import("../../grammar/tokens.ts");
    const suffixes = ["", "0", "1", "9", "x1", "b1", "o1", ".5", "e1", "a", "C", "z", "=", ">", "-", "²", " ", "\n"];
    const missing: string[] = [];
    for (const token of T.allTokens) {
      const pattern = token.PATTERN;
      const hint = (token as { START_CHARS_HINT?: (string | number)[] }).START_CHARS_HINT;
      if (!(pattern instanceof RegExp) || !hint) continue;
      const hinted = new Set(hint.map((first) => (typeof first === "number" ? String.fromCharCode(first) : first)));
      const sticky = new RegExp(pattern.source, `${pattern.flags}y`);
      for (let code = 0; code <= 0xffff; code++) {
        const char = String.fromCharCode(code);
        if (hinted.has(char)) continue;
        for (const suffix of suffixes) {
          sticky.lastIndex = 0;
          if (sticky.test(char + suffix)) {
            missing.push(`${token.name}: U+${code.toString(16).padStart(4, "0")}`);
            break;
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

describe("the parser's LL(1) lookahead", () => {
  test("decides every choice in the grammar as chevrotain's own LL(k) strategy would, for every token", async () => {
    const { LLkLookaheadStrategy, Alternation, Option, Repetition, RepetitionMandatory, RepetitionMandatoryWithSeparator, RepetitionWithSeparator, NonTerminal, Terminal } =
      await import("chevrotain");
    const { grammarRules } = await import("../../grammar/testing.ts");
    const { LL1Lookahead } = await import("../../grammar/lookahead.ts");
    const T = await import("../../grammar/tokens.ts");
    const ours = new LL1Lookahead();
    const theirs = new LLkLookaheadStrategy({ maxLookahead: 1 });
    const optionals = { Option, Repetition, RepetitionMandatory, RepetitionMandatoryWithSeparator, RepetitionWithSeparator } as const;
    const tokens = [...T.allTokens, { tokenTypeIdx: 0 }].filter((t) => t.tokenTypeIdx !== undefined); // 0: end of input
    let choices = 0;
    const differences: string[] = [];
    for (const rule of grammarRules()) {
      const walk = (productions: readonly unknown[]): void => {
        for (const production of productions as { idx: number; definition: unknown[]; hasPredicates?: boolean }[]) {
          const options = { prodOccurrence: production.idx, rule, maxLookahead: 1, hasPredicates: production.hasPredicates ?? false, dynamicTokensEnabled: false };
          let decide: [(this: unknown) => unknown, (this: unknown) => unknown] | undefined;
          if (production instanceof Alternation) {
            decide = [ours.buildLookaheadForAlternation(options), theirs.buildLookaheadForAlternation(options)];
          }
          for (const [prodType, kind] of Object.entries(optionals)) {
            if (production instanceof kind) decide = [ours.buildLookaheadForOptional({ ...options, prodType } as never), theirs.buildLookaheadForOptional({ ...options, prodType } as never)];
          }
          if (decide) {
            choices++;
            for (const token of tokens) {
              const parser = { LA: () => ({ tokenTypeIdx: token.tokenTypeIdx }), LA_FAST: () => ({ tokenTypeIdx: token.tokenTypeIdx }) };
              const [a, b] = decide.map((f) => f.call(parser));
              if (a !== b) differences.push(`${rule.name}: ${(token as { name?: string }).name ?? "EOF"}: ${a} vs ${b}`);
            }
          }
          if (!(production instanceof NonTerminal) && !(production instanceof Terminal)) walk(production.definition);
        }
      };
      walk(rule.definition);
    }
    expect(differences).toEqual([]);
    expect(choices).toBeGreaterThan(25);
  });
});
