// The compiled executable (npm run build → dist/calc): one-shot and piped modes, options, exit codes.
import { describe, expect, test } from "bun:test";
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { calc, root, useBinary } from "../support/binary.ts";

useBinary();

function run(args: string[], stdin?: string, env: Record<string, string> = {}, program: string[] = [calc]) {
  const result = Bun.spawnSync([...program, ...args], {
    stdin: stdin === undefined ? "ignore" : Buffer.from(stdin),
    env: { PATH: process.env.PATH ?? "", ...env },
  });
  return { out: result.stdout.toString(), err: result.stderr.toString(), code: result.exitCode };
}

describe("one-shot", () => {
  test("arguments are joined into one line", () => {
    expect(run(["20", "-", "5"])).toEqual({ out: "15\n", err: "", code: 0 });
    expect(run(["2^10"]).out).toBe("1024\n");
    expect(run(["x = 3; x^2"]).out).toBe("9\n");
  });

  test("negative numbers and expressions are not options", () => {
    expect(run(["-5", "+", "3"]).out).toBe("-2\n");
    expect(run(["--3"]).out).toBe("3\n");
    expect(run(["-(2)", "*", "4"]).out).toBe("-8\n");
  });

  test("-- ends the options", () => {
    const { err, code } = run(["--", "-x"]);
    expect(err).toBe("-x\n ^ unknown name 'x'\n");
    expect(code).toBe(1);
  });

  test("a line with nothing to print writes nothing: a file the output is appended to keeps what it had", () => {
    const file = `${tmpdir()}/calc-append-${process.pid}.txt`;
    writeFileSync(file, "before\n");
    const appended = Bun.spawnSync(["sh", "-c", `"$0" '# a comment' >> "$1"; "$0" '' >> "$1"; "$0" 1+1 >> "$1"`, calc, file]);
    expect(appended.exitCode).toBe(0);
    expect(readFileSync(file, "utf8")).toBe("before\n2\n");
  });

  test("an error: the caret line on stderr, nothing on stdout, status 1", () => {
    expect(run(["1", "+", "*", "2"])).toEqual({
      out: "",
      err: "1 + * 2\n    ^ expected a number, a name or '(' but found '*'\n",
      code: 1,
    });
  });
});

describe("options", () => {
  test("--help and --version", () => {
    expect(run(["--help"]).out).toContain("usage:");
    expect(run(["-h"]).code).toBe(0);
    expect(run(["--version"]).out).toMatch(/^calc \d+\.\d+\.\d+\n$/);
    expect(run(["-V"]).code).toBe(0);
  });

  test("--precision / -p", () => {
    expect(run(["-p", "5", "pi"]).out).toBe("3.1416\n");
    expect(run(["--precision", "30", "1/3"]).out).toBe("0.333333333333333333333333333333\n");
    expect(run(["-p", "50", "sqrt(2)"]).out).toBe("1.4142135623730950488016887242096980785696718753769\n");
  });

  test("--json: one object per result, errors as objects on stderr", () => {
    expect(run(["--json", "1/4"]).out).toBe('{"input":"1/4","value":"0.25","exact":true}\n');
    expect(run(["--json", "1/3"]).out).toBe('{"input":"1/3","value":"0.333333333333","exact":false}\n');
    // `to sci` and `to eng` change only the look: the value stays in the default notation, the text shown beside it
    expect(run(["--json", "12345 m to eng"]).out).toBe(
      '{"input":"12345 m to eng","value":"12345 m","exact":true,"number":"12345","unit":"m","dimension":"length","text":"12.345e3 m"}\n',
    );
    const failed = run(["--json", "1 + * 2"]);
    expect(JSON.parse(failed.err)).toEqual({
      input: "1 + * 2",
      error: "expected a number, a name or '(' but found '*'",
      kind: "syntax",
      column: 5,
      length: 1,
    });
    expect(failed.code).toBe(1);
    const piped = run(["--json"], "f(x) = 2x\nf(4)\n1/0\n");
    expect(piped.out).toBe('{"input":"f(x) = 2x","definition":"f(x) = 2 * x"}\n{"input":"f(4)","value":"8","exact":true}\n');
    expect(JSON.parse(piped.err)).toMatchObject({ line: 3, error: "division by zero", column: 2 });
  });

  test("usage errors: one line and the usage, status 2", () => {
    for (const args of [["--bogus"], ["--x"], ["-p"], ["-p", "0"], ["-p", "1001"], ["-p", "5x"], ["--json=yes"], ["--precision=30", "1/3"]]) {
      const { out, err, code } = run(args);
      expect(out).toBe("");
      expect(err.split("\n")[0]).toMatch(/^calc: /);
      expect(err).toContain("usage: calc");
      expect(code).toBe(2);
    }
  });

  test("no colour when NO_COLOR is set or the output is not a terminal", () => {
    expect(run(["1/0"], undefined, { NO_COLOR: "1" }).err).not.toContain("\u001b[");
    expect(run(["1/0"]).err).not.toContain("\u001b[");
    expect(run(["--no-color", "1/0"], undefined, { FORCE_COLOR: "1" }).err).not.toContain("\u001b[");
    expect(run(["1/0"], undefined, { FORCE_COLOR: "1" }).err).toContain("\u001b[");
  });
});

