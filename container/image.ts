// Building the calc image from the Dockerfile, and measuring what it is made of.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Bases } from "./bases.ts";
import { must, run, tail } from "./command.ts";

/**
 * The `docker build` command for these bases. Upstream bases need no build arguments; stand-ins are
 * passed through BUN_IMAGE and RUNTIME_IMAGE. `--network host` because the engine here has no bridge
 * network, and `bun install` in the build stage must reach the npm registry.
 */
export function buildCommand(bases: Bases, tag: string, target?: string): string[] {
  const args = ["docker", "build", "--network", "host"];
  if (!bases.build.upstream) args.push("--build-arg", `BUN_IMAGE=${bases.build.image}`);
  if (!bases.runtime.upstream) args.push("--build-arg", `RUNTIME_IMAGE=${bases.runtime.image}`);
  if (target) args.push("--target", target);
  return [...args, "-t", tag, "."];
}

export async function build(command: string[], cwd: string, log: string): Promise<void> {
  const result = await run(command, { cwd, timeoutMs: 600_000 });
  await Bun.write(log, result.out + result.err);
  const failure = result.timedOut ? "did not finish within 10 minutes" : `failed (status ${result.code})`;
  if (result.timedOut || result.code !== 0) throw new Error(`${command.join(" ")} ${failure}; the end of ${log}:\n${tail(result.out + result.err, 30)}`);
}

export async function imageSize(image: string): Promise<number> {
  return Number((await must(["docker", "image", "inspect", "--format", "{{.Size}}", image])).trim());
}

/** The executable copied out of the image: its size, and what `ldd` says it needs. */
export async function executable(image: string, path: string): Promise<{ bytes: number; ldd: string }> {
  const container = (await must(["docker", "create", "--network", "none", image])).trim();
  const dir = mkdtempSync("/tmp/calc-executable-");
  try {
    await must(["docker", "cp", `${container}:${path}`, dir]);
    const file = join(dir, path.split("/").at(-1)!);
    const ldd = await run(["ldd", file]);
    return { bytes: statSync(file).size, ldd: (ldd.out + ldd.err).trim() };
  } finally {
    await run(["docker", "rm", container]);
    rmSync(dir, { recursive: true, force: true });
  }
}

export const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
