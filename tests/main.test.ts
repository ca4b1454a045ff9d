// The minimal front end in src/main.ts, run as `npm start` runs it.
import { describe, expect, test } from "bun:test";

const main = new URL("../src/main.ts", import.meta.url).pathname;

function run(args: string[], stdin?: string) {
  const result = Bun.spawnSync([process.execPath, main, ...args], {
    stdin: stdin === undefined ? "ignore" : Buffer.from(stdin),
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { out: result.stdout.toString(), err: result.stderr.toString(), code: result.exitCode };
}

describe("arguments are one line", () => {
  test("joined with spaces", () => {
    expect(run(["20", "-", "5"])).toEqual({ out: "15\n", err: "", code: 0 });
    expect(run(["x = 3; x^2"])).toEqual({ out: "9\n", err: "", code: 0 });
  });

  test("an error goes to stderr with the caret, status 1", () => {
    const { out, err, code } = run(["1", "+", "*", "2"]);
    expect(out).toBe("");
    expect(err).toBe("1 + * 2\n    ^ expected a number, a name or '(' but found '*'\n");
    expect(code).toBe(1);
  });
});

describe("standard input is read line by line", () => {
  test("one result per statement line, variables carry over", () => {
    const { out, err, code } = run([], "1+2\nx = 3\n# comment\n\nx * 2\n2^10\n");
    expect(out).toBe("3\n3\n6\n1024\n");
    expect(err).toBe("");
    expect(code).toBe(0);
  });

  test("errors name the line, the rest still runs, status 1", () => {
    const { out, err, code } = run([], "1+1\n1/0\n2+2\n");
    expect(out).toBe("2\n4\n");
    expect(err).toBe("line 2: division by zero\n  1/0\n   ^~\n");
    expect(code).toBe(1);
  });

  test("a last line without a newline is read", () => {
    expect(run([], "6*7").out).toBe("42\n");
  });
});
