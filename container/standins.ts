// Local stand-ins for the two base images, for a machine that cannot reach their registries. Each is
// made from Debian 13 (trixie) packages from the Debian mirror, imported with `docker import` under a
// local name (never an upstream one), and made once: the engine's image store keeps it between runs.
import { chmodSync, chownSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { must, onPath, run, stream } from "./command.ts";

const MIRROR = "http://deb.debian.org/debian";
const SUITE = "trixie";
const PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

export const RUNTIME_STAND_IN = "calc-standin/base-debian13:nonroot";
export const buildStandInName = (bunVersion: string) => `calc-standin/bun:${bunVersion}`;

/** The packages distroless `base` is made of (its Debian 13 package list). */
const RUNTIME_PACKAGES = ["base-files", "netbase", "tzdata", "media-types", "ca-certificates", "libc6", "libssl3t64"];

export async function present(image: string): Promise<boolean> {
  return (await run(["docker", "image", "inspect", image], { timeoutMs: 30_000 })).code === 0;
}

/** Imports a root directory as an image: `changes` are Dockerfile lines (ENV, USER, …). */
async function importRoot(root: string, image: string, changes: string[]): Promise<void> {
  const tar = Bun.spawn(["tar", "--numeric-owner", "-C", root, "-cf", "-", "."], { stdout: "pipe", stderr: "inherit" });
  const args = changes.flatMap((change) => ["--change", change]);
  const docker = Bun.spawn(["docker", "import", ...args, "--message", `calc test stand-in, made from Debian ${SUITE} packages`, "-", image], {
    stdin: tar.stdout,
    stdout: "ignore",
    stderr: "pipe",
  });
  const [tarCode, dockerCode] = await Promise.all([tar.exited, docker.exited]);
  if (tarCode !== 0 || dockerCode !== 0) throw new Error(`importing ${image} failed: ${await new Response(docker.stderr).text()}`);
}

/** Debian trixie .deb files, fetched with an apt configuration of their own (the host's apt is left alone). */
async function downloadDebs(packages: string[], into: string): Promise<void> {
  const apt = join(into, ".apt");
  for (const dir of ["lists/partial", "cache/archives/partial", "sources.list.d"]) mkdirSync(join(apt, dir), { recursive: true });
  writeFileSync(join(apt, "sources.list"), `deb ${MIRROR} ${SUITE} main\n`);
  const options = [
    `-oDir::Etc::SourceList=${apt}/sources.list`,
    `-oDir::Etc::SourceParts=${apt}/sources.list.d`,
    `-oDir::State::Lists=${apt}/lists`,
    `-oDir::Cache=${apt}/cache`,
    "-oAPT::Get::List-Cleanup=false",
  ];
  await must(["apt-get", ...options, "update"], { timeoutMs: 300_000 });
  await must(["apt-get", ...options, "download", ...packages], { cwd: into, timeoutMs: 300_000 });
  rmSync(apt, { recursive: true, force: true });
}

/**
 * distroless `base:nonroot`, rebuilt from its packages: unpacked with dpkg -x (no maintainer scripts,
 * so no shell or package manager is needed or left), the CA bundle concatenated as distroless does,
 * and the users distroless has (root, nobody, nonroot 65532), none with a shell.
 */
export async function runtimeStandIn(): Promise<{ image: string; made: boolean }> {
  if (await present(RUNTIME_STAND_IN)) return { image: RUNTIME_STAND_IN, made: false };
  console.log(`# building ${RUNTIME_STAND_IN} from Debian ${SUITE} packages: ${RUNTIME_PACKAGES.join(" ")}`);
  const work = mkdtempSync("/var/tmp/calc-runtime-standin-");
  try {
    const debs = join(work, "debs");
    const root = join(work, "root");
    mkdirSync(debs);
    mkdirSync(root);
    await downloadDebs(RUNTIME_PACKAGES, debs);
    for (const deb of readdirSync(debs).filter((name) => name.endsWith(".deb"))) await must(["dpkg", "-x", join(debs, deb), root]);
    // the merged-/usr links, in case base-files did not ship them
    for (const [link, target] of [["bin", "usr/bin"], ["sbin", "usr/sbin"], ["lib", "usr/lib"], ["lib64", "usr/lib64"]] as const) {
      if (!existsSync(join(root, link)) && existsSync(join(root, target))) symlinkSync(target, join(root, link));
    }
    writeCaBundle(root);
    writeUsers(root);
    mkdirSync(join(root, "tmp"), { recursive: true });
    chmodSync(join(root, "tmp"), 0o1777);
    await importRoot(root, RUNTIME_STAND_IN, [
      `ENV PATH=${PATH}`,
      "ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt",
      "USER 65532",
      "WORKDIR /home/nonroot",
    ]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return { image: RUNTIME_STAND_IN, made: true };
}

function writeCaBundle(root: string): void {
  const certificates = join(root, "usr/share/ca-certificates");
  const files = (readdirSync(certificates, { recursive: true }) as string[]).filter((name) => name.endsWith(".crt")).sort();
  if (files.length === 0) throw new Error("ca-certificates shipped no certificates");
  const bundle = files.map((name) => readFileSync(join(certificates, name), "utf8").trimEnd() + "\n").join("");
  mkdirSync(join(root, "etc/ssl/certs"), { recursive: true });
  writeFileSync(join(root, "etc/ssl/certs/ca-certificates.crt"), bundle);
}

function writeUsers(root: string): void {
  writeFileSync(
    join(root, "etc/passwd"),
    ["root:x:0:0:root:/root:/sbin/nologin", "nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin", "nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin", ""].join("\n"),
  );
  writeFileSync(join(root, "etc/group"), ["root:x:0:", "nobody:x:65534:", "tty:x:5:", "staff:x:50:", "nonroot:x:65532:", ""].join("\n"));
  mkdirSync(join(root, "root"), { recursive: true, mode: 0o700 });
  mkdirSync(join(root, "home/nonroot"), { recursive: true, mode: 0o700 });
  chownSync(join(root, "home/nonroot"), 65532, 65532);
}

async function ensureDebootstrap(): Promise<void> {
  if (onPath("debootstrap")) return;
  if (process.getuid?.() !== 0 || !onPath("apt-get")) throw new Error("the build stand-in needs debootstrap (apt-get install debootstrap)");
  await stream(["apt-get", "install", "-y", "--no-install-recommends", "debootstrap"], { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
}

/**
 * The official Bun image, rebuilt: a minimal Debian trixie root with the Bun binary from the pinned npm
 * `bun` package at /usr/local/bin/bun. It trusts the CA file the host trusts for the npm registry
 * ($NODE_EXTRA_CA_CERTS, e.g. a TLS-inspecting proxy's), as an organisation's mirrored base image would;
 * the build stage alone uses it, and nothing of it reaches the final image.
 */
export async function buildStandIn(bunBinary: string, bunVersion: string): Promise<{ image: string; made: boolean }> {
  const image = buildStandInName(bunVersion);
  if (await present(image)) return { image, made: false };
  const version = (await must([bunBinary, "--version"])).trim();
  if (version !== bunVersion) throw new Error(`${bunBinary} is Bun ${version}, not the pinned ${bunVersion}: run npm install`);
  console.log(`# building ${image}: debootstrap --variant=minbase ${SUITE}, with ${bunBinary}`);
  const work = mkdtempSync("/var/tmp/calc-build-standin-");
  try {
    const root = join(work, "root");
    await ensureDebootstrap();
    await stream(["debootstrap", "--variant=minbase", SUITE, root, MIRROR]);
    copyFileSync(bunBinary, join(root, "usr/local/bin/bun"));
    chmodSync(join(root, "usr/local/bin/bun"), 0o755);
    const changes = [`ENV PATH=${PATH}`, "WORKDIR /home/bun/app"];
    const extraCa = process.env.NODE_EXTRA_CA_CERTS;
    if (extraCa && existsSync(extraCa)) {
      mkdirSync(join(root, "usr/local/share/ca-certificates"), { recursive: true });
      copyFileSync(extraCa, join(root, "usr/local/share/ca-certificates/organisation-extra-ca.crt"));
      changes.push("ENV NODE_EXTRA_CA_CERTS=/usr/local/share/ca-certificates/organisation-extra-ca.crt");
    }
    mkdirSync(join(root, "home/bun/app"), { recursive: true });
    rmSync(join(root, "var/cache/apt/archives"), { recursive: true, force: true });
    mkdirSync(join(root, "var/cache/apt/archives/partial"), { recursive: true });
    await importRoot(root, image, changes);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return { image, made: true };
}
