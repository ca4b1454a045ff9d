/**
 * What calc says when the system fails it (a full disk under standard
 * output, a directory on standard input): one line on stderr, never a stack
 * trace, then the exit status. Shared by one-shot-write.ts (one-shot, without node:fs)
 * and blocking-write.ts (piped and the REPL).
 */

/** The usual wording of the errors a stream can give; others keep Node's own words. */
const REASONS: Record<string, string> = {
  ENOSPC: "no space left on device",
  EISDIR: "is a directory",
  EIO: "input/output error",
  EACCES: "permission denied",
  EBADF: "bad file descriptor",
  EFBIG: "file too large",
  EDQUOT: "disk quota exceeded",
  EINVAL: "invalid argument",
};

/** "no space left on device" for an ENOSPC, and Node's message without its code and system call otherwise. */
export function reason(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  if (code && REASONS[code]) return REASONS[code];
  return String(message ?? error).replace(/^E[A-Z]+: /, "").replace(/, \w+$/, "");
}

/** The line that says why calc stops: `calc: cannot write the answer: no space left on device`. */
export function failureLine(what: string, error: unknown): string {
  return `calc: ${what}: ${reason(error)}\n`;
}
