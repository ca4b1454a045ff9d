/**
 * Standard input that is not a terminal: every line is evaluated in one
 * session and answered as soon as it has arrived. Output is gathered for a
 * batch of the lines of one chunk of input and written at once, so a script
 * file is not written one system call per line, while an interactive writer
 * (one line, then wait) gets each answer immediately. Only one chunk is held
 * at a time, and answered a batch at a time, a batch bounded both in lines
 * and in the characters of its answers: memory stays flat however long the
 * input, and however long each answer. A line longer than the limit is
 * refused while it is read: only as much of it is kept as the error's
 * excerpt shows (its first MAX_LINE_LENGTH + 51 characters), the rest is
 * counted and dropped.
 */
import { heapSize } from "bun:jsc";
import { lineTooLong } from "../errors.ts";
import { MAX_LINE_LENGTH } from "../limits.ts";
import { EXCERPT } from "../excerpt.ts";
import { failureLine } from "./failure.ts";
import { writeErr, writeOut } from "./blocking-write.ts";
import type { PlainOutcome, SessionPort } from "./protocol.ts";
import { presentError, presentOutcome, ShadowNotices, type Presentation } from "./present.ts";

/** A full garbage collection every so many lines (see collectIfDue)… */
const COLLECT_EVERY = 25_000;
/** …or every so many characters of answers, whichever comes first: long answers leave long garbage. */
const COLLECT_EVERY_CHARACTERS = 4 * 1024 * 1024;
/** Lines evaluated, answered and written together (a chunk of input may hold many more). */
const BATCH = 4096;
/** Live data past which collections come less often: each one has to go through all of it. */
const LARGE_HEAP = 64 * 1024 * 1024;

/**
 * Characters kept of a line past the limit: the error's excerpt shows EXCERPT characters around the
 * first one too many (src/excerpt.ts), and says whether more follow.
 */
const HEAD = MAX_LINE_LENGTH + EXCERPT / 2 + 1;

/** A line past the limit, refused as it was read: its length, and its start for the error's excerpt. */
interface Overlong {
  readonly head: string;
  readonly length: number;
}

/**
 * Evaluates standard input in `session` (on this thread, or on its own as PID 1: main.ts); resolves
 * to the exit status: 0 if every line succeeded, else 1 (2 for input that is a directory).
 */
export async function runPiped(session: SessionPort, style: Presentation): Promise<number> {
  // the executable starts with the JIT held back (start-up code runs once: package.json's build);
  // a stream of lines is the work it pays off for
  Bun.unsafe.setJITPolicy(1);
  let lineNumber = 0;
  let ok = true;
  /** Characters of answers written since the last collection. */
  let written = 0;

  const notices = new ShadowNotices(style);

  const fail = (error: PlainOutcome & { kind: "error" }, line: string) => {
    ok = false;
    writeErr(presentError(error.error, line, style, lineNumber));
  };

  /** Writes the lines' answers in order; errors must not overtake the results before them. */
  const answer = async (lines: string[]) => {
    for (let from = 0; from < lines.length; ) {
      collectIfDue();
      const outcomes = await session.evaluateLines(from === 0 ? lines : lines.slice(from));
      const out: string[] = [];
      for (let i = 0; i < outcomes.length; i++) {
        lineNumber++;
        const outcome = outcomes[i]!;
        if (outcome.kind === "error") {
          writeOut(out.join(""));
          out.length = 0;
          fail(outcome, lines[from + i]!);
        } else {
          const text = presentOutcome(outcome, lines[from + i]!, style, "; ");
          written += text.length;
          out.push(text);
          // after the line's answer, and before the next: a warning that a name now hides a constant or a unit
          if (outcome.kind !== "empty" && outcome.shadows) {
            writeOut(out.join(""));
            out.length = 0;
            writeErr(notices.present(outcome, lines[from + i]!, lineNumber));
          }
        }
      }
      writeOut(out.join(""));
      from += outcomes.length;
    }
  };

  const refuse = (line: Overlong) => {
    lineNumber++;
    fail({ kind: "error", error: lineTooLong(line.length) }, line.head);
  };

  let collectEvery = COLLECT_EVERY;
  let collectAt = collectEvery;

  /**
   * Before a batch (so none after the last), a full collection every COLLECT_EVERY lines: without
   * any, JavaScriptCore's heap grew with the input. A collection takes milliseconds, and a smaller
   * heap wins them back (no measurable cost on the benchmark's typical file; the figures are in
   * docs/performance.md, "What changed", "Piped memory"). A session that holds much live data makes each one longer: while
   * more than LARGE_HEAP is live after one, they come half as often. (Not by how long one took:
   * that moves with the machine's load, and so did the peaks.) Long answers (tens of thousands of
   * digits each) leave garbage that JavaScriptCore's own collections were slow to return: a
   * collection also follows every COLLECT_EVERY_CHARACTERS of answers, which a hundred lines of
   * huge numbers reach, and short answers only after hundreds of thousands of lines.
   */
  const collectIfDue = () => {
    if (lineNumber < collectAt && written < COLLECT_EVERY_CHARACTERS) return;
    Bun.gc(true);
    collectEvery = heapSize() > LARGE_HEAP ? collectEvery * 2 : COLLECT_EVERY;
    collectAt = lineNumber + collectEvery;
    written = 0;
  };

  /** Answers a chunk's complete lines, a batch at a time, and the overlong ones in their place. */
  const answerAll = async (lines: (string | Overlong)[]) => {
    let batch: string[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await answer(batch);
      batch = [];
    };
    for (const line of lines) {
      if (typeof line === "string") {
        batch.push(line);
        // a chunk of a file can hold a hundred thousand short lines, and all their outcomes and
        // answers at once were most of the peak memory
        if (batch.length === BATCH) await flush();
      } else {
        await flush();
        refuse(line);
      }
    }
    await flush();
  };

  const reader = new LineReader();
  let chunks: AsyncIterator<Uint8Array> | undefined;
  let lastYield = performance.now();
  for (;;) {
    let next: IteratorResult<Uint8Array>;
    try {
      // (made in here: Bun's stream fails at once for a directory)
      chunks ??= Bun.stdin.stream()[Symbol.asyncIterator]();
      next = await chunks.next();
    } catch (error) {
      // a directory (`calc < /tmp`) is a mistake in the command (status 2, as for usage errors); a
      // read that fails on the way (EIO) is a failure (status 1); either way, one line, after the
      // answers to the lines before it
      writeErr(failureLine("cannot read standard input", error));
      return (error as NodeJS.ErrnoException).code === "EISDIR" ? 2 : 1;
    }
    if (next.done) break;
    await answerAll(reader.push(next.value));
    // input that never runs dry (yes | calc) resumes this loop without a turn of the event loop, so
    // signal handlers (installed when calc is PID 1, see main.ts) would wait for ever: give them a turn
    if (performance.now() - lastYield > 20) {
      await Bun.sleep(0);
      lastYield = performance.now();
    }
  }
  await answerAll(reader.end());
  return ok ? 0 : 1;
}

