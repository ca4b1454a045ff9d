// docker run -it calc: the REPL in a real pseudo-terminal (tmux), typed into and read as a person
// would; the hardened run with its history in memory; and docker stop on a running session.
import { afterEach, describe, expect, setDefaultTimeout, test } from "bun:test";
import { Terminal, useTerminals } from "../../tests/support/terminal.ts";
import { docker, HARDENED, image } from "./docker.ts";

useTerminals();

setDefaultTimeout(60_000);

// a container outlives its `docker run` client if a test fails half-way: it is removed by name
let containers = 0;
const running: { terminal: Terminal; name: string }[] = [];
afterEach(() => {
  for (const { terminal, name } of running.splice(0)) {
    docker(["rm", "-f", name]);
    terminal.close();
  }
});

/** `docker run -it --rm --name … [flags] calc` in a terminal, at its first prompt. */
async function session(flags: string[] = ["--network", "none"]): Promise<{ terminal: Terminal; name: string }> {
  const env: Record<string, string> = { HOME: process.env.HOME ?? "/root" };
  if (process.env.DOCKER_HOST) env.DOCKER_HOST = process.env.DOCKER_HOST;
  const name = `calc-repl-test-${process.pid}-${++containers}`;
  const terminal = await Terminal.start(["docker", "run", "-it", "--rm", "--name", name, ...flags, image], env);
  running.push({ terminal, name });
  await terminal.waitFor(/^>$/m, 30_000);
  return { terminal, name };
}

/** Types a line, presses Enter, and returns what it printed before the next prompt. */
async function enter(terminal: Terminal, line: string): Promise<string> {
  const before = terminal.screen().split("\n").length;
  await terminal.type(line);
  await terminal.press("Enter");
  const screen = await terminal.waitFor((text) => {
    const lines = text.split("\n");
    return lines.length > before && lines[before - 1] === `> ${line}` && lines.at(-1) === ">";
  });
  return screen.split("\n").slice(before, -1).join("\n");
}

const WELCOME = "calc 0.1.0 · type help for help, Ctrl-D to quit";
const IN_MEMORY = "(history is kept in memory only: cannot write /home/nonroot/.calc_history (read-only file system))";

describe("docker run -it --rm calc: the REPL", () => {
  test("opens with the welcome line, evaluates, and Ctrl-D leaves with status 0", async () => {
    const { terminal } = await session();
    expect(terminal.screen().split("\n")).toEqual([WELCOME, ">"]);
    expect(await enter(terminal, "x = 2^64")).toBe("18446744073709551616");
    expect(await enter(terminal, "x / 2^63")).toBe("2");
    expect(await enter(terminal, "1 + * 2")).toBe("      ^ expected a number, a name or '(' but found '*'");
    await terminal.press("C-d");
    expect(await terminal.exitStatus(20_000)).toBe(0);
  });

  test("hardened: history falls back to memory, said once, and Up still recalls", async () => {
    const { terminal } = await session(HARDENED);
    expect(terminal.screen().split("\n")).toEqual([WELCOME, IN_MEMORY, ">"]);
    expect(await enter(terminal, "6 * 7")).toBe("42");
    expect(await enter(terminal, "ans + 1")).toBe("43");
    await terminal.press("Up", "Up");
    await terminal.waitFor(/^> 6 \* 7$/m);
    await terminal.press("Enter");
    await terminal.waitFor(/^42\n>$/m);
    expect(terminal.screen().split("\n").filter((line) => line === IN_MEMORY)).toHaveLength(1);
    // :save on a read-only home says why, and changes nothing (issue 23)
    expect(await enter(terminal, ":save")).toBe(
      "cannot save to /home/nonroot/.config/calc/init.calc: read-only file system; nothing changed",
    );
    await terminal.press("C-d");
    expect(await terminal.exitStatus(20_000)).toBe(0);
  });

  test("docker stop on a running session returns in under 2 seconds, with status 143 (SIGTERM)", async () => {
    const { terminal, name } = await session();
    expect(await enter(terminal, "1 + 1")).toBe("2");
    const started = performance.now();
    const stop = docker(["stop", name]);
    const seconds = (performance.now() - started) / 1000;
    console.log(`# docker stop on a running REPL: ${seconds.toFixed(2)} s`);
    expect(stop.code).toBe(0);
    expect(seconds).toBeLessThan(2);
    expect(await terminal.exitStatus(20_000)).toBe(143);
  });
});
