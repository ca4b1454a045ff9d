/**
 * Command-line arguments. Only the options listed in HELP are options; the
 * first argument that is not one starts the expression, and everything from
 * there is the expression. So `calc 20 - 5`, `calc -5 + 3`, `calc -sin(pi/2)`
 * and `calc -pi` all work: an option's value is always the next argument
 * (`-p 5`), never glued on, so `-pi` cannot mean `-p i`. `--` ends the
 * options, `-` alone means "read standard input", and an unknown `--name` is
 * a usage error (it can only be a mistyped option).
 */
import { DEFAULT_PRECISION, MAX_PRECISION, MIN_PRECISION } from "../limits.ts";

export interface Options {
  precision?: number;
  color: boolean;
  json: boolean;
  /** The expression from the arguments, or undefined to read standard input / start the REPL. */
  expression?: string;
  /** The arguments the expression was joined from (the shell may have expanded a `*` among them). */
  words?: readonly string[];
  /** `-` was given: read standard input even if it is a terminal. */
  stdin: boolean;
  /** Whether to read init.calc first (`--no-init` does not). */
  init: boolean;
  /** The REPL's live preview of the line being typed (off with --no-preview). */
  preview: boolean;
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
  -p, --precision N   significant digits for results that are not exact (${MIN_PRECISION}–${MAX_PRECISION}, default ${DEFAULT_PRECISION})
      --json          one JSON object per result: {"input":…,"value":…,"exact":…}
      --no-color      no colour (also NO_COLOR=1; FORCE_COLOR=1 forces it)
      --no-init       do not read init.calc (\$XDG_CONFIG_HOME/calc, else ~/.config/calc)
      --no-preview    no live preview of the line being typed in the interactive session
  -h, --help          this help
  -V, --version       the version
  --                  end of options: calc -- -x

Only the options above are options, and an option's value is always the next
argument (-p 5, never -p5). The first argument that is not an option starts the
expression, so calc -pi, calc -sin(pi/2) and calc -p 5 -1/3 work; an unknown
--name is a usage error.

exit status: 0 all good, 1 an expression failed, 2 usage error`;

type Flag = "help" | "version" | "json" | "no-color" | "no-init" | "precision" | "no-preview";

/** Every option, by each of its spellings. */
const OPTIONS: ReadonlyMap<string, Flag> = new Map([
  ["-h", "help"],
  ["--help", "help"],
  ["-V", "version"],
  ["--version", "version"],
  ["--json", "json"],
  ["--no-color", "no-color"],
  ["--no-colour", "no-color"],
  ["--no-init", "no-init"],
  ["-p", "precision"],
  ["--precision", "precision"],
  ["--no-preview", "no-preview"],
]);

export function parseArguments(args: readonly string[]): Command {
  const options: Options = { color: true, json: false, stdin: false, init: true, preview: true };
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
    const flag = OPTIONS.get(arg);
    if (flag === undefined) {
      const glued = /^(--[A-Za-z-]+)=/.exec(arg)?.[1];
      if (glued && OPTIONS.has(glued)) {
        return { kind: "usage", message: `the value of ${glued} is the next argument: ${glued} ${arg.slice(glued.length + 1)}` };
      }
      if (/^--[A-Za-z]/.test(arg)) return { kind: "usage", message: `unknown option '${arg}'` };
      break; // the expression starts here
    }
    switch (flag) {
      case "help":
        return { kind: "help" };
      case "version":
        return { kind: "version" };
      case "json":
        options.json = true;
        break;
      case "no-color":
        options.color = false;
        break;
      case "no-init":
        options.init = false;
        break;
      case "no-preview":
        options.preview = false;
        break;
      case "precision": {
        const value = args[++i];
        if (value === undefined) return { kind: "usage", message: `${arg} needs a number of digits` };
        const digits = Number(value);
        if (!/^\d+$/.test(value) || digits < MIN_PRECISION || digits > MAX_PRECISION) {
          return { kind: "usage", message: `precision must be a whole number from ${MIN_PRECISION} to ${MAX_PRECISION}, not '${value}'` };
        }
        options.precision = digits;
        break;
      }
    }
  }
  const rest = args.slice(i);
  if (rest.length > 0) {
    if (options.stdin) return { kind: "usage", message: "give an expression or '-', not both" };
    options.expression = rest.join(" ");
    options.words = rest;
  }
  return { kind: "run", options };
}
