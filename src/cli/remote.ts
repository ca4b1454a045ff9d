/**
 * A session on its own thread (src/cli/worker.ts), seen from the main
 * thread: requests go out as messages and come back as promises, and
 * `interrupt()` raises the stop request the session was handed, so the line
 * being computed ends with an "interrupted" error and the session is
 * unchanged (a line is all or nothing).
 */
import { SharedInterrupt } from "../interrupt.ts";
import type { Answers, PlainOutcome, RemotePort, Reply, Request, UnitDescription } from "./protocol.ts";

export class RemoteSession implements RemotePort {
  private worker: Worker | undefined;
  private readonly stop = new SharedInterrupt();
  /** The previews' own stop request: abandoning a preview never touches `stop`. */
  private readonly previewStop = new SharedInterrupt();
  private readonly pending = new Map<number, (result: unknown) => void>();
  /** Requests made before the thread was started, sent when it is. */
  private readonly waiting: Request[] = [];
  private nextId = 0;

  /**
   * A session whose requests wait for its thread. `workerUrl` is src/cli/worker.ts as the entry
   * point sees it (in the compiled executable the bundle keeps it at that path relative to
   * main.ts, not to this file). The thread starts now, or at `start()` when `later` is set: the
   * REPL starts it once its first prompt is up, so that the prompt does not wait for a thread.
   */
  constructor(
    private readonly workerUrl: string,
    precision: number | undefined,
    later = false,
  ) {
    void this.request("init", this.stop.buffer, precision, this.previewStop.buffer);
    if (!later) this.start();
  }

  start(): void {
    if (this.worker) return;
    this.worker = new Worker(this.workerUrl);
    this.worker.onmessage = ({ data }: MessageEvent<Reply>) => {
      const resolve = this.pending.get(data.id);
      this.pending.delete(data.id);
      resolve?.(data.result);
    };
    for (const request of this.waiting.splice(0)) this.worker.postMessage(request);
  }

  private request<T>(method: Request["method"], ...args: unknown[]): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve) => {
      this.pending.set(id, resolve as (result: unknown) => void);
      const request = { id, method, args } satisfies Request;
      if (this.worker) this.worker.postMessage(request);
      else this.waiting.push(request);
    });
  }

  /** (While interrupted, every line ends at once as "interrupted".) */
  evaluateLines(lines: string[]): Promise<PlainOutcome[]> {
    return this.request<ReturnType<Answers["evaluate"]>>("evaluate", lines);
  }

  async evaluate(line: string): Promise<PlainOutcome> {
    const [outcome] = await this.evaluateLines([line]);
    return outcome!;
  }

  preview = (line: string) => this.request<PlainOutcome>("preview", line);

  abandonPreview(): void {
    this.previewStop.raise();
  }

  interrupt(): void {
    this.stop.raise();
  }

  resume(): void {
    this.stop.lower();
  }

  variables = () => this.request<ReturnType<Answers["variables"]>>("variables");
  functions = () => this.request<string[]>("functions");
  definitions = () => this.request<string[]>("definitions");
  precision = () => this.request<number>("precision");
  setPrecision = (digits: number) => this.request<string | undefined>("setPrecision", digits);
  clear = () => this.request<void>("clear");
  describeUnit = (name: string) => this.request<UnitDescription | undefined>("describeUnit", name);
  names = () => this.request<ReturnType<Answers["names"]>>("names");

  close(): void {
    this.worker?.terminate();
  }
}
