/**
 * Synchronous writes to stdout and stderr. Blocking is the point: a slow
 * reader slows us down instead of letting output pile up in memory. A reader
 * that has gone away (`calc | head -3`) ends the program quietly, status 0;
 * in the REPL, so does a terminal that has (EIO), with status 129 as for the
 * hang-up that comes with it. Any other failure (a full disk: `calc > /dev/full`)
 * ends it with one line on stderr and status 1.
 */
import { writeSync } from "node:fs";
import { failureLine } from "./failure.ts";

let onTerminal = false;

/** The REPL's output is a terminal: an EIO means it has gone away. */
export function writingToTerminal(): void {
  onTerminal = true;
}

function writeAll(fd: number, text: string): void {
  if (text === "") return;
  let data = Buffer.from(text);
  while (data.length > 0) {
    try {
      const written = writeSync(fd, data);
      data = data.subarray(written);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") continue; // a non-blocking pipe that is full: try again
      if (code === "EPIPE") process.exit(0);
      if (code === "EIO" && onTerminal) process.exit(129);
      failed(fd, error);
    }
  }
}

/** Says why on stderr, if it is not stderr that failed, and ends calc with status 1. */
function failed(fd: number, error: unknown): never {
  if (fd !== 2) {
    try {
      writeSync(2, Buffer.from(failureLine("cannot write the answer", error)));
    } catch {
      // stderr fails too: the status is all that is left to say it
    }
  }
  process.exit(1);
}

export const writeOut = (text: string) => writeAll(1, text);
export const writeErr = (text: string) => writeAll(2, text);
