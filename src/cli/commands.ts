/**
 * The REPL's commands (`:vars`, `:precision 30`, `help`, …), in one table:
 * the REPL, completion and `help` all read it. A command answers with text
 * for stdout or stderr; it never throws. It asks the session through a
 * SessionPort, since the REPL's session lives on a thread of its own.
 */
import type { SessionPort } from "./protocol.ts";
import type { Presentation } from "./present.ts";
import { TOPICS, topicOf } from "./topics.ts";

/**
 * The function and unit tables that help, :units and completion read, loaded when first needed:
 * the REPL's session (and the tables with it) lives on another thread, and loading them here
 * before the first prompt would only delay it.
 */
export async function tables() {
  const [{ builtins, aliases }, { dimensionName }, { allUnitKinds, unitNames }, { closestName }] = await Promise.all([
    import("../builtins.ts"),
    import("../dimension.ts"),
    import("../units.ts"),
    import("../suggest.ts"),
  ]);
  return { builtins, aliases, dimensionName, allUnitKinds, unitNames, closestName };
}

export interface CommandReply {
  readonly out?: string;
  readonly err?: string;
  readonly quit?: boolean;
  /** :preview on|off: the REPL's live preview is turned on or off. */
  readonly preview?: boolean;
}

interface Command {
  /** How help shows the argument, e.g. "[N]". */
  readonly args: string;
  readonly summary: string;
  run(arg: string, session: SessionPort, style: Presentation): CommandReply | Promise<CommandReply>;
}

const commands: Record<string, Command> = {
  help: { args: "[name]", summary: "this help, or what one function, constant or command does", run: help },
  vars: {
    args: "",
    summary: "the variables and their values",
    run: async (_, session, style) => {
      const variables = await session.variables();
      if (variables.length === 0) return { out: `${style.out.dim("no variables")}\n` };
      return { out: variables.map(({ name, text }) => `${name} = ${text}\n`).join("") };
    },
  },
  funcs: {
    args: "",
    summary: "the functions you have defined",
    run: async (_, session, style) => {
      const functions = await session.functions();
      if (functions.length === 0) return { out: `${style.out.dim("no functions defined")}\n` };
      return { out: functions.map((text) => `${text}\n`).join("") };
    },
  },
  precision: {
    args: "[N]",
    summary: "show or set the significant digits of results that are not exact",
    run: async (arg, session) => {
      if (arg === "") return { out: `${await session.precision()}\n` };
      const problem = await session.setPrecision(/^\d+$/.test(arg) ? Number(arg) : NaN);
      if (problem) return { err: `${problem}, not '${arg}'\n` };
      return { out: `precision ${await session.precision()}\n` };
    },
  },
  units: {
    args: "[dimension]",
    summary: "the units, by dimension (:units length)",
    run: (arg, _session, style) => listUnits(arg, style),
  },
  reset: {
    args: "",
    summary: "forget variables, functions and ans",
    run: async (_, session, style) => {
      await session.clear();
      return { out: `${style.out.dim("variables, functions and ans cleared")}\n` };
    },
  },
  // the screen, as the shell's clear and Ctrl-L do (the session is :reset)
  clear: { args: "", summary: "clear the screen (also clear, Ctrl-L)", run: () => ({ out: CLEAR_SCREEN }) },
  save: {
    args: "",
    summary: "keep your variables and functions in init.calc, which every session reads first",
    run: async (_, session) => {
      const { saveDefinitions } = await import("./init.ts");
      return saveDefinitions(await session.definitions());
    },
  },
  preview: {
    args: "on|off",
    summary: "the live preview of the line being typed, on or off",
    run: (arg, _session, style) => {
      if (arg !== "on" && arg !== "off") return { err: `:preview takes on or off, not '${arg}'\n` };
      return { out: `${style.out.dim(`preview ${arg}`)}\n`, preview: arg === "on" };
    },
  },
  quit: { args: "", summary: "leave (also quit, exit, Ctrl-D)", run: () => ({ quit: true }) },
};

/** The cursor home, then the screen erased: what `clear` and readline's Ctrl-L write. */
const CLEAR_SCREEN = "\x1b[H\x1b[2J";

/** Words that work without the colon. */
const bare: Record<string, string> = { help: "help", quit: "quit", exit: "quit", clear: "clear" };

/** The commands as completion offers them: `:name`, and the bare words. */
export const colonCommands: readonly string[] = Object.keys(commands).map((name) => `:${name}`);
export const bareCommands: readonly string[] = Object.keys(bare);

