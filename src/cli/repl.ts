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
import { bareCommands, colonCommands, runCommand, tables } from "./commands.ts";
import { History, HISTORY_SIZE, historyPath } from "./history.ts";
import { writeErr, writeOut, writingToTerminal } from "./output.ts";
import type { SessionPort } from "./protocol.ts";
import type { RemoteSession } from "./remote.ts";
import { formatErrorAfterPrompt, formatOutcome, type Style } from "./report.ts";

const PROMPT = "> ";

/** The word being typed at the end of `line`: what Tab completes. */
const partialName = new RegExp(`(?:${NAME})$`);

export async function completer(session: SessionPort, line: string): Promise<[string[], string]> {
  const command = /^\s*(:[A-Za-z]*)$/.exec(line);
  if (command) return [matching(colonCommands, command[1]!), command[1]!];
  const word = partialName.exec(line)?.[0] ?? "";
  if (/^\s*:?help\s+\S*$/.test(line)) {
    const { builtins, unitNames } = await tables();
    const topics = [...builtins.keys(), ...unitNames(), ...colonCommands.map((name) => name.slice(1))];
    return [matching(topics, word), word];
  }
  // a function completes with its "(", as Python's REPL does
  const names = [
    ...(await session.names()).map(({ name, kind }) => (kind === "function" || kind === "user function" ? `${name}(` : name)),
    ...(line.trim() === word ? bareCommands : []),
  ];
  return [matching(names, word), word];
}

function matching(names: readonly string[], prefix: string): string[] {
  return [...new Set(names.filter((name) => name.startsWith(prefix)))].sort();
}

export async function runRepl(session: RemoteSession, style: Style, version: string): Promise<number> {
  writingToTerminal();
  const history = new History(historyPath());
  writeOut(`${style.out.bold("calc")} ${version} ${style.out.dim("· type help for help, Ctrl-D to quit")}\n`);
  const tellHistoryProblem = () => {
    const notice = history.notice();
    if (notice) writeErr(`${style.err.dim(`(${notice})`)}\n`);
  };
  tellHistoryProblem();

  const rl = readline.createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: true,
    history: history.newestFirst(),
    historySize: HISTORY_SIZE,
    completer: (line: string, callback: (error: null, result: [string[], string]) => void) => {
      void completer(session, line).then((result) => callback(null, result));
    },
  });
  rl.setPrompt(style.out.dim(PROMPT));
  let closed = false;
  // leaving by a signal (docker stop, kill) must still give the terminal back
  process.once("exit", () => {
    if (closed) return;
    closed = true;
    try {
      rl.close();
    } catch {
      // the terminal is gone (SIGHUP): there is nothing to give back
    }
  });
  // a terminal that has gone away (a closed window, a dropped connection) fails with EIO: leave quietly
  rl.on("error", () => {
    if (!closed) process.exit(129);
  });
  // readline writes the prompt itself, through process.stdout, which reports the EIO as an event
  process.stdout.on("error", () => {
    if (!closed) process.exit(129);
  });

  return new Promise((resolve) => {
    // a Ctrl-C on an empty line arms this; a second one in a row leaves
    let armed = false;
    /** Names whose shadowing of a constant or unit has been told. */
    const told = new Set<string>();
    let closedByCommand = false;

    /** Lines run one after another; Ctrl-C stops the one running and those typed ahead of it. */
    let queue = Promise.resolve();
    let pending = 0;

    const handle = async (line: string) => {
      const command = runCommand(line, session, style);
      if (command !== undefined) {
        const reply = await command;
        if (reply.out) writeOut(reply.out);
        if (reply.err) writeErr(reply.err);
        if (reply.quit) {
          closedByCommand = true;
          rl.close();
        }
        return;
      }
      const outcome = await session.evaluate(line);
      if (outcome.kind === "error") {
        const stopped = outcome.error.kind === "interrupted" && !style.json;
        writeErr(stopped ? `${style.err.red("interrupted")}\n` : formatErrorAfterPrompt(outcome.error, line, style, PROMPT.length));
        return;
      }
      writeOut(formatOutcome(outcome, line, style));
      // the first time a name of the user's hides a constant or a unit, say so (once per name)
      for (const { name, hidden } of (outcome.kind !== "empty" && outcome.shadows) || []) {
        if (told.has(name)) continue;
        told.add(name);
        writeErr(`${style.err.dim(`(${name} is now yours: it hides ${hidden} until :clear)`)}\n`);
      }
    };

    rl.on("line", (line) => {
      armed = false;
      history.add(line);
      tellHistoryProblem();
      pending++;
      queue = queue.then(async () => {
        try {
          if (!closed) await handle(line);
        } finally {
          // all caught up: a later Ctrl-C is for a later line
          if (--pending === 0) session.resume();
        }
        if (!closed) rl.prompt();
      });
    });

    rl.on("SIGINT", () => {
      // during a computation, Ctrl-C stops it (its outcome says so, and the prompt follows)
      if (pending > 0) {
        session.interrupt();
        return;
      }
      if (rl.line === "" && armed) {
        writeOut("\n");
        closedByCommand = true;
        rl.close();
        return;
      }
      armed = rl.line === "";
      // clearLine() moves past the typed text, starts a new line and empties the buffer
      (rl as unknown as { clearLine(): void }).clearLine();
      if (armed) writeErr(`${style.err.dim("(press Ctrl-C again or Ctrl-D to quit)")}\n`);
      rl.prompt();
    });

    // any other key disarms the second Ctrl-C
    process.stdin.on("keypress", (_text: string, key: { ctrl?: boolean; name?: string } | undefined) => {
      if (!(key?.ctrl && key.name === "c")) armed = false;
    });

    rl.on("close", () => {
      closed = true;
      session.close();
      // Ctrl-D leaves the cursor after the prompt: end that line
      if (!closedByCommand) writeOut("\n");
      resolve(0);
    });

    rl.prompt();
    // the session's thread starts once the prompt is up (a line typed before it is ready waits)
    setTimeout(() => session.start(), 0);
  });
}
