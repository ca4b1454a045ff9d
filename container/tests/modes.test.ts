// The image's one-shot and piped modes, exit statuses and hardened runs, through `docker run`.
import { describe, expect, setDefaultTimeout, test } from "bun:test";
import { calc, HARDENED } from "./docker.ts";

// a container start is a fraction of a second, a cold one on a loaded 2-core machine a few seconds
setDefaultTimeout(60_000);

describe("docker run calc …: one-shot", () => {
  test("docker run --rm calc 20 - 5 prints 15", () => {
    expect(calc(["20", "-", "5"])).toEqual({ out: "15\n", err: "", code: 0 });
  });

  test("options and exact arithmetic reach the program", () => {
    expect(calc(["2^100"]).out).toBe("1267650600228229401496703205376\n");
    expect(calc(["-p", "30", "sqrt(2)"]).out).toBe("1.41421356237309504880168872421\n");
    expect(calc(["--json", "1/4"]).out).toBe('{"input":"1/4","value":"0.25","exact":true}\n');
    expect(calc(["--version"]).out).toMatch(/^calc 0\.1\.0\n$/);
  });

  test("exit statuses pass through: 1 for an error, 2 for a usage error", () => {
    const error = calc(["1/0"]);
    expect(error.code).toBe(1);
    expect(error.out).toBe("");
    expect(error.err).toBe("1/0\n ^~ division by zero\n");
    const usage = calc(["--bogus"]);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain("unknown option '--bogus'");
  });
});

describe("echo … | docker run -i calc: piped", () => {
  test("echo '1+2' | docker run -i --rm calc prints 3", () => {
    expect(calc([], { stdin: "1+2\n" })).toEqual({ out: "3\n", err: "", code: 0 });
  });

  test("a script: variables carry over, an error is reported by line and the status is 1", () => {
    const result = calc([], { stdin: "x = 3\nx * 2\n1/0\n2^10\n" });
    expect(result.out).toBe("3\n6\n1024\n");
    expect(result.err).toBe("line 3: division by zero\n  1/0\n   ^~\n");
    expect(result.code).toBe(1);
  });
});

describe("dates and time zones (issue 19): the executable carries the IANA zone data", () => {
  // (the value is Python zoneinfo's too: tests/oracles/dates.test.ts judges the same example)
  test("docker run --rm --network none calc '2024-07-31T13:24:00Z to Europe/Berlin'", () => {
    expect(calc(["2024-07-31T13:24:00Z to Europe/Berlin"])).toEqual({ out: "2024-07-31T15:24:00+02:00[Europe/Berlin]\n", err: "", code: 0 });
  });

  test("today reads TZ; now the clock (fixed here as the tests fix it)", () => {
    const flags = ["-e", "CALC_TEST_NOW=2026-12-04T23:30:00Z", "-e", "TZ=Asia/Tokyo"];
    expect(calc(["today"], { flags })).toEqual({ out: "2026-12-05\n", err: "", code: 0 });
    expect(calc(["now"], { flags })).toEqual({ out: "2026-12-04T23:30:00Z\n", err: "", code: 0 });
  });
});

describe("hardened: --read-only --cap-drop ALL --security-opt no-new-privileges --network none", () => {
  test("one-shot", () => {
    expect(calc(["20", "-", "5"], { flags: HARDENED })).toEqual({ out: "15\n", err: "", code: 0 });
    expect(calc(["1/0"], { flags: HARDENED }).code).toBe(1);
  });

  test("piped", () => {
    expect(calc([], { stdin: "1+2\nans * 10\n", flags: HARDENED })).toEqual({ out: "3\n30\n", err: "", code: 0 });
  });
});