/** `:name [args]`, as help shows a command. */
function usage(name: string, command: Command): string {
  return `:${name}${command.args ? ` ${command.args}` : ""}`;
}

/**
 * Runs `line` if it is a command: `:name [argument]`, or `help [name]`,
 * `quit`, `exit`. Undefined if the line is an expression.
 */
export function runCommand(line: string, session: SessionPort, style: Presentation): CommandReply | Promise<CommandReply> | undefined {
  const match = /^\s*(:?)([A-Za-z]*)\s*(.*?)\s*$/s.exec(line);
  if (!match) return undefined;
  const [, colon, word, arg] = match as unknown as [string, string, string, string];
  if (colon === "") {
    const name = bare[word];
    // `help` takes a name; `quit`, `exit` and `clear` stand alone (so `exit + 1` stays an expression)
    if (name === undefined || (arg !== "" && name !== "help")) return undefined;
    return commands[name]!.run(arg, session, style);
  }
  const command = Object.hasOwn(commands, word) ? commands[word]! : undefined;
  if (command === undefined) {
    return { err: `${style.err.red(`unknown command ':${word}'`)}; the commands are ${colonCommands.join(" ")}\n` };
  }
  if (command.args === "" && arg !== "") return { err: `:${word} takes no argument\n` };
  return command.run(arg, session, style);
}

async function help(arg: string, session: SessionPort, style: Presentation): Promise<CommandReply> {
  if (arg !== "") return describe(arg.replace(/^:/, ""), session, style);
  const { builtins, aliases } = await tables();
  const functions: string[] = [];
  const constants: string[] = [];
  // an entry with its other names: mean/avg, pi/π
  const others = Object.entries(aliases);
  for (const [name, builtin] of builtins) {
    if (Object.hasOwn(aliases, name)) continue;
    const shown = [name, ...others.filter(([, entry]) => entry === name).map(([alias]) => alias)].join("/");
    (builtin.kind === "function" ? functions : constants).push(shown);
  }
  const heading = (text: string) => style.out.bold(text.padEnd(11));
  const section = (title: string, words: string[], separator?: string) => `${heading(title)}${wrap(words, 11, 78, separator)}\n`;
  return {
    out:
      section("operators", ["+ - * / ^ ** ! ( )", "% mod (floored modulo)", "// (floor division)", "2x 2(3+4) (implicit *)"]) +
      section("logic", ["== != < <= > >=", "and or not", "true false", "if c then a else b"]) +
      section("units", ["5 m", "60 mph to km/h", "1.75 m to ft + in", "25%", "20% of 50", ":units lists them"]) +
      section("formats", ["to hex", "to bin", "to oct", "to fraction", "to mixed", "to %"]) +
      section("statements", ["x = 3", "f(x) = x^2 + 1", "a; b", "# comment", "ans (the last result)"]) +
      // names one space apart, as the operators are, so that help still fits a screen
      section("functions", functions, " ") +
      section("constants", constants, " ") +
      section("commands", Object.entries(commands).map(([name, command]) => usage(name, command))) +
      `${style.out.dim("help NAME says what a function, constant, unit, command or operator does: help log, help %, help to; help dates")}\n`,
  };
}

