// The two base images the Dockerfile builds on: the real upstream ones when they can be pulled, else
// local stand-ins made from the same Debian 13 (trixie) packages (see standins.ts). The stand-ins are
// tagged under local names only and kept in the engine's image store, which is the cache between runs.
import { readFileSync } from "node:fs";
import { run } from "./command.ts";
import { buildStandIn, present, runtimeStandIn } from "./standins.ts";

export interface Base {
  /** The image name passed to the build (or the Dockerfile's own default). */
  image: string;
  /** What it is, for the test output. */
  description: string;
  /** Whether it is the Dockerfile's default, so that no --build-arg is needed. */
  upstream: boolean;
}

export interface Bases {
  build: Base;
  runtime: Base;
}

const PULL_TIMEOUT_MS = 30_000;

/** The Dockerfile's default for `ARG NAME=…`: the upstream image names live in the Dockerfile alone. */
export function dockerfileDefault(dockerfile: string, name: string): string {
  const match = new RegExp(`^ARG ${name}=(\\S+)$`, "m").exec(readFileSync(dockerfile, "utf8"));
  if (!match) throw new Error(`${dockerfile} has no 'ARG ${name}=…' default`);
  return match[1]!;
}

/** The upstream image if it is here or can be pulled; why not otherwise. */
async function upstream(image: string): Promise<{ ok: true } | { ok: false; why: string }> {
  if (await present(image)) return { ok: true };
  const pull = await run(["docker", "pull", image], { timeoutMs: PULL_TIMEOUT_MS });
  if (pull.code === 0) return { ok: true };
  const why = pull.timedOut ? `no answer within ${PULL_TIMEOUT_MS / 1000} s` : (pull.err.trim().split("\n").at(-1) ?? `status ${pull.code}`);
  return { ok: false, why };
}

async function base(image: string, standIn: () => Promise<{ image: string; made: boolean }>): Promise<Base> {
  const real = await upstream(image);
  if (real.ok) return { image, description: `${image} (upstream)`, upstream: true };
  const local = await standIn();
  const how = local.made ? "built now" : "cached";
  return { image: local.image, description: `${local.image}, a local stand-in for ${image} (${how}; the pull failed: ${real.why})`, upstream: false };
}

export async function ensureBases(dockerfile: string, bunBinary: string, bunVersion: string): Promise<Bases> {
  const build = await base(dockerfileDefault(dockerfile, "BUN_IMAGE"), () => buildStandIn(bunBinary, bunVersion));
  const runtime = await base(dockerfileDefault(dockerfile, "RUNTIME_IMAGE"), runtimeStandIn);
  return { build, runtime };
}
