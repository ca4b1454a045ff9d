// "Did you mean" for a unit never changes what was measured (issue 18 §4): every near miss of every unit
// name in the table is suggested that unit, another spelling of it, or nothing (src/suggest.ts has the rule).
import { describe, expect, setDefaultTimeout, test } from "bun:test";
import { builtins } from "../../src/builtins.ts";
import { suggestName } from "../../src/suggest.ts";
import { ambiguousUnit, lookupUnit, unitNames, type NamedUnit } from "../../src/units.ts";

// near misses of 772 unit names take about 3 s, more on a busy machine
setDefaultTimeout(60_000);

const KEYWORDS = new Set(["to", "of", "and", "or", "not", "if", "then", "else", "true", "false", "mod"]);

/** A name with one letter dropped, two neighbours swapped, one letter in the other case, a plural `s` added or taken off. */
function nearMisses(name: string): string[] {
  const letters = [...name];
  const misses: string[] = [];
  for (let i = 0; i < letters.length; i++) {
    misses.push([...letters.slice(0, i), ...letters.slice(i + 1)].join(""));
    if (i + 1 < letters.length) misses.push([...letters.slice(0, i), letters[i + 1], letters[i], ...letters.slice(i + 2)].join(""));
    const other = letters[i] === letters[i]!.toLowerCase() ? letters[i]!.toUpperCase() : letters[i]!.toLowerCase();
    if (other !== letters[i]) misses.push([...letters.slice(0, i), other, ...letters.slice(i + 1)].join(""));
  }
  misses.push(`${name}s`);
  if (name.endsWith("s")) misses.push(name.slice(0, -1));
  return [...new Set(misses)].filter((miss) => miss !== "" && miss !== name);
}

/** The same unit: the same dimension and the same factor to the SI unit (and the same scale's zero). */
function sameUnit(a: NamedUnit, b: NamedUnit): boolean {
  return (
    a.dimension.join() === b.dimension.join() &&
    a.factor.num === b.factor.num &&
    a.factor.den === b.factor.den &&
    a.piPower === b.piPower &&
    a.kind.offset?.num === b.kind.offset?.num
  );
}

const names = [...builtins.keys()];

describe("suggestions for near misses of unit names", () => {
  test("over the whole table: the unit meant, another spelling of it, two units as typed, or nothing", () => {
    const wrong: string[] = [];
    let misses = 0;
    let suggested = 0;
    for (const intended of unitNames()) {
      const unit = lookupUnit(intended)!;
      for (const miss of nearMisses(intended)) {
        // a near miss that is itself a name means that (ms is the millisecond, not a mistyped m)
        if (lookupUnit(miss) || builtins.has(miss) || KEYWORDS.has(miss) || ambiguousUnit(miss) || miss.length < 2) continue;
        misses++;
        const suggestion = suggestName(miss, names);
        if (suggestion === undefined) continue;
        suggested++;
        // two units written as one word are read letter for letter as typed: Nm is N*m (not nm), kmh km/h
        if (/[*/]/.test(suggestion)) {
          if (suggestion.replace(/[*/]/, "") !== miss) wrong.push(`${intended} → ${miss} → ${suggestion}`);
          continue;
        }
        const meant = lookupUnit(suggestion);
        // a function or constant is no unit of another dimension
        // (a miss that is the plural of another unit's symbol, `ins` from mins, is read as that plural: rule 1)
        if (miss === `${suggestion}s`) continue;
        if (meant === undefined ? !builtins.has(suggestion) : !sameUnit(meant, unit)) wrong.push(`${intended} → ${miss} → ${suggestion}`);
      }
    }
    expect(wrong).toEqual([]);
    console.log(`${misses} near misses of ${unitNames().length} unit names, ${suggested} suggested`);
    // the rule still helps: most near misses get their unit back
    expect(misses).toBeGreaterThan(1000);
    expect(suggested / misses).toBeGreaterThan(0.5);
  });

  test("the issue's cases: kph is not kWh, mins not mi/ns, Mb not MB", () => {
    // the three are units of the table now (the kilometre per hour, the minute, the megabit): never suggested away
    expect([lookupUnit("kph")?.kind.longName, lookupUnit("mins")?.kind.longName, lookupUnit("Mb")?.kind.longName]).toEqual(["kilometre per hour", "minute", "bit"]);
    // and their near misses are not read as a unit of another dimension
    expect(suggestName("kpj", names)).toBeUndefined();
    expect(suggestName("ams", names)).toBeUndefined();
    expect(suggestName("mw", names)).toBeUndefined();
    // kwh is one edit from kWh, and from kph too: nothing is likely right
    expect(suggestName("kwh", names)).toBeUndefined();
    // a name of two letters is one edit from too many units: KM is also K, KG also K
    expect(suggestName("KM", names)).toBeUndefined();
  });

  test("what is likely right is still suggested", () => {
    const cases: [string, string][] = [
      ["kmh", "km/h"],
      ["Nm", "N*m"],
      ["kms", "km"],
      ["ins", "in"],
      ["kWhs", "kWh"],
      ["metr", "metre"],
      ["secnd", "second"],
      ["inh", "in"],
      ["watthour", "watt_hour"],
      ["mAh", "mA*h"],
      ["fahrenheight", "fahrenheit"],
      ["sqr", "sqrt"],
      ["pii", "pi"],
    ];
    expect(cases.map(([miss]) => [miss, suggestName(miss, names)])).toEqual(cases);
  });

  test("one letter is a variable not yet defined, not a unit in the other case", () => {
    expect(suggestName("a", names)).toBeUndefined();
    expect(suggestName("k", names)).toBeUndefined();
  });
});
