// The REPL of the compiled executable, driven through a real pseudo-terminal (tmux), typing as a
// person would and reading the screen.
import { afterEach, describe, expect, setDefaultTimeout, test } from "bun:test";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { calc, root, useBinary } from "../support/binary.ts";
import { Terminal, useTerminals } from "../support/terminal.ts";

useBinary();
useTerminals();
// typing goes at a person's pace, a key every few milliseconds
setDefaultTimeout(30_000);

const open: Terminal[] = [];
afterEach(() => {
  for (const terminal of open.splice(0)) terminal.close();
});

function scratch(): string {
  return mkdtempSync(`${tmpdir()}/calc-repl-`);
}

/** A REPL with its own history file (unless `env` says otherwise), ready at its first prompt. */
async function repl(env: Record<string, string> = {}, program: string[] = [calc]): Promise<Terminal> {
  const terminal = await Terminal.start(program, { CALC_HISTORY: `${scratch()}/history`, ...env });
  open.push(terminal);
  await terminal.waitFor(/^>$/m);
  return terminal;
}

/**
 * Types a line at an empty prompt, presses Enter and waits for the next prompt; returns what the
 * line printed. (The terminal is tall enough that nothing scrolls: line numbers stay put.)
 */
async function enter(terminal: Terminal, line: string): Promise<string> {
  const promptLine = terminal.screen().split("\n").length - 1;
  await terminal.type(line);
  await terminal.press("Enter");
  const done = (lines: string[]) => lines.length > promptLine + 1 && lines[promptLine] === `> ${line}` && lines.at(-1) === ">";
  const screen = await terminal.waitFor((text) => done(text.split("\n")));
  return screen.split("\n").slice(promptLine + 1, -1).join("\n");
}

