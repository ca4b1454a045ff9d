/**
 * Standard input that is not a terminal: every line is evaluated in one
 * session and answered as soon as it has arrived. Output is gathered for all
 * the lines of one chunk of input and written at once, so a script file is
 * not written one system call per line, while an interactive writer (one line,
 * then wait) gets each answer immediately. Only one chunk is held at a time:
 * memory stays flat however long the input.
 */
import { writeErr, writeOut } from "./output.ts";
import type { PlainOutcome } from "./protocol.ts";
import { formatError, formatOutcome, type Style } from "./report.ts";

/** Evaluates lines in order: a session here (`session.evaluate`), or on another thread (RemoteSession). */
export type Evaluate = (lines: string[]) => PlainOutcome[] | Promise<PlainOutcome[]>;

/** When a full garbage collection follows a chunk of lines (see the loop). */
const COLLECT_EVERY = 100_000;
const COLLECT_ABOVE = 128 * 1024 * 1024;
const GROWTH = 16 * 1024 * 1024;

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

  let lastYield = performance.now();
  let collectAt = COLLECT_EVERY;
  let collectAbove = COLLECT_ABOVE;

  for await (const chunk of Bun.stdin.stream()) {
    // before each chunk (so none after the last), a full collection every COLLECT_EVERY lines, or
    // sooner once memory passes COLLECT_ABOVE (and then has grown by GROWTH again), keeps memory flat:
    // without any, JavaScriptCore's heap kept growing with the input (a million integers 256 MB, four
    // million 283 MB; the fuzz test's 100,000 lines, which keep thousands of variables alive, 231 MB);
    // one every 50,000 lines cost 12% of a 200,000-line run (it throws away the JIT's work)
    if (lineNumber >= collectAt || process.memoryUsage.rss() > collectAbove) {
      Bun.gc(true);
      collectAt = lineNumber + COLLECT_EVERY;
      collectAbove = Math.max(COLLECT_ABOVE, process.memoryUsage.rss() + GROWTH);
    }
    pending += decoder.decode(chunk, { stream: true });
    const lines: string[] = [];
    let start = 0;
    for (let end = pending.indexOf("\n"); end !== -1; end = pending.indexOf("\n", start)) {
      lines.push(pending.slice(start, end));
      start = end + 1;
    }
    pending = pending.slice(start);
    await answer(lines);
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
