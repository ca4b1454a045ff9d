// The Dockerfile agrees with package.json, and .dockerignore sends the build just what it copies.
// (The image itself is built and tested by `npm run test:container`, which needs a Docker engine.)
import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";

const root = new URL("../../", import.meta.url).pathname;
const dockerfile = readFileSync(`${root}Dockerfile`, "utf8");
const pkg = JSON.parse(readFileSync(`${root}package.json`, "utf8"));

describe("Dockerfile", () => {
  test("the build stage is the official Bun image at package.json's Bun version", () => {
    expect(dockerfile).toMatch(new RegExp(`^ARG BUN_IMAGE=oven/bun:${pkg.devDependencies.bun.replaceAll(".", "\\.")}$`, "m"));
    expect(dockerfile).toMatch(/^ARG RUNTIME_IMAGE=gcr\.io\/distroless\/base-debian13:nonroot$/m);
  });

  test("it installs the runtime dependencies from the lockfile and builds with npm run build's flags", () => {
    expect(dockerfile).toContain("RUN bun install --frozen-lockfile --production --ignore-scripts\n");
    expect(dockerfile).toContain('bun run build --target="$target"');
    expect(pkg.scripts.build).toMatch(/^bun build --compile .* --outfile dist\/calc src\/main\.ts src\/cli\/worker\.ts$/);
    expect(dockerfile).toContain("COPY --from=build /app/dist/calc /usr/local/bin/calc\n");
  });

  test("the labels carry package.json's version and licence", () => {
    expect(dockerfile).toContain(`org.opencontainers.image.version="${pkg.version}"`);
    expect(dockerfile).toContain(`org.opencontainers.image.licenses="${pkg.license}"`);
  });

  test(".dockerignore admits exactly what the build stage copies", () => {
    const copied = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((match) => match[1]!.split(" "));
    const admitted = readFileSync(`${root}.dockerignore`, "utf8")
      .split("\n")
      .filter((line) => line.startsWith("!"))
      .map((line) => line.slice(1).replace(/\/$/, ""));
    expect(readFileSync(`${root}.dockerignore`, "utf8")).toMatch(/^\*$/m);
    expect(admitted.sort()).toEqual(copied.sort());
  });

  test(".ci/run runs the container tests after the others", () => {
    const ci = readFileSync(`${root}.ci/run`, "utf8");
    expect(ci).toContain("npm test\nnpm run test:container\n");
    expect(pkg.scripts["test:container"]).toBe("bun container/run.ts");
  });
});
