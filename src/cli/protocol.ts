/**
 * What crosses between the front end and a session on another thread
 * (src/cli/worker.ts): outcomes as text, never values, and the requests the
 * REPL makes of a session. The same port works for a session on this thread,
 * so the REPL's code does not care where the session is.
 */
import type { ErrorKind, Span } from "../errors.ts";
import type { NameKind, Outcome, Session, Shadowing } from "../session.ts";

export interface PlainError {
  readonly kind: ErrorKind;
  readonly message: string;
  readonly span: Span;
  readonly inFunction?: string;
}

/** An outcome without its value: what the front ends print. */
export type PlainOutcome =
  | { readonly kind: "empty" }
  | {
      readonly kind: "value";
      readonly text: string;
      readonly exact: boolean;
      readonly quantity?: { readonly number: string; readonly unit: string; readonly dimension: string };
      readonly valueText?: string;
      readonly shadows?: readonly Shadowing[];
    }
  | { readonly kind: "definition"; readonly name: string; readonly text: string; readonly shadows?: readonly Shadowing[] }
  | { readonly kind: "error"; readonly error: PlainError };

export function toPlain(outcome: Outcome): PlainOutcome {
  switch (outcome.kind) {
    case "value": {
      const { text, exact, quantity, valueText, shadows } = outcome;
      return { kind: "value", text, exact, ...(quantity && { quantity }), ...(valueText !== undefined && { valueText }), ...(shadows && { shadows }) };
    }
    case "error": {
      const { kind, message, span, inFunction } = outcome.error;
      return { kind: "error", error: { kind, message, span, inFunction } };
    }
    default:
      return outcome;
  }
}

export interface UnitDescription {
  readonly summary: string;
  readonly definition?: string;
  readonly source: string;
}

/** What the REPL asks of a session, wherever it is. */
export interface SessionPort {
  evaluate(line: string): Promise<PlainOutcome>;
  variables(): Promise<{ name: string; text: string }[]>;
  functions(): Promise<string[]>;
  precision(): Promise<number>;
  /** Resolves to an error message if the precision is not allowed. */
  setPrecision(digits: number): Promise<string | undefined>;
  clear(): Promise<void>;
  describeUnit(name: string): Promise<UnitDescription | undefined>;
  names(): Promise<{ name: string; kind: NameKind }[]>;
}

/** The requests, by name, as a session on any thread answers them. */
export function answer(session: Session) {
  return {
    evaluate: (lines: string[]) => session.evaluateLines(lines).map(toPlain),
    variables: () => session.listVariables(),
    functions: () => session.listFunctions().map((fn) => fn.text),
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
