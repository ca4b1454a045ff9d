#!/usr/bin/env bun
/**
 * The calc program: a thin shell around the Session. Arguments are one line
 * (one-shot); standard input that is not a terminal is a script (piped);
 * otherwise an interactive session (the REPL).
 */
import { systemClock } from "./cli/clock.ts";
import packageJson from "../package.json" with { type: "json" };
import { LocalSession } from "./cli/local.ts";
import { HELP, parseArguments, USAGE, type Options } from "./cli/options.ts";
import type { SessionPort } from "./cli/protocol.ts";
import type { Interrupt } from "./interrupt.ts";
import type { Paint, Presentation } from "./cli/present.ts";
import { isTerminal } from "./cli/terminal.ts";
import { write } from "./cli/one-shot-write.ts";

// Start-up time is most of a one-shot run, so each mode loads only what it uses (chalk only when a
// stream may take colour, node:readline only for the REPL, and --version and --help not even the
// present module, a chunk of its own: docs/performance.md, "What changed", has what each saves);
// tests/cli/startup.test.ts keeps it so.

/** NO_COLOR (no-color.org) unless FORCE_COLOR overrides it, as Node.js does; chalk reads only FORCE_COLOR. */
function colourAllowed(options: Options): boolean {
  const env = process.env;
  if (!options.color || options.json) return false;
  return env.FORCE_COLOR !== undefined || !env.NO_COLOR;
}

/** chalk's colours for a stream when it takes them (a terminal, or FORCE_COLOR), else plain. */
async function paint(fd: 1 | 2, options: Options): Promise<Paint> {
  const { plain } = await import("./cli/present.ts");
  if (!colourAllowed(options)) return plain;
  if (process.env.FORCE_COLOR === undefined && !(await isTerminal(fd))) return plain;
  const { default: chalk, chalkStderr } = await import("chalk");
  const colours = fd === 1 ? chalk : chalkStderr;
  return colours.level === 0 ? plain : { bold: colours.bold, dim: colours.dim, red: colours.red, cyan: colours.cyan };
}

async function main(): Promise<number> {
  const command = parseArguments(process.argv.slice(2));
  switch (command.kind) {
    case "help":
      await write(1, `${HELP}\n`);
      return 0;
    case "version":
      await write(1, `calc ${packageJson.version}\n`);
      return 0;
    case "usage":
      await write(2, `calc: ${command.message}\n${USAGE}\n`);
      return 2;
  }
  const { options } = command;

  if (options.expression !== undefined) {
    // the answer is bold on a terminal: asked now, whether stdout is one is known by the time the
    // line is (an asynchronous stat that would otherwise follow the line: its cost is in
    // docs/performance.md, "A one-shot run's modules")
    const resultPaint = paint(1, options);
    const [{ presentError, presentOutcome, plain, ShadowNotices }, session] = await Promise.all([import("./cli/present.ts"), openSession(options)]);
    await readInit(session, options);
    const outcome = await session.evaluate(options.expression);
    if (outcome.kind === "error") {
      const err = await paint(2, options);
      await write(2, presentError(outcome.error, options.expression, { json: options.json, out: plain, err }));
      // calc 3 * 4 unquoted: the line holds the names of the files here (loaded only when a line fails)
      const hint = options.json ? undefined : (await import("./cli/shell-expansion.ts")).shellExpansionHint(options.words ?? []);
      if (hint) await write(2, `${err.dim(hint)}\n`);
      return 1;
    }
    await write(1, presentOutcome(outcome, options.expression, { json: options.json, out: await resultPaint, err: plain }));
    // a name that hides a constant or a unit is a warning: said, and the status stays 0
    if (outcome.kind !== "empty" && outcome.shadows) {
      await write(2, new ShadowNotices({ json: options.json, out: plain, err: await paint(2, options) }).present(outcome, options.expression));
    }
    return 0;
  }
  if (options.stdin || !(await isTerminal(0))) {
    // piped output never has colour: it is read by programs; errors may, on a terminal
    const [session, err, { plain }] = await Promise.all([openSession(options), paint(2, options), import("./cli/present.ts")]);
    const style: Presentation = { json: options.json, out: plain, err };
    await readInit(session, options);
    const { runPiped } = await import("./cli/piped.ts");
    return runPiped(session, style);
  }
  // the REPL's session always has a thread of its own (src/cli/repl.ts): nothing of it loads here
  const [out, err, { runRepl }, { RemoteSession }] = await Promise.all([
    paint(1, options),
    paint(2, options),
    import("./cli/repl.ts"),
    import("./cli/remote.ts"),
  ]);
  // the REPL must put the terminal back in order when a signal ends it (PID 1 has the handlers already)
  if (process.pid !== 1) exitOnSignals();
  return runRepl(new RemoteSession(WORKER, options.precision, true), { json: options.json, out, err }, packageJson.version, options.preview, options.init);
}

