/**
 * `calc 3 * 4` unquoted: the shell replaces `*` with the names of the files here, and the line
 * calc is given fails on one of them. When a one-shot line fails and some of its arguments are
 * names of existing files, the error says what happened and what to do.
 */
import { statSync } from "node:fs";

/** The hint for a failed one-shot line whose arguments look expanded by the shell, else undefined. */
export function shellExpansionHint(words: readonly string[]): string | undefined {
  const files = words.filter((word) => isFile(word));
  if (files.length === 0) return undefined;
  const shown = files.length > 3 ? `${files.slice(0, 3).join(", ")}, …` : files.join(", ");
  return `quote the expression: the shell expanded '*' into the names of files here (${shown}); write calc '3 * 4', not calc 3 * 4`;
}

/** A name the shell's `*` makes: a file or directory here (no slash; not . or ..). */
function isFile(word: string): boolean {
  if (word === "" || word.includes("/") || word === "." || word === "..") return false;
  try {
    statSync(word);
    return true;
  } catch {
    return false;
  }
}
