/**
 * init.calc: lines every session reads before its first (definitions that persist), and the block
 * of it that the REPL's :save writes. It lives in $XDG_CONFIG_HOME/calc, else ~/.config/calc.
 * Reading it costs a one-shot run one stat when there is none (Bun.file, not node:fs, which only
 * :save loads).
 */
import type { PlainError, SessionPort } from "./protocol.ts";
import { presentError, type Presentation } from "./present.ts";

export const INIT_NAME = "init.calc";

/** Where init.calc is: $XDG_CONFIG_HOME/calc/init.calc (an absolute path only, as the XDG spec says), else ~/.config/calc/init.calc. */
export function initPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const config = env.XDG_CONFIG_HOME?.startsWith("/") ? env.XDG_CONFIG_HOME : env.HOME ? `${env.HOME}/.config` : undefined;
  return config === undefined ? undefined : `${config}/calc/${INIT_NAME}`;
}

/** The file's lines, none if there is no file; a file that cannot be read is said once, and is no lines. */
async function readInit(path: string): Promise<{ lines: string[]; problem?: string }> {
  const file = Bun.file(path);
  try {
    if (!(await file.exists())) return { lines: [] };
    return { lines: (await file.text()).split(/\r?\n/) };
  } catch (error) {
    return { lines: [], problem: `calc: cannot read ${path}: ${describeFailure(error)}` };
  }
}

/**
 * Runs init.calc's lines in the session, before the first line of the user's; prints nothing but
 * its errors (`init.calc:3: unknown name 'x'`, with the line and its caret), and goes on after each.
 * Returns the text of those errors, for the front end to write where it writes errors.
 */
export async function runInit(session: SessionPort, style: Presentation, path = initPath()): Promise<string> {
  if (path === undefined) return "";
  const { lines, problem } = await readInit(path);
  if (problem) return `${problem}\n`;
  let errors = "";
  for (let done = 0; done < lines.length; ) {
    const outcomes = await session.evaluateLines(lines.slice(done));
    outcomes.forEach((outcome, i) => {
      if (outcome.kind === "error") errors += presentInitError(outcome.error, lines[done + i]!, done + i + 1, style);
    });
    done += outcomes.length;
  }
  return errors;
}

function presentInitError(error: PlainError, line: string, number: number, style: Presentation): string {
  if (style.json) return presentError(error, line, style, number).replace(/^\{/, `{"file":"${INIT_NAME}",`);
  return presentError(error, line, style, number).replace(/^(\S*)line (\d+):/, `$1${INIT_NAME}:$2:`);
}

const BEGIN = "# calc :save — from here to the end marker, :save writes these lines again each time";
const END = "# end of calc :save";

/**
 * :save: the session's definitions written into init.calc, in the block calc owns (last, so that
 * what was saved wins over the user's own lines before it, which are kept as they are). Written to
 * a new file beside it and renamed over it, with mode 0600. Returns what to tell the user.
 */
export async function saveDefinitions(definitions: readonly string[], path = initPath()): Promise<{ out?: string; err?: string }> {
  if (path === undefined) return { err: "cannot save: neither XDG_CONFIG_HOME nor HOME is set\n" };
  const fs = await import("node:fs");
  const directory = path.slice(0, path.lastIndexOf("/"));
  try {
    const before = fs.existsSync(path) ? fs.readFileSync(path, "utf8") : "";
    const own = withoutBlock(before);
    const block = [BEGIN, ...definitions, END].join("\n");
    const text = `${own}${own === "" || own.endsWith("\n\n") ? "" : own.endsWith("\n") ? "\n" : "\n\n"}${block}\n`;
    fs.mkdirSync(directory, { recursive: true, mode: 0o700 });
    const temporary = `${path}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(temporary, text, { mode: 0o600 });
      fs.chmodSync(temporary, 0o600);
      fs.renameSync(temporary, path);
    } catch (error) {
      fs.rmSync(temporary, { force: true });
      throw error;
    }
    const count = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;
    const functions = definitions.filter((line) => /^[^=(]+\(/.test(line)).length;
    return { out: `saved ${count(definitions.length - functions, "variable")} and ${count(functions, "function")} to ${path}\n` };
  } catch (error) {
    return { err: `cannot save to ${path}: ${describeFailure(error)}; nothing changed\n` };
  }
}

/** The file without the block :save wrote (from its first line to its end marker). */
function withoutBlock(text: string): string {
  const lines = text.split("\n");
  const begin = lines.indexOf(BEGIN);
  if (begin === -1) return text;
  const end = lines.indexOf(END, begin);
  const rest = [...lines.slice(0, begin), ...(end === -1 ? [] : lines.slice(end + 1))].join("\n");
  return rest.replace(/\n+$/, "\n").replace(/^\n$/, "");
}

/** A file system error as a few words: "read-only file system", "permission denied". */
function describeFailure(error: unknown): string {
  const code = (error as { code?: string }).code;
  const words: Record<string, string> = {
    EROFS: "read-only file system",
    EACCES: "permission denied",
    EPERM: "operation not permitted",
    ENOSPC: "no space left on the device",
    EISDIR: "it is a directory",
    ENOTDIR: "a part of the path is not a directory",
    EDQUOT: "disk quota exceeded",
    ENOENT: "no such file or directory",
    EEXIST: "a file is in the way",
  };
  return (code && words[code]) ?? (error instanceof Error ? error.message : String(error));
}