/**
 * init.calc's lines, run in the session before the first line (unless --no-init): its errors on
 * stderr, `init.calc:3: …`. Where there is no file, that is one stat, and nothing more is loaded.
 */
async function readInit(session: SessionPort, options: Options): Promise<void> {
  if (!options.init) return;
  const { initPath, runInit } = await import("./cli/init.ts");
  const path = initPath();
  if (path === undefined || !(await Bun.file(path).exists())) return;
  const errors = await runInit(session, { json: options.json, out: (await import("./cli/present.ts")).plain, err: await paint(2, options) }, path);
  if (errors) await write(2, errors);
}

/** The session's thread's entry point (a second entry point of the build: see package.json). */
const WORKER = new URL("./cli/worker.ts", import.meta.url).href;

/** The session of a one-shot or piped run: closed when the work is done, or a thread of its own would keep calc waiting. */
let opened: SessionPort | undefined;

/**
 * A one-shot run's session is never asked to stop (a signal ends the process), but it looks at this
 * between steps as any session does: a line still computing after some thousands of steps (a
 * recursion, a long sum) gets the JIT, which the executable holds back for start-up
 * (package.json's build), as a stream of piped lines does (src/cli/piped.ts).
 */
const jitWhenLong: Interrupt = {
  requested() {
    if (++looks === JIT_AFTER_LOOKS) Bun.unsafe.setJITPolicy(1);
    return false;
  },
};
let looks = 0;
/** The evaluator looks every 1,024 steps (src/evaluate.ts): after about 8,000 of them. */
const JIT_AFTER_LOOKS = 8;

/**
 * The session of a one-shot or piped run. As PID 1 (in a container) it gets a thread of its own,
 * so that the main thread is free to act on SIGTERM at once, even in the middle of a long
 * computation; elsewhere a signal's default action ends calc at once, and the session stays on
 * this thread (no start-up cost, and no worker code loaded). The REPL's always has a thread of its
 * own (src/cli/repl.ts).
 */
async function openSession(options: Options): Promise<SessionPort> {
  if (process.pid === 1) {
    const { RemoteSession } = await import("./cli/remote.ts");
    opened = new RemoteSession(WORKER, options.precision);
  } else {
    // (the port is loaded with this module: a chunk of its own, loaded after it, cost a one-shot
    // run a tenth of a millisecond, and it is a few lines that load nothing)
    const { Session } = await import("./session.ts");
    const session = new Session({ clock: systemClock, interrupt: jitWhenLong });
    if (options.precision !== undefined) session.precision = options.precision;
    opened = new LocalSession(session);
  }
  return opened;
}

/**
 * Signals end calc with the conventional status, 128 + the signal's number.
 * Left to the kernel's default action where that works: it ends even a
 * computation in progress, which a JavaScript handler cannot interrupt. The
 * handlers are for PID 1 in a container, which gets no default action for
 * SIGTERM and SIGINT, and for the REPL.
 */
function exitOnSignals(): void {
  for (const [signal, status] of [["SIGINT", 130], ["SIGTERM", 143], ["SIGHUP", 129]] as const) {
    process.on(signal, () => process.exit(status));
  }
}

if (process.pid === 1) exitOnSignals();
try {
  process.exitCode = await main();
} catch (error) {
  // every failure calc knows of has its own message (src/cli/failure.ts); this one is a bug, said in one line
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  await write(2, `calc: internal error, a bug in calc (please report it): ${what}\n`);
  process.exitCode = 1;
}
opened?.close();
