// init.calc (issue 23 §4): read before the first line in every mode, its errors located and the
// rest still run, --no-init; and the REPL's :save, whose definitions a new session knows.
import { afterAll, describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { calc, useBinary } from "../support/binary.ts";
import { Terminal, useTerminals } from "../support/terminal.ts";

useBinary();
useTerminals();

const scratch = mkdtempSync(`${tmpdir()}/calc-init-`);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let configs = 0;

/** A config directory (XDG_CONFIG_HOME) whose calc/init.calc holds `text`, if given. */
function config(text?: string): string {
  const home = `${scratch}/config-${++configs}`;
  mkdirSync(`${home}/calc`, { recursive: true });
  if (text !== undefined) writeFileSync(`${home}/calc/init.calc`, text);
  return home;
}

function calcWith(home: Record<string, string>, args: string[], input?: string) {
  const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", NO_COLOR: "1", ...home };
  const proc = Bun.spawnSync([calc, ...args], { env, stdin: input === undefined ? "ignore" : Buffer.from(input) });
  return { out: proc.stdout.toString(), err: proc.stderr.toString(), code: proc.exitCode };
}

const INIT = "fib(n) = if n < 2 then n else fib(n - 1) + fib(n - 2)\nrate = 7%\nbogus + 1\n# a comment\n\nr = sqrt(2)\n";
const INIT_ERROR = "init.calc:3: unknown name 'bogus'\n  bogus + 1\n  ^~~~~\n";

describe("init.calc", () => {
  test("one-shot: its definitions are there, its error is located, and the line is answered", () => {
    const home = { XDG_CONFIG_HOME: config(INIT) };
    expect(calcWith(home, ["fib(10) + rate"])).toEqual({ out: "55.07\n", err: INIT_ERROR, code: 0 });
  });

  test("piped input and --json", () => {
    const home = { XDG_CONFIG_HOME: config(INIT) };
    expect(calcWith(home, [], "r * 2\nfib(12)\n")).toEqual({ out: "2.82842712475\n144\n", err: INIT_ERROR, code: 0 });
    const json = calcWith(home, ["--json", "rate"]);
    expect(JSON.parse(json.err)).toEqual({ file: "init.calc", line: 3, input: "bogus + 1", error: "unknown name 'bogus'", kind: "name", column: 1, length: 5 });
    expect(JSON.parse(json.out)).toMatchObject({ value: "0.07" });
  });

  test("--no-init skips it; without XDG_CONFIG_HOME it is ~/.config/calc/init.calc; a relative XDG_CONFIG_HOME is ignored", () => {
    const home = { XDG_CONFIG_HOME: config(INIT) };
    expect(calcWith(home, ["--no-init", "fib(10)"])).toEqual({ out: "", err: "fib(10)\n^~~ unknown function 'fib'\n", code: 1 });
    const user = `${scratch}/home-${++configs}`;
    mkdirSync(`${user}/.config/calc`, { recursive: true });
    writeFileSync(`${user}/.config/calc/init.calc`, "k = 42\n");
    expect(calcWith({ HOME: user }, ["k"]).out).toBe("42\n");
    expect(calcWith({ HOME: user, XDG_CONFIG_HOME: "relative/dir" }, ["k"]).out).toBe("42\n");
    // no home and no config: no init, and no complaint
    expect(calcWith({}, ["1 + 1"])).toEqual({ out: "2\n", err: "", code: 0 });
  });
});

describe(":save", () => {
  async function repl(home: string): Promise<Terminal> {
    const terminal = await Terminal.start([calc], { XDG_CONFIG_HOME: home, CALC_HISTORY: "/dev/null" });
    await terminal.waitFor(/^>$/m);
    return terminal;
  }

  async function enter(terminal: Terminal, line: string, answer: RegExp): Promise<void> {
    await terminal.type(line);
    await terminal.press("Enter");
    await terminal.waitFor(answer);
  }

  test("writes the variables and functions into init.calc (mode 0600), and a new session knows them", async () => {
    const home = config("# my own line\ngreeting = 1\n");
    const path = `${home}/calc/init.calc`;
    const first = await repl(home);
    await enter(first, "fib(n) = if n < 2 then n else fib(n - 1) + fib(n - 2)", /^fib\(n\) = if/m);
    await enter(first, "x = 1/3", /^0\.333333333333$/m);
    await enter(first, "r = sqrt(2) m", /^1\.41421356237 m$/m);
    await enter(first, ":save", /^saved 3 variables and 1 function to /m);
    first.close();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const saved = readFileSync(path, "utf8");
    expect(saved).toStartWith("# my own line\ngreeting = 1\n\n# calc :save");
    expect(saved).toContain("\nx = 1/3\nr = sqrt(2) * m\n");

    const second = await repl(home);
    await enter(second, "fib(20) + x * 3", /^6766$/m);
    await enter(second, "r to cm", /^141\.421356237 cm$/m);
    // a second save replaces the block: one block, the user's lines kept
    await enter(second, "x = 2", /^2$/m);
    await enter(second, ":save", /^saved/m);
    second.close();
    const again = readFileSync(path, "utf8");
    expect(again.match(/# calc :save/g)?.length).toBe(1);
    expect(again).toStartWith("# my own line\ngreeting = 1\n\n# calc :save");
    expect(again).toContain("\nx = 2\n");
  }, 30_000);

  test("where it cannot write, it says why and changes nothing", async () => {
    const home = config();
    // the config directory's place is taken by a file: nothing can be made there
    rmSync(`${home}/calc`, { recursive: true });
    writeFileSync(`${home}/calc`, "not a directory\n");
    const terminal = await repl(home);
    await enter(terminal, "x = 5", /^5$/m);
    await enter(terminal, ":save", /nothing changed/);
    // (the message is wider than the terminal: read it without the line breaks)
    expect(terminal.screen().replaceAll("\n", "")).toContain(`cannot save to ${home}/calc/init.calc: a file is in the way; nothing changed`);
    expect(readFileSync(`${home}/calc`, "utf8")).toBe("not a directory\n");
    terminal.close();
  }, 20_000);

  test("init.calc's errors show above the prompt, and the session has the rest", async () => {
    const terminal = await repl(config("y = 6\nnope(\nz = y * 7\n"));
    await terminal.waitFor(/^init\.calc:2: /m);
    await enter(terminal, "z", /^42$/m);
  }, 20_000);
});
