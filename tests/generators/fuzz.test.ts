// Fuzzing dist/calc: whatever the input, the answer is a result or a clear one-line error with its
// column, the status is 0 or 1 (2 for a usage error), there is never a stack trace or an internal
// error, and every input ends within 2 seconds and 256 MB. Seeded like the property tests
// (FC_SEED replays a run); `npm run fuzz` runs many more inputs.
import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { calc, useBinary } from "../support/binary.ts";
import { extremes, fuzzLine } from "./fuzz-inputs.ts";
import { measure, runs, seed, type Measured } from "../support/processes.ts";

useBinary();

const dir = mkdtempSync(`${tmpdir()}/calc-fuzz-`);
const SECONDS = 2;
const PEAK_KILOBYTES = 256 * 1024;


// ---- what a good answer looks like

// a number (also in a base, as a fraction or a percentage), a quantity (number and unit), a sum of
// quantities (5 ft + 8.8 in), or a boolean
const VALUE = /^(true|false|-?(0[xbo][\da-f]+(\.[\da-f]+)?|\d+(\.\d+)?(e-?\d+)?(\/\d+)?( \d+\/\d+)?%?)( ?[^\s\d][^\s]*)?( [-+] \d+(\.\d+)?(e-?\d+)? [^\s]+)*)$/;
// the traces of a failure inside the program rather than in the input
const INTERNAL = /internal error|TypeError|RangeError|ReferenceError|SyntaxError|\bundefined\b(?! for)|NaN|Infinity|\[object|call stack|^\s+at |\.ts:\d|bun:|panic/m;
const KINDS = ["syntax", "name", "arity", "domain", "dimension", "type", "limit"];

/** A message for people: one line, not empty, no internals. */
function checkMessage(message: string, context: string): void {
  expect({ context, message, oneLine: /^[^\n]+$/.test(message), internal: INTERNAL.test(message) }).toEqual({
    context,
    message,
    oneLine: true,
    internal: false,
  });
}

// a complex number (issue 20): 3 + 4i, -2.5i, i, (6 + 8i) V
const NUMBER = String.raw`\d+(\.\d+)?(e-?\d+)?`;
const COMPLEX = new RegExp(String.raw`^\(?-?(${NUMBER} [-+] )?(${NUMBER})?i\)?( [^\s\d][^\s]*)?$`);

/** stdout of a successful one-shot or piped text run: a value or a definition per line. */
function checkResultLine(line: string, context: string): void {
  const ok = isValueText(line) || /^[^\s=]+\([^)]*\) = [^\n]+$/.test(line);
  expect({ context, line, ok, internal: INTERNAL.test(line) }).toEqual({ context, line, ok: true, internal: false });
}

/** A value as calc writes it: a number, a quantity, a complex number, or a list of values (issue 21): [1, 2.5 m, []]. */
function isValueText(text: string): boolean {
  if (!text.startsWith("[")) return VALUE.test(text) || COMPLEX.test(text);
  if (!text.endsWith("]")) return false;
  const items: string[] = [];
  let depth = 0;
  let start = 1;
  for (let i = 1; i < text.length - 1; i++) {
    if (text[i] === "[") depth++;
    else if (text[i] === "]") depth--;
    else if (depth === 0 && text.startsWith(", ", i)) {
      items.push(text.slice(start, i));
      start = i + 2;
    }
  }
  if (text.length > 2) items.push(text.slice(start, -1));
  return depth === 0 && items.every(isValueText);
}

/** A warning that a name of the user's now hides a constant or a unit (issue 18). */
function checkWarning(warning: string, context: string): void {
  expect({ context, warning, ok: /^[^\s]+ is now yours: it hides the (constant|unit) [^\n]+$/.test(warning) }).toEqual({ context, warning, ok: true });
}

/** stderr of a run that succeeded: nothing but the warnings that a name now hides a constant or a unit, `line N: ` before each for piped input. */
function checkWarningLines(stderr: string, context: string): void {
  for (const line of stderr.split("\n").slice(0, -1)) checkWarning(/^(?:line \d+: )?\((.*)\)$/.exec(line)?.[1] ?? line, context);
}

/** stderr of a one-shot run: the line (or the part around the error), then the caret under the column and the message. */
function checkOneShotError(stderr: string, context: string): void {
  // (and the hint to quote the expression, if a word of it is the name of a file here: src, docs)
  const match = /^([^\n]*)\n([ \t]*)\^~* ([^\n]+)\n(quote the expression: the shell expanded '\*' [^\n]+\n)?$/.exec(stderr);
  expect({ context, stderr, shape: match !== null }).toEqual({ context, stderr, shape: true });
  const [, excerpt, pad, message] = match!;
  expect(pad!.length).toBeLessThanOrEqual([...excerpt!].length + 1);
  checkMessage(message!, context);
}

