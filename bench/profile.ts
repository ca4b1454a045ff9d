/**
 * Where the time of a line goes, in-process: run by bench/run.ts as
 * `bun bench/profile.ts FILE`. Prints JSON: microseconds per line for lexing
 * and parsing alone and for the whole evaluation (parse, evaluate, format),
 * in the last of three passes (the JIT warmed up by the first two).
 */
import { readFileSync } from "node:fs";
import { parse } from "../grammar/parser.ts";
import { Session } from "../src/session.ts";

const lines = readFileSync(process.argv[2]!, "utf8").trimEnd().split("\n");

function perLine(work: () => void): number {
  let microseconds = 0;
  for (let pass = 0; pass < 3; pass++) {
    const started = performance.now();
    work();
    microseconds = ((performance.now() - started) * 1000) / lines.length;
  }
  return microseconds;
}

const parsing = perLine(() => {
  for (const line of lines) parse(line);
});
const evaluating = perLine(() => {
  const session = new Session();
  for (const line of lines) session.evaluate(line);
});
console.log(JSON.stringify({ parsing, evaluating }));
