/**
 * The stop request another thread raises (the REPL's Ctrl-C; see src/cli/worker.ts). The evaluator
 * looks at it between steps; the few single operations that can run for long (a gcd of two
 * 50,000-digit numbers) look at it inside their loops. Without a flag (one-shot and piped runs,
 * where a signal ends the process) every look is one test.
 */
export let interruptFlag: Int32Array | undefined;

export function watchForInterrupts(flag: Int32Array): void {
  interruptFlag = flag;
}

/** Whether a stop has been asked for. */
export function interruptRequested(): boolean {
  return interruptFlag !== undefined && Atomics.load(interruptFlag, 0) !== 0;
}