/**
 * Bytes into lines, holding at most HEAD characters of a line that has not ended.
 * Each chunk is searched for newlines once (the text carried over from the chunks before is never
 * searched again), so reading is linear in the input however long its lines.
 */
class LineReader {
  private readonly decoder = new TextDecoder();
  /** The start of a line not yet ended, in pieces (joined when it ends). */
  private pieces: string[] = [];
  private pending = 0;
  /** Set while the rest of an overlong line is being skipped: its start and its length so far. */
  private overlong: { head: string; length: number } | undefined;

  push(chunk: Uint8Array): (string | Overlong)[] {
    return this.split(this.decoder.decode(chunk, { stream: true }));
  }

  /** The last line, if the input did not end with a newline. */
  end(): (string | Overlong)[] {
    const lines = this.split(this.decoder.decode());
    if (this.overlong) lines.push(this.overlong);
    else if (this.pending > 0) lines.push(this.pieces.join(""));
    this.overlong = undefined;
    this.pieces = [];
    this.pending = 0;
    return lines;
  }

  private split(text: string): (string | Overlong)[] {
    const lines: (string | Overlong)[] = [];
    let start = 0;
    for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", start)) {
      if (this.pending === 0 && !this.overlong && end - start <= MAX_LINE_LENGTH) {
        lines.push(text.slice(start, end)); // the common case: a whole line within one chunk
      } else {
        this.add(text, start, end);
        lines.push(this.overlong ?? this.take());
        this.overlong = undefined;
      }
      start = end + 1;
    }
    this.add(text, start, text.length);
    return lines;
  }

  /** Adds text[from, to) to the line being read, or counts it if that line is already too long. */
  private add(text: string, from: number, to: number): void {
    if (from === to) return;
    if (this.overlong) {
      this.overlong.length += to - from;
      return;
    }
    if (this.pending + (to - from) <= MAX_LINE_LENGTH) {
      this.pieces.push(text.slice(from, to));
      this.pending += to - from;
      return;
    }
    // past the limit: keep what the error's excerpt shows, count the rest
    const length = this.pending + (to - from);
    this.pieces.push(text.slice(from, from + Math.min(to - from, HEAD - this.pending)));
    this.overlong = { head: this.take(), length };
  }

  private take(): string {
    const line = this.pieces.length === 1 ? this.pieces[0]! : this.pieces.join("");
    this.pieces = [];
    this.pending = 0;
    return line;
  }
}
