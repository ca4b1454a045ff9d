// What the image is made of and how it runs: the executable alone on distroless base:nonroot, as
// uid 65532, with no shell, no package manager, no node_modules and no sources.
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from "bun:test";
import { docker, image } from "./docker.ts";

setDefaultTimeout(60_000);

interface Config {
  User: string;
  Entrypoint: string[] | null;
  Cmd: string[] | null;
  Labels: Record<string, string> | null;
}

const config = (): Config => JSON.parse(docker(["image", "inspect", "--format", "{{json .Config}}", image]).out);

/** Every path in the image's file system, from `docker export` of a container that never ran. */
let files: string[] = [];
let container = "";
beforeAll(() => {
  container = docker(["create", "--network", "none", image]).out.trim();
  const exported = Bun.spawnSync(["sh", "-c", `docker export ${container} | tar -t`], { stdout: "pipe" });
  files = exported.stdout.toString().split("\n").filter(Boolean).map((path) => path.replace(/\/$/, ""));
});
afterAll(() => {
  if (container) docker(["rm", container]);
});

describe("the image", () => {
  test("the entry point is the executable, in exec form, with no command", () => {
    const { Entrypoint, Cmd } = config();
    expect(Entrypoint).toEqual(["/usr/local/bin/calc"]);
    expect(Cmd ?? null).toBeNull(); // inspect leaves out an empty Cmd
    expect(files).toContain("usr/local/bin/calc");
  });

  test("it runs as uid 65532 (nonroot)", () => {
    expect(config().User).toBe("65532:65532");
  });

  test("it has the OCI labels", () => {
    const labels = config().Labels ?? {};
    for (const key of ["title", "description", "version", "source", "licenses"]) expect(Object.keys(labels)).toContain(`org.opencontainers.image.${key}`);
    expect(labels["org.opencontainers.image.title"]).toBe("calc");
    expect(labels["org.opencontainers.image.version"]).toBe("0.1.0");
    expect(labels["org.opencontainers.image.licenses"]).toBe("MIT");
  });

  test("there is no shell: /bin/sh is not in the image and cannot be run", () => {
    expect(files.length).toBeGreaterThan(100);
    const shells = files.filter((path) => /(^|\/)(sh|bash|dash|ash|busybox)$/.test(path));
    expect(shells).toEqual([]);
    const run = docker(["run", "--rm", "--network", "none", "--entrypoint", "/bin/sh", image, "-c", "echo reached"]);
    expect(run.code).not.toBe(0);
    expect(run.out).not.toContain("reached");
  });

  test("no package manager, no node_modules, no sources", () => {
    // (distroless keeps dpkg's status files for scanners, but no program that could use them)
    const programs = files.filter((path) => /^(usr\/)?(local\/)?s?bin\//.test(path));
    expect(programs.filter((path) => /\/(apt|apt-get|dpkg|dpkg-deb|bun|node|npm)$/.test(path))).toEqual([]);
    expect(files.filter((path) => path.includes("node_modules"))).toEqual([]);
    expect(files.filter((path) => /\.(ts|js|mjs)$/.test(path) || path.endsWith("bun.lock") || path.endsWith("package.json"))).toEqual([]);
  });

  test("the process really runs as uid and gid 65532", () => {
    // a detached REPL on a terminal stays up, so its process can be looked at from the host
    const id = docker(["run", "-d", "-t", "--network", "none", image]).out.trim();
    try {
      const pid = docker(["inspect", "--format", "{{.State.Pid}}", id]).out.trim();
      const status = Bun.spawnSync(["cat", `/proc/${pid}/status`]).stdout.toString();
      expect(/^Uid:\s+(.*)$/m.exec(status)?.[1]?.split(/\s+/)).toEqual(["65532", "65532", "65532", "65532"]);
      expect(/^Gid:\s+(.*)$/m.exec(status)?.[1]?.split(/\s+/)).toEqual(["65532", "65532", "65532", "65532"]);
    } finally {
      docker(["rm", "-f", id]);
    }
  });
});
