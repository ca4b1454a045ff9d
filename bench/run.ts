/**
 * npm run bench: builds dist/calc and a compiled "hello world" with the same
 * flags (the floor no compiled Bun program beats), generates the inputs from
 * fixed seeds, measures calc against the floor and against bc side by side
 * (bench/measure.py: interleaved rounds, medians, every binary evicted from
 * the page cache and read back before each round), checks that calc's
 * answers agree with bc's, prints one table and writes it to bench/RESULTS.md.
 *
 * `npm run bench -- --before REF` also builds the calc of git revision REF
 * (with this checkout's node_modules) and measures it side by side: plain
 * arithmetic must not get slower as the language grows.
 *
 * Needs what the tests need (bun via npm, python3, bc); uses qalc if it is
 * installed and says so if not. Installs nothing.
 */
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import Decimal from "decimal.js";
import packageJson from "../package.json" with { type: "json" };
import { BC_PRELUDE, generate, generateLogic, generateUnits } from "./generate.ts";

const root = new URL("..", import.meta.url).pathname;
const data = `${root}bench/data`;
const calc = `${root}dist/calc`;
const hello = `${data}/hello`;
const startupProfile = `${data}/startup-profile`;
const promptFloor = `${data}/prompt`;
const readlinePrompt = `${data}/readline-prompt`;
const bun = `${root}node_modules/.bin/bun`;

const TYPICAL_LINES = 200_000;
const FUNCTION_LINES = 20_000;
const UNIT_LINES = 100_000;
const LOGIC_LINES = 100_000;
const QALC_LINES = 1_000;
/** Lines of 47,713-digit answers (3^100000 + i), and of variables holding such numbers. */
const LONG_ANSWERS = 2_000;
const LONG_VARIABLES = 4_000;
/** Bytes of the numbers those variables hold: 4,000 bigints of 158,497 bits, in 64-bit words. */
const LONG_VARIABLES_BYTES = LONG_VARIABLES * Math.ceil(158_497 / 64) * 8;

/** `--before REF`: a git revision to measure side by side with this build. */
const beforeRef = (() => {
  const at = process.argv.indexOf("--before");
  return at === -1 ? undefined : process.argv[at + 1];
})();
const before = `${data}/before/dist/calc`;

function sh(argv: string[], options: { stdin?: string; env?: Record<string, string>; cwd?: string } = {}) {
  const result = Bun.spawnSync(argv, {
    cwd: options.cwd,
    stdin: options.stdin === undefined ? "ignore" : Bun.file(options.stdin),
    env: { ...process.env, ...options.env },
    stdout: "pipe",
    stderr: "pipe",
  });
  if (result.exitCode !== 0) throw new Error(`${argv.join(" ")} failed (${result.exitCode}):\n${result.stderr.toString().slice(0, 2000)}`);
  return result.stdout.toString();
}

function log(text: string): void {
  process.stderr.write(`${text}\n`);
}

// ---- build -----------------------------------------------------------------

function build(): void {
  mkdirSync(data, { recursive: true });
  log("building dist/calc (npm run build) and the hello-world floor with the same flags…");
  sh(["npm", "run", "--silent", "build"], {});
  // the same flags: taken from the build script itself, all but the output and the entry points
  const flags = packageJson.scripts.build.split(/\s+/).filter((word) => word.startsWith("--") && !word.startsWith("--outfile"));
  sh([bun, "build", ...flags, "--outfile", hello, `${root}bench/hello.ts`]);
  sh([bun, "build", ...flags, "--outfile", startupProfile, `${root}bench/startup-profile.ts`]);
  sh([bun, "build", ...flags, "--outfile", promptFloor, `${root}bench/prompt.ts`]);
  sh([bun, "build", ...flags, "--outfile", readlinePrompt, `${root}bench/readline-prompt.ts`]);
  if (beforeRef) {
    log(`building the calc of ${beforeRef} beside it, with its own build script…`);
    const dir = `${data}/before`;
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    sh(["sh", "-c", `git -C "${root}" archive "${beforeRef}" | tar -x -C "${dir}"`]);
    symlinkSync(`${root}node_modules`, `${dir}/node_modules`);
    const script = (JSON.parse(readFileSync(`${dir}/package.json`, "utf8")) as typeof packageJson).scripts.build;
    const words = script.split(/\s+/);
    sh([bun, ...words.slice(1)], { cwd: dir });
  }
}

// ---- inputs ----------------------------------------------------------------

