// docker stop during a long computation (fib(40) runs for minutes): calc is PID 1 in the container,
// and its session computes on a thread of its own, so the main thread acts on SIGTERM at once, in
// every mode. Also Ctrl-C in `docker run -it`: the computation stops, the session goes on.
import { afterEach, describe, expect, setDefaultTimeout, test } from "bun:test";
import { Terminal, useTerminals } from "../../tests/support/terminal.ts";
import { docker, image } from "./docker.ts";

useTerminals();

setDefaultTimeout(60_000);

const FIB = "fib(n) = if n < 2 then n else fib(n - 1) + fib(n - 2)";
let containers = 0;
const names: string[] = [];
const terminals: Terminal[] = [];
afterEach(() => {
  for (const name of names.splice(0)) docker(["rm", "-f", name]);
  for (const terminal of terminals.splice(0)) terminal.close();
});

function name(): string {
  const chosen = `calc-stop-test-${process.pid}-${++containers}`;
  names.push(chosen);
  return chosen;
}

/** Waits until the container is running (its process has started). */
async function running(container: string): Promise<void> {
  for (let waited = 0; waited < 30_000; waited += 100) {
    if (docker(["inspect", "--format", "{{.State.Running}}", container]).out.trim() === "true") return;
    await Bun.sleep(100);
  }
  throw new Error(`${container} did not start`);
}

/** docker stop, timed: returns the seconds it took. */
function stop(container: string): number {
  const started = performance.now();
  const result = docker(["stop", container]);
  expect(result.code).toBe(0);
  return (performance.now() - started) / 1000;
}

describe("docker stop during fib(40) returns well under 2 seconds, status 143", () => {
  test("one-shot: docker run calc '…; fib(40)'", async () => {
    const container = name();
    const proc = Bun.spawn(["docker", "run", "--rm", "--name", container, "--network", "none", image, `${FIB}; fib(40)`], { stdout: "pipe", stderr: "pipe" });
    await running(container);
    await Bun.sleep(1000); // inside the computation
    const seconds = stop(container);
    console.log(`# docker stop during fib(40), one-shot: ${seconds.toFixed(2)} s`);
    expect(seconds).toBeLessThan(2);
    expect(await proc.exited).toBe(143);
  });

  test("piped: docker run -i calc, fib(40) on its standard input", async () => {
    const container = name();
    const proc = Bun.spawn(["docker", "run", "-i", "--rm", "--name", container, "--network", "none", image], { stdin: "pipe", stdout: "pipe", stderr: "pipe" });
    proc.stdin.write(`${FIB}\nfib(40)\n`);
    proc.stdin.flush();
    await running(container);
    await Bun.sleep(1000);
    const seconds = stop(container);
    console.log(`# docker stop during fib(40), piped: ${seconds.toFixed(2)} s`);
    expect(seconds).toBeLessThan(2);
    expect(await proc.exited).toBe(143);
  });

  test("piped, SIGINT: docker kill -s INT ends it with status 130", async () => {
    const container = name();
    const proc = Bun.spawn(["docker", "run", "-i", "--rm", "--name", container, "--network", "none", image], { stdin: "pipe", stdout: "pipe", stderr: "pipe" });
    proc.stdin.write(`${FIB}\nfib(40)\n`);
    proc.stdin.flush();
    await running(container);
    await Bun.sleep(1000);
    expect(docker(["kill", "-s", "INT", container]).code).toBe(0);
    expect(await proc.exited).toBe(130);
  });

  test("the REPL: docker run -it calc, fib(40) typed in", async () => {
    const container = name();
    const env: Record<string, string> = { HOME: process.env.HOME ?? "/root" };
    if (process.env.DOCKER_HOST) env.DOCKER_HOST = process.env.DOCKER_HOST;
    const terminal = await Terminal.start(["docker", "run", "-it", "--rm", "--name", container, "--network", "none", image], env);
    terminals.push(terminal);
    await terminal.waitFor(/^>$/m, 30_000);
    await terminal.type(FIB);
    await terminal.press("Enter");
    await terminal.waitFor(/^fib\(n\) = if n < 2/m);
    await terminal.type("fib(40)");
    await terminal.press("Enter");
    await Bun.sleep(1000);
    const seconds = stop(container);
    console.log(`# docker stop during fib(40), REPL: ${seconds.toFixed(2)} s`);
    expect(seconds).toBeLessThan(2);
    expect(await terminal.exitStatus(20_000)).toBe(143);
  });
});

describe("docker run -it calc: Ctrl-C stops a computation, not the calculator", () => {
  test("fib(40), Ctrl-C: interrupted; then 1+1 is 2 in the same session", async () => {
    const container = name();
    const env: Record<string, string> = { HOME: process.env.HOME ?? "/root" };
    if (process.env.DOCKER_HOST) env.DOCKER_HOST = process.env.DOCKER_HOST;
    const terminal = await Terminal.start(["docker", "run", "-it", "--rm", "--name", container, "--network", "none", image], env);
    terminals.push(terminal);
    await terminal.waitFor(/^>$/m, 30_000);
    await terminal.type(FIB);
    await terminal.press("Enter");
    await terminal.waitFor(/^fib\(n\) = if n < 2/m);
    await terminal.type("fib(40)");
    await terminal.press("Enter");
    await Bun.sleep(1000);
    await terminal.press("C-c");
    await terminal.waitFor(/^interrupted$/m, 5000);
    await terminal.type("1+1");
    await terminal.press("Enter");
    await terminal.waitFor(/^> 1\+1\n2\n>$/m);
    await terminal.press("C-d");
    expect(await terminal.exitStatus(20_000)).toBe(0);
  });
});
