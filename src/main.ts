#!/usr/bin/env bun
/**
 * The command-line front end. With arguments, they are joined with spaces
 * and evaluated as one line; without, every line of standard input is
 * evaluated in one session, one result per statement line.
 */
import { excerpt, renderError } from "./render.ts";
import { Session } from "./session.ts";

const session = new Session();
const args = process.argv.slice(2);
let failed = false;

if (args.length > 0) {
  const line = args.join(" ");
  const outcome = session.evaluate(line);
  if (outcome.kind === "error") {
    process.stderr.write(`${renderError(line, outcome.error)}\n`);
    failed = true;
  } else if (outcome.kind !== "empty") {
    process.stdout.write(`${outcome.text}\n`);
  }
} else {
  let number = 0;
  for await (const line of console) {
    number++;
    const outcome = session.evaluate(line);
    if (outcome.kind === "error") {
      failed = true;
      const { text, pad, marker } = excerpt(line, outcome.error);
      process.stderr.write(`line ${number}: ${outcome.error.message}\n  ${text}\n  ${pad}${marker}\n`);
    } else if (outcome.kind !== "empty") {
      process.stdout.write(`${outcome.text}\n`);
    }
  }
}
process.exitCode = failed ? 1 : 0;
