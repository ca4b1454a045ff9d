/**
 * A request to stop the line being computed, raised from outside the computation: the REPL's
 * Ctrl-C, from the main thread while the session works on a thread of its own (src/cli/worker.ts).
 * A Session is handed one (`new Session({ interrupt })`, as fend's `evaluate_with_interrupt`), and
 * its NumberContext carries it: the evaluator looks at it between steps, and the few single
 * operations that can run for long (a gcd of two 50,000-digit numbers) inside their loops. A
 * session without one (one-shot and piped runs, where a signal ends the process) pays one test per
 * look.
 */
export interface Interrupt {
  /** Whether a stop has been asked for. */
  requested(): boolean;
}

/** An interrupt in shared memory: the main thread raises it, the session's thread looks at it. */
export class SharedInterrupt implements Interrupt {
  private readonly flag: Int32Array;

  /** A new flag, or (on the session's thread) the one whose buffer the main thread sent. */
  constructor(readonly buffer = new SharedArrayBuffer(4)) {
    this.flag = new Int32Array(buffer);
  }

  raise(): void {
    Atomics.store(this.flag, 0, 1);
  }

  lower(): void {
    Atomics.store(this.flag, 0, 0);
  }

  requested(): boolean {
    return Atomics.load(this.flag, 0) !== 0;
  }
}
