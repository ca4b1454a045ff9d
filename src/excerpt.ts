/**
 * Renders a CalcError under the line it is about, caret at the span:
 *
 *     1 + * 2
 *         ^ expected a number, a name or '(' but found '*'
 *
 * Pure string work, shared by every front end (they choose where it goes).
 */
import type { CalcError } from "./errors.ts";

/** What rendering needs of an error: its message and where it is. */
type Located = Pick<CalcError, "message" | "span">;

/** Longest excerpt of the line shown; longer lines are cut around the error. */
export const EXCERPT = 100;

export interface Excerpt {
  /** The line, or the part of it around the error. */
  readonly text: string;
  /** Characters before the caret, spaces and tabs aligned with `text`. */
  readonly pad: string;
  /** `^` and one `~` per further character of the span, at most to the end of the excerpt. */
  readonly marker: string;
}

export function excerpt(line: string, error: Located): Excerpt {
  let { start, end } = error.span;
  let text = line.replace(/[\r\n]+$/, "");
  if (text.length > EXCERPT) {
    const from = Math.max(0, Math.min(start - EXCERPT / 2, text.length - EXCERPT));
    const cut = text.slice(from, from + EXCERPT);
    const prefix = from > 0 ? "…" : "";
    text = prefix + cut + (from + EXCERPT < line.length ? "…" : "");
    start = start - from + prefix.length;
    end = end - from + prefix.length;
  }
  // control characters would move the caret; show them as '?'
  text = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "?");
  const pad = [...text.slice(0, start)].map((c) => (c === "\t" ? "\t" : " ")).join("");
  const width = Math.max(1, Math.min(end, text.length + 1) - start);
  return { text, pad, marker: `^${"~".repeat(width - 1)}` };
}

/** The two-line form: the line, then the caret and the message. */
export function renderError(line: string, error: Located): string {
  const { text, pad, marker } = excerpt(line, error);
  return `${text}\n${pad}${marker} ${error.message}`;
}
