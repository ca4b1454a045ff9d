// The REPL's floor: a compiled Bun program that shows a prompt and nothing else, as the first thing
// it does, built with calc's flags. bench/run.ts times it in the pseudo-terminal it times calc's
// REPL in: no interactive program can show its first prompt sooner there.
export {};
await Bun.write(Bun.stdout, "> ");
