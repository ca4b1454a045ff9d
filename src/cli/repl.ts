/**
 * The interactive session: node:readline for line editing, history and
 * completion; the session, on a thread of its own (src/cli/worker.ts), for
 * everything else. Ctrl-C while a line is being computed stops it (the line
 * has no effect, and the REPL says `interrupted`); at the prompt it clears
 * the line, and a second Ctrl-C on an empty line (or Ctrl-D, or :quit)
 * leaves with status 0. Lines typed or pasted during a computation wait their
 * turn and are shown with their prompt when they are taken; Ctrl-R searches the
 * history backwards.
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
export async function runRepl(session: RemotePort, style: Presentation, version: string, preview = true, init = true): Promise<number> {
  writingToTerminal();
  const history = new History(historyPath());
  writeOut(`${style.out.bold("calc")} ${version} ${style.out.dim("· type help for help, Ctrl-D to quit")}\n`);
  tellHistoryProblem(history, style);
  // a preview needs a terminal that can move the cursor
  const canPreview = process.stdout.isTTY === true && process.env.TERM !== "dumb";
  return new Repl(session, style, history, canPreview, preview && canPreview, init).run();
}

/** Whether the REPL takes `line` as a command (:vars, help, quit…), which a preview must not run. */
function runsCommand(line: string): boolean {
  const match = /^\s*(:?)([A-Za-z]*)\s*(.*?)\s*$/s.exec(line);
  if (!match) return false;
  if (match[1] === ":") return true;
  return bareCommands.includes(match[2]!) && (match[3] === "" || match[2] === "help");
}

/** What the preview shows of an outcome: its value(s), or nothing (an error, an incomplete line, the line itself). */
function previewText(outcome: PlainOutcome, line: string): string {
  let text: string;
  if (outcome.kind === "value" || outcome.kind === "definition") text = outcome.text;
  else if (outcome.kind === "values") text = outcome.values.map((value) => value.text).join("; ");
  else return "";
  return text === line.trim() ? "" : text;
}

/** `; 2 typed-ahead lines dropped`, or nothing for none. */
function droppedLines(count: number): string {
  if (count === 0) return "";
  return `; ${count} typed-ahead line${count === 1 ? "" : "s"} dropped`;
}

/** Says why the history is not kept, if it is not (once: History.notice). */
function tellHistoryProblem(history: History, style: Presentation): void {
  const notice = history.notice();
  if (notice) writeErr(`${style.err.dim(`(${notice})`)}\n`);
}

/** What the REPL reaches inside node:readline: its line, cursor, history and the key handler. */
interface ReadlineInside {
  line: string;
  cursor: number;
  history: string[];
  _refreshLine(): void;
  [key: symbol]: unknown;
}

/** A reverse incremental search in progress (Ctrl-R): what is typed, the match, the line it hides. */
interface Search {
  text: string;
  /** The match's index in the history (newest first), or -1 for none yet. */
  index: number;
  failed: boolean;
  savedLine: string;
  savedCursor: number;
}

type Key = { ctrl?: boolean; meta?: boolean; name?: string; sequence?: string } | undefined;

