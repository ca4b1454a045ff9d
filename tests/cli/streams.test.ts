// Output never loses data, whatever the reader does, and signals end runs promptly with 128 + n.
// (tests/cli/cli.test.ts has the million lines into a file and `yes | calc | head -3`; the REPL's
// Ctrl-C is in tests/cli/repl.test.ts.)
import { describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { calc, useBinary } from "../support/binary.ts";

useBinary();

const dir = mkdtempSync(`${tmpdir()}/calc-streams-`);
const LINES = 1_000_000;

/** A million lines of statements, blanks and comments, and the exact output they must give. */
function script(): { input: string; expected: string } {
  const input: string[] = [];
  const expected: string[] = [];
  for (let i = 1; i <= LINES; i++) {
    if (i % 10 === 0) input.push(i % 20 === 0 ? "" : `# comment ${i}`);
    else {
      input.push(i % 3 === 0 ? `${i} * 2` : `${i}`);
      expected.push(String(i % 3 === 0 ? i * 2 : i));
    }
  }
  return { input: `${input.join("\n")}\n`, expected: `${expected.join("\n")}\n` };
}

function bash(command: string) {
  const result = Bun.spawnSync(["bash", "-c", command], { stdout: "pipe", stderr: "pipe" });
  return { out: result.stdout.toString(), err: result.stderr.toString(), code: result.exitCode };
}

// a reader that stops for a while at the start and now and then, so the pipe fills and writes block
const slowReader = `
import sys, time
time.sleep(0.3)
reads = 0
while chunk := sys.stdin.buffer.read1(8192):
    sys.stdout.buffer.write(chunk)
    reads += 1
    if reads % 200 == 0:
        time.sleep(0.05)
`;

describe("output under a slow or vanishing reader", () => {
  const { input, expected } = script();
  const file = `${dir}/million.txt`;
  writeFileSync(file, input);

  test("a million lines into a slow pipe: every answer, once, in order", () => {
    writeFileSync(`${dir}/slow.py`, slowReader);
    const { err, code, out } = bash(`"${calc}" < "${file}" | python3 "${dir}/slow.py" > "${dir}/slow.out"; echo "\${PIPESTATUS[0]} \${PIPESTATUS[1]}"`);
    expect({ err, statuses: out }).toEqual({ err: "", statuses: "0 0\n" });
    const got = readFileSync(`${dir}/slow.out`, "utf8");
    expect(got.length).toBe(expected.length);
    expect(got === expected).toBe(true);
  }, 60_000);

  for (const [name, reader] of [
    ["head -1", "head -1"],
    ["head -c 100000 (mid-line)", "head -c 100000"],
    ["a reader that exits at once", "true"],
  ] as const) {
    test(`a reader that goes away early (${name}): status 0, nothing on stderr`, () => {
      for (const args of ["", "--json"]) {
        const { out, err, code } = bash(`"${calc}" ${args} < "${file}" | ${reader} > /dev/null; echo "\${PIPESTATUS[0]}"`);
        expect({ args, out, err, code }).toEqual({ args, out: "0\n", err: "", code: 0 });
      }
    }, 30_000);
  }
});

/** Sends the signal, expects the exit status, and returns the milliseconds the process took to end. */
async function signalled(proc: Bun.Subprocess, signal: string, status: number): Promise<number> {
  const sent = performance.now();
  proc.kill(signal as NodeJS.Signals);
  const hang = setTimeout(() => proc.kill(9), 4000); // no process left behind if the signal is ignored
  expect(await proc.exited).toBe(status);
  clearTimeout(hang);
  return performance.now() - sent;
}

describe("signals end one-shot and piped runs with 128 + the signal's number", () => {
  const statuses = { SIGINT: 130, SIGTERM: 143 } as const;

  for (const [signal, status] of Object.entries(statuses)) {
    test(`${signal} while piped input is awaited: status ${status}, at once`, async () => {
      const proc = Bun.spawn([calc], { stdin: "pipe", stdout: "pipe", stderr: "pipe" });
      proc.stdin.write("6 * 7\n");
      proc.stdin.flush();
      const reader = proc.stdout.getReader();
      expect(new TextDecoder().decode((await reader.read()).value)).toBe("42\n");
      expect(await signalled(proc, signal, status)).toBeLessThan(1000);
    });

    test(`${signal} while piped input streams in: status ${status}, promptly, whole lines only`, async () => {
      const out = `${dir}/${signal}.out`;
      // bash execs calc itself (a pipeline would leave bash as the process signalled); `yes` ends on the closed pipe
      const proc = Bun.spawn(["bash", "-c", `exec "${calc}" < <(yes '2^64 + 1') > "${out}"`], { stdout: "pipe", stderr: "pipe" });
      // signal only once calc is answering: before the exec the signal would reach bash
      for (let waited = 0; Bun.file(out).size === 0 && waited < 10_000; waited += 20) await Bun.sleep(20);
      expect(await signalled(proc, signal, status)).toBeLessThan(1000);
      const text = readFileSync(out, "utf8");
      expect(text.length).toBeGreaterThan(0);
      const lines = text.split("\n");
      expect(lines.slice(0, -1).every((line) => line === "18446744073709551617")).toBe(true);
      // calc writes whole lines; Linux itself cuts a write to a file short, at a page of the file, when a
      // fatal signal arrives during it (generic_perform_write): only there may the text end mid-line
      if (!text.endsWith("\n")) expect({ cut: lines.at(-1), at: text.length % 4096 }).toEqual({ cut: "18446744073709551617".slice(0, lines.at(-1)!.length), at: 0 });
    });

    test(`${signal} during a long one-shot computation: status ${status}, at once`, async () => {
      // about 1.7 s of work (six reductions of 10,000-digit arguments), stopped half-way: outside the REPL
      // and PID 1, the kernel's default action ends calc, which a JavaScript handler could not do mid-line
      const line = [9999, 9998, 9997, 9996, 9995, 9994].map((e) => `sin(10^${e})`).join(" + ");
      const proc = Bun.spawn([calc, "-p", "500", line], { stdout: "pipe", stderr: "pipe" });
      await Bun.sleep(200); // past the start, inside the computation
      expect(await signalled(proc, signal, status)).toBeLessThan(800);
      expect(await new Response(proc.stderr).text()).toBe("");
    });
  }
});
