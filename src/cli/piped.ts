/**
 * Standard input that is not a terminal: every line is evaluated in one
 * session and answered as soon as it has arrived. Output is gathered for all
 * the lines of one chunk of input and written at once, so a script file is
 * not written one system call per line, while an interactive writer (one line,
 * then wait) gets each answer immediately. Only one line is held at a time:
 * memory stays flat however long the input.
 */
import type { Session } from "../session.ts";
import { writeErr, writeOut } from "./output.ts";
import { formatError, formatOutcome, type Style } from "./report.ts";

/** Evaluates standard input; resolves to true if every line succeeded. */
export async function runPiped(session: Session, style: Style): Promise<boolean> {
  const decoder = new TextDecoder();
  let pending = "";
  let lineNumber = 0;
  let ok = true;
  let lastCollection = 0;

  const evaluateLine = (line: string, out: string[], err: string[]) => {
    lineNumber++;
    const outcome = session.evaluate(line);
    if (outcome.kind === "error") {
      ok = false;
      err.push(formatError(outcome.error, line, style, lineNumber));
    } else {
      out.push(formatOutcome(outcome, line, style));
    }
  };

  const flush = (out: string[], err: string[]) => {
    writeOut(out.join(""));
    writeErr(err.join(""));
  };

  let lastYield = performance.now();

  for await (const chunk of Bun.stdin.stream()) {
    pending += decoder.decode(chunk, { stream: true });
    const out: string[] = [];
    const err: string[] = [];
    let start = 0;
    for (let end = pending.indexOf("\n"); end !== -1; end = pending.indexOf("\n", start)) {
      evaluateLine(pending.slice(start, end), out, err);
      // errors must not overtake the results before them: flush in order
      if (err.length > 0) {
        flush(out, err);
        out.length = 0;
        err.length = 0;
      }
      start = end + 1;
    }
    pending = pending.slice(start);
    flush(out, err);
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
  if (pending !== "") {
    const out: string[] = [];
    const err: string[] = [];
    evaluateLine(pending, out, err);
    flush(out, err);
  }
  return ok;
}
