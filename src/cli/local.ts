/**
 * A session on this thread, for one-shot and piped runs: the port's requests are calls, and the
 * outcomes are passed on as they are (nothing crosses a thread, so nothing is made plain). It has
 * no stop request: a signal's default action ends calc at once, even mid-line.
 */
import type { Session } from "../session.ts";
import { answer, type Answers, type PlainOutcome, type SessionPort } from "./protocol.ts";

export class LocalSession implements SessionPort {
  private readonly answers: Answers;

  constructor(private readonly session: Session) {
    this.answers = answer(session);
  }

  async evaluateLines(lines: string[]): Promise<PlainOutcome[]> {
    return this.session.evaluateLines(lines);
  }

  async evaluate(line: string): Promise<PlainOutcome> {
    return this.session.evaluate(line);
  }

  variables = async () => this.answers.variables();
  functions = async () => this.answers.functions();
  definitions = async () => this.answers.definitions();
  precision = async () => this.answers.precision();
  setPrecision = async (digits: number) => this.answers.setPrecision(digits);
  clear = async () => this.answers.clear();
  describeUnit = async (name: string) => this.answers.describeUnit(name);
  names = async () => this.answers.names();

  close(): void {}
}
