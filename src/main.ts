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

/** NO_COLOR (no-color.org) unless FORCE_COLOR overrides it, as Node.js does; chalk reads only FORCE_COLOR. */
function colourAllowed(options: Options): boolean {
  const env = process.env;
  if (!options.color || options.json) return false;
  return env.FORCE_COLOR !== undefined || !env.NO_COLOR;
}

function style(options: Options, interactive: boolean): Style {
  // piped output never has colour; otherwise chalk decides per stream (TTY, FORCE_COLOR, TERM)
  const colour = colourAllowed(options);
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
  return runRepl(session, style(options, true), packageJson.version);
}

// the conventional statuses for death by signal (128 + number); needed also because a program
// that is PID 1 in a container gets no default action for SIGTERM and SIGINT
for (const [signal, status] of [["SIGINT", 130], ["SIGTERM", 143], ["SIGHUP", 129]] as const) {
  process.on(signal, () => process.exit(status));
}

process.exitCode = await main();
