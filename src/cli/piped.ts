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

/** Evaluates standard input; resolves to true if every line succeeded. */
export async function runPiped(evaluate: Evaluate, style: Style): Promise<boolean> {
  // the executable starts with the JIT held back (start-up code runs once: package.json's build);
  // a stream of lines is the work it pays off for
  Bun.unsafe.setJITPolicy(1);
  const decoder = new TextDecoder();
  let pending = "";
  let lineNumber = 0;
  let ok = true;
  let lastCollection = 0;

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

  for await (const chunk of Bun.stdin.stream()) {
    pending += decoder.decode(chunk, { stream: true });
    const lines: string[] = [];
    let start = 0;
    for (let end = pending.indexOf("\n"); end !== -1; end = pending.indexOf("\n", start)) {
      lines.push(pending.slice(start, end));
      start = end + 1;
    }
    pending = pending.slice(start);
    await answer(lines);
    // JavaScriptCore lets its heap grow with the allocation rate; a full collection every 50,000 lines
    // keeps a long run flat (peaks measured on the benchmark's lines: 101 MB at 200,000 lines, then
    // 108–115 MB from 400,000 to 2,000,000; with a quick collection every 100,000 lines the peak went
    // from 117 MB at 200,000 lines to 163 MB at 1,000,000)
    if (lineNumber - lastCollection >= 50_000) {
      Bun.gc(true);
      lastCollection = lineNumber;
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