/** Lines the program has nothing to say about: blank, a comment, empty statements. */
function isEmptyLine(line: string): boolean {
  return line.replace(/#.*/s, "").replace(/[ \t\r\u00a0;]/g, "") === "";
}

function checkUsage(run: Measured, context: string): void {
  expect({ context, stdout: run.stdout, first: run.stderr.split("\n")[0]!.startsWith("calc: "), usage: run.stderr.includes("usage: calc") }).toEqual({
    context,
    stdout: "",
    first: true,
    usage: true,
  });
}

describe("fuzzing", () => {
  test(`${runs(100_000)} random lines through one piped process (--json): one answer per statement line, in order`, () => {
    const lines = [new TextEncoder().encode("1 + 1"), ...fc.sample(fuzzLine, { seed, numRuns: runs(100_000) })];
    console.log(`fuzz: ${lines.length} piped lines, seed ${seed} (replay with FC_SEED=${seed})`);
    const input = `${dir}/piped.txt`;
    const size = lines.reduce((n, l) => n + l.length + 1, 0);
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const line of lines) {
      bytes.set(line, at);
      bytes[at + line.length] = 0x0a;
      at += line.length + 1;
    }
    writeFileSync(input, bytes);

    const [run] = measure([{ args: [calc, "--json"], stdin: input, output: `${dir}/piped`, timeout: 100 * Math.max(1, runs(1)) }]);
    const results = readFileSync(`${dir}/piped.out`, "utf8").split("\n").slice(0, -1).map((l) => JSON.parse(l));
    const errorText = readFileSync(`${dir}/piped.err`, "utf8");
    expect(INTERNAL.test(errorText.replaceAll(/"input":"(?:[^"\\]|\\.)*"/g, ""))).toBe(false);
    const errors = new Map<number, { input: string; error: string; kind: string; column: number; length: number; line: number }>();
    for (const l of errorText.split("\n").slice(0, -1)) {
      const error = JSON.parse(l);
      // a name that hides a constant or a unit is a warning, not an error (issue 18)
      if ("warning" in error) checkWarning(error.warning, `line ${error.line} (seed ${seed})`);
      else errors.set(error.line, error);
    }

    // a hang: the last line answered points at the culprit, a few lines further on
    const answered = Math.max(0, ...errors.keys());
    expect({ seed, killed: run!.status === -9, lastErrorLine: answered }).toEqual({ seed, killed: false, lastErrorLine: answered });

    const decoder = new TextDecoder();
    let next = 0;
    let empty = 0;
    for (const [i, bytes] of lines.entries()) {
      const number = i + 1;
      const line = decoder.decode(bytes);
      const context = `line ${number}: ${JSON.stringify(line)} (seed ${seed})`;
      const error = errors.get(number);
      if (error) {
        expect({ context, kind: KINDS.includes(error.kind), column: Number.isInteger(error.column) && error.column >= 1 && error.column <= line.length + 1 }).toEqual({
          context,
          kind: true,
          column: true,
        });
        checkMessage(error.error, context);
      } else if (isEmptyLine(line)) {
        empty++;
      } else {
        // one answer, or (issue 18) one object per value of a line of several, numbered 1, 2, … by statement, in order
        const first = results[next++];
        expect({ context, input: first?.input }).toEqual({ context, input: line.trim() });
        const answers = [first];
        if (first.statement !== undefined) {
          while (results[next]?.input === first.input && results[next].statement > answers.at(-1).statement) answers.push(results[next++]);
          expect({ context, several: answers.length >= 2 }).toEqual({ context, several: true });
        }
        for (const result of answers) {
          if ("definition" in result) checkResultLine(result.definition, context);
          else checkResultLine(result.value, context);
        }
      }
    }
    expect(next).toBe(results.length);
    console.log(`fuzz: ${results.length} results, ${errors.size} errors, ${empty} empty lines in ${run!.seconds} s, peak ${Math.round(run!.peakKilobytes / 1024)} MB`);
    expect(run!.status).toBe(errors.size > 0 ? 1 : 0);
    expect(run!.peakKilobytes).toBeLessThan(PEAK_KILOBYTES);
    // well inside the test's timeout; each line alone is bounded by the limits (tests/language/limits.test.ts)
    expect(run!.seconds).toBeLessThan(60 * Math.max(1, runs(1)));
  }, 180_000 * Math.max(1, runs(1)));

  test(`${runs(200)} one-shot runs: a result, a located error or a usage error, each within ${SECONDS} s`, async () => {
    const decoder = new TextDecoder();
    // the argument of a program cannot hold NUL: it ends the C string
    const inputs = fc.sample(fuzzLine, { seed: seed + 1, numRuns: runs(200) }).map((b) => decoder.decode(b).replaceAll("\0", ""));
    const cases = inputs.map((line, i) => ({ line, args: i % 5 === 4 ? ["--json", line] : [line] }));
    let next = 0;
    const outcomes: Measured[] = [];
    // two at a time: each run is a process start of the 100 MB executable
    await Promise.all(
      [0, 1].map(async () => {
        while (next < cases.length) {
          const i = next++;
          const started = performance.now();
          const proc = Bun.spawn([calc, ...cases[i]!.args], { stdin: "ignore", stdout: "pipe", stderr: "pipe" });
          const hang = setTimeout(() => proc.kill(9), 10_000);
          const [stdout, stderr, status] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]);
          clearTimeout(hang);
          outcomes[i] = { status, stdout, stderr, seconds: (performance.now() - started) / 1000, peakKilobytes: 0 };
        }
      }),
    );
    for (const [i, run] of outcomes.entries()) {
      const { line, args } = cases[i]!;
      const context = `one-shot ${JSON.stringify(args)} (seed ${seed})`;
      expect({ context, status: [0, 1, 2].includes(run.status) }).toEqual({ context, status: true });
      expect(run.seconds).toBeLessThan(SECONDS);
      if (run.status === 2) {
        // only an argument that looks like an option can be a usage error
        expect({ context, option: /^-/.test(line) }).toEqual({ context, option: true });
        checkUsage(run, context);
      } else if (args[0] === "--json") {
        if (run.status === 1) {
          const error = JSON.parse(run.stderr);
          expect(error.column).toBeGreaterThanOrEqual(1);
          checkMessage(error.error, context);
        } else {
          // one object per result (a line of several values has one each)
          for (const l of run.stdout.split("\n").slice(0, -1)) {
            const result = JSON.parse(l);
            checkResultLine(result.value ?? result.definition, context);
          }
          for (const l of run.stderr.split("\n").slice(0, -1)) checkWarning(JSON.parse(l).warning, context);
        }
      } else if (run.status === 0) {
        checkWarningLines(run.stderr, context);
        // a blank line or a comment prints nothing; a line of several values prints each on a line of its own
        for (const l of run.stdout.split("\n").slice(0, -1)) checkResultLine(l, context);
      } else {
        expect({ context, stdout: run.stdout }).toEqual({ context, stdout: "" });
        checkOneShotError(run.stderr, context);
      }
    }
  }, 120_000 * Math.max(1, runs(1)));
});

