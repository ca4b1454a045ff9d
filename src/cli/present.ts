/**
 * How a front end writes outcomes: plain text or one JSON object per result,
 * errors with their caret, in colour when the stream is a terminal.
 */
import type { PlainError, PlainOutcome, PlainValue } from "./protocol.ts";
import { excerpt } from "../excerpt.ts";

/** The few colours the front ends use; `plain` where there is no colour. */
export interface Paint {
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly red: (text: string) => string;
  readonly cyan: (text: string) => string;
}

const same = (text: string) => text;
export const plain: Paint = { bold: same, dim: same, red: same, cyan: same };

export interface Presentation {
  readonly json: boolean;
  /** Colours for results (stdout) and for errors (stderr). */
  readonly out: Paint;
  readonly err: Paint;
}

/**
 * The stdout text for an outcome (with its newline), or "" for nothing. The values of a line of
 * several expression statements are each on a line of its own, or joined by `separator` on one
 * (piped input: one output line per input line); --json writes one object per value, each on a
 * line of its own and with its statement's number, whatever the separator.
 */
export function presentOutcome(outcome: Exclude<PlainOutcome, { kind: "error" }>, input: string, style: Presentation, separator = "\n"): string {
  switch (outcome.kind) {
    case "empty":
      return "";
    case "value":
      return style.json
        ? `${JSON.stringify(jsonOfValue(outcome, input))}\n`
        : `${style.out.bold(outcome.text)}\n`;
    case "values":
      return style.json
        ? outcome.values.map((value) => `${JSON.stringify(jsonOfValue(value, input, value.statement))}\n`).join("")
        : `${outcome.values.map((value) => style.out.bold(value.text)).join(separator)}\n`;
    case "definition":
      return style.json
        ? `${JSON.stringify({ input: input.trim(), definition: outcome.text })}\n`
        : `${style.out.cyan(outcome.text)}\n`;
  }
}

/**
 * A result as --json writes it: its value (in the default notation when `to sci` or `to eng` only
 * changed how it looks, then with the text shown beside it), whether that is exact, and for a
 * quantity its number, unit and dimension; one of a line's several values says which statement it
 * answers (from 1).
 */
function jsonOfValue(outcome: PlainValue, input: string, statement?: number): object {
  const { text, valueText, exact, quantity, complex, moment, items } = outcome;
  return {
    input: input.trim(),
    ...(statement !== undefined && { statement }),
    value: valueText ?? text,
    exact,
    ...quantity,
    ...complex,
    // a date or time: its ISO text is the value, and which it is
    ...(moment !== undefined && { kind: moment }),
    // a list: its items' texts too
    ...(items !== undefined && { items }),
    ...(valueText !== undefined && { text }),
  };
}

/**
 * The warnings that a name of the user's now hides a built-in constant or a unit (`pi = 3`,
 * `m = 3`): each name once, on stderr, as
 *   (pi is now yours: it hides the constant pi)
 * after `line N: ` for piped input, and as an object with `warning` for --json. A warning, not an
 * error: the exit status stays. The REPL adds how to undo it (` until :reset`).
 */
export class ShadowNotices {
  private readonly told = new Set<string>();

  constructor(
    private readonly style: Presentation,
    private readonly undo = "",
  ) {}

  /** The stderr text for the names the outcome hides that have not been told yet, or "". */
  present(outcome: PlainOutcome, input: string, lineNumber?: number): string {
    if (outcome.kind === "empty" || outcome.kind === "error" || !outcome.shadows) return "";
    let text = "";
    for (const { name, hidden } of outcome.shadows) {
      if (this.told.has(name)) continue;
      this.told.add(name);
      const warning = `${name} is now yours: it hides ${hidden}`;
      if (this.style.json) {
        text += `${JSON.stringify({ ...(lineNumber !== undefined && { line: lineNumber }), input: input.trim(), warning })}\n`;
      } else {
        text += `${lineNumber === undefined ? "" : `line ${lineNumber}: `}${this.style.err.dim(`(${warning}${this.undo})`)}\n`;
      }
    }
    return text;
  }
}

/**
 * The stderr text for an error. With a line number (piped input):
 *   line 6: division by zero
 *     1/0
 *      ^~
 * Without (one-shot, REPL): the line, then the caret and the message.
 */
export function presentError(error: PlainError, input: string, style: Presentation, lineNumber?: number): string {
  if (style.json) {
    const { start, end } = error.span;
    const fields = lineNumber === undefined ? {} : { line: lineNumber };
    return `${JSON.stringify({ ...fields, input: input.length > 1000 ? `${input.slice(0, 1000)}…` : input, error: error.message, kind: error.kind, column: start + 1, length: Math.max(1, end - start) })}\n`;
  }
  const { text, pad, marker } = excerpt(input, error);
  const red = style.err.red;
  if (lineNumber !== undefined) {
    return `${red(`line ${lineNumber}:`)} ${error.message}\n  ${text}\n  ${pad}${red(marker)}\n`;
  }
  return `${text}\n${pad}${red(`${marker} ${error.message}`)}\n`;
}

/**
 * An error in the REPL: the line is already on the screen after the prompt,
 * so only the caret and message are printed, under it. A line the excerpt
 * had to shorten or clean up is shown again, as in one-shot mode.
 */
export function presentErrorAfterPrompt(error: PlainError, input: string, style: Presentation, promptWidth: number): string {
  const { text, pad, marker } = excerpt(input, error);
  if (style.json || text !== input) return presentError(error, input, style);
  return `${" ".repeat(promptWidth)}${pad}${style.err.red(`${marker} ${error.message}`)}\n`;
}
