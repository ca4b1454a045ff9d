/**
 * Where a one-shot run's time goes, in the compiled executable: bench/run.ts
 * compiles this file with dist/calc's build flags and runs it as a one-shot
 * run would go, `calc 20 - 5`, timing each step with performance.now().
 * Prints JSON, milliseconds: the runtime's start before the first line of
 * JavaScript, importing the session's modules (chevrotain, the grammar, the
 * unit and function tables; decimal.js only loads for an approximate value),
 * building the scanner's table, building the parser (restored from the
 * grammar recorded at build time), and the line (evaluate, format). Also the
 * resident memory, in MB, after each step.
 * Then, for comparison, what calc no longer does: making chevrotain's own
 * Lexer of the same token table (the first one made in a process fills a
 * 65,536-entry table), and the memory after it.
 */
export {};
const entered = performance.now();
const rss = [process.memoryUsage.rss()];
const { Session } = await import("../src/session.ts");
const { theScanner, theParser, chevrotainLexer: makeChevrotainLexer } = await import("../grammar/testing.ts");
const imported = performance.now();
rss.push(process.memoryUsage.rss());
theScanner();
const scanner = performance.now();
rss.push(process.memoryUsage.rss());
theParser();
const parser = performance.now();
rss.push(process.memoryUsage.rss());
const { presentOutcome, plain } = await import("../src/cli/present.ts");
const outcome = new Session().evaluate("20 - 5");
const text = outcome.kind === "error" ? outcome.error.message : presentOutcome(outcome, "20 - 5", { json: false, out: plain, err: plain });
if (text !== "15\n") throw new Error(`20 - 5 gave ${JSON.stringify(text)}`);
const line = performance.now();
rss.push(process.memoryUsage.rss());
// for comparison: chevrotain's Lexer, which the scanner replaces, as calc used to make it
const before = performance.now();
makeChevrotainLexer(false);
const chevrotainLexer = performance.now() - before;
rss.push(process.memoryUsage.rss());
console.log(
  JSON.stringify({
    runtime: entered,
    imports: imported - entered,
    scanner: scanner - imported,
    parser: parser - scanner,
    line: line - parser,
    chevrotainLexer,
    rss: rss.map((bytes) => bytes / 2 ** 20),
  }),
);