describe("the REPL", () => {
  test("a one-line welcome with the name, the version and 'type help'", async () => {
    const terminal = await repl();
    const [welcome, prompt] = terminal.screen().split("\n");
    expect(welcome).toMatch(/^calc \d+\.\d+\.\d+ · type help for help, Ctrl-D to quit$/);
    expect(prompt).toBe(">");
  });

  test("expressions, variables, functions and ans carry over between lines", async () => {
    const terminal = await repl();
    expect(await enter(terminal, "1/3 + 1/6")).toBe("0.5");
    expect(await enter(terminal, "x = 2^64")).toBe("18446744073709551616");
    expect(await enter(terminal, "f(n) = n!")).toBe("f(n) = n!");
    expect(await enter(terminal, "f(5) + x")).toBe("18446744073709551736");
    expect(await enter(terminal, "ans - x")).toBe("120");
  });

  test("an error puts the caret under the column, and the session goes on", async () => {
    const terminal = await repl();
    expect(await enter(terminal, "1 + * 2")).toBe("      ^ expected a number, a name or '(' but found '*'");
    expect(await enter(terminal, "y = 1/0")).toBe("       ^~ division by zero");
    expect(await enter(terminal, "2 + 2")).toBe("4");
  });

  test("a line of several statements prints each expression statement's value on a line of its own (issue 18)", async () => {
    const terminal = await repl();
    expect(await enter(terminal, "gcd(48, 180); lcm(4, 6, 10)")).toBe("12\n60");
    expect(await enter(terminal, "x = 3; x^2; x + 1")).toBe("9\n4");
    expect(await enter(terminal, "a = 1; b = 2")).toBe("2");
    expect(await enter(terminal, "y = 1; y + 1; 1/0")).toBe(`${" ".repeat(2 + 15)}^~ division by zero`);
    // a name that hides a constant: said once, with how to undo it
    expect(await enter(terminal, "pi = 3; 2 pi")).toBe("6\n(pi is now yours: it hides the constant pi until :reset)");
    expect(await enter(terminal, "pi = 4")).toBe("4");
  });

  test("results and errors in colour, none with NO_COLOR", async () => {
    const coloured = await repl();
    await enter(coloured, "6*7");
    await enter(coloured, "1/0");
    const screen = coloured.screen(true);
    expect(screen).toContain("\u001b[1m42");
    expect(screen).toMatch(/\u001b\[31m\^~ division by zero/);
    const plain = await repl({ NO_COLOR: "1" });
    await enter(plain, "6*7");
    await enter(plain, "1/0");
    expect(plain.screen(true)).not.toContain("\u001b[");
  });

  test("Up recalls earlier lines, Down comes back", async () => {
    const terminal = await repl();
    await enter(terminal, "10 * 3");
    await enter(terminal, "2 ^ 5");
    await terminal.press("Up", "Up");
    await terminal.waitFor(/^> 10 \* 3$/m);
    await terminal.press("Down");
    await terminal.waitFor(/^> 2 \^ 5$/m);
    await terminal.press("Enter");
    const lines = (await terminal.waitFor(/^32\n> 2 \^ 5\n32\n>$/m)).split("\n");
    expect(lines.at(-1)).toBe(">");
  });

  test("Tab completes functions, constants, variables, user functions and commands", async () => {
    const terminal = await repl();
    await enter(terminal, "width = 2");
    await enter(terminal, "area(r) = pi r^2");
    // "sqr": sq alone also begins the units sqft, sqm, …
    await terminal.type("sqr");
    await terminal.press("Tab");
    await terminal.waitFor(/^> sqrt\($/m);
    await terminal.type("wid");
    await terminal.press("Tab");
    await terminal.waitFor(/^> sqrt\(width$/m);
    // "area": are is also a unit (100 m^2)
    await terminal.type(") + area");
    await terminal.press("Tab");
    await terminal.waitFor(/^> sqrt\(width\) \+ area\($/m);
    await terminal.type("1)");
    await terminal.press("Enter");
    await terminal.waitFor(/^4\.55580621596$/m);
    // two candidates: a second Tab lists them
    await terminal.type("tan");
    await terminal.press("Tab", "Tab");
    await terminal.waitFor(/^tan\(\s+tanh\($/m);
    await terminal.press("C-u");
    // unit names complete too
    await terminal.type("100 fahr");
    await terminal.press("Tab");
    await terminal.waitFor(/^> 100 fahrenheit$/m);
    await terminal.press("C-u");
    await terminal.type(":prec");
    await terminal.press("Tab");
    await terminal.waitFor(/^> :precision$/m);
    await terminal.press("C-u");
    await terminal.type("help asi");
    await terminal.press("Tab");
    await terminal.waitFor(/^> help asin$/m);
  });

  test("dates (issue 19): Tab completes zone names after `to ` and in a zoned literal; help dates; now from the clock", async () => {
    const terminal = await repl({ CALC_TEST_NOW: "2026-12-04T10:00:00Z", TZ: "Asia/Tokyo" });
    await terminal.type("2025-06-01T12:00:00Z to Asia/Kolk");
    await terminal.press("Tab");
    await terminal.waitFor(/^> 2025-06-01T12:00:00Z to Asia\/Kolkata$/m);
    await terminal.press("Enter");
    await terminal.waitFor(/^2025-06-01T17:30:00\+05:30\[Asia\/Kolkata\]$/m);
    await terminal.type("2024-07-31 15:24 Europe/Ber");
    await terminal.press("Tab");
    await terminal.waitFor(/^> 2024-07-31 15:24 Europe\/Berlin$/m);
    await terminal.press("Enter");
    await terminal.waitFor(/^2024-07-31T15:24:00\+02:00\[Europe\/Berlin\]$/m);
    expect(await enter(terminal, "today")).toBe("2026-12-04");
    expect(await enter(terminal, "now to Asia/Tokyo")).toBe("2026-12-04T19:00:00+09:00[Asia/Tokyo]");
    expect(await enter(terminal, "2027-02-29")).toBe("  ^~~~~~~~~~ February 2027 has 28 days");
    // the session survives the error
    expect(await enter(terminal, "weekday(2027-03-04)")).toBe("Thursday");
    const help = await enter(terminal, "help dates");
    for (const part of ["2026-12-04", "09:15", "Europe/Berlin", "now  today", "to unixtime", "clamped to the month's end"]) expect(help).toContain(part);
  });

  test("bitwise and lists (issue 21): Tab completes the new names; help knows them", async () => {
    const terminal = await repl();
    // stdev and stdevp: the common part, then both listed
    await terminal.type("stde");
    await terminal.press("Tab");
    await terminal.waitFor(/^> stdev$/m);
    await terminal.press("Tab");
    await terminal.waitFor(/^stdev\(\s+stdevp\($/m);
    await terminal.type("(2, 4, 4, 4, 5, 5, 7, 9)");
    await terminal.press("Enter");
    await terminal.waitFor(/^2\.1380899353$/m);
    await terminal.type("quant");
    await terminal.press("Tab");
    await terminal.waitFor(/^> quantile\($/m);
    await terminal.press("C-u");
    expect(await enter(terminal, "help stdev")).toBe("stdev(x, …)  the sample standard deviation: sqrt(variance)");
    expect(await enter(terminal, "help u8")).toBe("u8(x)  x wrapped to 8 bits, unsigned (0 to 2^8 - 1)");
    const bitwise = await enter(terminal, "help xor");
    for (const part of ["0xff & 0x0f → 15", "6 & 3 == 2 → true"]) expect(bitwise).toContain(part);
    expect(await enter(terminal, "help lists")).toContain("sum(1..100) → 5050");
    expect(await enter(terminal, "xs = [3, 1, 2]; sort(xs)")).toBe("[1, 2, 3]");
  });

  test("commands: help, :vars, :funcs, :precision, :reset, and an unknown one", async () => {
    const terminal = await repl();
    const help = await enter(terminal, "help");
    for (const part of ["operators", "functions", "sqrt", "constants", "pi", "commands", ":precision [N]"]) {
      expect(help).toContain(part);
    }
    // it fits a terminal of 24 lines with the prompt
    expect(help.split("\n").length).toBeLessThanOrEqual(20);
    expect(await enter(terminal, "help atan2")).toBe("atan2(y, x)  angle of the point (x, y)");
    expect(await enter(terminal, ":vars")).toBe("no variables");
    await enter(terminal, "a = 1/4");
    await enter(terminal, "sq(x) = x * x");
    expect(await enter(terminal, ":vars")).toBe("a = 0.25");
    expect(await enter(terminal, ":funcs")).toBe("sq(x) = x * x");
    expect(await enter(terminal, ":precision")).toBe("12");
    expect(await enter(terminal, ":precision 5")).toBe("precision 5");
    expect(await enter(terminal, "pi")).toBe("3.1416");
    expect(await enter(terminal, ":precision 0")).toBe("precision must be a whole number from 1 to 1000, not '0'");
    expect(await enter(terminal, ":reset")).toBe("variables, functions and ans cleared");
    expect(await enter(terminal, ":vars")).toBe("no variables");
    expect(await enter(terminal, "a")).toBe("  ^ unknown name 'a'");
    const angles = await enter(terminal, ":units angle");
    expect(angles).toMatch(/^angle\s+rad \(radian\)/);
    expect(angles).toContain("°");
    expect(await enter(terminal, "help nosuch")).toBe("no function, constant, unit, command or operator named 'nosuch'");
    // (wider than the terminal, which breaks it at a space and drops that space: read it as words)
    expect((await enter(terminal, ":bogus")).split(/\s+/)).toEqual(
      "unknown command ':bogus'; the commands are :help :vars :funcs :precision :units :reset :clear :save :preview :quit".split(" "),
    );
  });

  test("help for the language's operators and words: help %, help to, help ->, help if, help units (issue 23)", async () => {
    const terminal = await repl();
    expect(await enter(terminal, "help %")).toStartWith("%  a percentage where it ends an operand, else modulo\n   25% → 0.25");
    for (const name of ["to", "->", "→"]) expect(await enter(terminal, `help ${name}`)).toStartWith("to -> →  EXPR to TARGET");
    expect(await enter(terminal, "help if")).toStartWith("if then else  if C then A else B");
    expect(await enter(terminal, "help units")).toContain("60 miles per hour → 60 mi/h");
  });

  test("clear and Ctrl-L clear the screen; the variables stay (:reset forgets them)", async () => {
    const terminal = await repl();
    await enter(terminal, "x = 7");
    await terminal.type("clear");
    await terminal.press("Enter");
    await terminal.waitFor((screen) => screen === ">");
    expect(await enter(terminal, "x * 6")).toBe("42");
    await terminal.type("2 +");
    await terminal.press("C-l");
    // Ctrl-L keeps the line being typed, at the top of the cleared screen
    await terminal.waitFor((screen) => screen === "> 2 +");
    await terminal.type(" 2");
    await terminal.press("Enter");
    await terminal.waitFor((screen) => screen === "> 2 + 2\n4\n>");
  });

  test("Ctrl-C clears the line; a second Ctrl-C on an empty line leaves, status 0", async () => {
    const terminal = await repl();
    await terminal.type("12345");
    await terminal.press("C-c");
    await terminal.waitFor(/^> 12345\n>$/m);
    expect(await enter(terminal, "2 + 2")).toBe("4");
    await terminal.press("C-c");
    await terminal.waitFor("(press Ctrl-C again or Ctrl-D to quit)");
    await terminal.press("C-c");
    expect(await terminal.exitStatus()).toBe(0);
  });

  test("a key between two Ctrl-Cs keeps the session", async () => {
    const terminal = await repl();
    await terminal.press("C-c");
    await terminal.type("7");
    await terminal.press("BSpace", "C-c");
    await terminal.type("1+1");
    await terminal.press("Enter");
    await terminal.waitFor(/^2\n>$/m);
  });

  for (const [how, text, key] of [
    ["Ctrl-D", "", "C-d"],
    [":quit", ":quit", "Enter"],
    ["quit", "quit", "Enter"],
    ["exit", "exit", "Enter"],
  ] as const) {
    test(`${how} leaves with status 0`, async () => {
      const terminal = await repl();
      await terminal.type(text);
      await terminal.press(key);
      expect(await terminal.exitStatus()).toBe(0);
    });
  }

  test("a terminal that goes away (window closed, connection dropped): status 129, nothing on stderr", () => {
    // python's pty module gives a terminal this test can close under the REPL
    const script = `
import os, pty, select, sys, time
pid, fd = pty.fork()
if pid == 0:
    os.dup2(os.open(sys.argv[2], os.O_WRONLY | os.O_CREAT | os.O_TRUNC), 2)
    os.execvpe(sys.argv[1], [sys.argv[1]], dict(os.environ, CALC_HISTORY=sys.argv[3]))
seen, deadline = b"", time.time() + 10
while b"> " not in seen and time.time() < deadline:
    if select.select([fd], [], [], 1)[0]:
        seen += os.read(fd, 65536)
os.close(fd)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))`;
    const dir = scratch();
    const result = Bun.spawnSync(["python3", "-c", script, calc, `${dir}/stderr`, `${dir}/history`], { stdout: "pipe", stderr: "pipe" });
    expect(result.stdout.toString()).toBe("129\n");
    expect(readFileSync(`${dir}/stderr`, "utf8")).toBe("");
  });

  test("SIGTERM ends it with status 143 (a container's PID 1 must handle it itself)", async () => {
    const terminal = await repl();
    process.kill(terminal.pid(), "SIGTERM");
    expect(await terminal.exitStatus()).toBe(143);
  });
});

describe("REPL history", () => {
  test("persists across two runs in $CALC_HISTORY", async () => {
    const file = `${scratch()}/history`;
    const first = await repl({ CALC_HISTORY: file });
    await enter(first, "6 * 7");
    await enter(first, "1/0");
    await first.press("C-d");
    expect(await first.exitStatus()).toBe(0);
    expect(readFileSync(file, "utf8")).toBe("6 * 7\n1/0\n");

    const second = await repl({ CALC_HISTORY: file });
    await second.press("Up", "Up");
    await second.waitFor(/^> 6 \* 7$/m);
    await second.press("Enter");
    await second.waitFor(/^42$/m);
  });

  test("$XDG_STATE_HOME/calc/history, else ~/.calc_history", async () => {
    const state = scratch();
    const xdg = await repl({ CALC_HISTORY: "", XDG_STATE_HOME: state, HOME: scratch() });
    await enter(xdg, "1 + 1");
    expect(readFileSync(`${state}/calc/history`, "utf8")).toBe("1 + 1\n");
    const home = scratch();
    const dot = await repl({ CALC_HISTORY: "", HOME: home });
    await enter(dot, "2 + 2");
    expect(readFileSync(`${home}/.calc_history`, "utf8")).toBe("2 + 2\n");
  });

  test("bounded: a long file is cut back to the newest 1000 entries", async () => {
    const file = `${scratch()}/history`;
    writeFileSync(file, Array.from({ length: 2000 }, (_, i) => `${i} + 0\n`).join(""));
    const terminal = await repl({ CALC_HISTORY: file });
    await terminal.press("Up");
    await terminal.waitFor(/^> 1999 \+ 0$/m);
    await terminal.press("C-u");
    await enter(terminal, "2001 + 0");
    const lines = readFileSync(file, "utf8").trimEnd().split("\n");
    expect(lines.length).toBe(1000);
    expect(lines[0]).toBe("1001 + 0");
    expect(lines.at(-1)).toBe("2001 + 0");
  });

  test("a history file that cannot be written: one quiet notice, history in memory, no crash", async () => {
    const notAFile = `${scratch()}/plain`;
    writeFileSync(notAFile, "");
    const terminal = await Terminal.start([calc], { CALC_HISTORY: `${notAFile}/history` });
    open.push(terminal);
    const screen = await terminal.waitFor(/^>$/m);
    expect(screen.split("\n")[1]).toBe(`(history is kept in memory only: cannot write ${notAFile}/history (not a directory))`);
    expect(await enter(terminal, "3 * 3")).toBe("9");
    expect(await enter(terminal, "4 * 4")).toBe("16");
    await terminal.press("Up", "Up");
    await terminal.waitFor(/^> 3 \* 3$/m);
    await terminal.press("Enter");
    const after = await terminal.waitFor(/^9\n>$/m);
    expect(after.match(/history is kept in memory only/g)?.length).toBe(1);
  });
});

describe("a history that is not a regular file", () => {
  // /dev/full and /dev/zero never end, a FIFO blocks its opening, /dev/tty its read: each once froze the
  // start with SIGTERM ignored (the REPL's handler waited on the blocked thread), or filled memory
  const cases: [string, () => string][] = [
    ["/dev/full", () => "/dev/full"],
    ["/dev/zero", () => "/dev/zero"],
    ["a FIFO", () => {
      const fifo = `${scratch()}/fifo`;
      expect(Bun.spawnSync(["mkfifo", fifo]).exitCode).toBe(0);
      return fifo;
    }],
    ["/dev/tty", () => "/dev/tty"],
  ];
  for (const [name, path] of cases) {
    test(`${name}: a prompt within a second, the notice once, history in memory, SIGTERM ends it`, async () => {
      const file = path();
      const terminal = await Terminal.start([calc], { CALC_HISTORY: file });
      open.push(terminal);
      let pid: number | undefined;
      try {
        const screen = await terminal.waitFor(/^>$/m, 1000);
        pid = terminal.pid();
        expect(screen.split("\n")[1]).toBe(`(history is kept in memory only: ${file} is not a regular file)`);
        expect(await enter(terminal, "5 * 5")).toBe("25");
        await terminal.press("Up");
        const after = await terminal.waitFor(/^> 5 \* 5$/m);
        expect(after.match(/history is kept in memory only/g)?.length).toBe(1);
        process.kill(pid, "SIGTERM");
        expect(await terminal.exitStatus(1000)).toBe(143);
        pid = undefined;
      } finally {
        // a calc that ignores SIGTERM must not outlive the test (the old one grew to 4 GB on /dev/full)
        if (pid === undefined) pid = (() => { try { return terminal.pid(); } catch { return undefined; } })();
        if (pid !== undefined) try { process.kill(pid, "SIGKILL"); } catch {}
      }
    });
  }

  test("/dev/null is no history file, asked for: history in memory, and no notice", async () => {
    const terminal = await Terminal.start([calc], { CALC_HISTORY: "/dev/null" });
    open.push(terminal);
    const screen = await terminal.waitFor(/^>$/m, 1000);
    expect(screen).not.toContain("history is kept");
    expect(await enter(terminal, "5 * 5")).toBe("25");
    await terminal.press("Up");
    const after = await terminal.waitFor(/^> 5 \* 5$/m);
    expect(after).not.toContain("history is kept");
  });

  test("only the end of a large history file is read", async () => {
    const file = `${scratch()}/history`;
    // 8 MiB of old entries, then the newest: more than is read (4 MiB), and more lines than are kept
    writeFileSync(file, `${"1 + 1\n".repeat((8 * 1024 * 1024) / 6)}7 * 6\n`);
    const terminal = await repl({ CALC_HISTORY: file });
    await terminal.press("Up");
    await terminal.waitFor(/^> 7 \* 6$/m);
    await terminal.press("C-u");
    // the first new entry cuts the file back to the newest 1000 entries
    await enter(terminal, "2 + 2");
    const lines = readFileSync(file, "utf8").trimEnd().split("\n");
    expect(lines.length).toBe(1000);
    expect(lines.slice(-2)).toEqual(["7 * 6", "2 + 2"]);
  });
});

test("the source's REPL (bun src/main.ts) shows the same screen as the binary's", async () => {
  const session = async (program: string[]) => {
    const terminal = await repl({ NO_COLOR: "1" }, program);
    for (const line of ["x = 1/7", "x * 14", "sqrt(-1)", ":vars", ":bogus"]) await enter(terminal, line);
    await terminal.press("C-d");
    expect(await terminal.exitStatus()).toBe(0);
    return terminal.screen();
  };
  expect(await session([process.execPath, `${root}src/main.ts`])).toBe(await session([calc]));
});
