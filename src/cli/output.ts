/**
 * Synchronous writes to stdout and stderr. Blocking is the point: a slow
 * reader slows us down instead of letting output pile up in memory. A reader
 * that has gone away (`calc | head -3`) ends the program quietly, status 0.
 */
import { writeSync } from "node:fs";

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
      throw error;
    }
  }
}

export const writeOut = (text: string) => writeAll(1, text);
export const writeErr = (text: string) => writeAll(2, text);
