/**
 * The interactive session: node:readline for line editing, history and
 * completion; the session, on a thread of its own (src/cli/worker.ts), for
 * everything else. Ctrl-C while a line is being computed stops it (the line
 * has no effect, and the REPL says `interrupted`); at the prompt it clears
 * the line, and a second Ctrl-C on an empty line (or Ctrl-D, or :quit)
 * leaves with status 0.
 */
import * as readline from "node:readline";
import { NAME } from "../../grammar/names.ts";
import { bareCommands, colonCommands, runCommand, tables, type CommandReply } from "./commands.ts";
import { History, HISTORY_SIZE, historyPath } from "./history.ts";
import { TOPICS } from "./topics.ts";
import { writeErr, writeOut, writingToTerminal } from "./blocking-write.ts";
import type { PlainOutcome, RemotePort, SessionPort } from "./protocol.ts";
import { presentErrorAfterPrompt, presentOutcome, ShadowNotices, type Presentation } from "./present.ts";

const PROMPT = "> ";

/** The word being typed at the end of `line`: what Tab completes. */
const partialName = new RegExp(`(?:${NAME})$`);

export async function completer(session: SessionPort, line: string): Promise<[string[], string]> {
  const command = /^\s*(:[A-Za-z]*)$/.exec(line);
  if (command) return [matching(colonCommands, command[1]!), command[1]!];
  // a zone name after `to ` or after a date-time's clock time (2024-07-31 15:24 Europe/Be): Europe/Berlin
  const zone = partialZone.exec(line);
  if (zone) {
    const typed = zone[1]!;
    const others = typed.includes("/") ? [] : [...DATE_TARGETS, ...(await session.names()).map(({ name }) => name)];
    return [matching([...zoneNames(), ...others], typed), typed];
  }
  const word = partialName.exec(line)?.[0] ?? "";
  if (/^\s*:?help\s+\S*$/.test(line)) {
    const { builtins, unitNames } = await tables();
    const topics = [...builtins.keys(), ...unitNames(), ...colonCommands.map((name) => name.slice(1)), ...TOPICS.flatMap((topic) => topic.names), "dates"];
    return [matching(topics, word), word];
  }
  // a function completes with its "(", as Python's REPL does
  const names = [
    ...(await session.names()).map(({ name, kind }) => (kind === "function" || kind === "user function" ? `${name}(` : name)),
    ...(line.trim() === word ? bareCommands : []),
  ];
  return [matching(names, word), word];
}

