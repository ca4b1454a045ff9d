/**
 * REPL history, kept between runs in a plain text file (one entry per line,
 * oldest first). Where the file cannot be read or written (a read-only file
 * system, no home directory) history lives in memory for this run only and
 * the REPL says so once; it never stops the session.
 */
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync, appendFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";

/** Entries kept in memory and loaded from the file. */
export const HISTORY_SIZE = 1000;

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
    try {
      mkdirSync(dirname(path), { recursive: true });
      // opening for append checks now, not at the first line, that the file can be written
      closeSync(openSync(path, "a", 0o600));
      const lines = readFileSync(path, "utf8").split("\n").filter((line) => line.trim() !== "");
      this.fileLines = lines.length;
      this.entries.push(...lines.slice(-HISTORY_SIZE));
    } catch (error) {
      this.failed(error);
    }
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
