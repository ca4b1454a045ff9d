/**
 * The one way the front ends talk to a session, wherever it runs: a SessionPort. One-shot and
 * piped runs have a session on this thread (src/cli/local.ts); the REPL, and calc as PID 1, one
 * on a thread of its own (src/cli/remote.ts, src/cli/worker.ts), which this thread can stop
 * mid-line. What crosses between the threads is here too: the requests, the replies, and
 * outcomes as text, never values.
 */
import type { ErrorKind, Span } from "../errors.ts";
import type { Interrupt } from "../interrupt.ts";
import type { NameKind, Outcome, Session, Shadowing, ValueAnswer } from "../session.ts";

export interface PlainError {
  readonly kind: ErrorKind;
  readonly message: string;
  readonly span: Span;
  readonly inFunction?: string;
}

/** A value as the front ends print it: its text, without the value. */
export interface PlainValue {
  readonly kind: "value";
  readonly text: string;
  readonly exact: boolean;
  readonly quantity?: { readonly number: string; readonly unit: string; readonly dimension: string };
  /** A complex number's parts, each exact (3/2) or as the precision writes it. */
  readonly complex?: { readonly re: string; readonly im: string };
  /** A date or time's kind (date, time, datetime, instant, zoned, weekday). */
  readonly moment?: string;
  /** A list's items, each as it is written. */
  readonly items?: readonly string[];
  readonly valueText?: string;
}

/** An outcome without its values: what the front ends print. */
export type PlainOutcome =
  | { readonly kind: "empty" }
  | (PlainValue & { readonly shadows?: readonly Shadowing[] })
  | { readonly kind: "definition"; readonly name: string; readonly text: string; readonly shadows?: readonly Shadowing[] }
  | { readonly kind: "values"; readonly values: readonly (PlainValue & { readonly statement: number })[]; readonly shadows?: readonly Shadowing[] }
  | { readonly kind: "error"; readonly error: PlainError };

export function toPlain(outcome: Outcome): PlainOutcome {
  switch (outcome.kind) {
    case "value": {
      const { shadows } = outcome;
      return { ...plainValue(outcome), ...(shadows && { shadows }) };
    }
    case "values": {
      const { values, shadows } = outcome;
      return { kind: "values", values: values.map((value) => ({ ...plainValue(value), statement: value.statement })), ...(shadows && { shadows }) };
    }
    case "error": {
      const { kind, message, span, inFunction } = outcome.error;
      return { kind: "error", error: { kind, message, span, inFunction } };
    }
    default:
      return outcome;
  }
}

function plainValue({ text, exact, quantity, complex, valueText, moment, items }: ValueAnswer): PlainValue {
  return {
    kind: "value",
    text,
    exact,
    ...(quantity && { quantity }),
    ...(complex && { complex }),
    ...(valueText !== undefined && { valueText }),
    ...(moment && { moment }),
    ...(items && { items }),
  };
}

export interface UnitDescription {
  readonly summary: string;
  readonly definition?: string;
  readonly source: string;
}

/**
 * What a front end asks of a session, wherever it is. Every answer is a promise, as one from
 * another thread must be.
 */
export interface SessionPort {
  /**
   * Evaluates lines in order, from the first, each all or nothing. It may stop early, once the
   * answers so far are long (Session.evaluateLines): the outcomes are those of the first lines,
   * at least one; the caller asks again for the rest.
   */
  evaluateLines(lines: string[]): Promise<PlainOutcome[]>;
  evaluate(line: string): Promise<PlainOutcome>;
  variables(): Promise<{ name: string; text: string }[]>;
  functions(): Promise<string[]>;
  /** Lines that make the user's variables and functions again (what :save writes): Session.definitionLines. */
  definitions(): Promise<string[]>;
  precision(): Promise<number>;
  /** Resolves to an error message if the precision is not allowed. */
  setPrecision(digits: number): Promise<string | undefined>;
  clear(): Promise<void>;
  describeUnit(name: string): Promise<UnitDescription | undefined>;
  names(): Promise<{ name: string; kind: NameKind }[]>;
  /** Ends the session's thread, if it has one: calc would wait for it. */
  close(): void;
}

/**
 * A port to a session on a thread of its own: this thread is free while it computes, so it can
 * stop it (the REPL's Ctrl-C). A session on this thread has no such port: while it computes,
 * nothing here runs to ask.
 */
export interface RemotePort extends SessionPort {
  /** Starts the session's thread, if it was made to wait for this; requests made before wait for it. */
  start(): void;
  /** Stops the computation in progress, and the lines sent after it, until `resume()`. */
  interrupt(): void;
  resume(): void;
  /** What a line would answer, with no effect; stopped by abandonPreview() or its time budget. */
  preview(line: string): Promise<PlainOutcome>;
  /** Stops the preview being computed, if any (never a line). */
  abandonPreview(): void;
}

/** The requests, by name, as a session on any thread answers them. */
export function answer(session: Session, previewStop?: () => Interrupt) {
  return {
    evaluate: (lines: string[]) => session.evaluateLines(lines).map(toPlain),
    // (`previewStop` makes each preview's stop request: the REPL's own flag and a time budget)
    preview: (line: string) => toPlain(session.preview(line, previewStop?.())),
    variables: () => session.listVariables(),
    functions: () => session.listFunctions().map((fn) => fn.text),
    definitions: () => session.definitionLines(),
    precision: () => session.precision,
    setPrecision: (digits: number) => {
      try {
        session.precision = digits;
        return undefined;
      } catch (error) {
        return (error as Error).message;
      }
    },
    clear: () => session.clear(),
    describeUnit: (name: string) => session.describeUnit(name),
    names: () => session.names(),
  };
}

export type Answers = ReturnType<typeof answer>;

/** A request to the session's thread: a method of the answer table, or "init" (the stop flag's buffer, the precision), first. */
export interface Request {
  readonly id: number;
  readonly method: keyof Answers | "init";
  readonly args: readonly unknown[];
}

/** The session's thread's answer to the request of the same id. */
export interface Reply {
  readonly id: number;
  readonly result: unknown;
}
