// Issue 23 §2 on the compiled executable in a real terminal (tmux): the value of the line being
// typed shows dimmed under it, and goes when Enter is pressed or the line stops being valid; a
// preview binds nothing; :preview off, --no-preview and TERM=dumb turn it off.
import { describe, expect, setDefaultTimeout, test } from "bun:test";
import { useBinary } from "../support/binary.ts";
import { replStarter } from "../support/repl.ts";
import { Terminal, useTerminals } from "../support/terminal.ts";

useBinary();
useTerminals();
setDefaultTimeout(60_000);

const repl = replStarter();

const lastLines = (screen: string, count: number) => screen.split("\n").slice(-count);
/** The screen ends with these lines. */
const endsWith = (...lines: string[]) => (screen: string) => lastLines(screen, lines.length).join("\n") === lines.join("\n");
/** Long enough for a preview that would come to have come (previews come in well under 100 ms). */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function enter(terminal: Terminal, line: string, ...answer: string[]): Promise<void> {
  await terminal.type(line);
  await terminal.press("Enter");
  await terminal.waitFor(endsWith(`> ${line}`, ...answer, ">"));
}

/** No preview comes for `line`: the screen still ends with it after a generous while. */
async function expectNoPreview(terminal: Terminal, line: string): Promise<void> {
  await terminal.type(line);
  await terminal.waitFor(endsWith(`> ${line}`));
  await sleep(1000);
  expect(lastLines(terminal.screen(), 1)).toEqual([`> ${line}`]);
}

describe("live preview", () => {
  test("the value shows dimmed under the line as it is typed, and Enter prints the answer in its place", async () => {
    const terminal = await repl();
    await terminal.type("2^10");
    await terminal.waitFor(endsWith("> 2^10", "1024"));
    // dimmed
    expect(terminal.screen(true)).toMatch(/\x1b\[2m1024/);
    await terminal.type(" + 1");
    await terminal.waitFor(endsWith("> 2^10 + 1", "1025"));
    await terminal.press("Enter");
    await terminal.waitFor(endsWith("> 2^10 + 1", "1025", ">"));
  });

  test("an incomplete line or an error clears the preview; an empty line too", async () => {
    const terminal = await repl();
    await terminal.type("6*7");
    await terminal.waitFor(endsWith("> 6*7", "42"));
    await terminal.type(" +");
    await terminal.waitFor((screen) => lastLines(screen, 1)[0] === "> 6*7 +");
    await terminal.type(" 1/0");
    await sleep(500);
    expect(lastLines(terminal.screen(), 1)).toEqual(["> 6*7 + 1/0"]);
    await terminal.press("BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace");
    await terminal.waitFor(endsWith("> 6*7", "42"));
    await terminal.press("BSpace", "BSpace", "BSpace");
    await terminal.waitFor((screen) => lastLines(screen, 1)[0] === ">");
  });

  test("assignments and definitions preview their value without binding anything, and ans stays", async () => {
    const terminal = await repl();
    await enter(terminal, "1 + 1", "2");
    await terminal.type("y = 7 * 6");
    await terminal.waitFor(endsWith("> y = 7 * 6", "42"));
    await terminal.press("C-c");
    await terminal.waitFor(endsWith(">"));
    await terminal.type("g(t) = t+1");
    await terminal.waitFor(endsWith("> g(t) = t+1", "g(t) = t + 1"));
    await terminal.press("C-c");
    await terminal.waitFor(endsWith(">"));
    await enter(terminal, ":vars", "no variables");
    await enter(terminal, ":funcs", "no functions defined");
    await enter(terminal, "ans", "2");
  });

  test("an expensive preview is abandoned silently, and typing and Enter go on", async () => {
    const terminal = await repl();
    await enter(terminal, "fib(n) = if n < 2 then n else fib(n-1) + fib(n-2)", "fib(n) = if n < 2 then n else fib(n - 1) + fib(n - 2)");
    await terminal.type("fib(30) + 1");
    await sleep(800);
    expect(lastLines(terminal.screen(), 1)).toEqual(["> fib(30) + 1"]);
    await terminal.press("C-u");
    await terminal.type("fib(10)");
    await terminal.waitFor(endsWith("> fib(10)", "55"));
    await terminal.press("Enter");
    await terminal.waitFor(endsWith("> fib(10)", "55", ">"));
  });

  test(":preview off stops it, :preview on brings it back", async () => {
    const terminal = await repl();
    await enter(terminal, ":preview off", "preview off");
    await expectNoPreview(terminal, "6*7");
    await terminal.press("C-u");
    await enter(terminal, ":preview on", "preview on");
    await terminal.type("6*7");
    await terminal.waitFor(endsWith("> 6*7", "42"));
  });

  test("--no-preview: none", async () => {
    const terminal = await repl({}, ["--no-preview"]);
    await expectNoPreview(terminal, "6*7");
  });

  test("TERM=dumb: none", async () => {
    const terminal = await repl({ TERM: "dumb" });
    await expectNoPreview(terminal, "6*7");
    await terminal.press("Enter");
    await terminal.waitFor(endsWith("> 6*7", "42", ">"));
  });
});
