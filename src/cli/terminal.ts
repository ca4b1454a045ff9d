/**
 * Is this file descriptor a terminal? Asked without node:tty where possible:
 * loading node:tty (or touching process.stdin/stdout) costs Bun about 10–20 ms
 * of start-up, more than evaluating a line. A pipe or a file (fstat says so)
 * is never a terminal; only a character device (a terminal, or /dev/null)
 * needs the real isatty(); /dev/null is recognised by its device number.
 */
import { fstatSync, statSync } from "node:fs";

export async function isTerminal(fd: number): Promise<boolean> {
  let device: number;
  try {
    const stat = fstatSync(fd);
    if (!stat.isCharacterDevice()) return false;
    device = stat.rdev;
  } catch {
    return false; // closed
  }
  if (device === devNull()) return false;
  const { isatty } = await import("node:tty");
  return isatty(fd);
}

function devNull(): number | undefined {
  try {
    return statSync("/dev/null").rdev;
  } catch {
    return undefined;
  }
}
