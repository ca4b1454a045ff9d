// The compiled executable under test: built once per `bun test` run, however many files use it.
import { beforeAll } from "bun:test";

export const root = new URL("../../", import.meta.url).pathname;
export const calc = `${root}dist/calc`;

let built: Promise<void> | undefined;

function build(): Promise<void> {
  built ??= (async () => {
    const proc = Bun.spawn(["npm", "run", "--silent", "build"], { cwd: root, stdout: "pipe", stderr: "pipe" });
    if ((await proc.exited) !== 0) throw new Error(`npm run build failed:\n${await new Response(proc.stderr).text()}`);
  })();
  return built;
}

export interface Run {
  readonly out: string;
  readonly err: string;
  readonly code: number;
}

/**
 * The environment the tests run calc in: no colour, and no init.calc of the machine's user (a
 * config directory that does not exist; tests/cli/init.test.ts makes its own).
 */
export const testEnv = { ...process.env, NO_COLOR: "1", XDG_CONFIG_HOME: "/nonexistent/calc-tests-config" };

/** One run of dist/calc, without colour: its output, errors and status. */
export function run(args: readonly string[], input?: string): Run {
  const proc = Bun.spawnSync([calc, ...args], { stdin: input === undefined ? "ignore" : Buffer.from(input), env: testEnv });
  return { out: proc.stdout.toString(), err: proc.stderr.toString(), code: proc.exitCode ?? -1 };
}

/** Call at the top of a test file that runs dist/calc. */
export function useBinary(): void {
  beforeAll(build, 120_000);
}
