// dist/calc's REPL in a real terminal (tmux) for the REPL tests: each with a history file of its own,
// waited for until its first prompt, and closed after each test.
import { afterEach } from "bun:test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { calc } from "./binary.ts";
import { Terminal } from "./terminal.ts";

/** Call at the top of a test file: the function that starts a REPL (`env`, more `args`), closed after each test. */
export function replStarter(): (env?: Record<string, string>, args?: string[]) => Promise<Terminal> {
  const open: Terminal[] = [];
  afterEach(() => {
    for (const terminal of open.splice(0)) terminal.close();
  });
  return async (env = {}, args = []) => {
    const history = `${mkdtempSync(`${tmpdir()}/calc-repl-`)}/history`;
    const terminal = await Terminal.start([calc, ...args], { CALC_HISTORY: history, ...env });
    open.push(terminal);
    await terminal.waitFor(/^>$/m);
    return terminal;
  };
}
