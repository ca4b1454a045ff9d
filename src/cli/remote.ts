/**
 * A session on its own thread (src/cli/worker.ts), seen from the main
 * thread: requests go out as messages and come back as promises, and
 * `interrupt()` raises the flag the evaluator checks, so the line being
 * computed ends with an "interrupted" error and the session is unchanged
 * (a line is all or nothing).
 */
import type { Answers, PlainOutcome, SessionPort, UnitDescription } from "./protocol.ts";
import type { Request } from "./worker.ts";

type Reply = { readonly id: number; readonly result: unknown };

export class RemoteSession implements SessionPort {
  private readonly worker: Worker;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private readonly pending = new Map<number, (result: unknown) => void>();
  private nextId = 0;

  /**
   * Starts the thread; requests made before it is ready wait for it. `workerUrl` is
   * src/cli/worker.ts as the entry point sees it (in the compiled executable the bundle
   * keeps it at that path relative to main.ts, not to this file).
   */
  constructor(workerUrl: string, precision: number | undefined) {
    this.worker = new Worker(workerUrl);
    this.worker.onmessage = ({ data }: MessageEvent<Reply>) => {
      const resolve = this.pending.get(data.id);
      this.pending.delete(data.id);
      resolve?.(data.result);
    };
    void this.request("init", this.flag.buffer, precision);
  }

  private request<T>(method: Request["method"], ...args: unknown[]): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve) => {
      this.pending.set(id, resolve as (result: unknown) => void);
      this.worker.postMessage({ id, method, args } satisfies Request);
    });
  }

  /** Evaluates lines in order, each all or nothing; while interrupted, every line ends at once as "interrupted". */
  evaluateLines(lines: string[]): Promise<PlainOutcome[]> {
    return this.request<ReturnType<Answers["evaluate"]>>("evaluate", lines);
  }

  async evaluate(line: string): Promise<PlainOutcome> {
    const [outcome] = await this.evaluateLines([line]);
    return outcome!;
  }

  /** Stops the computation in progress, and the lines sent after it, until `resume()`. */
  interrupt(): void {
    Atomics.store(this.flag, 0, 1);
  }

  resume(): void {
    Atomics.store(this.flag, 0, 0);
  }

  variables = () => this.request<ReturnType<Answers["variables"]>>("variables");
  functions = () => this.request<string[]>("functions");
  precision = () => this.request<number>("precision");
  setPrecision = (digits: number) => this.request<string | undefined>("setPrecision", digits);
  clear = () => this.request<void>("clear");
  describeUnit = (name: string) => this.request<UnitDescription | undefined>("describeUnit", name);
  names = () => this.request<ReturnType<Answers["names"]>>("names");

  close(): void {
    this.worker.terminate();
  }
}
