// Running the programs the container harness needs (docker, apt-get, debootstrap, dpkg, tar), with a
// time limit, and failing with what the program said.
import { constants } from "node:os";

export interface Result {
  /** The exit status, or 128 + the signal's number for a program ended by a signal. */
  code: number;
  out: string;
  err: string;
  /** Killed for running past `timeoutMs`. */
  timedOut: boolean;
}

export interface RunOptions {
  /** Kill the program after this long (a pull from an unreachable registry must not hang the run). */
  timeoutMs?: number;
  /** Bytes for its standard input; otherwise it reads nothing. */
  stdin?: Uint8Array | string;
  cwd?: string;
  env?: Record<string, string | undefined>;
}

/** Runs a program to its end and returns its status and output, whatever the status. */
export async function run(command: string[], options: RunOptions = {}): Promise<Result> {
  const proc = Bun.spawn(command, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdin: options.stdin === undefined ? "ignore" : new Blob([options.stdin]),
    stdout: "pipe",
    stderr: "pipe",
    timeout: options.timeoutMs,
    killSignal: "SIGKILL",
  });
  const started = performance.now();
  const [out, err, code] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]);
  const signal = proc.signalCode;
  const timedOut = signal === "SIGKILL" && options.timeoutMs !== undefined && performance.now() - started >= options.timeoutMs;
  const signalNumber = typeof signal === "number" ? signal : signal ? constants.signals[signal] : 0;
  return { code: signal ? 128 + signalNumber : code, out, err, timedOut };
}

/** Runs a program that must succeed; its standard output, or an error with its standard error. */
export async function must(command: string[], options: RunOptions = {}): Promise<string> {
  const result = await run(command, options);
  if (result.timedOut) throw new Error(`${command.join(" ")} did not finish within ${options.timeoutMs! / 1000} s`);
  if (result.code !== 0) throw new Error(`${command.join(" ")} failed (status ${result.code}):\n${tail(result.err || result.out)}`);
  return result.out;
}

/** Runs a long step with its output going straight to ours, so that a slow install shows progress. */
export async function stream(command: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): Promise<void> {
  const proc = Bun.spawn(command, { cwd: options.cwd, env: options.env ?? process.env, stdin: "ignore", stdout: "inherit", stderr: "inherit" });
  const code = await proc.exited;
  if (code !== 0) throw new Error(`${command.join(" ")} failed (status ${code})`);
}

export function tail(text: string, lines = 20): string {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}

export function onPath(program: string): boolean {
  return Bun.which(program) !== null;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
