/**
 * Command-line arguments. Options come first; the first argument that is not
 * one starts the expression, and everything from there is the expression
 * (so `calc 20 - 5` and `calc -5 + 3` work). `--` ends the options, and `-`
 * alone means "read standard input".
 */
import { MAX_PRECISION, MIN_PRECISION } from "../limits.ts";

export interface Options {
  precision?: number;
  color: boolean;
  json: boolean;
  /** The expression from the arguments, or undefined to read standard input / start the REPL. */
  expression?: string;
  /** `-` was given: read standard input even if it is a terminal. */
  stdin: boolean;
}

export type Command =
  | { readonly kind: "run"; readonly options: Options }
  | { readonly kind: "help" }
  | { readonly kind: "version" }
  | { readonly kind: "usage"; readonly message: string };

export const USAGE = "usage: calc [options] [expression…]   (calc --help for more)";

export const HELP = `calc — an exact calculator

usage:
  calc [options] expression…   evaluate one line: calc 20 - 5, calc 'x = 3; x^2'
  calc [options] < file         evaluate each line of standard input (also: calc -)
  calc [options]                interactive session when standard input is a terminal

options:
  -p, --precision N   significant digits for results that are not exact (${MIN_PRECISION}–${MAX_PRECISION}, default 20)
      --json          one JSON object per result: {"input":…,"value":…,"exact":…}
      --no-color      no colour (also NO_COLOR=1; FORCE_COLOR=1 forces it)
  -h, --help          this help
  -V, --version       the version
  --                  end of options: calc -- -x

exit status: 0 all good, 1 an expression failed, 2 usage error`;

/** An argument is an option only if it starts with `-` and a letter, or is a long option. */
function isOption(arg: string): boolean {
  return /^-[A-Za-z]/.test(arg) || /^--[A-Za-z]/.test(arg);
}

export function parseArguments(args: readonly string[]): Command {
  const options: Options = { color: true, json: false, stdin: false };
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--") {
      i++;
      break;
    }
    if (arg === "-") {
      options.stdin = true;
      continue;
    }
    if (!isOption(arg)) break;
    // --precision=30 and -p30 carry their value; no other option takes one
    const [name, inline] = arg.startsWith("--") ? (arg.split(/=(.*)/s) as [string, string?]) : [arg.slice(0, 2), arg.slice(2) || undefined];
    if (inline !== undefined && name !== "-p" && name !== "--precision") {
      return { kind: "usage", message: `unknown option '${arg}'` };
    }
    switch (name) {
      case "-h":
      case "--help":
        return { kind: "help" };
      case "-V":
      case "--version":
        return { kind: "version" };
      case "--json":
        options.json = true;
        break;
      case "--no-color":
      case "--no-colour":
        options.color = false;
        break;
      case "-p":
      case "--precision": {
        const value = inline ?? args[++i];
        if (value === undefined) return { kind: "usage", message: `${name} needs a number of digits` };
        const digits = Number(value);
        if (!/^\d+$/.test(value) || digits < MIN_PRECISION || digits > MAX_PRECISION) {
          return { kind: "usage", message: `precision must be a whole number from ${MIN_PRECISION} to ${MAX_PRECISION}, not '${value}'` };
        }
        options.precision = digits;
        break;
      }
      default:
        return { kind: "usage", message: `unknown option '${arg}' (to start an expression with '-', put -- before it)` };
    }
  }
  const rest = args.slice(i);
  if (rest.length > 0) {
    if (options.stdin) return { kind: "usage", message: "give an expression or '-', not both" };
    options.expression = rest.join(" ");
  }
  return { kind: "run", options };
}
