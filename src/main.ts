#!/usr/bin/env bun
/**
 * The calc program: a thin shell around the Session. Arguments are one line
 * (one-shot); standard input that is not a terminal is a script (piped);
 * otherwise an interactive session (the REPL).
 */
import chalk, { Chalk, chalkStderr } from "chalk";
import packageJson from "../package.json" with { type: "json" };
import { HELP, parseArguments, USAGE, type Options } from "./cli/options.ts";
import { writeErr, writeOut } from "./cli/output.ts";
import { runPiped } from "./cli/piped.ts";
import { formatError, formatOutcome, type Style } from "./cli/report.ts";
import { Session } from "./session.ts";

const noColor = new Chalk({ level: 0 });

function style(options: Options, interactive: boolean): Style {
  // piped output never has colour; otherwise chalk decides per stream (TTY, NO_COLOR, FORCE_COLOR)
  const colour = options.color && !options.json;
  return {
    json: options.json,
    out: colour && interactive ? chalk : noColor,
    err: colour ? chalkStderr : noColor,
  };
}

async function main(): Promise<number> {
  const command = parseArguments(process.argv.slice(2));
  switch (command.kind) {
    case "help":
      writeOut(`${HELP}\n`);
      return 0;
    case "version":
      writeOut(`calc ${packageJson.version}\n`);
      return 0;
    case "usage":
      writeErr(`calc: ${command.message}\n${USAGE}\n`);
      return 2;
  }
  const { options } = command;
  const session = new Session();
  if (options.precision !== undefined) session.precision = options.precision;

  if (options.expression !== undefined) {
    const outcome = session.evaluate(options.expression);
    const s = style(options, true);
    if (outcome.kind === "error") {
      writeErr(formatError(outcome.error, options.expression, s));
      return 1;
    }
    writeOut(formatOutcome(outcome, options.expression, s));
    return 0;
  }
  if (options.stdin || !process.stdin.isTTY) return (await runPiped(session, style(options, false))) ? 0 : 1;
  const { runRepl } = await import("./cli/repl.ts");
  return runRepl(session, style(options, true));
}

process.exitCode = await main();
