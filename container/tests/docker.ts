// The image under test and a way to run it: every container the tests start has no network.
export const image = process.env.CALC_IMAGE || "calc";

/** The flags the README gives for a hardened run; all three modes must work with them. */
export const HARDENED = ["--read-only", "--cap-drop", "ALL", "--security-opt", "no-new-privileges", "--network", "none"];

export interface Run {
  out: string;
  err: string;
  code: number;
}

/** `docker …` to its end, with `stdin` (if given) on its standard input. */
export function docker(args: string[], stdin?: string): Run {
  const result = Bun.spawnSync(["docker", ...args], {
    stdin: stdin === undefined ? "ignore" : Buffer.from(stdin),
    stdout: "pipe",
    stderr: "pipe",
  });
  return { out: result.stdout.toString(), err: result.stderr.toString(), code: result.exitCode ?? 128 };
}

/** `docker run --rm --network none [flags] IMAGE args…`: the README's commands. */
export function calc(args: string[], options: { stdin?: string; flags?: string[] } = {}): Run {
  const interactive = options.stdin === undefined ? [] : ["-i"];
  const flags = options.flags ?? [];
  const network = flags.includes("--network") ? [] : ["--network", "none"];
  return docker(["run", ...interactive, "--rm", ...network, ...flags, image, ...args], options.stdin);
}
