// Unit conversions against an independent fixture: tests/fixtures/units/conversions.json, written by
// tests/fixtures/units/generate.py from its own table of legal definitions (exact fractions, each with
// its source), cross-checked against GNU units, with calc's number formatting implemented in Python.
// Every input goes through one piped `dist/calc --json`; all mismatches are collected and shown at once.
import { describe, expect, test } from "bun:test";
import { calc, root, useBinary } from "../support/binary.ts";
import { calcProcess, type CalcAnswer } from "../support/processes.ts";

useBinary();

interface Case {
  input: string;
  value: string;
  exact: boolean;
  category: string;
}

interface Fixture {
  cross_checked_with: string | null;
  cases: Case[];
}

const path = `${root}tests/fixtures/units/conversions.json`;
const fixture = (await Bun.file(path).json()) as Fixture;

/** Every category the fixture must cover. */
const categories = [
  "length",
  "mass",
  "time",
  "temperature",
  "amount",
  "current",
  "luminous",
  "area",
  "volume",
  "speed",
  "acceleration",
  "force",
  "energy",
  "power",
  "pressure",
  "frequency",
  "electricity",
  "information",
  "angle",
  "ratio",
  "compound",
  "light",
  "radiation",
  "chemistry",
  "viscosity",
  "prefixes",
];

describe("unit conversions: tests/fixtures/units/conversions.json", () => {
  test("the fixture has at least 700 cross-checked cases covering every category", () => {
    expect(fixture.cases.length).toBeGreaterThanOrEqual(700);
    // regenerated without GNU units, the fixture says so: the committed one must have been checked
    expect(fixture.cross_checked_with).toMatch(/GNU Units/i);
    const seen = new Set(fixture.cases.map((c) => c.category));
    expect(categories.filter((c) => !seen.has(c))).toEqual([]);
    expect([...seen].filter((c) => !categories.includes(c))).toEqual([]);
    const inputs = fixture.cases.map((c) => c.input);
    expect(inputs.length - new Set(inputs).size).toBe(0);
    // value = number, then the target unit as written (right after the number for % and °)
    const malformed = fixture.cases.filter((c) => {
      const target = c.input.split(" to ")[1];
      if (target === undefined) return true;
      const spacing = target === "%" || target === "°" ? "" : " ";
      const number = c.value.slice(0, c.value.length - spacing.length - target.length);
      return !c.value.endsWith(spacing + target) || !/^-?\d+(\.\d+)?(e-?\d+)?$/.test(number);
    });
    expect(malformed).toEqual([]);
  });

  test("calc prints every case's value and exactness", async () => {
    // the fixture is written at 20 digits (generate.py's PRECISION)
    const proc = calcProcess(calc, ["-p", "20"]);
    const mismatches: { input: string; category: string; expected: unknown; got: unknown }[] = [];
    for (const c of fixture.cases) {
      const expected = { value: c.value, exact: c.exact };
      let line: string;
      try {
        line = await proc.ask(c.input);
      } catch (error) {
        mismatches.push({ input: c.input, category: c.category, expected, got: `calc ended: ${error}` });
        break; // nothing after this would be answered
      }
      let answer: CalcAnswer;
      try {
        answer = JSON.parse(line) as CalcAnswer;
      } catch {
        mismatches.push({ input: c.input, category: c.category, expected, got: `not JSON: ${line}` });
        continue;
      }
      if (answer.input !== c.input) {
        mismatches.push({ input: c.input, category: c.category, expected, got: `an answer to ${JSON.stringify(answer.input)}` });
        break; // out of step with calc: every later answer would be someone else's
      }
      const got = "error" in answer ? `${answer.kind} error: ${answer.error}` : { value: answer.value, exact: answer.exact };
      if (typeof got === "string" || got.value !== c.value || got.exact !== c.exact) {
        mismatches.push({ input: c.input, category: c.category, expected, got });
      }
    }
    if (mismatches.length > 0) console.log(`${mismatches.length} of ${fixture.cases.length} unit conversions differ`);
    expect(mismatches).toEqual([]);
  }, 120_000);
});
