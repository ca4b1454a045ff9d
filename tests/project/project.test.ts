// The project's own hygiene: strict types, and npm installing exactly what bun.lock records.
import { describe, expect, test } from "bun:test";
import { existsSync, readFileSync } from "node:fs";

const root = new URL("../../", import.meta.url).pathname;

describe("project", () => {
  test("the TypeScript is strict-clean (tsc --noEmit)", () => {
    const tsc = `${root}node_modules/.bin/tsc`;
    const result = Bun.spawnSync([tsc, "--noEmit", "-p", root]);
    expect(result.stdout.toString() + result.stderr.toString()).toBe("");
    expect(result.exitCode).toBe(0);
  }, 120_000);

  test("every installed package is the version bun.lock records", () => {
    // bun.lock is JSON with trailing commas
    const lock = JSON.parse(readFileSync(`${root}bun.lock`, "utf8").replace(/,(\s*[}\]])/g, "$1"));
    const mismatches: string[] = [];
    let checked = 0;
    for (const [key, entry] of Object.entries<[string]>(lock.packages)) {
      const [spec] = entry;
      const version = spec.slice(spec.lastIndexOf("@") + 1);
      const path = `${root}node_modules/${packagePath(key).join("/node_modules/")}/package.json`;
      if (!existsSync(path)) continue; // optional packages for other platforms
      checked++;
      const installed = JSON.parse(readFileSync(path, "utf8")).version;
      if (installed !== version) mismatches.push(`${key}: installed ${installed}, bun.lock ${version}`);
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(10);
  });

  test("dependencies are pinned to exact versions", () => {
    const pkg = JSON.parse(readFileSync(`${root}package.json`, "utf8"));
    for (const deps of [pkg.dependencies, pkg.devDependencies]) {
      for (const [name, version] of Object.entries<string>(deps)) expect(`${name}@${version}`).toMatch(/@\d+\.\d+\.\d+$/);
    }
  });
});

/** bun.lock's "a/@s/b" is package @s/b nested under package a. */
function packagePath(key: string): string[] {
  const parts = key.split("/");
  const names: string[] = [];
  for (let i = 0; i < parts.length; i++) names.push(parts[i]!.startsWith("@") ? `${parts[i]}/${parts[++i]}` : parts[i]!);
  return names;
}