interface Inputs {
  typical: { calc: string; bc: string; lines: string[] };
  functions: { calc: string; bc: string; lines: string[] };
  units: string;
  logic: string;
  fib: string;
  fibBc: string;
  loop: string;
  loopBc: string;
  twice: string;
  tenTimes: string;
  qalc: string;
  oneShotBc: string;
  trivial: string;
  longAnswers: string;
  longAnswersTenTimes: string;
  longVariables: string;
}

function writeInputs(): Inputs {
  const typical = generate(20261128, TYPICAL_LINES, 0.02);
  const functions = everyLineCalls(generate(4, 2 * FUNCTION_LINES, 0.5));
  const files = {
    typical: { calc: `${data}/typical.calc`, bc: `${data}/typical.bc`, lines: typical.calc },
    functions: { calc: `${data}/functions.calc`, bc: `${data}/functions.bc`, lines: functions.calc },
    units: `${data}/units.calc`,
    logic: `${data}/logic.calc`,
    fib: `${data}/fib.calc`,
    fibBc: `${data}/fib.bc`,
    loop: `${data}/loop.calc`,
    loopBc: `${data}/loop.bc`,
    twice: `${data}/typical-x2.calc`,
    tenTimes: `${data}/typical-x10.calc`,
    qalc: `${data}/qalc.calc`,
    oneShotBc: `${data}/one-shot.bc`,
    trivial: `${data}/trivial.calc`,
    longAnswers: `${data}/long-answers.calc`,
    longAnswersTenTimes: `${data}/long-answers-x10.calc`,
    longVariables: `${data}/long-variables.calc`,
  };
  writeFileSync(files.typical.calc, `${typical.calc.join("\n")}\n`);
  writeFileSync(files.typical.bc, `${BC_PRELUDE}${typical.bc.join("\n")}\n`);
  writeFileSync(files.functions.calc, `${functions.calc.join("\n")}\n`);
  writeFileSync(files.functions.bc, `${BC_PRELUDE}${functions.bc.join("\n")}\n`);
  writeFileSync(files.twice, `${typical.calc.join("\n")}\n`.repeat(2));
  writeFileSync(files.tenTimes, `${typical.calc.join("\n")}\n`.repeat(10));
  writeFileSync(files.qalc, `${typical.calc.slice(0, QALC_LINES).join("\n")}\n`);
  writeFileSync(files.oneShotBc, "20-5\n");
  writeFileSync(files.units, `${generateUnits(11, UNIT_LINES).join("\n")}\n`);
  writeFileSync(files.logic, `${generateLogic(12, LOGIC_LINES).join("\n")}\n`);
  writeFileSync(files.fib, `${FIB}\nfib(25)\n`);
  writeFileSync(files.fibBc, `${FIB_BC}\nfib(27)\n`);
  writeFileSync(files.loop, `${LOOP}\n${"tally(9000, 0)\n".repeat(LOOP_CALLS)}`);
  writeFileSync(files.loopBc, `${LOOP_BC}\n${"tally(9000, 0)\n".repeat(LOOP_CALLS)}`);
  writeFileSync(files.trivial, "1 + 2\n");
  const lines = (count: number, line: (i: number) => string) => Array.from({ length: count }, (_, i) => `${line(i + 1)}\n`).join("");
  writeFileSync(files.longAnswers, lines(LONG_ANSWERS, (i) => `3^100000 + ${i}`));
  writeFileSync(files.longAnswersTenTimes, lines(10 * LONG_ANSWERS, (i) => `3^100000 + ${i}`));
  writeFileSync(files.longVariables, lines(LONG_VARIABLES, (i) => `v${i} = 3^100000 + ${i}`));
  return files;
}

const FIB = "fib(n) = if n < 2 then n else fib(n - 1) + fib(n - 2)";
/** The same definitions for bc (issue 24: user functions against bc running them). */
const FIB_BC = "define fib(n) { if (n < 2) return n; return fib(n - 1) + fib(n - 2); }";
/** A loop written as a tail recursion (calc has no loop statement): the sum of 1..n, 9,000 calls deep. */
const LOOP = "tally(n, a) = if n == 0 then a else tally(n - 1, a + n)";
const LOOP_BC = "define tally(n, a) { if (n == 0) return a; return tally(n - 1, a + n); }";
const LOOP_CALLS = 200;