describe("extremes: each within 2 seconds and 256 MB", () => {
  // arguments are limited to 128 KiB each by the kernel: longer lines go through standard input
  const cases = extremes().flatMap(([name, line]) => {
    const file = `${dir}/${name.replace(/\W+/g, "-")}.txt`;
    return [
      ...(line.length < 100_000 ? [{ name: `${name} (one-shot)`, line, args: [calc, line], timeout: 10 }] : []),
      { name: `${name} (piped)`, line, args: [calc], stdin: file, timeout: 10 },
    ];
  });

  test(`${cases.length} runs of deep nesting, long chains, huge numbers and recursion`, () => {
    for (const c of cases) if (c.stdin) writeFileSync(c.stdin, `${c.line}\n`);
    const measured = measure(cases);
    const report: string[] = [];
    for (const [i, run] of measured.entries()) {
      const { name, args, stdin } = cases[i]!;
      const context = name;
      report.push(`${run.seconds.toFixed(2)} s ${String(Math.round(run.peakKilobytes / 1024)).padStart(4)} MB  ${name}: ${(run.stdout || run.stderr).split("\n").at(stdin ? 0 : -2)?.slice(0, 70)}`);
      expect({ context, status: [0, 1].includes(run.status), fast: run.seconds < SECONDS, small: run.peakKilobytes < PEAK_KILOBYTES }).toEqual({
        context,
        status: true,
        fast: true,
        small: true,
      });
      if (run.status === 0) {
        checkWarningLines(run.stderr, context);
        for (const line of run.stdout.replace(/\n$/, "").split("\n")) if (!line.includes("[…")) checkResultLine(line, context);
      } else if (stdin) {
        const match = /^line 1: ([^\n]+)\n  [^\n]*\n  [ \t]*\^~*\n$/.exec(run.stderr);
        expect({ context, stderr: run.stderr, shape: match !== null }).toEqual({ context, stderr: run.stderr, shape: true });
        checkMessage(match![1]!, context);
      } else {
        checkOneShotError(run.stderr, context);
      }
    }
    console.log(report.join("\n"));
  }, 120_000);
});
