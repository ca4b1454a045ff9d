/**
 * Where the time of a piped line goes, in-process: run by bench/run.ts as
 * `bun bench/profile.ts FILE`. Prints JSON: microseconds per line for each
 * stage — reading (decoding and splitting the input), lexing, parsing,
 * evaluating (compiling and running), formatting the result, and writing
 * (the output text, written to /dev/null) — each in the last of three passes
 * (the JIT warmed up by the first two). Also how the whole of a line's
 * time (session.evaluate: lex, parse, evaluate, format) divides between the
 * lines that call an irrational function (sqrt, sin, exp, …) and the rest,
 * timed line by line in a fourth pass.
 */
import { closeSync, openSync, readFileSync, writeSync } from "node:fs";
import { lex, parseTokens } from "../grammar/testing.ts";
import { presentOutcome, plain } from "../src/cli/present.ts";
import { Session, type Outcome } from "../src/session.ts";
import { coreNames } from "../src/syntax.ts";

const bytes = readFileSync(process.argv[2]!);
let lines: string[] = [];

function perLine(work: () => void): number {
  let microseconds = 0;
  for (let pass = 0; pass < 3; pass++) {
    const started = performance.now();
    work();
    microseconds = ((performance.now() - started) * 1000) / lines.length;
  }
  return microseconds;
}

function read(): void {
  const text = new TextDecoder().decode(bytes);
  lines = [];
  let start = 0;
  for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", start)) {
    lines.push(text.slice(start, end));
    start = end + 1;
  }
}
read();
const reading = perLine(read);
const lexing = perLine(() => {
  for (const line of lines) lex(line);
});
const lexingAndParsing = perLine(() => {
  for (const line of lines) parseTokens(line, lex(line), coreNames);
});
let outcomes: Outcome[] = [];
const session = new Session();
const whole = perLine(() => {
  outcomes = lines.map((line) => session.evaluate(line));
});
const formatting = perLine(() => {
  for (const outcome of outcomes) if (outcome.kind === "value") session.format(outcome.value);
});
const devNull = openSync("/dev/null", "w");
const style = { json: false, out: plain, err: plain };
const writing = perLine(() => {
  let text = "";
  for (let i = 0; i < outcomes.length; i++) {
    const outcome = outcomes[i]!;
    if (outcome.kind !== "error") text += presentOutcome(outcome, lines[i]!, style);
    if (text.length > 65536) {
      writeSync(devNull, text);
      text = "";
    }
  }
  writeSync(devNull, text);
});
closeSync(devNull);
// line by line, by kind: a call of an irrational function (approximate arithmetic, decimal.js) or not
const callsFunction = /\b(?:sqrt|sin|cos|tan|atan|asin|acos|ln|log|exp)\(/;
const kinds = { functions: { lines: 0, microseconds: 0 }, others: { lines: 0, microseconds: 0 } };
const timed = new Session();
for (const line of lines) {
  const started = performance.now();
  timed.evaluate(line);
  const kind = callsFunction.test(line) ? kinds.functions : kinds.others;
  kind.microseconds += (performance.now() - started) * 1000;
  kind.lines++;
}
const allMicroseconds = kinds.functions.microseconds + kinds.others.microseconds;
const byKind = Object.fromEntries(
  Object.entries(kinds).map(([name, { lines: count, microseconds }]) => [
    name,
    { lines: count, perLine: count === 0 ? 0 : microseconds / count, shareOfTime: microseconds / allMicroseconds },
  ]),
);
console.log(
  JSON.stringify({
    reading,
    lexing,
    parsing: lexingAndParsing - lexing,
    evaluating: whole - lexingAndParsing - formatting,
    formatting,
    writing,
    total: reading + whole + writing,
    byKind,
  }),
);
