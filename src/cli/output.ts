/**
 * Synchronous writes to stdout and stderr. Blocking is the point: a slow
 * reader slows us down instead of letting output pile up in memory. A reader
 * that has gone away (`calc | head -3`) ends the program quietly, status 0;
 * in the REPL, so does a terminal that has (EIO), with status 129 as for the
 * hang-up that comes with it.
 */
import { writeSync } from "node:fs";

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
      throw error;
    }
  }
}

export const writeOut = (text: string) => writeAll(1, text);
export const writeErr = (text: string) => writeAll(2, text);
