// Start-up is most of a one-shot run, so the work that can wait is made lazy (see bench/ and the
// README's performance section). These tests fail if it becomes eager again; none of them times anything.
import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { checkGrammar } from "../grammar/parser.ts";

const root = new URL("..", import.meta.url).pathname;

describe("start-up stays lazy", () => {
  test("chevrotain's grammar checks, skipped at run time, pass here", () => {
    expect(() => checkGrammar()).not.toThrow();
  });

  test("loading the core builds no lexer or parser (the first line does) and exact arithmetic never loads decimal.js", () => {
    const script = `
      const grammar = await import("${root}grammar/parser.ts");
      const { Session } = await import("${root}src/session.ts");
      await import("${root}src/cli/report.ts");
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

  test("the entry point loads the session, colours, the REPL and node:tty only when a mode needs them", () => {
    const main = readFileSync(`${root}src/main.ts`, "utf8");
    const staticImports = [...main.matchAll(/^import (?!type ).* from "([^"]+)";$/gm)].map((match) => match[1]);
    for (const lazy of ["chalk", "./session.ts", "./cli/repl.ts", "./cli/piped.ts", "node:tty", "node:readline"]) {
      expect(staticImports).not.toContain(lazy);
    }
    // and nothing it does import statically pulls them in
    for (const module of staticImports.filter((name) => name!.startsWith("./"))) {
      const source = readFileSync(`${root}src/${module!.slice(2)}`, "utf8");
      expect(source).not.toMatch(/^import (?!type )[^;]*from "(chalk|node:tty|node:readline|\.\.?\/session\.ts)";$/m);
    }
  });

  test("--version builds no lexer or parser", () => {
    const script = `
      process.argv = [process.argv[0], "calc", "--version"];
      await import("${root}src/main.ts");
      const { grammarBuilt } = await import("${root}grammar/parser.ts");
      console.error(grammarBuilt());`;
    const result = Bun.spawnSync([process.execPath, "-e", script], { stdout: "pipe", stderr: "pipe" });
    expect(result.stdout.toString()).toMatch(/^calc \d+\.\d+\.\d+\n$/);
    expect(result.stderr.toString()).toBe("false\n");
  });
});
