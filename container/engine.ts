// A Docker engine for the container tests: the one that is running, else one this run starts (and
// installs first, on a Debian-like machine where we are root), else a clear failure. An engine this
// run started is stopped by its process id when the run ends.
import { existsSync, openSync } from "node:fs";
import { onPath, run, sleep, stream, tail } from "./command.ts";

export interface Engine {
  /** How the engine was found, for the test output. */
  description: string;
  /** Stops the engine if this run started it; a no-op otherwise. */
  stop(): Promise<void>;
}

const LOG = "/var/log/calc-test-dockerd.log";

async function responds(): Promise<string | undefined> {
  const result = await run(["docker", "version", "--format", "{{.Server.Version}} (API {{.Server.APIVersion}})"], { timeoutMs: 10_000 });
  return result.code === 0 ? result.out.trim() : undefined;
}

export async function ensureEngine(): Promise<Engine> {
  if (!onPath("docker")) throw new Error("no docker client on PATH: the container tests need one");
  const running = await responds();
  if (running) return { description: `the running engine, Docker ${running}`, stop: async () => {} };

  const root = process.getuid?.() === 0;
  const debianLike = existsSync("/etc/debian_version") && onPath("apt-get");
  if (!onPath("dockerd")) {
    if (!root || !debianLike) {
      throw new Error(
        "no Docker engine is running and none can be started here (installing one needs root on a Debian-like machine): " +
          "start dockerd, or point DOCKER_HOST at an engine",
      );
    }
    console.log("# no Docker engine: installing Debian's docker.io");
    await stream(["apt-get", "update"]);
    await stream(["apt-get", "install", "-y", "--no-install-recommends", "docker.io"], { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  }
  if (!root) throw new Error("no Docker engine is running, and starting dockerd needs root");
  return start();
}

/** Starts dockerd with no bridge network and no iptables rules: containers run with --network none. */
async function start(): Promise<Engine> {
  const log = openSync(LOG, "a");
  const daemon = Bun.spawn(["dockerd", "--bridge=none", "--iptables=false", "--ip-masq=false"], { stdin: "ignore", stdout: log, stderr: log });
  const stop = async () => {
    if (daemon.exitCode !== null || daemon.signalCode !== null) return;
    process.kill(daemon.pid, "SIGTERM");
    const ended = await Promise.race([daemon.exited.then(() => true), sleep(30_000).then(() => false)]);
    if (!ended) process.kill(daemon.pid, "SIGKILL");
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (daemon.exitCode !== null) throw new Error(`dockerd exited with status ${daemon.exitCode}; its log (${LOG}):\n${tail(await Bun.file(LOG).text())}`);
    const version = await responds();
    if (version) return { description: `dockerd ${version}, started by this run (pid ${daemon.pid}, log ${LOG})`, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`dockerd did not answer within 60 s; its log (${LOG}):\n${tail(await Bun.file(LOG).text())}`);
    }
    await sleep(250);
  }
}

/** Whether `docker buildx` is there (it is not with Debian bookworm's docker.io and a plain client). */
export async function hasBuildx(): Promise<boolean> {
  return (await run(["docker", "buildx", "version"], { timeoutMs: 10_000 })).code === 0;
}