describe("piped standard input", () => {
  test("one output line per statement line, no prompt, no colour", () => {
    const { out, err, code } = run([], "1+2\nx = 3\n# comment\n\nx * 2\n2^10\n", { FORCE_COLOR: "1" });
    expect(out).toBe("3\n3\n6\n1024\n");
    expect(err).toBe("");
    expect(code).toBe(0);
  });

  test("errors as `line N:` with the caret, the rest still runs, status 1", () => {
    const { out, err, code } = run([], "1+1\n1/0\nsqr(4)\n2+2\n");
    expect(out).toBe("2\n4\n");
    expect(err).toBe(
      "line 2: division by zero\n  1/0\n   ^~\nline 3: unknown function 'sqr' — did you mean 'sqrt'?\n  sqr(4)\n  ^~~\n",
    );
    expect(code).toBe(1);
  });

  test("`calc -` reads standard input too; CRLF and a missing last newline are fine", () => {
    expect(run(["-"], "6*7\r\n1+1").out).toBe("42\n2\n");
  });

  test("streaming: each answer arrives before the next line is written", async () => {
    const proc = Bun.spawn([calc], { stdin: "pipe", stdout: "pipe", stderr: "pipe" });
    const reader = proc.stdout.getReader();
    const decoder = new TextDecoder();
    for (const [line, answer] of [["x = 6", "6"], ["x * 7", "42"], ["ans + 1", "43"]] as const) {
      proc.stdin.write(`${line}\n`);
      proc.stdin.flush();
      const { value } = await reader.read();
      expect(decoder.decode(value)).toBe(`${answer}\n`);
    }
    proc.stdin.end();
    expect(await proc.exited).toBe(0);
  });

  test("a reader that goes away early ends the program quietly (| head)", () => {
    const result = Bun.spawnSync(["bash", "-c", `yes '1+1' | "${calc}" | head -3; echo "status \${PIPESTATUS[1]}"`]);
    expect(result.stdout.toString()).toBe("2\n2\n2\nstatus 0\n");
    expect(result.stderr.toString()).toBe("");
  }, 20_000);

  test("a million lines: every answer, in order, and memory does not grow with the input", () => {
    const run = (lines: number) => {
      const input = `${tmpdir()}/calc-seq-${lines}.txt`;
      const output = `${input}.out`;
      writeFileSync(input, Array.from({ length: lines }, (_, i) => `${i + 1}`).join("\n") + "\n");
      // the peak is measured by a small parent: a child's ru_maxrss counts its parent's memory from
      // before exec(), so measured from this (large) test process it would be this process's size
      const measure = `import resource, subprocess, sys
subprocess.run([sys.argv[1]], stdin=open(sys.argv[2]), stdout=open(sys.argv[3], "w"), check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)`;
      const proc = Bun.spawnSync(["python3", "-c", measure, calc, input, output], { stdout: "pipe", stderr: "pipe" });
      expect(proc.stderr.toString()).toBe("");
      const out = readFileSync(output, "utf8");
      const last = out.slice(out.lastIndexOf("\n", out.length - 2) + 1);
      return { count: out.split("\n").length - 1, last, peakKilobytes: Number(proc.stdout.toString()) };
    };
    const million = run(1_000_000);
    expect(million).toMatchObject({ count: 1_000_000, last: "1000000\n" });
    // the heap reaches its working size within the first million lines (measured: ~140 MB at 1M, 2M
    // and 3M lines); twice the input must not need noticeably more
    const twoMillion = run(2_000_000);
    expect(twoMillion).toMatchObject({ count: 2_000_000, last: "2000000\n" });
    expect(twoMillion.peakKilobytes).toBeLessThan(million.peakKilobytes * 1.15);
    expect(twoMillion.peakKilobytes).toBeLessThan(256 * 1024);
  }, 120_000);
});

