// Installing calc as the README says, each from a copy of the repository without node_modules, into
// scratch prefixes: `npm install -g .` (its `bin` is the compiled executable, built by `prepare`,
// so no global Bun is needed) and `npm run install-bin`; and `npm start --silent --` prints only the answer.
import { afterAll, describe, expect, test } from "bun:test";
import { cpSync, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { root } from "../support/binary.ts";

const scratch = mkdtempSync(join(tmpdir(), "calc-install-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The repository's files as git sees them (tracked and new, not ignored): what a clone would hold. */
function copyOfRepository(): string {
  const copy = join(scratch, "calc");
  const listed = Bun.spawnSync(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: root });
  for (const file of listed.stdout.toString().split("\0").filter((f) => f !== "" && existsSync(join(root, f)))) {
    cpSync(join(root, file), join(copy, file), { recursive: true });
  }
  return copy;
}

/** npm in `cwd`, without the npm_config_* of the npm that may be running these tests. */
function npm(args: string[], cwd: string, env: Record<string, string> = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  const proc = Bun.spawnSync(["npm", ...args], { cwd, env: { ...clean, ...env }, stdout: "pipe", stderr: "pipe" });
  return { out: proc.stdout.toString(), err: proc.stderr.toString(), code: proc.exitCode };
}

function runs(executable: string): void {
  expect(Bun.spawnSync([executable, "2^64"]).stdout.toString()).toBe("18446744073709551616\n");
  expect(Bun.spawnSync([executable], { stdin: Buffer.from("x = 6\nx * 7\n") }).stdout.toString()).toBe("6\n42\n");
}

describe("installing calc", () => {
  const copy = copyOfRepository();

  test("npm install -g . into a prefix gives a calc that runs without a global Bun", () => {
    const prefix = join(scratch, "global");
    const result = npm(["install", "-g", ".", "--prefix", prefix, "--no-audit", "--no-fund"], copy);
    expect({ code: result.code, err: result.code === 0 ? "" : result.err }).toEqual({ code: 0, err: "" });
    const bin = join(prefix, "bin", "calc");
    runs(bin);
    // the PATH the shell searches holds no bun: the executable needs none
    const path = [dirname(bin), "/usr/bin", "/bin"].join(":");
    expect(Bun.spawnSync(["sh", "-c", "command -v bun || echo none; calc 20 - 5"], { env: { PATH: path } }).stdout.toString()).toBe("none\n15\n");
  }, 300_000);

  test("npm run install-bin copies the executable into PREFIX/bin", () => {
    const prefix = join(scratch, "local");
    const result = npm(["run", "--silent", "install-bin"], copy, { PREFIX: prefix });
    expect(result.code).toBe(0);
    expect(result.out).toContain(`installed ${prefix}/bin/calc`);
    expect(statSync(join(prefix, "bin", "calc")).mode & 0o111).not.toBe(0);
    runs(join(prefix, "bin", "calc"));
  }, 300_000);

  test("npm start --silent -- prints the answer and nothing else", () => {
    const result = npm(["start", "--silent", "--", "2^64"], copy);
    expect({ out: result.out, code: result.code }).toEqual({ out: "18446744073709551616\n", code: 0 });
  }, 60_000);
});
