// Every resource bounded (issue 25), on dist/calc: piped memory stays flat in the number of lines
// however long each answer, a variable costs about its number, an overlong line is refused while it
// is read, a huge unknown name is answered at once, and a system failure (a full disk, a directory
// on stdin) is one line, never a trace. Peaks are measured by tests/support/measure.py, for the
// process alone. (The REPL's history from /dev/full, a FIFO or /dev/tty is in tests/cli/repl.test.ts.)
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { calc, useBinary } from "../support/binary.ts";
import { measure, measureAsync } from "../support/processes.ts";

useBinary();

const dir = mkdtempSync(`${tmpdir()}/calc-resources-`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MB = 1024;
const BIG = 3n ** 100_000n;
/** Digits of 3^100000 + i for the i used here: every answer is this long. */
const DIGITS = 47_713;

/** The last `bytes` bytes of a file, as text. */
async function tail(path: string, bytes: number): Promise<string> {
  const file = Bun.file(path);
  return file.slice(Math.max(0, file.size - bytes)).text();
}

function lines(path: string, count: number, line: (i: number) => string): string {
  writeFileSync(path, Array.from({ length: count }, (_, i) => `${line(i + 1)}\n`).join(""));
  return path;
}

describe("piped memory is flat in the number of lines, whatever the size of each answer", () => {
  test(
    "20,000 answers of 47,713 digits peak as 2,000 do, and 4,000 such variables cost about their numbers",
    async () => {
      const floor = lines(`${dir}/floor.calc`, 1, () => "1 + 2");
      const short = lines(`${dir}/2000.calc`, 2_000, (i) => `3^100000 + ${i}`);
      const long = lines(`${dir}/20000.calc`, 20_000, (i) => `3^100000 + ${i}`);
      const variables = lines(`${dir}/vars.calc`, 4_000, (i) => `v${i} = 3^100000 + ${i}`);
      // the long run takes most of the time (the digits of 20,000 answers: about 4 ms each); the rest
      // runs beside it
      const [[longRun], [floorRun, shortRun, variablesRun]] = await Promise.all([
        measureAsync([{ args: [calc], stdin: long, output: `${dir}/20000`, timeout: 280 }]),
        measureAsync([
          { args: [calc], stdin: floor },
          { args: [calc], stdin: short, output: `${dir}/2000`, timeout: 60 },
          { args: [calc], stdin: variables, output: `${dir}/vars`, timeout: 120 },
        ]),
      ]);
      // every answer, whole, in order
      for (const [run, name, count] of [[shortRun!, "2000", 2_000], [longRun!, "20000", 20_000], [variablesRun!, "vars", 4_000]] as const) {
        expect({ name, status: run.status, stderr: statSync(`${dir}/${name}.err`).size }).toEqual({ name, status: 0, stderr: 0 });
        expect(statSync(`${dir}/${name}.out`).size).toBe(count * (DIGITS + 1));
        expect(await tail(`${dir}/${name}.out`, DIGITS + 2)).toBe(`\n${BIG + BigInt(count)}\n`);
        rmSync(`${dir}/${name}.out`);
      }
      const peak = (run: typeof floorRun) => run!.peakKilobytes / MB;
      console.log(
        `peak MB: trivial ${peak(floorRun).toFixed(1)}, 2,000 answers ${peak(shortRun).toFixed(1)}, 20,000 answers ${peak(longRun).toFixed(1)}, 4,000 variables ${peak(variablesRun).toFixed(1)}`,
      );
      // measured 66–80 MB at 20,000 lines and 67 at 2,000 (before: 397 MB and 1.65 GB; two runs side by side move it)
      expect(peak(longRun)).toBeLessThan(peak(shortRun) * 1.5);
      expect(peak(longRun)).toBeLessThan(200);
      // the numbers: 4,000 bigints of 158,497 bits, 75.6 MB; measured 148 MB with a floor of 41 (before: 780)
      const numbers = (4_000 * Math.ceil(158_497 / 64) * 8) / 2 ** 20;
      expect(peak(variablesRun)).toBeLessThan(2 * numbers + peak(floorRun));
    },
    300_000,
  );
});

describe("an overlong line is refused while it is read", () => {
  test("a 10^8-character line: 'line too long' at once, in bounded memory, and the next line answered", () => {
    const path = `${dir}/long.calc`;
    writeFileSync(path, `${"a".repeat(100_000_000)}\n1+2\n`);
    const [run] = measure([{ args: [calc], stdin: path, timeout: 10 }]);
    rmSync(path);
    expect(run!.stdout).toBe("3\n");
    expect(run!.stderr).toBe(`line 1: line too long: 100000000 characters (the limit is 200000)\n  …${"a".repeat(100)}…\n  ${" ".repeat(51)}^\n`);
    expect(run!.status).toBe(1);
    // measured 0.08 s and 81 MB (before: 38.7 s and 582 MB)
    expect(run!.seconds).toBeLessThan(2);
    expect(run!.peakKilobytes / MB).toBeLessThan(160);
  });

  test("lines at the limit and one past it, across the reader's chunks", () => {
    const path = `${dir}/edge.calc`;
    // 200,000 characters is allowed, 200,001 is not; both span chunks of the input
    writeFileSync(path, `${" ".repeat(199_999)}1\n${" ".repeat(200_000)}1\n2+2\n${"#".repeat(600_000)}\n5`);
    const [run] = measure([{ args: [calc], stdin: path, timeout: 10 }]);
    expect(run!.stdout).toBe("1\n4\n5\n");
    expect(run!.stderr).toBe(`line 2: line too long: 200001 characters (the limit is 200000)\n  …${" ".repeat(99)}1\n  ${" ".repeat(100)}^\n` +
      `line 4: line too long: 600000 characters (the limit is 200000)\n  …${"#".repeat(100)}…\n  ${" ".repeat(51)}^\n`);
    expect(run!.status).toBe(1);
  });

  test("a 199,000-character name: 'unknown name' at once, in bounded memory", () => {
    const path = `${dir}/name.calc`;
    writeFileSync(path, `${"a".repeat(199_000)}\n1+2\n`);
    const [run] = measure([{ args: [calc], stdin: path, timeout: 20 }]);
    expect(run!.stdout).toBe("3\n");
    // the message quotes 40 characters of it; the caret marks all of it
    expect(run!.stderr).toStartWith(`line 1: unknown name '${"a".repeat(40)}…'\n`);
    expect(run!.stderr.split("\n").length).toBe(4);
    expect(run!.status).toBe(1);
    // measured 0.04 s and 46 MB (before: 9.0 s and 647 MB: the suggestion split the name every way)
    expect(run!.seconds).toBeLessThan(1);
    expect(run!.peakKilobytes / MB).toBeLessThan(128);
  });
});

describe("a failure of the system is one line on stderr, never a trace", () => {
  const bash = (command: string) => {
    const result = Bun.spawnSync(["bash", "-c", command], { stdout: "pipe", stderr: "pipe" });
    return { out: result.stdout.toString(), err: result.stderr.toString(), code: result.exitCode };
  };
  const full = { out: "", err: "calc: cannot write the answer: no space left on device\n", code: 1 };

  test("a full disk under the answer (> /dev/full): one-shot, piped and --json, status 1", () => {
    expect(bash(`"${calc}" 1+2 > /dev/full`)).toEqual(full);
    expect(bash(`echo 1+2 | "${calc}" > /dev/full`)).toEqual(full);
    expect(bash(`echo 1+2 | "${calc}" --json > /dev/full`)).toEqual(full);
    expect(bash(`"${calc}" --version > /dev/full`)).toEqual(full);
  });

  test("errors that cannot be written either: status 1 and nothing else", () => {
    expect(bash(`"${calc}" 1/0 2> /dev/full`)).toEqual({ out: "", err: "", code: 1 });
    expect(bash(`printf '1/0\\n2+2\\n' | "${calc}" 2> /dev/full`)).toEqual({ out: "", err: "", code: 1 });
  });

  test("a directory on standard input: one line, status 2", () => {
    const directory = { out: "", err: "calc: cannot read standard input: is a directory\n", code: 2 };
    expect(bash(`"${calc}" < /tmp`)).toEqual(directory);
    expect(bash(`"${calc}" - < /tmp`)).toEqual(directory);
  });
});
