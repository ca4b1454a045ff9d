/**
 * Standard input that is not a terminal: every line is evaluated in one
 * session and answered as soon as it has arrived. Output is gathered for a
 * batch of the lines of one chunk of input and written at once, so a script
 * file is not written one system call per line, while an interactive writer
 * (one line, then wait) gets each answer immediately. Only one chunk is held
 * at a time, and answered a batch at a time: memory stays flat however long
 * the input.
 */
import { heapSize } from "bun:jsc";
import { writeErr, writeOut } from "./output.ts";
import type { PlainOutcome } from "./protocol.ts";
import { formatError, formatOutcome, type Style } from "./report.ts";

/** Evaluates lines in order: a session here (`session.evaluate`), or on another thread (RemoteSession). */
export type Evaluate = (lines: string[]) => PlainOutcome[] | Promise<PlainOutcome[]>;

/** A full garbage collection every so many lines (see collectIfDue). */
const COLLECT_EVERY = 25_000;
/** Lines evaluated, answered and written together (a chunk of input may hold many more). */
const BATCH = 4096;
/** Live data past which collections come less often: each one has to go through all of it. */
const LARGE_HEAP = 64 * 1024 * 1024;

/** Evaluates standard input; resolves to true if every line succeeded. */
export async function runPiped(evaluate: Evaluate, style: Style): Promise<boolean> {
  // the executable starts with the JIT held back (start-up code runs once: package.json's build);
  // a stream of lines is the work it pays off for
  Bun.unsafe.setJITPolicy(1);
  const decoder = new TextDecoder();
  let pending = "";
  let lineNumber = 0;
  let ok = true;

  /** Writes the lines' answers in order; errors must not overtake the results before them. */
  const answer = async (lines: string[]) => {
    const outcomes = await evaluate(lines);
    const out: string[] = [];
    for (let i = 0; i < lines.length; i++) {
      lineNumber++;
      const outcome = outcomes[i]!;
      if (outcome.kind === "error") {
        ok = false;
        writeOut(out.join(""));
        out.length = 0;
        writeErr(formatError(outcome.error, lines[i]!, style, lineNumber));
      } else {
        out.push(formatOutcome(outcome, lines[i]!, style));
      }
    }
    writeOut(out.join(""));
  };

  let collectEvery = COLLECT_EVERY;
  let collectAt = collectEvery;

  /**
   * Before a batch (so none after the last), a full collection every COLLECT_EVERY lines: without
   * any, JavaScriptCore's heap grew with the input (a million integers 256 MB, four million 283 MB).
   * A collection takes 5–20 ms here, and a smaller heap wins it back (no measurable cost on the
   * benchmark's typical file). A session that holds much live data makes each one longer: while
   * more than LARGE_HEAP is live after one, they come half as often. (Not by how long one took:
   * that moves with the machine's load, and so did the peaks.)
   */
  const collectIfDue = () => {
    if (lineNumber < collectAt) return;
    Bun.gc(true);
    collectEvery = heapSize() > LARGE_HEAP ? collectEvery * 2 : COLLECT_EVERY;
    collectAt = lineNumber + collectEvery;
  };

  let lastYield = performance.now();
  for await (const chunk of Bun.stdin.stream()) {
    pending += decoder.decode(chunk, { stream: true });
    const lines: string[] = [];
    let start = 0;
    for (let end = pending.indexOf("\n"); end !== -1; end = pending.indexOf("\n", start)) {
      lines.push(pending.slice(start, end));
      start = end + 1;
    }
    pending = pending.slice(start);
    // a batch at a time: a chunk of a file can hold a hundred thousand short lines, and all their
    // outcomes and answers at once were most of the peak memory
    for (let i = 0; i < lines.length; i += BATCH) {
      collectIfDue();
      await answer(lines.length <= BATCH ? lines : lines.slice(i, i + BATCH));
    }
    // input that never runs dry (yes | calc) resumes this loop without a turn of the event loop, so
    // signal handlers (installed when calc is PID 1, see main.ts) would wait for ever: give them a turn
    if (performance.now() - lastYield > 20) {
      await Bun.sleep(0);
      lastYield = performance.now();
    }
  }
  pending += decoder.decode();
  if (pending !== "") await answer([pending]);
  return ok;
}
