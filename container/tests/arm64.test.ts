// Multi-arch: the Dockerfile compiles for TARGETARCH. Without buildx here to build the arm64 image,
// this checks the arm64 half directly: `npm run build`'s flags with --target=bun-linux-arm64 (Bun
// fetches the arm64 runtime from the npm registry) give an aarch64 ELF executable.
import { afterAll, expect, test } from "bun:test";
import { mkdtempSync, openSync, readSync, rmSync, closeSync } from "node:fs";

const root = new URL("../..", import.meta.url).pathname;
const dir = mkdtempSync("/tmp/calc-arm64-");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `npm run build`, word for word, but writing to `outfile` and compiling for `target`. */
async function buildCommand(outfile: string, target: string): Promise<string[]> {
  const script: string = (await Bun.file(`${root}package.json`).json()).scripts.build;
  const words = script.split(/\s+/);
  expect(words.slice(0, 3)).toEqual(["bun", "build", "--compile"]);
  const at = words.indexOf("--outfile");
  words[at + 1] = outfile;
  return [process.execPath, ...words.slice(1), `--target=${target}`];
}

/** e_machine of an ELF file: 0x3E x86-64, 0xB7 aarch64 (little-endian, at byte 18). */
function elfMachine(path: string): { magic: string; machine: number } {
  const header = Buffer.alloc(20);
  const fd = openSync(path, "r");
  readSync(fd, header, 0, 20, 0);
  closeSync(fd);
  return { magic: header.subarray(0, 4).toString("latin1"), machine: header.readUInt16LE(18) };
}

test("bun build --compile --target=bun-linux-arm64 gives an aarch64 ELF executable", async () => {
  const outfile = `${dir}/calc-arm64`;
  const build = Bun.spawnSync(await buildCommand(outfile, "bun-linux-arm64"), { cwd: root, stdout: "pipe", stderr: "pipe" });
  expect(build.stderr.toString()).not.toContain("error");
  expect(build.exitCode).toBe(0);
  expect(elfMachine(outfile)).toEqual({ magic: "\x7fELF", machine: 0xb7 });
}, 300_000);
