// Ctrl-C stops a computation, not the calculator; and as PID 1 (a container's entry point, here in a
// PID namespace of its own made by `unshare`) SIGTERM and SIGINT end calc at once in every mode,
// even in the middle of fib(40), which would otherwise run for minutes. All on dist/calc.
import { describe, expect, test } from "bun:test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { calc, useBinary } from "../support/binary.ts";
import { Terminal, useTerminals } from "../support/terminal.ts";

useTerminals();

useBinary();

const dir = mkdtempSync(`${tmpdir()}/calc-interrupt-`);
const FIB = "fib(n) = if n < 2 then n else fib(n - 1) + fib(n - 2)";

async function enter(terminal: Terminal, line: string, answer: RegExp): Promise<void> {
  await terminal.type(line);
  await terminal.press("Enter");
  await terminal.waitFor(answer);
}

describe("the REPL: Ctrl-C during a computation", () => {
  test("stops fib(40), leaves the session as it was, and the next line is answered", async () => {
    const terminal = await Terminal.start([calc], { CALC_HISTORY: `${dir}/history`, NO_COLOR: "1" });
    try {
      await terminal.waitFor(/^>$/m);
      await enter(terminal, FIB, /^fib\(n\) = if n < 2/m);
      await enter(terminal, "x = 5", /^5$/m);
      await terminal.type("y = fib(40)");
      await terminal.press("Enter");
      await Bun.sleep(500); // well inside the computation (fib(40) takes minutes)
      const sent = performance.now();
      await terminal.press("C-c");
      await terminal.waitFor(/^interrupted$/m, 2000);
      const elapsed = performance.now() - sent;
      console.log(`Ctrl-C to 'interrupted': ${elapsed.toFixed(0)} ms (including tmux and this test's polling)`);
      expect(elapsed).toBeLessThan(1500);
      await enter(terminal, "1+1", /^2$/m);
      // the interrupted line had no effect; what came before it stands
      await enter(terminal, "x", /^> x\n5$/m);
      await terminal.type("y");
      await terminal.press("Enter");
      await terminal.waitFor(/unknown name 'y'/);
      // at the prompt, Ctrl-C is what it was: clear the line, then a second one leaves
      await terminal.press("C-c");
      await terminal.waitFor("(press Ctrl-C again or Ctrl-D to quit)");
      await terminal.press("C-c");
      expect(await terminal.exitStatus()).toBe(0);
    } finally {
      terminal.close();
    }
  }, 30_000);

  test("a second computation after an interrupted one is interrupted too, and recursion still goes 10,000 deep", async () => {
    const terminal = await Terminal.start([calc], { CALC_HISTORY: `${dir}/history2`, NO_COLOR: "1" });
    try {
      await terminal.waitFor(/^>$/m);
      await enter(terminal, FIB, /^fib\(n\) = if n < 2/m);
      for (let round = 0; round < 2; round++) {
        await terminal.type("fib(40)");
        await terminal.press("Enter");
        await Bun.sleep(300);
        await terminal.press("C-c");
        await terminal.waitFor((screen) => screen.split("\n").filter((line) => line === "interrupted").length === round + 1, 2000);
      }
      await enter(terminal, "count(n) = if n == 0 then 0 else 1 + count(n - 1); count(10000)", /^10000$/m);
    } finally {
      terminal.close();
    }
  }, 30_000);
});

/** calc as PID 1 of a new PID namespace: `unshare` forks it there; returns unshare's process and calc's host pid. */
async function asPid1(args: string[], stdin: "pipe" | "ignore"): Promise<{ proc: Bun.Subprocess<"pipe" | "ignore", "pipe", "pipe">; pid: number }> {
  const proc = Bun.spawn(["unshare", "--pid", "--fork", "--kill-child", calc, ...args], { stdin, stdout: "pipe", stderr: "pipe" });
  for (let waited = 0; waited < 5000; waited += 20) {
    const child = Bun.spawnSync(["ps", "-o", "pid=", "--ppid", String(proc.pid)]).stdout.toString().trim();
    if (child) return { proc, pid: Number(child) };
    await Bun.sleep(20);
  }
  throw new Error("calc did not start under unshare");
}

/** Sends `signal` to calc and returns how long the run took to end, and its status. */
async function signal(proc: Bun.Subprocess, pid: number, name: "SIGTERM" | "SIGINT"): Promise<{ ms: number; status: number }> {
  const sent = performance.now();
  process.kill(pid, name);
  const hang = setTimeout(() => proc.kill(9), 5000); // nothing left behind if the signal is ignored
  const status = await proc.exited;
  clearTimeout(hang);
  return { ms: performance.now() - sent, status };
}

describe("as PID 1, a signal ends calc at once, even in the middle of fib(40)", () => {
  const statuses = { SIGTERM: 143, SIGINT: 130 } as const;
  for (const [name, status] of Object.entries(statuses) as ["SIGTERM" | "SIGINT", number][]) {
    test(`one-shot: ${name} → status ${status}`, async () => {
      const { proc, pid } = await asPid1([`${FIB}; fib(40)`], "ignore");
      await Bun.sleep(500);
      const ended = await signal(proc, pid, name);
      console.log(`PID 1 one-shot, ${name}: ended in ${ended.ms.toFixed(0)} ms`);
      expect(ended.status).toBe(status);
      expect(ended.ms).toBeLessThan(500);
    }, 15_000);

    test(`piped: ${name} → status ${status}`, async () => {
      const { proc, pid } = await asPid1([], "pipe");
      const stdin = proc.stdin as import("bun").FileSink;
      // (a chunk of input is answered as a whole: 6 * 7 first, then fib(40) in a chunk of its own)
      stdin.write(`${FIB}\n6 * 7\n`);
      stdin.flush();
      const reader = proc.stdout.getReader();
      let out = "";
      while (!out.includes("42\n")) out += new TextDecoder().decode((await reader.read()).value);
      stdin.write("fib(40)\n");
      stdin.flush();
      await Bun.sleep(300);
      const ended = await signal(proc, pid, name);
      console.log(`PID 1 piped, ${name}: ended in ${ended.ms.toFixed(0)} ms`);
      expect(ended.status).toBe(status);
      expect(ended.ms).toBeLessThan(500);
    }, 15_000);
  }

  test("the REPL: SIGTERM during fib(40) → status 143", async () => {
    const terminal = await Terminal.start(["unshare", "--pid", "--fork", "--kill-child", calc], { CALC_HISTORY: `${dir}/history3`, NO_COLOR: "1" });
    let pids: number[] = [];
    try {
      await terminal.waitFor(/^>$/m);
      await enter(terminal, FIB, /^fib\(n\) = if n < 2/m);
      await terminal.type("fib(40)");
      await terminal.press("Enter");
      await Bun.sleep(300);
      const unshare = terminal.pid();
      const pid = Number(Bun.spawnSync(["ps", "-o", "pid=", "--ppid", String(unshare)]).stdout.toString().trim());
      pids = [pid, unshare];
      const sent = performance.now();
      process.kill(pid, "SIGTERM");
      expect(await terminal.exitStatus()).toBe(143);
      console.log(`PID 1 REPL, SIGTERM: ended within ${(performance.now() - sent).toFixed(0)} ms (including tmux polling)`);
    } finally {
      terminal.close();
      // whatever happened, no busy calc is left behind
      for (const pid of pids) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
    }
  }, 15_000);
});