/** The first FUNCTION_LINES of the lines that call an irrational function (sqrt, sin, cos, atan, ln, exp). */
function everyLineCalls(lines: { calc: string[]; bc: string[] }): { calc: string[]; bc: string[] } {
  const kept = lines.calc.map((_, i) => i).filter((i) => /\b(?:sqrt|sin|cos|atan|ln|exp)\(/.test(lines.calc[i]!)).slice(0, FUNCTION_LINES);
  if (kept.length < FUNCTION_LINES) throw new Error(`only ${kept.length} generated lines call a function`);
  return { calc: kept.map((i) => lines.calc[i]!), bc: kept.map((i) => lines.bc[i]!) };
}

// ---- measuring -------------------------------------------------------------

interface Run {
  wall: number;
  rss_kb: number;
  status: number;
}

interface Command {
  argv: string[];
  stdin?: string;
  env?: Record<string, string>;
}

function measure(commands: Command[], rounds: number, warmup: number): Run[][] {
  const spec = JSON.stringify({ commands, rounds, warmup });
  const runs = (JSON.parse(sh(["python3", `${root}bench/measure.py`, "times", spec])) as { runs: Run[][] }).runs;
  runs.forEach((list, i) => {
    const failed = list.find((run) => run.status !== 0);
    if (failed) throw new Error(`${commands[i]!.argv.join(" ")} exited with ${failed.status}`);
  });
  return runs;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const wall = (runs: Run[]) => median(runs.map((run) => run.wall));
const rss = (runs: Run[]) => median(runs.map((run) => run.rss_kb)) / 1024;

function has(program: string): boolean {
  return Bun.spawnSync(["sh", "-c", `command -v ${program}`]).exitCode === 0;
}

// ---- agreement with bc -------------------------------------------------------

/**
 * Every line's answer against bc's, to the digits both show. bc truncates
 * every intermediate result to its scale, and a chain of operations magnifies
 * that, so bc runs twice, at two scales; how far apart its two answers are
 * bounds its own error. calc's printed value must lie within half a unit of
 * its last digit, plus that bound, of bc's: a rounding error of calc's in any
 * digit it prints would fail this, and an exact integer must match exactly.
 */
function agreement(file: { calc: string; bc: string }): { lines: number; disagreements: string[] } {
  const ours = sh([calc], { stdin: file.calc }).trimEnd().split("\n");
  const [theirs, finer] = BC_SCALES.map((scale) => {
    const scaled = `${data}/scale-${scale}.bc`;
    writeFileSync(scaled, `scale=${scale}\n${readFileSync(file.bc, "utf8")}`);
    return sh(["bc", "-l", scaled], { env: { BC_LINE_LENGTH: "0" } }).trimEnd().split("\n");
  }) as [string[], string[]];
  const inputs = readFileSync(file.calc, "utf8").trimEnd().split("\n");
  const disagreements: string[] = [];
  if (ours.length !== theirs.length) disagreements.push(`${ours.length} answers from calc, ${theirs.length} from bc`);
  const bcLastPlace = new Decimal(10).pow(-BC_SCALES[0]);
  for (let i = 0; i < Math.min(ours.length, theirs.length); i++) {
    const mine = new Decimal(ours[i]!);
    const reference = new Decimal(theirs[i]!);
    const bcError = reference.sub(new Decimal(finer[i]!)).abs().mul(10).add(bcLastPlace);
    const allowed = lastPlace(ours[i]!).div(2).add(bcError);
    if (mine.sub(reference).abs().gt(allowed)) disagreements.push(`line ${i + 1}: ${inputs[i]} → calc ${ours[i]}, bc ${theirs[i]}`);
  }
  return { lines: ours.length, disagreements };
}

const BC_SCALES = [80, 100] as const;

/** The value of one unit in the last digit printed: 0.125 → 0.001, 1.5e-7 → 1e-8, 120 → 1. */
function lastPlace(text: string): Decimal {
  const [mantissa, exponent = "0"] = text.toLowerCase().split("e") as [string, string?];
  const decimals = mantissa.includes(".") ? mantissa.length - mantissa.indexOf(".") - 1 : 0;
  return new Decimal(10).pow(Number(exponent) - decimals);
}

// ---- the table ---------------------------------------------------------------

interface Row {
  figure: string;
  calc: string;
  reference: string;
  ratio: string;
  target: string;
  pass?: boolean;
}

const ms = (seconds: number) => `${(seconds * 1000).toFixed(1)} ms`;
const signedMs = (seconds: number) => `${seconds < 0 ? "−" : "+"}${ms(Math.abs(seconds))}`;
const mb = (megabytes: number) => `${megabytes.toFixed(1)} MB`;
const perSecond = (lines: number, seconds: number) => `${Math.round(lines / seconds).toLocaleString("en-US")} lines/s`;

function table(rows: Row[]): string {
  const header = ["figure", "calc", "reference", "ratio", "target", "result"];
  const cells = rows.map((row) => [row.figure, row.calc, row.reference, row.ratio, row.target, row.pass === undefined ? "—" : row.pass ? "pass" : "FAIL"]);
  return [header, header.map(() => "---"), ...cells].map((line) => `| ${line.join(" | ")} |`).join("\n");
}

function machine(): string {
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  const bunVersion = sh([bun, "--version"]).trim();
  const bcVersion = sh(["bc", "--version"]).split("\n")[0];
  return `${new Date().toISOString().slice(0, 10)} · ${cpus().length} × ${cpu} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB · Linux ${sh(["uname", "-r"]).trim()} · Bun ${bunVersion} · ${bcVersion}`;
}

// ---- main ----------------------------------------------------------------------

build();
const inputs = writeInputs();
const rows: Row[] = [];
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

log("start-up: calc 20 - 5, calc --version, the floor, echo '20-5' | bc (30 interleaved rounds)…");
const startCommands: Command[] = [{ argv: [calc, "20", "-", "5"] }, { argv: [hello] }, { argv: ["bc"], stdin: inputs.oneShotBc }, { argv: [calc, "--version"] }];
if (beforeRef) startCommands.push({ argv: [before, "20", "-", "5"] });
const [oneShot, floor, bcOneShot, version, oneShotBefore] = measure(startCommands, 30, 3);
const floorStart = wall(floor!);
rows.push({
  figure: "one-shot start (`calc 20 - 5`)",
  calc: ms(wall(oneShot!)),
  reference: `floor ${ms(floorStart)}`,
  ratio: ratio(wall(oneShot!), floorStart),
  target: "≤ 2.0× floor",
  pass: wall(oneShot!) / floorStart <= 2.0,
});
rows.push({
  figure: "`calc --version`",
  calc: ms(wall(version!)),
  reference: `floor ${ms(floorStart)}`,
  ratio: ratio(wall(version!), floorStart),
  target: "≤ 1.3× floor",
  pass: wall(version!) / floorStart <= 1.3,
});
rows.push({ figure: "one-shot vs bc", calc: ms(wall(oneShot!)), reference: `bc ${ms(wall(bcOneShot!))}`, ratio: ratio(wall(oneShot!), wall(bcOneShot!)), target: "(reported)" });
rows.push({
  figure: "one-shot peak memory",
  calc: mb(rss(oneShot!)),
  reference: `floor ${mb(rss(floor!))}`,
  ratio: ratio(rss(oneShot!), rss(floor!)),
  target: "≤ 1.5× floor",
  pass: rss(oneShot!) / rss(floor!) <= 1.5,
});
if (oneShotBefore) {
  rows.push({ figure: `one-shot start, this build vs ${beforeRef}`, calc: ms(wall(oneShot!)), reference: ms(wall(oneShotBefore)), ratio: ratio(wall(oneShot!), wall(oneShotBefore)), target: "(reported)" });
}

log(`piped throughput: ${TYPICAL_LINES.toLocaleString("en-US")} typical lines, calc vs bc -l (9 interleaved rounds)…`);
const pipedCommands: Command[] = [
  { argv: [calc], stdin: inputs.typical.calc },
  { argv: ["bc", "-l"], stdin: inputs.typical.bc, env: { BC_LINE_LENGTH: "0" } },
];
if (beforeRef) pipedCommands.push({ argv: [before], stdin: inputs.typical.calc });
// nine rounds: the side-by-side ratio with the build before moved by ±5% between runs of five
const [piped, bcPiped, pipedBefore] = measure(pipedCommands, 9, 1);
const throughput = wall(bcPiped!) / wall(piped!);
rows.push({
  figure: `piped throughput, ${TYPICAL_LINES.toLocaleString("en-US")} typical lines`,
  calc: perSecond(TYPICAL_LINES, wall(piped!)),
  reference: `bc -l ${perSecond(TYPICAL_LINES, wall(bcPiped!))}`,
  ratio: `${throughput.toFixed(2)}×`,
  target: "≥ 0.6× bc",
  pass: throughput >= 0.6,
});
if (pipedBefore) {
  // plain arithmetic must not get slower as the language grows: ≥ 1.0× the build before (within noise)
  const speed = wall(pipedBefore) / wall(piped!);
  rows.push({
    figure: `plain arithmetic (typical lines), this build vs ${beforeRef}`,
    calc: perSecond(TYPICAL_LINES, wall(piped!)),
    reference: perSecond(TYPICAL_LINES, wall(pipedBefore)),
    ratio: `${speed.toFixed(2)}×`,
    target: "not slower: ≥ 0.97×",
    pass: speed >= 0.97,
  });
}

log(`function-heavy, unit-heavy and logic-heavy files, fib(25), and user functions beside bc (5 interleaved rounds)…`);
const [fnCalc, fnBc, units, logic, fib, fibOneShot, fibBc, loop, loopBc] = measure(
  [
    // (20 digits, as bc -l's scale)
    { argv: [calc, "-p", "20"], stdin: inputs.functions.calc },
    { argv: ["bc", "-l"], stdin: inputs.functions.bc, env: { BC_LINE_LENGTH: "0" } },
    { argv: [calc], stdin: inputs.units },
    { argv: [calc], stdin: inputs.logic },
    { argv: [calc], stdin: inputs.fib },
    { argv: [calc, `${FIB}; fib(27)`] },
    { argv: ["bc", "-q", inputs.fibBc] },
    { argv: [calc], stdin: inputs.loop },
    { argv: ["bc", "-q", inputs.loopBc] },
  ],
  5,
  1,
);
rows.push({
  figure: `piped, ${FUNCTION_LINES.toLocaleString("en-US")} lines that each call an irrational function, at 20 digits`,
  calc: perSecond(FUNCTION_LINES, wall(fnCalc!)),
  reference: `bc -l ${perSecond(FUNCTION_LINES, wall(fnBc!))}`,
  ratio: `${(wall(fnBc!) / wall(fnCalc!)).toFixed(2)}×`,
  target: "≥ 2.0× bc -l",
  pass: wall(fnBc!) / wall(fnCalc!) >= 2.0,
});
rows.push({
  figure: "user functions: fib(27) by its recursive definition, one-shot (about 630,000 calls)",
  calc: ms(wall(fibOneShot!)),
  reference: `bc ${ms(wall(fibBc!))}`,
  ratio: `${(wall(fibBc!) / wall(fibOneShot!)).toFixed(2)}×`,
  target: "≥ 1.0× bc",
  pass: wall(fibBc!) / wall(fibOneShot!) >= 1.0,
});
rows.push({
  figure: `user functions: a loop as a tail recursion, tally(9000, 0) ${LOOP_CALLS} times, piped`,
  calc: ms(wall(loop!)),
  reference: `bc ${ms(wall(loopBc!))}`,
  ratio: `${(wall(loopBc!) / wall(loop!)).toFixed(2)}×`,
  target: "≥ 1.0× bc",
  pass: wall(loopBc!) / wall(loop!) >= 1.0,
});
rows.push({
  figure: `piped, ${UNIT_LINES.toLocaleString("en-US")} unit-heavy lines (conversions, sums, products)`,
  calc: perSecond(UNIT_LINES, wall(units!)),
  reference: `typical lines ${perSecond(TYPICAL_LINES, wall(piped!))}`,
  ratio: ratio((UNIT_LINES / wall(units!)), (TYPICAL_LINES / wall(piped!))),
  target: "(reported)",
});
rows.push({
  figure: `piped, ${LOGIC_LINES.toLocaleString("en-US")} logic-heavy lines (comparisons, if, recursive calls)`,
  calc: perSecond(LOGIC_LINES, wall(logic!)),
  reference: `typical lines ${perSecond(TYPICAL_LINES, wall(piped!))}`,
  ratio: ratio((LOGIC_LINES / wall(logic!)), (TYPICAL_LINES / wall(piped!))),
  target: "(reported)",
});
rows.push({
  figure: "fib(25) by its recursive definition (about 250,000 calls), whole run",
  calc: ms(wall(fib!)),
  reference: `floor ${ms(floorStart)}`,
  ratio: ratio(wall(fib!), floorStart),
  target: "well under 1 s",
  pass: wall(fib!) < 1,
});

if (has("qalc")) {
  log(`qalc on a ${QALC_LINES}-line sample…`);
  const [qalc, calcSample] = measure([{ argv: ["qalc", "-t", "-f", "-"], stdin: inputs.qalc }, { argv: [calc], stdin: inputs.qalc }], 1, 0);
  rows.push({
    figure: `piped, ${QALC_LINES} lines vs qalc`,
    calc: perSecond(QALC_LINES, wall(calcSample!)),
    reference: `qalc ${perSecond(QALC_LINES, wall(qalc!))}`,
    ratio: `${(wall(qalc!) / wall(calcSample!)).toFixed(1)}×`,
    target: "(reported)",
  });
} else {
  rows.push({ figure: "piped vs qalc", calc: "—", reference: "qalc not installed", ratio: "—", target: "(reported)" });
}

// the heap reaches its working size within the first few hundred thousand lines (a 200,000-line run
// ends before it does); flat means that five times more input past that point needs no more memory
log("piped memory: 400,000 vs 2,000,000 lines (the typical file twice and ten times, 3 rounds)…");
const [shorter, longer] = measure([{ argv: [calc], stdin: inputs.twice }, { argv: [calc], stdin: inputs.tenTimes }], 3, 0);
const growth = rss(longer!) / rss(shorter!);
rows.push({
  figure: "piped peak memory, 2M vs 400k lines",
  calc: `${mb(rss(longer!))} vs ${mb(rss(shorter!))}`,
  reference: `floor ${mb(rss(floor!))}`,
  ratio: `${growth.toFixed(2)}× (vs floor ${(rss(longer!) / rss(floor!)).toFixed(1)}×)`,
  target: "flat: ≤ 1.10×",
  pass: growth <= 1.1,
});

// answers of 47,713 digits each: memory must be flat in the lines however long each answer, and a
// variable must cost about its number (one round: the long file's digits alone take over a minute)
log(`piped memory with long answers: ${(10 * LONG_ANSWERS).toLocaleString("en-US")} vs ${LONG_ANSWERS.toLocaleString("en-US")} answers of 47,713 digits; ${LONG_VARIABLES.toLocaleString("en-US")} such variables (1 round)…`);
const [trivial, fewLong, manyLong, longVariables] = measure(
  [{ argv: [calc], stdin: inputs.trivial }, { argv: [calc], stdin: inputs.longAnswers }, { argv: [calc], stdin: inputs.longAnswersTenTimes }, { argv: [calc], stdin: inputs.longVariables }],
  1,
  0,
);
const longGrowth = rss(manyLong!) / rss(fewLong!);
rows.push({
  figure: `piped peak memory, ${(10 * LONG_ANSWERS).toLocaleString("en-US")} vs ${LONG_ANSWERS.toLocaleString("en-US")} answers of 47,713 digits (3^100000 + i)`,
  calc: `${mb(rss(manyLong!))} vs ${mb(rss(fewLong!))}`,
  reference: `trivial piped run ${mb(rss(trivial!))}`,
  ratio: `${longGrowth.toFixed(2)}×`,
  target: "flat: ≤ 1.25× (one round)",
  pass: longGrowth <= 1.25,
});
const numbers = LONG_VARIABLES_BYTES / 2 ** 20;
const variablesBound = 2 * numbers + rss(trivial!);
rows.push({
  figure: `piped peak memory, ${LONG_VARIABLES.toLocaleString("en-US")} variables of 47,713 digits (vN = 3^100000 + N)`,
  calc: mb(rss(longVariables!)),
  reference: `numbers ${mb(numbers)}, trivial piped run ${mb(rss(trivial!))}`,
  ratio: `${((rss(longVariables!) - rss(trivial!)) / numbers).toFixed(2)}× the numbers above the trivial run`,
  target: `≤ 2× the numbers + the trivial run (${mb(variablesBound)})`,
  pass: rss(longVariables!) <= variablesBound,
});

log("REPL in a pseudo-terminal: first prompt, then the answer to 1+2 (10 rounds)…");
const replRuns = (argv: string[]) =>
  JSON.parse(
    sh(["python3", `${root}bench/measure.py`, "repl", JSON.stringify({ argv, env: { CALC_HISTORY: `${data}/history`, TERM: "xterm", NO_COLOR: "1" }, rounds: 10 })]),
  ) as { prompt: number; answer: number }[];
const repl = replRuns([calc]);
const prompt = median(repl.map((r) => r.prompt));
// what any program takes to show a prompt there, and one that uses node:readline and nothing else
const promptTimes = (argv: string[]) =>
  median(JSON.parse(sh(["python3", `${root}bench/measure.py`, "prompt", JSON.stringify({ argv, env: { TERM: "xterm", NO_COLOR: "1" }, rounds: 10 })])) as number[]);
const leastPrompt = promptTimes([promptFloor]);
const readlineOnly = promptTimes([readlinePrompt]);
rows.push({
  figure: "REPL: start to first prompt, vs a compiled program that shows its prompt through node:readline and does nothing else",
  calc: ms(prompt),
  reference: `readline prompt ${ms(readlineOnly)}`,
  ratio: ratio(prompt, readlineOnly),
  target: "≤ 1.2× readline prompt",
  pass: prompt / readlineOnly <= 1.2,
});
rows.push({ figure: "REPL: start to first prompt, vs the start-up floor", calc: ms(prompt), reference: `floor start ${ms(floorStart)}`, ratio: ratio(prompt, floorStart), target: "(reported)" });
rows.push({
  figure: "REPL: first prompt vs the prompt floor (a compiled program that only shows `> `, in the same pseudo-terminal)",
  calc: ms(prompt),
  reference: `prompt floor ${ms(leastPrompt)}`,
  ratio: ratio(prompt, leastPrompt),
  target: "(reported)",
});
rows.push({ figure: "REPL: Enter to answer (`1+2`)", calc: ms(median(repl.map((r) => r.answer))), reference: "—", ratio: "—", target: "(reported)" });
if (beforeRef) {
  const promptBefore = median(replRuns([before]).map((r) => r.prompt));
  rows.push({ figure: `REPL first prompt, this build vs ${beforeRef}`, calc: ms(prompt), reference: ms(promptBefore), ratio: ratio(prompt, promptBefore), target: "(reported)" });
}

log("agreement with bc on every line of both files; every unit and logic line answered…");
for (const [name, file] of [["typical", inputs.typical], ["function-heavy", inputs.functions]] as const) {
  const { lines, disagreements } = agreement(file);
  rows.push({
    figure: `answers agree with bc, ${name} file`,
    calc: `${(lines - disagreements.length).toLocaleString("en-US")} of ${lines.toLocaleString("en-US")}`,
    reference: `bc -l, scale=${BC_SCALES.join(" and ")}`,
    ratio: "—",
    target: "all",
    pass: disagreements.length === 0,
  });
  for (const line of disagreements.slice(0, 10)) log(`  ${line}`);
}
for (const [name, file, lines] of [["unit-heavy", inputs.units, UNIT_LINES], ["logic-heavy", inputs.logic, LOGIC_LINES]] as const) {
  // sh() fails on a non-zero status, so a line that is an error fails the benchmark
  const answers = sh([calc], { stdin: file }).trimEnd().split("\n").length;
  rows.push({ figure: `every ${name} line answered`, calc: `${answers.toLocaleString("en-US")} of ${lines.toLocaleString("en-US")}`, reference: "—", ratio: "—", target: "all", pass: answers === lines });
}

// ---- the profile: where the time goes ----------------------------------------------

log("profile: a piped line's stages in-process (3 passes)…");
interface Stages {
  reading: number;
  lexing: number;
  parsing: number;
  evaluating: number;
  formatting: number;
  writing: number;
  total: number;
  /** session.evaluate's whole time per line, for lines that call an irrational function and the rest */
  byKind: Record<"functions" | "others", { lines: number; perLine: number; shareOfTime: number }>;
}
const stages = (file: string) => JSON.parse(sh([bun, `${root}bench/profile.ts`, file])) as Stages;
const us = (microseconds: number) => `${microseconds.toFixed(2)} µs`;
const split = (s: Stages) =>
  `read ${us(s.reading)}, lex ${us(s.lexing)}, parse ${us(s.parsing)}, evaluate ${us(s.evaluating)}, format ${us(s.formatting)}, write ${us(s.writing)}: ${us(s.total)}`;
const typicalStages = stages(inputs.typical.calc);

log("profile: a one-shot run's steps in the executable (bench/startup-profile.ts, 21 runs)…");
interface StartupSteps {
  runtime: number;
  imports: number;
  scanner: number;
  parser: number;
  line: number;
  /** not a step of calc's: making chevrotain's Lexer of the same tokens afterwards, for comparison */
  chevrotainLexer: number;
  /** resident MB at the first line of JavaScript and after each step */
  rss: number[];
}
const startupRuns = Array.from({ length: 21 }, () => JSON.parse(sh([startupProfile])) as StartupSteps);
const steps = ["runtime", "imports", "scanner", "parser", "line"] as const;
const step = (key: (typeof steps)[number] | "chevrotainLexer") => median(startupRuns.map((run) => run[key])) / 1000;
const inProcess = steps.reduce((total, key) => total + step(key), 0);
const residentAfter = startupRuns[0]!.rss.map((_, i) => median(startupRuns.map((run) => run.rss[i]!)));
const grew = (i: number) => `+${mb(residentAfter[i]! - residentAfter[i - 1]!)}`;
const profile = [
  `- one-shot start (${ms(wall(oneShot!))}): the floor ${ms(floorStart)}; loading calc's bundle and entry point ` +
    `(\`calc --version\`, which builds nothing) ${signedMs(wall(version!) - floorStart)}; the session's modules, building the ` +
    `scanner and parser, and the line ${signedMs(wall(oneShot!) - wall(version!))}.`,
  `- the same run step by step (bench/startup-profile.ts compiled with calc's flags, medians of 21 warm runs): the runtime's ` +
    `start before the first line of JavaScript ${ms(step("runtime"))}; importing the session's modules ${ms(step("imports"))}; ` +
    `building the scanner's table ${ms(step("scanner"))}; building the parser (restored from the grammar recorded at build time) ` +
    `${ms(step("parser"))}; the line (evaluate, format) ${ms(step("line"))}; in all ${ms(inProcess)} before exit. ` +
    `Resident memory at the first line of JavaScript ${mb(residentAfter[0]!)}, then imports ${grew(1)}, the scanner ` +
    `${grew(2)}, the parser ${grew(3)}, the line ${grew(4)}. For comparison, making chevrotain's own Lexer of the same ` +
    `tokens afterwards, as calc did before it had a scanner: ${ms(step("chevrotainLexer"))}, ` +
    `${grew(5)}.`,
  `- one-shot peak memory: the floor ${mb(rss(floor!))}; \`calc --version\` ${mb(rss(version!))}; \`calc 20 - 5\` ${mb(rss(oneShot!))}.`,
  `- a typical line: ${us((wall(piped!) * 1e6) / TYPICAL_LINES)} in the executable (bc: ${us((wall(bcPiped!) * 1e6) / TYPICAL_LINES)}); in-process, once warm: ${split(typicalStages)}.`,
  `- of the typical file's lines, the ${typicalStages.byKind.functions.lines.toLocaleString("en-US")} that call an irrational function (sqrt, sin, exp, …, ` +
    `approximate arithmetic in decimal.js) take ${us(typicalStages.byKind.functions.perLine)} each and ` +
    `${(typicalStages.byKind.functions.shareOfTime * 100).toFixed(0)}% of the time; the other ${typicalStages.byKind.others.lines.toLocaleString("en-US")}, ` +
    `${us(typicalStages.byKind.others.perLine)} each (in-process, lex to format, timed line by line).`,
  `- REPL first prompt (${ms(prompt)}): the prompt floor, a compiled program that only shows \`> \`, ${ms(leastPrompt)} in the same ` +
    `pseudo-terminal (${ratio(leastPrompt, floorStart)} the start-up floor); a compiled program that shows its prompt through ` +
    `node:readline and does nothing else, ${ms(readlineOnly)}.`,
  `- a unit-heavy line: ${us((wall(units!) * 1e6) / UNIT_LINES)} in the executable; in-process: ${split(stages(inputs.units))}.`,
  `- a logic-heavy line: ${us((wall(logic!) * 1e6) / LOGIC_LINES)} in the executable; in-process: ${split(stages(inputs.logic))}.`,
].join("\n");

const result = table(rows);
const about = machine();
const method = "Each executable is evicted from the page cache and read back in full before every round, and the order of the commands turns each round (bench/measure.py), so all are equally warm and none always runs first.";
console.log(`${about}\n${method}\n\n${result}\n\nWhere the time goes:\n${profile}`);
writeFileSync(
  `${root}bench/RESULTS.md`,
  `# Benchmark results\n\nWritten by \`npm run bench${beforeRef ? ` -- --before ${beforeRef}` : ""}\` (bench/run.ts): medians of interleaved rounds, measured by bench/measure.py. ${method}\n\n${about}\n\n${result}\n\nWhere the time goes (docs/performance.md says what each figure means):\n\n${profile}\n`,
);
const failed = rows.filter((row) => row.pass === false);
if (failed.length > 0) log(`\n${failed.length} target(s) not met: ${failed.map((row) => row.figure).join("; ")}`);