/** A zone name being typed: after `to` (or -> →), or after a date-time's clock time and a space. */
const partialZone = /(?:(?:^|[\s(])(?:to|->|→)\s+|\d{4}-\d\d-\d\d[T ]\d\d?:\d\d(?::\d\d(?:\.\d+)?)? )([A-Za-z][\w+\-]*(?:\/[\w+\-]*)*)$/;

/** What `to` takes for a date or time besides a zone (src/dates.ts converts them). */
const DATE_TARGETS = ["UTC", "unixtime", "date", "time"];

let zones: string[] | undefined;

/** The IANA zone names Bun's Temporal knows (its own copy of the data, in the executable). */
function zoneNames(): string[] {
  return (zones ??= [...Intl.supportedValuesOf("timeZone"), "UTC"]);
}

function matching(names: readonly string[], prefix: string): string[] {
  return [...new Set(names.filter((name) => name.startsWith(prefix)))].sort();
}

/** Greets, then answers lines until the session ends (Ctrl-D, :quit, a second Ctrl-C); resolves to the exit status. */
export async function runRepl(session: RemotePort, style: Presentation, version: string, init = true): Promise<number> {
  writingToTerminal();
  const history = new History(historyPath());
  writeOut(`${style.out.bold("calc")} ${version} ${style.out.dim("· type help for help, Ctrl-D to quit")}\n`);
  tellHistoryProblem(history, style);
  return new Repl(session, style, history, init).run();
}

/** Says why the history is not kept, if it is not (once: History.notice). */
function tellHistoryProblem(history: History, style: Presentation): void {
  const notice = history.notice();
  if (notice) writeErr(`${style.err.dim(`(${notice})`)}\n`);
}

/**
 * One interactive session: the terminal's events (a line, Ctrl-C, a key, the end) are its
 * methods, and the state they share is its fields. Lines are answered one after another, each
 * once the one before it is; Ctrl-C stops the one being computed and those typed ahead of it.
 */
class Repl {
  private readonly rl: readline.Interface;
  /** Set once readline has closed, or calc is leaving: nothing more is answered or prompted. */
  private closed = false;
  /** Whether the REPL closed readline itself (:quit, a second Ctrl-C), rather than Ctrl-D. */
  private closedByCommand = false;
  /** Set by a Ctrl-C on an empty line: a second one in a row leaves. */
  private armed = false;
  /** Tells each name that hides a constant or unit once. */
  private readonly notices: ShadowNotices;
  /** The lines typed, answered in order: each waits for the one before it. */
  private queue = Promise.resolve();
  /** Lines typed and not yet answered: while there are any, Ctrl-C stops them. */
  private pending = 0;

  constructor(
    private readonly session: RemotePort,
    private readonly style: Presentation,
    private readonly history: History,
    /** Whether to run init.calc before the first line (not with --no-init). */
    private readonly init: boolean,
  ) {
    this.notices = new ShadowNotices(style, " until :reset");
    this.rl = readline.createInterface({
      input: process.stdin,
      output: process.stdout,
      terminal: true,
      history: history.newestFirst(),
      historySize: HISTORY_SIZE,
      completer: (line: string, callback: (error: null, result: [string[], string]) => void) => {
        void completer(session, line).then((result) => callback(null, result));
      },
    });
    this.rl.setPrompt(style.out.dim(PROMPT));
    // leaving by a signal (docker stop, kill) must still give the terminal back
    process.once("exit", () => this.giveTerminalBack());
    // a terminal that has gone away (a closed window, a dropped connection) fails with EIO: leave quietly
    this.rl.on("error", () => this.terminalGone());
    // readline writes the prompt itself, through process.stdout, which reports the EIO as an event
    process.stdout.on("error", () => this.terminalGone());
  }

  /** Prompts and answers until readline closes; resolves to the exit status. */
  run(): Promise<number> {
    return new Promise((resolve) => {
      this.rl.on("line", (line) => this.onLine(line));
      this.rl.on("SIGINT", () => this.onInterrupt());
      process.stdin.on("keypress", (_text: string, key: { ctrl?: boolean; name?: string } | undefined) => this.onKeypress(key));
      this.rl.on("close", () => resolve(this.onClose()));
      this.rl.prompt();
      // the session's thread starts once the prompt is up (a line typed before it is ready waits)
      setTimeout(() => this.session.start(), 0);
      if (this.init) this.readInit();
    });
  }

  /** A line typed: remembered, answered after the lines before it, then the prompt again. */
  private onLine(line: string): void {
    this.armed = false;
    this.history.add(line);
    tellHistoryProblem(this.history, this.style);
    this.pending++;
    this.queue = this.queue.then(async () => {
      try {
        if (!this.closed) await this.respond(line);
      } finally {
        // all caught up: a later Ctrl-C is for a later line
        if (--this.pending === 0) this.session.resume();
      }
      if (!this.closed) this.rl.prompt();
    });
  }

  /** init.calc, run before the first line typed (a line typed meanwhile waits in the queue); its errors above the prompt. */
  private readInit(): void {
    this.pending++;
    this.queue = this.queue.then(async () => {
      try {
        const { runInit } = await import("./init.ts");
        const errors = await runInit(this.session, this.style);
        if (errors && !this.closed) {
          // the prompt is up already: the errors take its place, and it is drawn again under them
          writeErr(`\r\x1b[K${errors}`);
          this.rl.prompt(true);
        }
      } finally {
        if (--this.pending === 0) this.session.resume();
      }
    });
  }

  /** A command's reply, or the line's outcome. */
  private async respond(line: string): Promise<void> {
    const command = runCommand(line, this.session, this.style);
    if (command !== undefined) this.reply(await command);
    else this.report(line, await this.session.evaluate(line));
  }

  private reply(reply: CommandReply): void {
    if (reply.out) writeOut(reply.out);
    if (reply.err) writeErr(reply.err);
    if (reply.quit) this.quit();
  }

  private report(line: string, outcome: PlainOutcome): void {
    const { style } = this;
    if (outcome.kind === "error") {
      const stopped = outcome.error.kind === "interrupted" && !style.json;
      writeErr(stopped ? `${style.err.red("interrupted")}\n` : presentErrorAfterPrompt(outcome.error, line, style, PROMPT.length));
      return;
    }
    writeOut(presentOutcome(outcome, line, style));
    // the first time a name of the user's hides a constant or a unit, say so (once per name)
    const notice = this.notices.present(outcome, line);
    if (notice) writeErr(notice);
  }

  /**
   * Ctrl-C: during a computation it stops it (its outcome says so, and the prompt follows); at the
   * prompt it clears the line, and on an empty line it arms a second one, which leaves.
   */
  private onInterrupt(): void {
    if (this.pending > 0) {
      this.session.interrupt();
      return;
    }
    if (this.rl.line === "" && this.armed) {
      writeOut("\n");
      this.quit();
      return;
    }
    this.armed = this.rl.line === "";
    // clearLine() moves past the typed text, starts a new line and empties the buffer
    (this.rl as unknown as { clearLine(): void }).clearLine();
    if (this.armed) writeErr(`${this.style.err.dim("(press Ctrl-C again or Ctrl-D to quit)")}\n`);
    this.rl.prompt();
  }

  /** Any key but Ctrl-C disarms the second Ctrl-C. */
  private onKeypress(key: { ctrl?: boolean; name?: string } | undefined): void {
    if (!(key?.ctrl && key.name === "c")) this.armed = false;
  }

  /** Leaves at the REPL's own word (:quit, a second Ctrl-C). */
  private quit(): void {
    this.closedByCommand = true;
    this.rl.close();
  }

  /** readline has closed: the session's thread ends; the exit status. */
  private onClose(): number {
    this.closed = true;
    this.session.close();
    // Ctrl-D leaves the cursor after the prompt: end that line
    if (!this.closedByCommand) writeOut("\n");
    return 0;
  }

  /** calc is leaving (a signal): the terminal is given back, unless readline has closed already. */
  private giveTerminalBack(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.rl.close();
    } catch {
      // the terminal is gone (SIGHUP): there is nothing to give back
    }
  }

  /** The terminal has gone away (EIO): leave quietly, unless the REPL has already ended. */
  private terminalGone(): void {
    if (!this.closed) process.exit(129);
  }
}