async function describe(name: string, session: SessionPort, style: Presentation): Promise<CommandReply> {
  if (name === "dates") return { out: datesHelp(style) };
  const { builtins, aliases, unitNames, closestName } = await tables();
  const builtin = builtins.get(name);
  const lines: string[] = [];
  // help %, help to, help if: the language's operators and words
  const topic = topicOf(name);
  if (topic) {
    const [what, ...examples] = topic.lines;
    const title = topic.names.join(" ");
    lines.push(`${style.out.bold(title)}  ${what}`, ...examples.map((example) => `${" ".repeat(title.length + 2)}${example}`));
  }
  const also = Object.hasOwn(aliases, name) ? ` (another name for ${aliases[name]})` : "";
  if (builtin?.kind === "function") lines.push(`${style.out.bold(`${name}(${builtin.params})`)}  ${builtin.summary}${also}`);
  if (builtin?.kind === "constant") lines.push(`${style.out.bold(name)}  ${builtin.summary}${also}`);
  // min is both the function and the minute: say both
  const unit = await session.describeUnit(name);
  if (unit) {
    lines.push(`${style.out.bold(name)}  ${unit.summary}`);
    const origin = unit.definition ? `${unit.definition}: ${unit.source}` : unit.source;
    lines.push(`${" ".repeat(name.length + 2)}${style.out.dim(origin)}`);
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (command) lines.push(`${style.out.bold(usage(name, command))}  ${command.summary}`);
  if (lines.length > 0) return { out: lines.map((line) => `${line}\n`).join("") };
  const near = closestName(name, [...builtins.keys(), ...Object.keys(commands), ...unitNames(), ...TOPICS.flatMap((t) => t.names)]);
  return { err: `no function, constant, unit, command or operator named '${name}'${near ? `; did you mean '${near}'?` : ""}\n` };
}

/** `help dates`: the forms of dates, times and zones, and what they do (docs/language.md, "Dates and times"). */
function datesHelp(style: Presentation): string {
  const rows: [string, string][] = [
    ["2026-12-04", "a date (2026 - 12 - 4 is a subtraction)"],
    ["09:15  09:15:30.25", "a clock time"],
    ["2026-12-04 15:24", "a date-time (also 2026-12-04T15:24:00)"],
    ["2026-12-04T10:00:00Z", "an instant (or an offset: T10:00+01:00)"],
    ["2024-07-31 15:24 Europe/Berlin", "in a zone: any IANA name, or UTC"],
    ["now  today", "this instant; today's date here (TZ)"],
    ["from_unixtime(n)  weekday(d)", "from Unix seconds; Monday … Sunday"],
    ["d + 90 days  d - 2 weeks", "a date moved by days"],
    ["d + 1 month  d + 1 year", "clamped to the month's end"],
    ["zoned + 24 h  zoned + 1 day", "elapsed time; calendar days (wall clock)"],
    ["d1 - d2", "days, or seconds (… to h + min)"],
    ["17:30 + 45 min", "a clock wraps at midnight"],
    ["x to Asia/Tokyo  x to UTC", "in a zone; UTC gives the instant"],
    ["x to unixtime  x to date", "exact Unix seconds; the date (or time)"],
  ];
  const width = Math.max(...rows.map(([form]) => form.length)) + 2;
  return `${rows.map(([form, what]) => `${style.out.bold(form.padEnd(width))}${what}\n`).join("")}${style.out.dim("a wall time a DST change skips or repeats is refused, saying why")}\n`;
}

/** `:units`: every unit by dimension, or those of one dimension. */
async function listUnits(arg: string, style: Presentation): Promise<CommandReply> {
  const { allUnitKinds, dimensionName } = await tables();
  const groups = new Map<string, string[]>();
  for (const kind of allUnitKinds()) {
    const dimension = dimensionName(kind.dimension);
    // one of the look-alike spellings (Å is also U+212B, Ω also U+2126)
    const symbols = [...new Set(kind.row.symbols.split(" ").map((s) => s.normalize("NFKC")))];
    const names = [symbols.join(" "), kind.longName === kind.symbol ? "" : `(${kind.longName})`].filter(Boolean);
    groups.set(dimension, [...(groups.get(dimension) ?? []), names.join(" ")]);
  }
  const wanted = arg.trim().toLowerCase();
  if (wanted !== "" && !groups.has(wanted)) {
    return { err: `no units of dimension '${arg}'; the dimensions are: ${[...groups.keys()].join(", ")}\n` };
  }
  const width = Math.max(...[...groups.keys()].map((d) => d.length)) + 2;
  const heading = (text: string) => style.out.bold(text.padEnd(width));
  const shown = wanted === "" ? [...groups] : [[wanted, groups.get(wanted)!] as const];
  const body = shown.map(([dimension, names]) => `${heading(dimension)}${wrap(names, width, 100, ", ")}\n`).join("");
  return { out: `${body}${style.out.dim("metric units take the SI prefixes q … Q (km, µs, GHz); bit and B also Ki, Mi, Gi, …; help NAME says more")}\n` };
}

/** Words joined by two spaces (or `separator`), wrapped at `width` with later lines indented by `indent`. */
function wrap(words: string[], indent: number, width: number, separator = "  "): string {
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line !== "" && indent + line.length + separator.length + word.length > width) {
      lines.push(separator === "  " ? line : `${line}${separator.trimEnd()}`);
      line = "";
    }
    line += line === "" ? word : `${separator}${word}`;
  }
  lines.push(line);
  return lines.join(`\n${" ".repeat(indent)}`);
}
