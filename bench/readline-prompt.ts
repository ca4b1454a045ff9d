// A compiled Bun program that shows its prompt through node:readline, as calc's REPL does, and
// does nothing else: bench/run.ts times it beside calc's REPL, so that what node:readline (and the
// terminal streams it needs) costs on its own is measured, not guessed.
import * as readline from "node:readline";
const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
rl.setPrompt("> ");
rl.prompt();
rl.on("close", () => process.exit(0));
