// Issue 23 §1 and §3 on the compiled executable in a real terminal (tmux): lines typed ahead during
// a computation or pasted at once are each answered under their own line, Ctrl-C drops the lines
// typed ahead, and Ctrl-R searches the history as bash does.
import { describe, expect, setDefaultTimeout, test } from "bun:test";
import { useBinary } from "../support/binary.ts";
import { replStarter } from "../support/repl.ts";
import { Terminal, useTerminals } from "../support/terminal.ts";

useBinary();
useTerminals();
setDefaultTimeout(60_000);

const repl = replStarter();

/** The screen ends at an empty prompt, after `count` prompts in all. */
const settled = (count: number) => (screen: string) => screen.split("\n").at(-1) === ">" && screen.split("\n").filter((line) => line.startsWith(">")).length === count;

const FIB = "fib(n) = if n < 2 then n else fib(n-1) + fib(n-2)";

describe("type-ahead and paste", () => {
  test("Ctrl-C during fib(40) stops it and drops the two lines typed after it, saying so", async () => {
    const terminal = await repl();
    await terminal.type(FIB);
    await terminal.press("Enter");
    await terminal.waitFor(settled(2));
    await terminal.type("fib(40)");
    await terminal.press("Enter");
    await terminal.type("y = 7");
    await terminal.press("Enter");
    await terminal.type("5*5");
    await terminal.press("Enter");
    // the typed-ahead lines are not shown (nor run) while fib(40) computes
    expect(terminal.screen()).not.toContain("y = 7");
    await terminal.press("C-c");
    const screen = await terminal.waitFor(settled(3), 15_000);
    expect(screen.split("\n").slice(-3)).toEqual(["> fib(40)", "interrupted; 2 typed-ahead lines dropped", ">"]);
    await terminal.type(":vars");
    await terminal.press("Enter");
    const after = await terminal.waitFor(settled(4));
    expect(after.split("\n").slice(-3)).toEqual(["> :vars", "no variables", ">"]);
    expect(after).not.toContain("25");
  });

  test("Ctrl-C with nothing typed ahead says just 'interrupted'", async () => {
    const terminal = await repl();
    await terminal.type(FIB);
    await terminal.press("Enter");
    await terminal.waitFor(settled(2));
    await terminal.type("fib(40)");
    await terminal.press("Enter");
    await terminal.press("C-c");
    const screen = await terminal.waitFor(settled(3), 15_000);
    expect(screen.split("\n").slice(-3)).toEqual(["> fib(40)", "interrupted", ">"]);
  });

  test("lines typed during a computation are answered each under its own line, the caret under its column", async () => {
    const terminal = await repl();
    await terminal.type(FIB);
    await terminal.press("Enter");
    await terminal.waitFor(settled(2));
    await terminal.type("fib(24)");
    await terminal.press("Enter");
    await terminal.type("1 + * 2");
    await terminal.press("Enter");
    await terminal.type("5*5");
    await terminal.press("Enter");
    const screen = await terminal.waitFor(settled(5), 30_000);
    expect(screen.split("\n").slice(3)).toEqual([
      "> fib(24)",
      "46368",
      "> 1 + * 2",
      "      ^ expected a number, a name or '(' but found '*'",
      "> 5*5",
      "25",
      ">",
    ]);
  });

  test("500 pasted lines are answered in order, each under its line", async () => {
    const terminal = await repl();
    const lines = Array.from({ length: 500 }, (_, i) => `${i + 1} * 3`);
    await terminal.paste(`ans\n${lines.join("\n")}\n`);
    await terminal.waitFor((screen) => screen.endsWith("> 500 * 3\n1500\n>"), 60_000);
    const transcript = terminal.transcript().split("\n");
    const start = transcript.indexOf("> ans");
    expect(transcript[start + 1]).toBe("  ^~~ 'ans' has no value yet: it is the last result");
    const expected = lines.flatMap((line, i) => [`> ${line}`, String((i + 1) * 3)]);
    expect(transcript.slice(start + 2)).toEqual([...expected, ">"]);
  });
});

describe("Ctrl-R", () => {
  async function withHistory(): Promise<Terminal> {
    const terminal = await repl();
    let prompts = 1;
    for (const line of ["11 + 1", "22 + 2", "11 * 3"]) {
      await terminal.type(line);
      await terminal.press("Enter");
      await terminal.waitFor(settled(++prompts));
    }
    return terminal;
  }
  const last = (terminal: Terminal) => terminal.screen().split("\n").at(-1);

  test("finds the newest match, narrows as typed, Ctrl-R again goes older, Enter runs it", async () => {
    const terminal = await withHistory();
    await terminal.press("C-r");
    await terminal.waitFor((screen) => screen.endsWith("(reverse-i-search)'':"));
    await terminal.type("1");
    await terminal.waitFor((screen) => screen.endsWith("(reverse-i-search)'1': 11 * 3"));
    await terminal.type("1 +");
    await terminal.waitFor((screen) => screen.endsWith("(reverse-i-search)'11 +': 11 + 1"));
    await terminal.press("BSpace", "BSpace");
    await terminal.waitFor((screen) => screen.endsWith("(reverse-i-search)'11': 11 * 3"));
    await terminal.press("C-r");
    await terminal.waitFor((screen) => screen.endsWith("(reverse-i-search)'11': 11 + 1"));
    // no older match: bash's "failed", the match kept
    await terminal.press("C-r");
    await terminal.waitFor((screen) => screen.endsWith("(failed reverse-i-search)'11': 11 + 1"));
    await terminal.press("Enter");
    const screen = await terminal.waitFor(settled(5));
    expect(screen.split("\n").slice(-3)).toEqual(["> 11 + 1", "12", ">"]);
  });

  test("Ctrl-G and Esc cancel, putting back the line as it was", async () => {
    const terminal = await withHistory();
    await terminal.type("7 +");
    await terminal.press("C-r");
    await terminal.type("22");
    await terminal.waitFor((screen) => screen.endsWith("(reverse-i-search)'22': 22 + 2"));
    await terminal.press("C-g");
    await terminal.waitFor((screen) => screen.endsWith("> 7 +"));
    await terminal.press("C-r");
    await terminal.type("11");
    await terminal.waitFor((screen) => screen.endsWith("(reverse-i-search)'11': 11 * 3"));
    await terminal.press("Escape");
    await terminal.waitFor((screen) => screen.endsWith("> 7 +"));
    await terminal.type(" 1");
    await terminal.press("Enter");
    const screen = await terminal.waitFor(settled(5));
    expect(screen.split("\n").slice(-3)).toEqual(["> 7 + 1", "8", ">"]);
    expect(last(terminal)).toBe(">");
  });

  test("another key (an arrow) leaves the match on the line to edit", async () => {
    const terminal = await withHistory();
    await terminal.press("C-r");
    await terminal.type("22");
    await terminal.waitFor((screen) => screen.endsWith("(reverse-i-search)'22': 22 + 2"));
    await terminal.press("End");
    // (with the line's live preview under it)
    await terminal.waitFor((screen) => screen.endsWith("> 22 + 2\n24"));
    await terminal.type("0");
    await terminal.press("Enter");
    const screen = await terminal.waitFor(settled(5));
    expect(screen.split("\n").slice(-3)).toEqual(["> 22 + 20", "42", ">"]);
  });
});
