// A real pseudo-terminal for the REPL tests: a program runs in a detached tmux pane, keys are typed
// into it one at a time, and the screen is read back, as a person would see it.

import { afterAll } from "bun:test";
import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";

// our own tmux server, so that tests never touch a user's sessions and end only what they started
const socket = `calc-test-${process.pid}`;
let sessions = 0;
/** Session names stay unique across files, whose servers may overlap while one shuts down. */
let started = 0;

function tmux(...args: string[]): string {
  const result = Bun.spawnSync(["tmux", "-L", socket, "-f", "/dev/null", ...args], { stdout: "pipe", stderr: "pipe" });
  if (result.exitCode !== 0) throw new Error(`tmux ${args[0]} failed: ${result.stderr}`);
  return result.stdout.toString();
}

const quote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Call at the top of every test file that starts terminals: the file's tmux server is ended after
 * its tests (bun test loads this module once for all files, and runs no exit handlers).
 */
export function useTerminals(): void {
  afterAll(() => {
    if (sessions > 0) Bun.spawnSync(["tmux", "-L", socket, "kill-server"]);
    sessions = 0;
  });
}

export class Terminal {
  private constructor(readonly name: string) {}

  /** Starts `command` with exactly `env` (and a PATH and TERM), in a 100×100 terminal. */
  static async start(command: string[], env: Record<string, string> = {}): Promise<Terminal> {
    const name = `t${++sessions}-${++started}`;
    const environment = { PATH: process.env.PATH ?? "/usr/bin:/bin", TERM: "xterm-256color", ...env };
    const assignments = Object.entries(environment).map(([key, value]) => quote(`${key}=${value}`));
    // after the program ends, its status stays on the screen for exitStatus() to read
    const line = `env -i ${assignments.join(" ")} ${command.map(quote).join(" ")}; echo "[exit $?]"; sleep 600`;
    // exit-empty off: the server stays up when a test closes the last session, so that the next
    // test's new-session cannot reach a server that is shutting down ("server exited unexpectedly")
    tmux("new-session", "-d", "-s", name, "-x", "100", "-y", "100", line, ";", "set-option", "-g", "exit-empty", "off");
    return new Terminal(name);
  }

  /** Types text (no Tab or Enter in it: readline takes keys that arrive in one burst as a paste). */
  async type(text: string): Promise<void> {
    tmux("send-keys", "-t", this.name, "-l", text);
    await sleep(30);
  }

  /** Pastes text (Enter as "\\n") in one burst, as a terminal does with a paste. */
  async paste(text: string): Promise<void> {
    const file = `${tmpdir()}/calc-paste-${process.pid}-${this.name}`;
    writeFileSync(file, text);
    tmux("load-buffer", "-b", this.name, file);
    tmux("paste-buffer", "-d", "-b", this.name, "-t", this.name);
    rmSync(file);
    await sleep(30);
  }

  /** Presses named keys: Enter, Up, Tab, C-c, C-d… */
  async press(...keys: string[]): Promise<void> {
    for (const key of keys) {
      tmux("send-keys", "-t", this.name, key);
      await sleep(40);
    }
  }

  /** The screen as text (with the colour escapes if `escapes`), trailing blank lines dropped. */
  screen(escapes = false): string {
    const text = tmux("capture-pane", "-p", ...(escapes ? ["-e"] : []), "-t", this.name);
    return text.replace(/\s+$/, "");
  }

  /** Everything the terminal has shown, the lines scrolled away included. */
  transcript(): string {
    return tmux("capture-pane", "-p", "-S", "-", "-t", this.name).replace(/\s+$/, "");
  }

  /** Waits until the screen matches, and returns it; fails with the screen after `ms`. */
  async waitFor(pattern: RegExp | string | ((screen: string) => boolean), ms = 5000): Promise<string> {
    const matches =
      typeof pattern === "function" ? pattern : typeof pattern === "string" ? (screen: string) => screen.includes(pattern) : (screen: string) => pattern.test(screen);
    const deadline = Date.now() + ms;
    for (;;) {
      const screen = this.screen();
      if (matches(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern} on the screen:\n${screen}`);
      await sleep(25);
    }
  }

  /** Waits for the program to end and returns its exit status. */
  async exitStatus(ms = 5000): Promise<number> {
    const screen = await this.waitFor(/\[exit \d+\]/, ms);
    return Number(/\[exit (\d+)\]/.exec(screen)![1]);
  }

  /** The process id of the program (the child of the pane's shell). */
  pid(): number {
    const shell = tmux("display-message", "-p", "-t", this.name, "#{pane_pid}").trim();
    const children = Bun.spawnSync(["ps", "-o", "pid=,comm=", "--ppid", shell]).stdout.toString();
    const line = children.split("\n").find((entry) => !entry.includes("sleep") && entry.trim() !== "");
    if (!line) throw new Error(`no program running in ${this.name}`);
    return Number(line.trim().split(/\s+/)[0]);
  }

  close(): void {
    tmux("kill-session", "-t", this.name);
  }
}
