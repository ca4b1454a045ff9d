/**
 * REPL history, kept between runs in a plain text file (one entry per line,
 * oldest first). Where the file cannot be read or written (a read-only file
 * system, no home directory) or is not a regular file (/dev/full, a FIFO,
 * /dev/tty: none of them may block or flood the start) history lives in
 * memory for this run only and the REPL says so once; it never stops the
 * session. Only the end of a large file is read.
 */
import { appendFileSync, closeSync, constants, fstatSync, mkdirSync, openSync, readSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";

/** Entries kept in memory and loaded from the file. */
export const HISTORY_SIZE = 1000;

/** Bytes read from the end of the file at most: its newest entries, however large the file has grown. */
export const HISTORY_BYTES = 4 * 1024 * 1024;

/** $CALC_HISTORY, else $XDG_STATE_HOME/calc/history, else ~/.calc_history; undefined with no home at all. */
export function historyPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CALC_HISTORY) return env.CALC_HISTORY;
  if (env.XDG_STATE_HOME) return join(env.XDG_STATE_HOME, "calc", "history");
  const home = env.HOME || safeHomedir();
  return home ? join(home, ".calc_history") : undefined;
}

function safeHomedir(): string | undefined {
  try {
    return homedir() || undefined;
  } catch {
    return undefined;
  }
}

function reason(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const known: Record<string, string> = {
    EROFS: "read-only file system",
    EACCES: "permission denied",
    EPERM: "not permitted",
    ENOENT: "no such directory",
    ENOTDIR: "not a directory",
    EEXIST: "not a directory", // mkdir where a file is in the way
    EISDIR: "is a directory",
    ENOSPC: "no space left",
  };
  return (code && known[code]) ?? message;
}

export class History {
  /** Oldest first. */
  readonly entries: string[] = [];
  /** Why history is not saved; undefined while it is. */
  private problem: string | undefined;
  private problemTold = false;
  private path: string | undefined;
  /** Lines in the file, to know when to cut it back to HISTORY_SIZE. */
  private fileLines = 0;

  constructor(path: string | undefined) {
    this.path = path;
    if (path === undefined) {
      this.problem = "history is kept in memory only: no home directory to save it in";
      return;
    }
    // the usual way to ask for no history file: kept in memory, and nothing to tell
    if (path === "/dev/null") {
      this.path = undefined;
      return;
    }
    try {
      mkdirSync(dirname(path), { recursive: true });
      // opening for writing checks now, not at the first line, that the file can be written; without
      // blocking, as a FIFO would (and /dev/tty would block the read, /dev/zero never end it)
      const fd = openSync(path, constants.O_RDWR | constants.O_APPEND | constants.O_CREAT | constants.O_NONBLOCK, 0o600);
      try {
        const stat = fstatSync(fd);
        if (!stat.isFile()) {
          this.problem = `history is kept in memory only: ${path} is not a regular file`;
          this.path = undefined;
          return;
        }
        this.load(fd, stat.size);
      } finally {
        closeSync(fd);
      }
    } catch (error) {
      this.failed(error);
    }
  }

  /** The newest entries, from at most the last HISTORY_BYTES of the file. */
  private load(fd: number, size: number): void {
    const length = Math.min(size, HISTORY_BYTES);
    const buffer = Buffer.alloc(length);
    let read = 0;
    while (read < length) {
      const got = readSync(fd, buffer, read, length - read, size - length + read);
      if (got === 0) break;
      read += got;
    }
    let lines = buffer.toString("utf8", 0, read).split("\n");
    // read from the middle of the file: its first line is only the end of an entry
    if (length < size) lines = lines.slice(1);
    lines = lines.filter((line) => line.trim() !== "");
    // a file larger than was read has more lines than were counted: the first entry added cuts it back
    this.fileLines = length < size ? 2 * HISTORY_SIZE : lines.length;
    this.entries.push(...lines.slice(-HISTORY_SIZE));
  }

  /** Why history is not being saved, the first time this is asked after it happened; else undefined. */
  notice(): string | undefined {
    if (this.problem === undefined || this.problemTold) return undefined;
    this.problemTold = true;
    return this.problem;
  }

  /** Newest first, as node:readline wants it. */
  newestFirst(): string[] {
    return [...this.entries].reverse();
  }

  add(line: string): void {
    if (line.trim() === "" || this.entries.at(-1) === line) return;
    this.entries.push(line);
    if (this.entries.length > HISTORY_SIZE) this.entries.shift();
    if (this.path === undefined) return;
    try {
      // appending keeps two sessions' lines; the file is cut back to the newest entries when it doubles
      if (this.fileLines + 1 > 2 * HISTORY_SIZE) {
        writeFileSync(this.path, this.entries.map((entry) => `${entry}\n`).join(""), { mode: 0o600 });
        this.fileLines = this.entries.length;
      } else {
        appendFileSync(this.path, `${line}\n`, { mode: 0o600 });
        this.fileLines++;
      }
    } catch (error) {
      this.failed(error);
    }
  }

  private failed(error: unknown): void {
    this.problem = `history is kept in memory only: cannot write ${this.path} (${reason(error)})`;
    this.path = undefined;
  }
}