/**
 * One interactive session: the terminal's events (a line, Ctrl-C, a key, the end) are its
 * methods, and the state they share is its fields. Lines are answered one after another: a line
 * typed (or pasted) while another is computed waits, unseen, and is shown with its prompt when its
 * turn comes, so that every answer is printed under its own line. Ctrl-C stops the line being
 * computed and drops those typed ahead of it.
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
  /** Whether a line is being answered: readline's drawing is muted, and lines typed wait. */
  private busy = false;
  /** Lines typed while busy, answered in order after the one being computed. */
  private waiting: string[] = [];
  /** Set by Ctrl-C while busy: the session's stop request is up until the line ends. */
  private interrupted = false;
  /** How many typed-ahead lines that Ctrl-C dropped. */
  private dropped = 0;
  /** Whether readline may draw (its prompt, the keys echoed): not while a line is answered. */
  private muted = false;
  /** The Ctrl-R search in progress, if any. */
  private search: Search | undefined;
  /** Whether the live preview is drawn under the line as it is typed (:preview on|off). */
  private previewing: boolean;
  /** Whether a preview line may be on the screen under the typed line. */
  private previewShown = false;
  /** Counts the line's changes: a preview's answer for an older one is dropped. */
  private previewGeneration = 0;
  private previewTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly session: RemotePort,
    private readonly style: Presentation,
    private readonly history: History,
    private readonly canPreview = false,
    preview = false,
    /** Whether to run init.calc before the first line (not with --no-init). */
    private readonly init = true,
  ) {
    this.previewing = preview;
    this.notices = new ShadowNotices(style, " until :reset");
    this.rl = readline.createInterface({
      input: process.stdin,
      output: this.mutableOutput(),
      terminal: true,
      history: history.newestFirst(),
      historySize: HISTORY_SIZE,
      completer: (line: string, callback: (error: null, result: [string[], string]) => void) => {
        void completer(session, line).then((result) => callback(null, result));
      },
    });
    this.rl.setPrompt(style.out.dim(PROMPT));
    this.interceptKeys();
    // leaving by a signal (docker stop, kill) must still give the terminal back
    process.once("exit", () => this.giveTerminalBack());
    // a terminal that has gone away (a closed window, a dropped connection) fails with EIO: leave quietly
    this.rl.on("error", () => this.terminalGone());
    // readline writes the prompt itself, through process.stdout, which reports the EIO as an event
    process.stdout.on("error", () => this.terminalGone());
  }

  /** process.stdout as readline sees it: its writes are dropped while `muted`. */
  private mutableOutput(): NodeJS.WriteStream {
    const stdout = process.stdout;
    const dropped = (...args: unknown[]) => {
      const callback = args.find((arg) => typeof arg === "function") as (() => void) | undefined;
      callback?.();
      return true;
    };
    return new Proxy(stdout, {
      get: (target, property) => {
        if (property === "write" && this.muted) return dropped;
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  }

  private get inside(): ReadlineInside {
    return this.rl as unknown as ReadlineInside;
  }

  /** Puts the REPL's own keys (Ctrl-R and the keys of a search) before readline's. */
  private interceptKeys(): void {
    const inside = this.inside;
    let prototype: object | null = Object.getPrototypeOf(inside);
    let symbol: symbol | undefined;
    while (prototype && !symbol) {
      symbol = Object.getOwnPropertySymbols(prototype).find((each) => each.description === "_ttyWrite");
      prototype = Object.getPrototypeOf(prototype);
    }
    const name: symbol | string = symbol ?? "_ttyWrite";
    const original = (inside as unknown as Record<symbol | string, (text: string, key: Key) => void>)[name]!.bind(inside);
    // (readline's own methods are read-only: the REPL's key handler is defined on the instance)
    Object.defineProperty(inside, name, {
      value: (text: string, key: Key) => {
        if (this.searchKey(text, key)) return;
        const before = inside.line;
        // keys that write below the line (Enter's answer, Ctrl-C, Tab's choices) find it cleared
        if (key?.name === "return" || key?.name === "enter" || key?.name === "tab" || (key?.ctrl && "cdl".includes(key.name ?? "-"))) {
          this.clearPreview();
        }
        original(text, key);
        if (inside.line !== before) this.schedulePreview();
      },
    });
  }

  /** Prompts and answers until readline closes; resolves to the exit status. */
  run(): Promise<number> {
    return new Promise((resolve) => {
      this.rl.on("line", (line) => this.onLine(line));
      this.rl.on("SIGINT", () => this.onInterrupt());
      process.stdin.on("keypress", (_text: string, key: Key) => this.onKeypress(key));
      this.rl.on("close", () => resolve(this.onClose()));
      this.rl.prompt();
      // the session's thread starts once the prompt is up (a line typed before it is ready waits)
      setTimeout(() => this.session.start(), 0);
      if (this.init) void this.readInit();
    });
  }

  /** A line typed: remembered, and answered now, or after the lines before it. */
  private onLine(line: string): void {
    this.armed = false;
    this.history.add(line);
    tellHistoryProblem(this.history, this.style);
    if (this.busy) {
      this.waiting.push(line);
      return;
    }
    void this.answer(line);
  }

  /**
   * Answers `line` (which readline has shown with its prompt), then each line typed meanwhile,
   * shown with its prompt as it is taken; then the prompt again, with whatever is half typed.
   */
  private async answer(first: string): Promise<void> {
    this.busy = true;
    this.muted = true;
    let line: string | undefined = first;
    while (line !== undefined && !this.closed) {
      await this.respond(line);
      if (this.interrupted) {
        // the stop request was for this line: the next one starts clean
        this.session.resume();
        this.interrupted = false;
        this.dropped = 0;
      }
      line = this.waiting.shift();
      if (line !== undefined && !this.closed) writeOut(`${this.style.out.dim(PROMPT)}${line}\n`);
    }
    this.busy = false;
    this.muted = false;
    if (!this.closed) {
      this.rl.prompt(true);
      // a line half typed meanwhile gets its preview
      if (this.inside.line !== "") this.schedulePreview();
    }
  }

  /**
   * init.calc, run before the first line typed: the REPL is busy meanwhile, so a line typed then
   * waits, and is answered after it (shown with its prompt); init.calc's errors take the prompt's
   * place, and it is drawn again under them.
   */
  private async readInit(): Promise<void> {
    this.busy = true;
    this.muted = true;
    let errors = "";
    try {
      errors = await (await import("./init.ts")).runInit(this.session, this.style);
    } finally {
      this.busy = false;
      this.muted = false;
    }
    if (this.closed) return;
    if (errors) writeErr(`\r\x1b[K${errors}`);
    const first = this.waiting.shift();
    if (first !== undefined) {
      writeOut(`\r\x1b[K${this.style.out.dim(PROMPT)}${first}\n`);
      void this.answer(first);
    } else if (errors) this.rl.prompt(true);
  }

  /** A command's reply, or the line's outcome. */
  private async respond(line: string): Promise<void> {
    const command = runCommand(line, this.session, this.style);
    if (command !== undefined) {
      this.reply(await command);
      this.tellDropped();
    } else this.report(line, await this.session.evaluate(line));
  }

  private reply(reply: CommandReply): void {
    if (reply.out) writeOut(reply.out);
    if (reply.err) writeErr(reply.err);
    if (reply.quit) this.quit();
    if (reply.preview !== undefined) this.previewing = reply.preview && this.canPreview;
  }

  private report(line: string, outcome: PlainOutcome): void {
    const { style } = this;
    if (outcome.kind === "error") {
      if (outcome.error.kind === "interrupted" && !style.json) {
        writeErr(`${style.err.red("interrupted")}${droppedLines(this.dropped)}\n`);
        this.dropped = 0;
      } else {
        writeErr(presentErrorAfterPrompt(outcome.error, line, style, PROMPT.length));
        this.tellDropped();
      }
      return;
    }
    writeOut(presentOutcome(outcome, line, style));
    this.tellDropped();
    // the first time a name of the user's hides a constant or a unit, say so (once per name)
    const notice = this.notices.present(outcome, line);
    if (notice) writeErr(notice);
  }

  /** A Ctrl-C that came as the line ended did not stop it, but did drop the lines after it: say so. */
  private tellDropped(): void {
    if (this.dropped === 0) return;
    writeErr(`${this.style.err.dim(`(${droppedLines(this.dropped).slice(2)})`)}\n`);
    this.dropped = 0;
  }

  /**
   * Ctrl-C: during a computation it stops it and drops the lines typed after it (its outcome says
   * so, and the prompt follows); at the prompt it clears the line, and on an empty line it arms a
   * second one, which leaves.
   */
  private onInterrupt(): void {
    if (this.busy) {
      this.dropped += this.waiting.length;
      this.waiting = [];
      // what is half typed goes too
      this.inside.line = "";
      this.inside.cursor = 0;
      this.interrupted = true;
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
  private onKeypress(key: Key): void {
    if (!(key?.ctrl && key.name === "c")) this.armed = false;
  }

  /**
   * Ctrl-R and the keys of the search it starts, as in bash: typing narrows it, Backspace widens
   * it, Ctrl-R again goes to the next older match, Enter runs the match, Esc or Ctrl-G puts the
   * line back as it was, and any other key leaves the match on the line and does what it does.
   * True when the key was the search's (readline does not see it).
   */
  private searchKey(text: string, key: Key): boolean {
    if (this.busy) return false;
    const ctrl = key?.ctrl === true && !key.meta;
    if (!this.search) {
      if (!(ctrl && key?.name === "r")) return false;
      this.clearPreview();
      this.search = { text: "", index: -1, failed: false, savedLine: this.inside.line, savedCursor: this.inside.cursor };
      this.drawSearch();
      return true;
    }
    const search = this.search;
    if (ctrl && key?.name === "r") {
      if (search.text !== "") this.find(search.index + 1);
    } else if ((ctrl && key?.name === "g") || key?.name === "escape") {
      this.endSearch(search.savedLine, search.savedCursor);
    } else if (key?.name === "backspace") {
      search.text = search.text.slice(0, -1);
      if (search.text === "") Object.assign(search, { index: -1, failed: false });
      else this.find(0);
    } else if (key?.name === "return" || key?.name === "enter") {
      this.acceptSearch();
      return false;
    } else if (!ctrl && !key?.meta && text !== undefined && text.length === 1 && text >= " " && text !== "\x7f") {
      search.text += text;
      this.find(Math.max(search.index, 0));
    } else {
      // another key (an arrow, Ctrl-A, Ctrl-C…): the match stays on the line, and the key acts on it
      this.acceptSearch();
      return false;
    }
    if (this.search) this.drawSearch();
    return true;
  }

  /**
   * The line has changed: its preview is asked for (shortly: keys that come in a burst, a paste,
   * ask once), and the one being computed, if any, is abandoned.
   */
  private schedulePreview(): void {
    if (!this.previewing || this.busy || this.closed) return;
    const generation = ++this.previewGeneration;
    this.session.abandonPreview();
    clearTimeout(this.previewTimer);
    const line = this.inside.line;
    // a command is not previewed (it would run)
    if (line.trim() === "" || runsCommand(line)) {
      this.clearPreview();
      return;
    }
    this.previewTimer = setTimeout(() => {
      void this.session.preview(line).then((outcome) => {
        if (generation !== this.previewGeneration || this.busy || this.search || this.closed || !this.previewing) return;
        this.drawPreview(previewText(outcome, line));
      });
    }, 15);
  }

  /** Draws `text` dimmed on the row under the typed line (nothing: clears that row), the cursor left where it was. */
  private drawPreview(text: string): void {
    if (text === "" && !this.previewShown) return;
    const columns = process.stdout.columns || 80;
    const cursor = this.rl.getCursorPos();
    const lastRow = Math.floor((PROMPT.length + this.inside.line.length) / columns);
    const down = Math.max(0, lastRow - cursor.rows);
    const shown = text === "" ? "" : this.style.out.dim(text.length < columns ? text : `${text.slice(0, columns - 2)}…`);
    // "\r\n" from the last row scrolls the screen when the line is at the bottom; moving back up is relative
    writeOut(`${down > 0 ? `\x1b[${down}B` : ""}\r\n\x1b[2K${shown}\x1b[${down + 1}A\r${cursor.cols > 0 ? `\x1b[${cursor.cols}C` : ""}`);
    this.previewShown = text !== "";
  }

  /** The preview line goes, and a preview on its way is dropped. */
  private clearPreview(): void {
    this.previewGeneration++;
    clearTimeout(this.previewTimer);
    // one being computed would hold up the line that Enter sends after it
    this.session.abandonPreview();
    if (this.previewShown) this.drawPreview("");
  }

  /** The newest history line from `from` on that holds the search text. */
  private find(from: number): void {
    const search = this.search!;
    const history = this.inside.history;
    for (let index = from; index < history.length; index++) {
      if (history[index]!.includes(search.text)) {
        search.index = index;
        search.failed = false;
        return;
      }
    }
    search.failed = true;
  }

  private searchMatch(): string {
    const search = this.search!;
    return search.index >= 0 ? this.inside.history[search.index]! : search.savedLine;
  }

  private drawSearch(): void {
    const search = this.search!;
    const label = search.failed ? "(failed reverse-i-search)" : "(reverse-i-search)";
    writeOut(`\r\x1b[J${label}'${search.text}': ${this.searchMatch()}`);
  }

  /** The match goes on the line (with the cursor where the search text is in it). */
  private acceptSearch(): void {
    const match = this.searchMatch();
    const at = this.search!.index >= 0 ? match.indexOf(this.search!.text) : this.search!.savedCursor;
    this.endSearch(match, at);
  }

  private endSearch(line: string, cursor: number): void {
    this.search = undefined;
    this.inside.line = line;
    this.inside.cursor = Math.max(0, Math.min(cursor, line.length));
    writeOut("\r\x1b[J");
    this.inside._refreshLine();
    this.schedulePreview();
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