describe("the source behaves as the binary (npm start runs bun src/main.ts)", () => {
  const source = [process.execPath, `${root}src/main.ts`];
  const cases: [string, string[], string?][] = [
    ["arguments", ["20", "-", "5"]],
    ["a statement list", ["x = 3; x^2"]],
    ["a line of several values", ["gcd(48, 180); lcm(4, 6, 10)"]],
    ["a name that hides a constant", ["pi = 3; 2 pi"]],
    ["an error", ["1", "+", "*", "2"]],
    ["json", ["--json", "1/3"]],
    ["a usage error", ["--bogus"]],
    ["piped lines with comments and blanks", [], "1+2\nx = 3\n# comment\n\nx * 2\n2^10\n"],
    ["piped errors", [], "1+1\n1/0\n2+2\n"],
    ["piped lines of several values, and warnings", [], "1; 2\npi = 3; e = 2\n"],
    ["a last line without a newline", [], "6*7"],
  ];
  for (const [name, args, stdin] of cases) {
    test(name, () => {
      expect(run(args, stdin, {}, source)).toEqual(run(args, stdin));
    });
  }
});

describe("calc 3 * 4 unquoted (issue 23)", () => {
  test("when a one-shot line fails and its arguments are names of files here, the error says to quote the expression", () => {
    const dir = `${tmpdir()}/calc-glob-${process.pid}`;
    Bun.spawnSync(["mkdir", "-p", dir]);
    for (const name of ["notes.txt", "plan.md"]) writeFileSync(`${dir}/${name}`, "");
    // what the shell makes of `calc 3 * 4` in that directory
    const glob = Bun.spawnSync(["sh", "-c", `cd ${dir} && ${calc} 3 * 4`], { env: { ...process.env, NO_COLOR: "1" } });
    expect(glob.exitCode).toBe(1);
    expect(glob.stderr.toString()).toBe(
      "3 notes.txt plan.md 4\n       ^ unknown character '.' (U+002E)\n" +
        "quote the expression: the shell expanded '*' into the names of files here (notes.txt, plan.md); write calc '3 * 4', not calc 3 * 4\n",
    );
    // quoted, it is the product; a failing line without file names gets no such hint
    expect(Bun.spawnSync(["sh", "-c", `cd ${dir} && ${calc} '3 * 4'`]).stdout.toString()).toBe("12\n");
    expect(Bun.spawnSync(["sh", "-c", `cd ${dir} && ${calc} 3 x 4`]).stderr.toString()).not.toContain("quote");
  });
});
