// What the differential, precedence and fuzz tests share: the seed, the run counts, and a
// long-running process answered one line per request line (calc in piped mode, python3, bc).
import { afterAll } from "bun:test";
import type { Parameters } from "fast-check";

/**
 * One seed per test run, printed, and taken from FC_SEED to replay a run exactly:
 *   FC_SEED=123 npm test
 * `npm test` uses a fixed one, so that CI judges the code and not the draw; `npm run fuzz` (which
 * sets CALC_FUZZ_SCALE) draws a new one each run, to find what the fixed one does not.
 */
const FIXED_SEED = 20261205;
export const seed = process.env.FC_SEED
  ? Number(process.env.FC_SEED)
  : process.env.CALC_FUZZ_SCALE
    ? Math.floor(Math.random() * 2 ** 31)
    : FIXED_SEED;
if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, not ${process.env.FC_SEED}`);

/** `npm run fuzz` multiplies every count by CALC_FUZZ_SCALE (npm test: 1). */
export const scale = Number(process.env.CALC_FUZZ_SCALE ?? 1);
if (!(scale > 0)) throw new Error(`CALC_FUZZ_SCALE must be a positive number, not ${process.env.CALC_FUZZ_SCALE}`);

export function runs(count: number): number {
  return Math.round(count * scale);
}

/** fast-check parameters: this run's seed, scaled counts, and the seed in any failure's message. */
export function property<T>(name: string, numRuns: number): Parameters<T> {
  console.log(`${name}: ${runs(numRuns)} cases, seed ${seed} (replay with FC_SEED=${seed})`);
  return { seed, numRuns: runs(numRuns), endOnFailure: false };
}

/** A child process that answers each line written to it with exactly one line. */
export class LineProcess {
  private readonly proc: Bun.Subprocess<"pipe", "pipe", "inherit">;
  private readonly reader: ReturnType<typeof defaultReader>;
  private readonly decoder = new TextDecoder();
  private buffered = "";

  constructor(
    readonly command: string[],
    env: Record<string, string> = {},
  ) {
    this.proc = Bun.spawn(command, { stdin: "pipe", stdout: "pipe", stderr: "inherit", env: { ...process.env, XDG_CONFIG_HOME: "/nonexistent/calc-tests-config", ...env } });
    this.reader = defaultReader(this.proc.stdout);
    processes.push(this);
  }

  async ask(line: string): Promise<string> {
    this.proc.stdin.write(`${line}\n`);
    this.proc.stdin.flush();
    for (;;) {
      const end = this.buffered.indexOf("\n");
      if (end !== -1) {
        const answer = this.buffered.slice(0, end);
        this.buffered = this.buffered.slice(end + 1);
        return answer;
      }
      const { value, done } = await this.reader.read();
      if (done) throw new Error(`${this.command.join(" ")} ended (status ${await this.proc.exited}) before answering ${line}`);
      this.buffered += this.decoder.decode(value, { stream: true });
    }
  }

  async close(): Promise<number> {
    this.proc.stdin.end();
    return this.proc.exited;
  }
}

function defaultReader(stream: ReadableStream<Uint8Array>) {
  return stream.getReader();
}

const processes: LineProcess[] = [];
afterAll(async () => {
  await Promise.all(processes.splice(0).map((p) => p.close()));
});

/** calc in piped mode with --json and stderr merged into stdout: one JSON object per statement line. */
export function calcProcess(calc: string, args: string[] = []): LineProcess {
  return new LineProcess(["sh", "-c", 'exec "$0" --json "$@" 2>&1', calc, ...args]);
}

export type CalcAnswer =
  | { input: string; value: string; exact: boolean }
  | { input: string; error: string; kind: string; column: number; length: number; line: number };

/** What tests/support/measure.py says of one run. */
export interface Measured {
  status: number;
  seconds: number;
  peakKilobytes: number;
  stdout: string;
  stderr: string;
}

/** A run for measure.py: stdin a file's path; with `output`, stdout and stderr go whole to PREFIX.out and PREFIX.err. */
export interface MeasuredCase {
  args: string[];
  stdin?: string;
  output?: string;
  timeout?: number;
}

/** Runs each case in turn under tests/support/measure.py: status, time and the process's own peak memory. */
export function measure(cases: MeasuredCase[]): Measured[] {
  const result = Bun.spawnSync(["python3", `${root}tests/support/measure.py`], {
    stdin: Buffer.from(JSON.stringify(cases)),
    stdout: "pipe",
    stderr: "pipe",
  });
  if (result.exitCode !== 0) throw new Error(`measure.py failed: ${result.stderr}`);
  return JSON.parse(result.stdout.toString());
}

/** The same, without blocking: for runs that take long enough to be worth running side by side. */
export async function measureAsync(cases: MeasuredCase[]): Promise<Measured[]> {
  const proc = Bun.spawn(["python3", `${root}tests/support/measure.py`], {
    stdin: Buffer.from(JSON.stringify(cases)),
    stdout: "pipe",
    stderr: "pipe",
  });
  const [out, err, status] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]);
  if (status !== 0) throw new Error(`measure.py failed: ${err}`);
  return JSON.parse(out);
}

const root = new URL("../../", import.meta.url).pathname;
