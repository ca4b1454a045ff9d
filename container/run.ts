// npm run test:container: the image built and tested for real. Finds or starts a Docker engine, gets
// the base images (upstream, else local stand-ins), builds the image exactly as the README says, runs
// the tests in container/tests against it, and stops the engine if it started one.
import { ensureBases } from "./bases.ts";
import { ensureEngine, hasBuildx, type Engine } from "./engine.ts";
import { build, buildCommand, executable, imageSize, megabytes } from "./image.ts";

const root = new URL("..", import.meta.url).pathname;
const IMAGE = "calc";
const BUILD_STAGE = "calc:build-stage";

const pkg = await Bun.file(`${root}package.json`).json();
const bunVersion: string = pkg.devDependencies.bun;
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

let engine: Engine | undefined;
// an interrupted run still stops the engine it started
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    await engine?.stop();
    process.exit(130);
  });
}

async function main(): Promise<number> {
  const started = performance.now();
  engine = await ensureEngine();
  console.log(`# engine: ${engine.description}`);
  console.log(`# docker buildx: ${(await hasBuildx()) ? "available" : "not available (legacy builder: the image is built for this machine's architecture)"}`);

  const bases = await ensureBases(`${root}Dockerfile`, `${root}node_modules/bun/bin/bun.exe`, bunVersion);
  console.log(`# build base: ${bases.build.description}`);
  console.log(`# runtime base: ${bases.runtime.description}`);

  const command = buildCommand(bases, IMAGE);
  console.log(`# ${command.join(" ")}`);
  const building = performance.now();
  await build(command, root, "/tmp/calc-docker-build.log");
  await build(buildCommand(bases, BUILD_STAGE, "build"), root, "/tmp/calc-docker-build-stage.log");
  console.log(`# built in ${seconds(building)} (log: /tmp/calc-docker-build.log)`);

  const [final, base, stage, binary] = await Promise.all([imageSize(IMAGE), imageSize(bases.runtime.image), imageSize(BUILD_STAGE), executable(IMAGE, "/usr/local/bin/calc")]);
  console.log(`# sizes: build stage ${megabytes(stage)}, final image ${megabytes(final)} = runtime base ${megabytes(base)} + ${megabytes(final - base)} added (the executable is ${binary.bytes} bytes)`);
  console.log(`# ldd /usr/local/bin/calc:\n${binary.ldd.replace(/^\s*/gm, "#   ")}`);

  const tests = Bun.spawn([process.execPath, "test", "./container/tests"], {
    cwd: root,
    env: { ...process.env, CALC_IMAGE: IMAGE },
    stdin: "ignore",
    stdout: "inherit",
    stderr: "inherit",
  });
  const code = await tests.exited;
  console.log(`# test:container took ${seconds(started)}`);
  return code;
}

let status = 1;
try {
  status = await main();
} catch (error) {
  console.error(`test:container: ${(error as Error).message}`);
} finally {
  await engine?.stop();
}
process.exit(status);
